import { ChangeListeners } from '../change/content-change.js';
import { kyselyRunner } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import { parseDatabaseUrl } from '../database-url.js';
import type { StoryStore } from '../store.types.js';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.js';
import { ChangeChannel, everything } from './notifications.js';
import { createPostgresStoryStore } from './postgres-story.store.js';

/** Connections per store (`DATABASE_POOL_SIZE`): enough to overlap a few requests' reads on 2 cores. */
export const DEFAULT_POOL_SIZE = 5;

/** Options for {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `DATABASE_URL`: `postgres://user:password@host:5432/database` (see {@link parseDatabaseUrl}). */
  url: string;
  /** Connections in the pool (`DATABASE_POOL_SIZE`); default {@link DEFAULT_POOL_SIZE}. */
  poolSize?: number;
  /**
   * The schema the tables live in, created if missing; default the database's `search_path`
   * (`public`). Stores of different schemas on one database are apart, notifications included.
   */
  schema?: string;
  /** Called with each SQL statement after it ran, migrations included; tests count them, debugging logs them. */
  onStatement?: (sql: string) => void;
  /** Longest wait for a connection; default 10 s. */
  connectTimeoutMs?: number;
  /** Where the store reports a dropped change listener (default stderr). */
  log?: (message: string) => void;
  /**
   * How many matches of a search are ranked (default `SEARCH_RANK_WINDOW`, 1,000); tests set a small
   * one to page past it on a small catalogue.
   */
  searchRankWindow?: number;
}

/** Thrown when the server cannot be reached or refuses the login: one line naming it, never the password. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/**
 * bigint (epoch milliseconds, counts) as a number: every value the store keeps in one is far
 * below 2^53. Other types as pg parses them.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connects a pool to PostgreSQL, applies pending migrations (under an advisory lock, so replicas
 * starting together migrate once), starts listening for other stores' changes, and returns the store.
 *
 * @throws {DatabaseUrlError} for a URL that is not PostgreSQL.
 * @throws {DatabaseUnreachableError} when the server cannot be reached or refuses the login.
 * @throws when the database was migrated by a newer build or a migration fails; the pool is closed again.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<StoryStore> {
  const location = parseDatabaseUrl(options.url);
  if (location.dialect !== 'postgres') throw new Error(`openPostgresStore needs a postgres:// URL`);
  const client: pg.ClientConfig = {
    connectionString: location.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    types,
    application_name: 'devops-stories',
    ...(options.schema ? { options: `-c search_path=${pg.escapeIdentifier(options.schema)}` } : {}),
  };
  const log = options.log ?? ((message: string) => console.error(message));
  const pool = new pg.Pool({ ...client, max: options.poolSize ?? DEFAULT_POOL_SIZE });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', (error) => log(`story-store: idle PostgreSQL connection lost: ${error.message}`));
  const onStatement = options.onStatement;
  const db = new Kysely<StoryDatabase>({
    dialect: new PostgresDialect({ pool }),
    log: onStatement ? (event) => onStatement(event.query.sql) : undefined,
  });
  const listeners = new ChangeListeners();
  const channel = new ChangeChannel({
    client,
    channel: options.schema ? `story_store_changes:${options.schema}` : 'story_store_changes',
    listeners,
    everything: () => everything(db),
    log,
  });
  try {
    await reach(pool, location.display);
    if (options.schema) await ensureSchema(pool, options.schema);
    await migrate(db);
    await channel.start();
  } catch (error) {
    await channel.close();
    await db.destroy();
    throw error;
  }
  return createPostgresStoryStore(
    db,
    kyselyRunner(db),
    listeners,
    channel,
    async () => {
      await channel.close();
      await db.destroy();
    },
    options.searchRankWindow,
  );
}

/** One round trip, so that an unreachable server or a refused login fails the open with one clear line. */
async function reach(pool: pg.Pool, display: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
    throw new DatabaseUnreachableError(`cannot reach PostgreSQL at ${display}: ${reason ?? 'unknown error'}`);
  }
}

async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    // Under the migrations' lock: two stores creating one schema at once would race.
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('story-store:migrate'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
