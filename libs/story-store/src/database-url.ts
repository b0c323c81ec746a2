/** Where the stories live, as `DATABASE_URL` names it. */
export type DatabaseLocation =
  | {
      dialect: 'sqlite';
      /** A file path, or `:memory:`. */
      filename: string;
    }
  | {
      dialect: 'postgres';
      /** The connection URL as given (`postgres://user:password@host:5432/database`). */
      url: string;
      /** Host and database, for logs and `/health`: never the password. */
      display: string;
    };

/** Thrown for a `DATABASE_URL` no store can open; the message names the variable and valid values. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

const VALID = 'sqlite:<path>, sqlite::memory: or postgres://user:password@host:5432/database';

/**
 * Reads `DATABASE_URL`, the one parser the API's configuration and the stores share:
 * `sqlite:./data/stories.db` (relative), `sqlite:///var/lib/stories.db` (absolute),
 * `sqlite::memory:`, or a PostgreSQL URL (`postgres://` or `postgresql://`, naming a host and a database).
 *
 * @throws {DatabaseUrlError} for any other URL, or one that names no file, host or database.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return parsePostgresUrl(url);
  if (!url.startsWith('sqlite:')) {
    throw new DatabaseUrlError(`DATABASE_URL must be ${VALID}, got "${redact(url)}"`);
  }
  const path = url.slice('sqlite:'.length);
  const filename = path.startsWith('//') ? path.slice(2) : path;
  if (!filename) {
    throw new DatabaseUrlError(`DATABASE_URL "${url}" names no file: use sqlite:./data/stories.db or sqlite::memory:`);
  }
  return { dialect: 'sqlite', filename };
}

function parsePostgresUrl(url: string): DatabaseLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(`DATABASE_URL "${redact(url)}" is not a valid URL: use ${VALID}`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database) {
    throw new DatabaseUrlError(
      `DATABASE_URL "${redact(url)}" must name a host and a database: postgres://user:password@host:5432/database`,
    );
  }
  return { dialect: 'postgres', url, display: `postgres://${parsed.host}/${database}` };
}

/** The URL with any password replaced, for messages. */
function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
