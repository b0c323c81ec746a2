import { accessSync, constants, mkdirSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { DatabaseUrlError, parseDatabaseUrl } from '../database-url.js';
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
  /** Called when the file's folder did not exist and was created (with its absolute path), so the caller can say so. */
  onCreateFolder?: (path: string) => void;
  /**
   * How many matches of a search are ranked (default `SEARCH_RANK_WINDOW`, 1,000); tests set a small
   * one to page past it on a small catalogue.
   */
  searchRankWindow?: number;
}

/**
 * Opens (creating if needed) a SQLite database in WAL mode, applies pending migrations
 * and returns the store over it.
 *
 * @throws {DatabaseUrlError} for a URL that is not SQLite, or a path the server cannot use: a folder,
 * a file that is not a SQLite database, a folder it cannot create, or a file or folder it may not
 * read and write (the message names `DATABASE_URL` and the path, in one line).
 * @throws when the file was migrated by a newer build or a migration fails; nothing is
 * half-applied and the file is closed again.
 */
export function openSqliteStore(options: SqliteStoreOptions): StoryStore {
  const location = parseDatabaseUrl(options.url);
  if (location.dialect !== 'sqlite') throw new DatabaseUrlError(`openSqliteStore needs a sqlite: URL`);
  const { filename } = location;
  if (filename !== ':memory:') {
    try {
      prepareLocation(options.url, filename, options.onCreateFolder);
    } catch (error) {
      if (error instanceof DatabaseUrlError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new DatabaseUrlError(`DATABASE_URL "${options.url}": cannot reach ${resolve(filename)} (${code})`);
    }
  }
  let file: Database.Database | undefined;
  try {
    file = new Database(filename);
    file.pragma('journal_mode = WAL');
  } catch (error) {
    file?.close();
    throw unusableFile(options.url, filename, error);
  }
  try {
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
  return createSqliteStoryStore(
    db,
    reads,
    async () => {
      await db.destroy();
      if (file.open) file.close();
    },
    options.searchRankWindow,
  );
}

/**
 * Checks what can be checked before SQLite opens `filename`, so that a path the server cannot use
 * ends in one line naming it rather than a driver error: creates a missing folder (telling
 * `onCreateFolder`), refuses a folder, and a file or folder the process may not write.
 */
function prepareLocation(url: string, filename: string, onCreateFolder?: (path: string) => void): void {
  const path = resolve(filename);
  const folder = dirname(path);
  const file = existing(path);
  if (file?.isDirectory()) {
    throw new DatabaseUrlError(
      `DATABASE_URL "${url}" names the folder ${path}, not a file: name a file in it, e.g. sqlite:${path}/stories.db`,
    );
  }
  const parent = existing(folder);
  if (parent && !parent.isDirectory()) {
    throw new DatabaseUrlError(`DATABASE_URL "${url}": ${folder} is a file, not a folder`);
  }
  if (!parent) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new DatabaseUrlError(
        `DATABASE_URL "${url}": cannot create the folder ${folder} (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    onCreateFolder?.(folder);
  }
  const denied = (path: string, mode: number) => {
    try {
      accessSync(path, mode);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
  };
  // SQLite writes the -wal and -shm files beside the database, so the folder must be writable too.
  const folderDenied = denied(folder, constants.W_OK | constants.X_OK);
  if (folderDenied) {
    throw new DatabaseUrlError(
      `DATABASE_URL "${url}": no permission to create files in ${folder}, where the database and its -wal file go (${folderDenied})`,
    );
  }
  const fileDenied = file && denied(path, constants.R_OK | constants.W_OK);
  if (fileDenied) {
    throw new DatabaseUrlError(`DATABASE_URL "${url}": no permission to read and write ${path} (${fileDenied})`);
  }
}

/** What is at `path`, or undefined when nothing is (or a file stands where a folder on the way should be). */
function existing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The one-line error for a file SQLite would not open as a database. */
function unusableFile(url: string, filename: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const path = resolve(filename);
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseUrlError(
      `DATABASE_URL "${url}" names ${path}, which is not a SQLite database: point it at a new path or a database file`,
    );
  }
  return new DatabaseUrlError(
    `DATABASE_URL "${url}": cannot open ${path} as a database (${code}: ${(error as Error).message})`,
  );
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
