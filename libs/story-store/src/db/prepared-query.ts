import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { StoryDatabase } from './story-database.js';

const SLOT = Symbol('slot');

interface Slot {
  readonly [SLOT]: string;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && SLOT in value;
}

/** Values a query binds on each run, by name. */
type Values = object;

/**
 * What `build` sees: a stand-in for every value, present whether or not a run gives
 * that value, since the shape decides which ones the query uses (and a run that
 * leaves out a value its shape uses fails).
 */
export type StandIns<V extends Values> = { [K in keyof V]-?: NonNullable<V[K]> };

/**
 * Where compiled reads run: the Kysely instance they are built and compiled for, and how
 * one compiled statement is executed. A backend may execute some reads its own way (the
 * SQLite store runs them straight on a prepared statement when no transaction is open);
 * {@link kyselyRunner} runs everything through Kysely's driver.
 */
export interface QueryRunner {
  kysely: Kysely<StoryDatabase>;
  run(sql: string, parameters: readonly unknown[]): unknown[] | Promise<unknown[]>;
}

/** Runs compiled queries through Kysely's own driver. */
export function kyselyRunner(kysely: Kysely<StoryDatabase>): QueryRunner {
  return {
    kysely,
    async run(sql, parameters) {
      return (await kysely.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows;
    },
  };
}

/**
 * A query built and compiled once per database and shape, then run with new values:
 * the hot read path pays neither Kysely's builder nor its compiler per request, and
 * the driver sees the same SQL text each time (so its prepared statement is reused).
 *
 * `build` receives a stand-in for each value, to put where Kysely takes a value
 * (`eb('id', '=', values.id)`, `sql\`… ${values.keys} …\``), never where a value
 * changes the SQL text (an `in` list, `sql.raw`); such choices go in `shape`, and
 * each distinct shape is compiled once.
 *
 * ```ts
 * const byIds = preparedQuery<{ keys: string }>()((db, v, view: StoryView) => db.selectFrom(…).where(inKeys('id', v.keys)));
 * const rows = await byIds(runner, { keys: keyList(ids) }, 'published');
 * ```
 */
export function preparedQuery<V extends Values = Record<never, never>>() {
  return <Row, S = void>(
    build: (db: Kysely<StoryDatabase>, values: StandIns<V>, shape: S) => Compilable<Row>,
  ): ((runner: QueryRunner, values: V, shape: S) => Promise<Row[]>) => {
    const compiled = new WeakMap<Kysely<StoryDatabase>, Map<string, { sql: string; parameters: unknown[] }>>();
    const standIns = new Proxy({} as StandIns<V>, {
      get: (_target, name) => ({ [SLOT]: String(name) }) satisfies Slot,
    });
    return async ({ kysely, run }, values, shape) => {
      let shapes = compiled.get(kysely);
      if (!shapes) compiled.set(kysely, (shapes = new Map()));
      const key = typeof shape === 'object' && shape !== null ? JSON.stringify(shape) : String(shape);
      let query = shapes.get(key);
      if (!query) {
        const { sql, parameters } = build(kysely, standIns, shape).compile();
        query = { sql, parameters: [...parameters] };
        shapes.set(key, query);
      }
      // The rows are those the compiled query selects: `Row` is what Kysely inferred for it.
      return (await run(
        query.sql,
        query.parameters.map((p) => (isSlot(p) ? bind(values, p[SLOT]) : p)),
      )) as Row[];
    };
  };
}

function bind(values: Values, name: string): unknown {
  const value = (values as Record<string, unknown>)[name];
  if (value === undefined) throw new Error(`prepared query: no value for "${name}"`);
  return value;
}
