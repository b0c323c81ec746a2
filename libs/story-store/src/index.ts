export { type DatabaseLocation, DatabaseUrlError, parseDatabaseUrl } from './database-url.js';
export { writeProblem } from './db/writable.js';
export { importProgressLine, importProgressReporter, type ImportProgressOptions } from './import/import-progress.js';
export { openStore, type StoreOptions } from './open-store.js';
export {
  DatabaseUnreachableError,
  DEFAULT_POOL_SIZE,
  openPostgresStore,
  type PostgresStoreOptions,
} from './postgres/open.js';
export { SEARCH_RANK_WINDOW } from './db/search-window.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/open.js';
export type * from './store.types.js';
