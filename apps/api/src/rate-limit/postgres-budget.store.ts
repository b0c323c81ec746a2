import pg from 'pg';
import { BUDGET_WINDOW_SECONDS, type BudgetPolicy, type BudgetStore, type BudgetTake } from './budget-store.js';

/** Options of {@link openPostgresBudgetStore}. */
export interface PostgresBudgetStoreOptions {
  /** The PostgreSQL database every replica uses (`DATABASE_URL`). */
  url: string;
  /** Points a bucket holds at most, and refills per window (`RATE_LIMIT_POINTS`). */
  capacity: number;
  /** Seconds a drained bucket takes to refill; {@link BUDGET_WINDOW_SECONDS} by default. */
  windowSeconds?: number;
  /** Connections of the store's own pool; 2 by default. */
  poolSize?: number;
  /** The table the buckets live in; `rate_limit_budgets` by default. */
  tableName?: string;
}

/** Milliseconds a take may wait for a connection, or for its statement, before it fails (and the request is served). */
const TAKE_TIMEOUT_MS = 2_000;

/**
 * Token buckets in a PostgreSQL table, shared by every replica on the database: each take is
 * one `INSERT … ON CONFLICT DO UPDATE` that refills the stored level for the time since it was
 * last charged (on the database's clock, so replicas' clocks need not agree) and takes the points
 * if they are there. PostgreSQL runs it under the row's lock, re-reading the row a concurrent
 * take just wrote, so concurrent takes from any number of replicas never take more than the
 * bucket held. The table is `UNLOGGED` (a crash of the server refills every bucket, which is
 * harmless) and rows of buckets charged a window ago, full by then, are deleted once a window.
 */
export class PostgresBudgetStore implements BudgetStore {
  readonly policy: BudgetPolicy;
  readonly #pool: pg.Pool;
  readonly #take: string;
  readonly #sweep: string;
  readonly #sweeper: NodeJS.Timeout;

  /** Use {@link openPostgresBudgetStore}, which creates the table first. */
  constructor(pool: pg.Pool, policy: BudgetPolicy, table: string) {
    this.policy = policy;
    this.#pool = pool;
    const name = pg.escapeIdentifier(table);
    // $1 key, $2 points, $3 capacity, $4 points refilled per second.
    const refilled = `least($3::float8, b.level + greatest(0, extract(epoch FROM statement_timestamp() - b.charged_at)::float8) * $4::float8)`;
    this.#take = `INSERT INTO ${name} AS b (key, level, granted, charged_at)
      VALUES ($1, $3::float8 - $2::float8, true, statement_timestamp())
      ON CONFLICT (key) DO UPDATE SET
        level = CASE WHEN ${refilled} >= $2::float8 THEN ${refilled} - $2::float8 ELSE ${refilled} END,
        granted = ${refilled} >= $2::float8,
        charged_at = greatest(b.charged_at, statement_timestamp())
      RETURNING level, granted`;
    this.#sweep = `DELETE FROM ${name} WHERE charged_at < statement_timestamp() - make_interval(secs => $1)`;
    this.#sweeper = setInterval(() => void this.sweep().catch(() => undefined), policy.windowSeconds * 1000);
    this.#sweeper.unref();
  }

  async take(key: string, points: number): Promise<BudgetTake> {
    const { rows } = await this.#pool.query<{ level: number; granted: boolean }>({
      text: this.#take,
      values: [key, points, this.policy.capacity, this.policy.capacity / this.policy.windowSeconds],
    });
    const [row] = rows;
    if (!row) throw new Error('the budget statement returned no row');
    return { granted: row.granted, level: row.level };
  }

  /** Deletes the buckets charged a window or more ago (each is full by now); resolves how many. */
  async sweep(): Promise<number> {
    const { rowCount } = await this.#pool.query(this.#sweep, [this.policy.windowSeconds]);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    await this.#pool.end();
  }
}

/**
 * The pool a {@link PostgresBudgetStore} takes on `url`: a take waits at most
 * {@link TAKE_TIMEOUT_MS} for a connection and as long for its answer, then fails (and the
 * request is served), so a database that stops answering never holds requests.
 */
export function budgetPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    application_name: 'devops-stories-budgets',
    connectionTimeoutMillis: TAKE_TIMEOUT_MS,
    query_timeout: TAKE_TIMEOUT_MS,
  });
  // An idle connection the server drops is replaced on the next take; there is nothing to do here.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Opens the budget store replicas on the PostgreSQL database at `url` share, on a pool of its
 * own, creating its table if missing (under an advisory lock, so replicas starting together do
 * not race to create it).
 */
export async function openPostgresBudgetStore(options: PostgresBudgetStoreOptions): Promise<PostgresBudgetStore> {
  const table = options.tableName ?? 'rate_limit_budgets';
  const pool = budgetPool(options.url, options.poolSize ?? 2);
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('devops-stories:budgets'))`);
      await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${pg.escapeIdentifier(table)} (
        key text PRIMARY KEY,
        level double precision NOT NULL,
        granted boolean NOT NULL,
        charged_at timestamptz NOT NULL
      )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresBudgetStore(
    pool,
    { capacity: options.capacity, windowSeconds: options.windowSeconds ?? BUDGET_WINDOW_SECONDS },
    table,
  );
}
