import { createServer, type Server, type Socket } from 'node:net';
import { type TestDatabase, testDatabase } from '@devops-stories/test-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { postGraphql } from '../test/http.js';
import { createTestServer, logCollector } from '../test/test-server.js';
import { LeasedBudgetStore } from './leased-budget.store.js';
import { budgetPool, openPostgresBudgetStore, PostgresBudgetStore } from './postgres-budget.store.js';

/** Costs 1 + 99 × (1 + 1) = 199 points. */
const COSTS_199 = '{ stories(first: 99) { nodes { slug company { name } } } }';

describe('PostgresBudgetStore (token buckets replicas share)', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  const opened: PostgresBudgetStore[] = [];
  const open = async (capacity: number) => {
    const store = await openPostgresBudgetStore({ url: database.url, capacity });
    opened.push(store);
    return store;
  };
  /** Moves `key`'s last charge `seconds` into the past, as if that much time had gone by. */
  const age = (key: string, seconds: number) =>
    admin.query(`UPDATE rate_limit_budgets SET charged_at = charged_at - make_interval(secs => $2) WHERE key = $1`, [
      key,
      seconds,
    ]);

  beforeAll(async () => {
    database = await testDatabase('budgets');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await admin?.end();
    await database?.drop();
  });

  it('refills continuously on the database clock: after a quarter of the window, a quarter of the capacity is back', async () => {
    // Two stores opening together on an empty database: one creates the table, neither fails.
    const [store] = await Promise.all([open(600), open(600)]);
    expect(await store.take('a', 600)).toEqual({ granted: true, level: 0 });
    expect(await store.take('a', 1)).toMatchObject({ granted: false });
    await age('a', 15);
    // 10 points a second: 150 after 15 s (plus the few milliseconds the test takes), not 600.
    const refused = await store.take('a', 160);
    expect(refused.granted).toBe(false);
    expect(refused.level).toBeGreaterThanOrEqual(150);
    expect(refused.level).toBeLessThan(155);
    const taken = await store.take('a', 150);
    expect(taken.granted).toBe(true);
    expect(taken.level).toBeLessThan(5);
    await age('a', 3_600);
    expect(await store.take('a', 1)).toEqual({ granted: true, level: 599 });
    expect(await store.take('b', 600)).toEqual({ granted: true, level: 0 });
  });

  it('shares one bucket between two stores: concurrent takes from both never take more than it holds', async () => {
    const [one, two] = [await open(1_000), await open(1_000)];
    const started = Date.now();
    const takes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).take('203.0.113.50', 100)),
    );
    const elapsedMs = Date.now() - started;
    const granted = takes.filter((take) => take.granted).length;
    console.log(
      `40 concurrent takes of 100 points from two stores on a 1,000-point bucket: ${granted} granted in ${elapsedMs} ms`,
    );
    // 1,000 points, plus what refilled while the takes ran (100 points take 6 s).
    expect(granted).toBeGreaterThanOrEqual(10);
    expect(granted * 100).toBeLessThanOrEqual(1_000 + (elapsedMs / 60_000) * 1_000);
    expect(granted).toBeLessThanOrEqual(10 + Math.floor(elapsedMs / 6_000));
    for (const take of takes) expect(take.level).toBeGreaterThanOrEqual(0);
    // Either store sees what the other took.
    expect((await one.take('203.0.113.50', 100)).granted).toBe(false);
  });

  it('deletes the rows of buckets charged a window ago, which are full again', async () => {
    const store = await open(600);
    await store.take('idle', 10);
    await store.take('recent', 10);
    await age('idle', 60);
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    const { rows } = await admin.query<{ key: string }>(
      `SELECT key FROM rate_limit_budgets WHERE key IN ('idle', 'recent')`,
    );
    expect(rows.map((row) => row.key)).toEqual(['recent']);
    expect(await store.take('idle', 600)).toEqual({ granted: true, level: 0 });
  });
});

describe('two api instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: ApiServer;
  let b: ApiServer;

  beforeAll(async () => {
    database = await testDatabase('budget-replicas');
    // Strict sharing (no leases), so each replica's headers are the database's level exactly.
    const env = {
      DATABASE_URL: database.url,
      RATE_LIMIT_POINTS: '300',
      RATE_LIMIT_LEASE_POINTS: '0',
      MAX_QUERY_COST: '200',
      TRUST_PROXY: 'true',
    };
    a = await createTestServer(env);
    b = await createTestServer(env);
  }, 90_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('charge one bucket per client: what a client spent on A is gone on B, and another client is unaffected', async () => {
    const [onA, onB] = [
      await a.app.listen({ port: 0, host: '127.0.0.1' }),
      await b.app.listen({ port: 0, host: '127.0.0.1' }),
    ];
    const as = (base: string, client: string, query = COSTS_199) =>
      postGraphql(base, { query }, { 'x-forwarded-for': client });

    const first = await as(onA, '198.51.100.20');
    expect(first.body.extensions.cost.requested).toBe(199);
    expect(first.headers.get('ratelimit-remaining')).toBe('101');
    // On B, the same client has what it left on A (and the little refilled since: 5 points a second).
    const cheap = await as(onB, '198.51.100.20', '{ __typename }');
    expect(Number(cheap.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(100);
    expect(Number(cheap.headers.get('ratelimit-remaining'))).toBeLessThan(110);
    const over = await as(onB, '198.51.100.20');
    expect(over.status).toBe(429);
    const [error] = over.body.errors ?? [];
    expect(error.extensions.code).toBe('RATE_LIMITED');
    // 199 asked, about 100 there: 99 points at 5 a second are about 20 s away.
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBe(error.extensions.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThanOrEqual(18);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect((await as(onA, '198.51.100.20')).status).toBe(429);
    expect((await as(onB, '198.51.100.21')).headers.get('ratelimit-remaining')).toBe('101');
  });
});

describe('an api instance charging the shared bucket in leases (RATE_LIMIT_LEASE_POINTS)', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  const servers: ApiServer[] = [];
  beforeAll(async () => {
    database = await testDatabase('budget-leases');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  }, 90_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await admin?.end();
    await database?.drop();
  });
  const level = async (key: string) =>
    Number((await admin.query(`SELECT level FROM rate_limit_budgets WHERE key = $1`, [key])).rows[0].level);
  const cheap = (base: string, client: string) =>
    postGraphql(base, { query: '{ __typename }' }, { 'x-forwarded-for': client });

  it('takes the configured lease with the first charge of a client', async () => {
    const server = await createTestServer({
      DATABASE_URL: database.url,
      RATE_LIMIT_POINTS: '1000',
      RATE_LIMIT_LEASE_POINTS: '50',
      TRUST_PROXY: 'true',
    });
    servers.push(server);
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await cheap(base, '198.51.100.30')).status).toBe(200);
    // 1 point for the query and 50 leased, in one take.
    expect(await level('198.51.100.30')).toBe(949);
  });

  it('spends the lease without asking the database, then takes the next', async () => {
    // A lease that outlives a loaded machine's 50 requests: the database sees only the first take and the next.
    const shared = await openPostgresBudgetStore({ url: database.url, capacity: 1000 });
    const server = await createTestServer(
      { DATABASE_URL: database.url, RATE_LIMIT_POINTS: '1000', TRUST_PROXY: 'true' },
      { budgetStore: new LeasedBudgetStore(shared, { leasePoints: 50, leaseMs: 600_000 }) },
    );
    servers.push(server);
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await cheap(base, '198.51.100.31')).status).toBe(200);
    expect(await level('198.51.100.31')).toBe(949);
    for (let i = 0; i < 50; i++) expect((await cheap(base, '198.51.100.31')).status).toBe(200);
    expect(await level('198.51.100.31')).toBe(949);
    await cheap(base, '198.51.100.31');
    // 949, refilled at 1,000 a minute for the moment those took, less 1 + 50.
    const after = await level('198.51.100.31');
    expect(after).toBeGreaterThanOrEqual(949 - 51);
    expect(after).toBeLessThan(949);
    await shared.close();
  });
});

describe('a budget store whose PostgreSQL stops answering', () => {
  let silent: Server;
  let server: ApiServer | undefined;
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it('fails a take within its 2 s timeout, and the request is served, the failure logged', async () => {
    // Accepts connections and never answers, as a hung server or a dropped route does.
    const sockets: Socket[] = [];
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const store = new PostgresBudgetStore(
      budgetPool(`postgres://budget:budget@127.0.0.1:${port}/budgets`, 2),
      { capacity: 300, windowSeconds: 60 },
      'rate_limit_budgets',
    );
    const log = logCollector();
    server = await createTestServer(
      { RATE_LIMIT_POINTS: '300', MAX_QUERY_COST: '200', LOG_LEVEL: 'error' },
      { budgetStore: store, logger: log },
    );
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await postGraphql(base, { query: '{ stories(first: 3) { nodes { slug } } }' });
    expect(answer.status).toBe(200);
    expect(answer.body.data.stories.nodes).toHaveLength(3);
    expect(answer.headers.get('ratelimit-remaining')).toBeNull();
    expect(answer.ms).toBeGreaterThanOrEqual(1_900);
    expect(answer.ms).toBeLessThan(10_000);
    expect(log.text()).toContain('cost budget unavailable, request served');
    for (const socket of sockets) socket.destroy();
    await store.close();
  });
});
