/** Where the stories live, as `DATABASE_URL` names it. */
export interface DatabaseLocation {
  dialect: 'sqlite';
  /** A file path, or `:memory:`. */
  filename: string;
}

/** Thrown for a `DATABASE_URL` no store can open; the message names the variable and valid values. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/**
 * Reads `DATABASE_URL`, the one parser the API's configuration and the stores share:
 * `sqlite:./data/stories.db` (relative), `sqlite:///var/lib/stories.db` (absolute) or
 * `sqlite::memory:`.
 *
 * @throws {DatabaseUrlError} for any other URL, or one that names no file.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (!url.startsWith('sqlite:')) {
    throw new DatabaseUrlError(
      `DATABASE_URL must be sqlite:<path> or sqlite::memory: (PostgreSQL is not supported yet), got "${url}"`,
    );
  }
  const path = url.slice('sqlite:'.length);
  const filename = path.startsWith('//') ? path.slice(2) : path;
  if (!filename) {
    throw new DatabaseUrlError(`DATABASE_URL "${url}" names no file: use sqlite:./data/stories.db or sqlite::memory:`);
  }
  return { dialect: 'sqlite', filename };
}
