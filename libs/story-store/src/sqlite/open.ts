import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { parseDatabaseUrl } from '../database-url.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { StoryStore } from '../store.types.js';
import { kyselyRunner, type QueryRunner } from '../db/prepared-query.js';
import { migrations } from './migrations.js';
import { createSqliteStoryStore } from './sqlite-story.store.js';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** `DATABASE_URL`: `sqlite:<path>` or `sqlite::memory:` (see {@link parseDatabaseUrl}). */
  url: string;
  /** Called with each SQL statement before it runs, migrations included; tests count them, debugging logs them. */
  onStatement?: (sql: string) => void;
}

/**
 * Opens (creating if needed) a SQLite database in WAL mode, applies pending migrations
 * and returns the store over it.
 *
 * @throws {DatabaseUrlError} for a URL that is not SQLite.
 * @throws when the file cannot be opened, was migrated by a newer build, or a migration
 * fails; nothing is half-applied and the file is closed again.
 */
export function openSqliteStore(options: SqliteStoreOptions): StoryStore {
  const { filename } = parseDatabaseUrl(options.url);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const file = new Database(filename);
  try {
    file.pragma('journal_mode = WAL');
    // FULL: in WAL mode NORMAL may lose the last commits on power loss; an acknowledged import must survive.
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    migrate(file, options.onStatement);
  } catch (error) {
    file.close();
    throw error;
  }
  const database = reusingStatements(file, options.onStatement);
  const db = new Kysely<StoryDatabase>({ dialect: new SqliteDialect({ database }) });
  const viaKysely = kyselyRunner(db);
  const reads: QueryRunner = {
    kysely: db,
    // Compiled reads run on their prepared statement at once, skipping the driver's queue
    // (about 2 µs a statement), but only outside a transaction: while an import holds
    // Kysely's one connection, a read waits for its commit and never sees half of it.
    run: (sql, parameters) =>
      file.inTransaction ? viaKysely.run(sql, parameters) : database.prepare(sql).all(parameters),
  };
  return createSqliteStoryStore(db, reads, async () => {
    await db.destroy();
    if (file.open) file.close();
  });
}

/**
 * Applies the migrations this database has not run, in one transaction;
 * `PRAGMA user_version` records how many ran.
 */
function migrate(file: Database.Database, onStatement?: (sql: string) => void): void {
  const current = file.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database is at schema version ${current}, newer than this build knows (${migrations.length})`);
  }
  // Nothing pending: no write at all, so opening leaves the file as it was.
  if (current === migrations.length) return;
  file.transaction(() => {
    for (let v = current; v < migrations.length; v++) {
      onStatement?.(migrations[v]);
      file.exec(migrations[v]);
    }
    file.pragma(`user_version = ${migrations.length}`);
  })();
}

/**
 * The database as Kysely's SQLite driver sees it, with one prepared statement per SQL
 * text, reused: the driver prepares on every query, and preparing costs more than
 * running most of the store's reads.
 */
function reusingStatements(file: Database.Database, onStatement?: (sql: string) => void): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      onStatement?.(sql);
      let statement = statements.get(sql);
      if (!statement) {
        statement = file.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      if (file.open) file.close();
    },
  };
}
