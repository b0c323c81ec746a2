export { openSqliteStore, type SqliteStoreOptions, sqliteFilename } from './sqlite/sqlite-story.store.js';
export type * from './store.types.js';
