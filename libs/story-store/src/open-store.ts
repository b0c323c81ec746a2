import { parseDatabaseUrl } from './database-url.js';
import { openPostgresStore } from './postgres/open.js';
import { openSqliteStore } from './sqlite/open.js';
import type { StoryStore } from './store.types.js';

/** Options for {@link openStore}. */
export interface StoreOptions {
  /** `DATABASE_URL`: SQLite (`sqlite:<path>`, `sqlite::memory:`) or PostgreSQL (`postgres://…`). */
  url: string;
  /** PostgreSQL's pool size (`DATABASE_POOL_SIZE`); SQLite has one connection. */
  poolSize?: number;
  /** Called with each SQL statement; tests count them, debugging logs them. */
  onStatement?: (sql: string) => void;
  /** SQLite: called with the folder of the database file when it had to be created. */
  onCreateFolder?: (path: string) => void;
}

/**
 * Opens the store `DATABASE_URL` names: an embedded SQLite file, or a PostgreSQL database that
 * several API replicas share. Either is migrated before it is returned.
 *
 * @throws {DatabaseUrlError} for a URL neither backend takes.
 * @throws {DatabaseUnreachableError} when a PostgreSQL server cannot be reached.
 */
export async function openStore(options: StoreOptions): Promise<StoryStore> {
  const location = parseDatabaseUrl(options.url);
  return location.dialect === 'postgres'
    ? openPostgresStore({ url: options.url, poolSize: options.poolSize, onStatement: options.onStatement })
    : openSqliteStore({ url: options.url, onStatement: options.onStatement, onCreateFolder: options.onCreateFolder });
}
