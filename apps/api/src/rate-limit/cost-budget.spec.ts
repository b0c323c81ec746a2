import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import type { ApiServer } from '../server.js';
import { postGraphql } from '../test/http.js';
import { createTestServer } from '../test/test-server.js';

/** Costs 1 + 100 × 1 = 101 points. */
const COSTS_101 = '{ stories(first: 100) { nodes { slug } } }';

describe('per-client cost budgets', () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (env: Record<string, string>) => {
    server = await createTestServer({ MAX_QUERY_COST: '200', ...env });
    return server.app.listen({ port: 0, host: '127.0.0.1' });
  };

  it('answers a client over its budget with 429, Retry-After and RATE_LIMITED; another client is unaffected', async () => {
    const base = await start({ RATE_LIMIT_POINTS: '300', TRUST_PROXY: 'true' });
    const as = (client: string) => postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': client });

    const first = await as('203.0.113.7');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('300');
    expect(first.headers.get('ratelimit-remaining')).toBe('199');
    expect(first.headers.get('ratelimit-policy')).toBe('300;w=60');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect((await as('203.0.113.7')).headers.get('ratelimit-remaining')).toBe('98');

    const over = await as('203.0.113.7');
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
    expect(over.body.data).toBeUndefined();
    expect(over.body.errors).toEqual([
      {
        message: `This client has spent its budget of 300 cost points per 60 s (this query costs 101); retry in ${retryAfter} s.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      },
    ]);
    expect(over.body.extensions.cost).toEqual({ requested: 101, limit: 200 });

    const other = await as('198.51.100.9');
    expect(other.status).toBe(200);
    expect(other.body.data.stories.nodes.length).toBeGreaterThan(0);
    expect(other.headers.get('ratelimit-remaining')).toBe('199');
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the proxy: then the socket address is the client', async () => {
    const base = await start({ RATE_LIMIT_POINTS: '300' });
    for (const spoofed of ['203.0.113.1', '203.0.113.2']) {
      expect((await postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': spoofed })).status).toBe(200);
    }
    const third = await postGraphql(base, { query: COSTS_101 }, { 'x-forwarded-for': '203.0.113.3' });
    expect(third.status).toBe(429);
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
