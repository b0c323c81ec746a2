import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import type { ApiServer } from '../server.js';
import { postGraphql } from '../test/http.js';
import { createTestServer } from '../test/test-server.js';
import { documentHash } from '../trusted-documents/manifests.js';
import { MemoryBudgetStore } from './memory-budget.store.js';

const webManifest = JSON.parse(
  readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const STORY_LIST = Object.values(webManifest).find((document) => /query StoryList\b/.test(document))!;

/** Costs 1 + 100 × 1 = 101 points. */
const COSTS_101 = '{ stories(first: 100) { nodes { slug } } }';

describe('per-client cost budgets', () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (env: Record<string, string>, budgetStore?: MemoryBudgetStore) => {
    server = await createTestServer({ MAX_QUERY_COST: '200', ...env }, { budgetStore });
    return server.app.listen({ port: 0, host: '127.0.0.1' });
  };
  /** Buckets of 300 points a minute (5 a second) on a clock the test moves by hand. */
  const handClocked = () => {
    let ms = 0;
    const store = new MemoryBudgetStore({ capacity: 300, now: () => ms });
    return { store, advance: (by: number) => (ms += by) };
  };

  it('answers a client over its budget with 429, Retry-After and RATE_LIMITED; another client is unaffected', async () => {
    const clock = handClocked();
    const base = await start({ RATE_LIMIT_POINTS: '300', TRUST_PROXY: 'true' }, clock.store);
    const as = (client: string) => postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': client });

    const first = await as('203.0.113.7');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('300');
    expect(first.headers.get('ratelimit-remaining')).toBe('199');
    expect(first.headers.get('ratelimit-policy')).toBe('300;w=60');
    // 101 points at 5 a second: full again in 20.2 s.
    expect(first.headers.get('ratelimit-reset')).toBe('21');
    const second = await as('203.0.113.7');
    expect(second.headers.get('ratelimit-remaining')).toBe('98');
    expect(second.headers.get('ratelimit-reset')).toBe('41');

    const over = await as('203.0.113.7');
    expect(over.status).toBe(429);
    // 98 left, 101 asked: 3 points are 0.6 s away.
    expect(over.headers.get('retry-after')).toBe('1');
    expect(over.headers.get('ratelimit-remaining')).toBe('98');
    expect(over.body.data).toBeUndefined();
    expect(over.body.errors).toEqual([
      {
        message:
          'This client has spent its budget of 300 cost points per 60 s, which refills continuously: ' +
          '98 points are left and this query costs 101; retry in 1 s.',
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
      },
    ]);
    expect(over.body.extensions.cost).toEqual({ requested: 101, limit: 200 });

    const other = await as('198.51.100.9');
    expect(other.status).toBe(200);
    expect(other.body.data.stories.nodes.length).toBeGreaterThan(0);
    expect(other.headers.get('ratelimit-remaining')).toBe('199');

    // Refilling continuously: 0.6 s later the query fits, and only the refilled share is there.
    clock.advance(599);
    expect((await as('203.0.113.7')).status).toBe(429);
    clock.advance(1);
    const after = await as('203.0.113.7');
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('0');
    expect(after.headers.get('ratelimit-reset')).toBe('60');
  });

  it('charges a trusted query on the lean path its cost, and a response-cache hit 1 point, from the same bucket', async () => {
    const clock = handClocked();
    await start({ RATE_LIMIT_POINTS: '300', MAX_QUERY_COST: '300' }, clock.store);
    const url = `/graphql?${new URLSearchParams({ documentId: `sha256:${documentHash(STORY_LIST)}`, variables: '{"first":20}' })}`;
    const get = () => server!.app.inject({ method: 'GET', url });

    const miss = await get();
    expect(miss.statusCode).toBe(200);
    const cost: number = miss.json().extensions.cost.requested;
    expect(cost).toBeGreaterThan(1);
    expect(miss.headers['ratelimit-remaining']).toBe(String(300 - cost));
    const hits = server!.responseCache.stats().hits;
    const hit = await get();
    expect(server!.responseCache.stats().hits).toBe(hits + 1);
    expect(hit.headers['ratelimit-remaining']).toBe(String(300 - cost - 1));
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the proxy: then the socket address is the client', async () => {
    const base = await start({ RATE_LIMIT_POINTS: '300' }, handClocked().store);
    for (const spoofed of ['203.0.113.1', '203.0.113.2']) {
      expect((await postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': spoofed })).status).toBe(200);
    }
    const third = await postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': '203.0.113.3' });
    expect(third.status).toBe(429);
  });

  it('counts every address of one IPv6 /64 as one client, on the Apollo path and the trusted GET path', async () => {
    const clock = handClocked();
    await start({ RATE_LIMIT_POINTS: '300', MAX_QUERY_COST: '300', TRUST_PROXY: 'true' }, clock.store);
    const post = (client: string) =>
      server!.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        payload: { query: COSTS_101 },
      });
    const url = `/graphql?${new URLSearchParams({ documentId: `sha256:${documentHash(STORY_LIST)}`, variables: '{"first":20}' })}`;
    const get = (client: string) => server!.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': client } });

    expect((await post('2001:db8:aa:bb::1')).headers['ratelimit-remaining']).toBe('199');
    expect((await post('2001:db8:aa:bb:ffff:1:2:3')).headers['ratelimit-remaining']).toBe('98');
    const sameNetwork = await get('2001:db8:aa:bb::77');
    expect(sameNetwork.statusCode).toBe(429);
    expect(sameNetwork.json().errors[0].extensions.code).toBe('RATE_LIMITED');
    const otherNetwork = await get('2001:db8:aa:bc::1');
    expect(otherNetwork.statusCode).toBe(200);
  });

  it('charges cheap queries at least 1 point and turns off with RATE_LIMIT_POINTS=0', async () => {
    const base = await start({ RATE_LIMIT_POINTS: '200' });
    const cheap = await postGraphql(base, { query: '{ __typename }' });
    expect(cheap.headers.get('ratelimit-remaining')).toBe('199');
    await server!.close();
    const off = await start({ RATE_LIMIT_POINTS: '0' });
    const free = await postGraphql(off, { query: COSTS_101 });
    expect(free.status).toBe(200);
    expect(free.headers.get('ratelimit-limit')).toBeNull();
  });

  it('refuses a budget smaller than one allowed query', () => {
    expect(() => readConfig({ RATE_LIMIT_POINTS: '500' })).toThrow(ConfigError);
    expect(() => readConfig({ RATE_LIMIT_POINTS: '500' })).toThrow(/at least MAX_QUERY_COST \(1000\)/);
  });
});
