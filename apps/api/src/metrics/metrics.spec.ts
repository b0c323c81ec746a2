import { readFileSync } from 'node:fs';
import type { ContentChange } from '@devops-stories/story-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { gql, roleTokens } from '../test/authoring.js';
import { postGraphql } from '../test/http.js';
import { type Family, parsePrometheusText, sumOf } from '../test/prometheus-text.js';
import { createTestServer } from '../test/test-server.js';

const MANIFEST = new URL('../../../web/src/gql/persisted-documents.json', import.meta.url);
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const storyList = Object.values(manifest).find((d) => /query StoryList\b/.test(d))!;

async function scrape(url: string): Promise<Map<string, Family>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

describe('the Prometheus text parser the metric tests rely on', () => {
  it('refuses what is not the exposition format', () => {
    const typed = '# HELP x_total X.\n# TYPE x_total counter\n';
    expect(parsePrometheusText(`${typed}x_total{a="b"} 3\n`).get('x_total')?.samples).toEqual([
      { name: 'x_total', labels: { a: 'b' }, value: 3 },
    ]);
    expect(() => parsePrometheusText(`${typed}x_total{a=b} 3\n`)).toThrow(/malformed sample/);
    expect(() => parsePrometheusText(`${typed}x_total 3 apples\n`)).toThrow(/malformed sample/);
    expect(() => parsePrometheusText('y 1\n')).toThrow(/undeclared family/);
    expect(() => parsePrometheusText(`${typed}x_total 3`)).toThrow(/newline/);
    expect(() =>
      parsePrometheusText('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 1\n'),
    ).toThrow(/cumulative/);
  });
});

describe('metrics on the API port', () => {
  let server: ApiServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('serves valid Prometheus text with the request, error, database, event-loop and memory metrics', async () => {
    await postGraphql(base, { query: storyList, variables: { first: 2 } });
    const metrics = await scrape(`${base}/metrics`);
    for (const [name, type] of [
      ['http_requests_total', 'counter'],
      ['graphql_request_duration_seconds', 'histogram'],
      ['graphql_errors_total', 'counter'],
      ['db_query_duration_seconds', 'histogram'],
      ['nodejs_eventloop_lag_seconds', 'gauge'],
      ['nodejs_eventloop_lag_p99_seconds', 'gauge'],
      ['process_resident_memory_bytes', 'gauge'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
    ]) {
      expect(metrics.get(name)?.type, name).toBe(type);
      expect(metrics.get(name)?.help, name).not.toBe('');
    }
    expect(sumOf(metrics, 'process_resident_memory_bytes', 'process_resident_memory_bytes')).toBeGreaterThan(1e6);
    // StoryList reads the list, then batches company, practices and metrics: each call of the store is timed.
    for (const method of ['listStories', 'companiesByIds', 'practicesByStoryIds', 'metricsByStoryIds']) {
      expect(sumOf(metrics, 'db_query_duration_seconds', 'db_query_duration_seconds_count', { method }), method).toBe(
        1,
      );
    }
  });

  it('counts exactly the requests sent, by operation and outcome, a cache hit as one', async () => {
    const before = await scrape(`${base}/metrics`);
    // The web client's StoryList is a trusted document: executed and stored once, then a hit.
    const first = await postGraphql(base, { query: storyList, variables: { first: 5 } });
    const answers = await Promise.all([
      first,
      postGraphql(base, { query: storyList, variables: { first: 5 } }),
      postGraphql(base, { query: '{ days { number } }' }),
      postGraphql(base, { query: 'query Mine { days { number } }' }),
      postGraphql(base, { query: storyList, variables: { first: 'many' } }),
      postGraphql(base, {
        query: '{ stories(first: 100) { nodes { related(first: 20) { related(first: 20) { slug } } } } }',
      }),
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 400, 400, 400]);
    const after = await scrape(`${base}/metrics`);
    const delta = (family: string, sample: string, labels: Record<string, string> = {}) =>
      sumOf(after, family, sample, labels) - sumOf(before, family, sample, labels);
    const requests = (labels: Record<string, string>) =>
      delta('graphql_request_duration_seconds', 'graphql_request_duration_seconds_count', labels);

    expect(delta('http_requests_total', 'http_requests_total', { route: '/graphql', method: 'POST' })).toBe(7);
    expect(delta('http_requests_total', 'http_requests_total', { route: '/metrics', method: 'GET' })).toBe(1);
    expect(requests({})).toBe(7);
    expect(requests({ operation: 'StoryList', outcome: 'ok' })).toBe(2); // one executed, one from the cache
    expect(requests({ operation: 'StoryList', outcome: 'client_error' })).toBe(1);
    expect(requests({ operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(requests({ operation: 'anonymous', outcome: 'client_error' })).toBe(2);
    expect(requests({ operation: 'other', outcome: 'ok' })).toBe(1); // "Mine" is no known operation
    expect(delta('graphql_errors_total', 'graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(2);
    expect(delta('graphql_errors_total', 'graphql_errors_total', { code: 'QUERY_TOO_COSTLY' })).toBe(1);
    // The cache hit never reached the store: one StoryList execution, one listStories call.
    expect(delta('db_query_duration_seconds', 'db_query_duration_seconds_count', { method: 'listStories' })).toBe(1);
    // The response cache's own figures: the hit, and two lookups that found nothing (the stored
    // StoryList, and the one whose variables did not coerce); ad hoc documents never look.
    expect(delta('response_cache_hits_total', 'response_cache_hits_total')).toBe(1);
    expect(delta('response_cache_misses_total', 'response_cache_misses_total')).toBe(2);
    expect(delta('response_cache_evictions_total', 'response_cache_evictions_total')).toBe(0);
    const stats = server.responseCache.stats();
    expect(sumOf(after, 'response_cache_entries', 'response_cache_entries')).toBe(stats.entries);
    expect(sumOf(after, 'response_cache_bytes', 'response_cache_bytes')).toBe(stats.bytes);
    expect(sumOf(after, 'response_cache_max_bytes', 'response_cache_max_bytes')).toBe(64 * 1024 * 1024);
    for (const [name, type] of [
      ['response_cache_hits_total', 'counter'],
      ['response_cache_misses_total', 'counter'],
      ['response_cache_evictions_total', 'counter'],
      ['response_cache_purged_total', 'counter'],
      ['response_cache_bytes', 'gauge'],
      ['response_cache_entries', 'gauge'],
    ]) {
      expect(after.get(name)?.type, name).toBe(type);
    }
  });

  it('keeps the operation label bounded whatever names clients send', async () => {
    for (let i = 0; i < 40; i++)
      await postGraphql(base, { query: `query Random${i}x${Date.now()} { days { number } }` });
    const metrics = await scrape(`${base}/metrics`);
    const labels = new Set(metrics.get('graphql_request_duration_seconds')!.samples.map((s) => s.labels.operation));
    const known = new Set([...server.trustedDocuments.operationNames(), 'anonymous', 'other']);
    expect(known).toContain('StoryList');
    expect([...labels].filter((label) => !known.has(label))).toEqual([]);
    expect(
      sumOf(metrics, 'graphql_request_duration_seconds', 'graphql_request_duration_seconds_count', {
        operation: 'other',
      }),
    ).toBeGreaterThanOrEqual(40);
  });

  it('lets other features register their metrics in the same registry', async () => {
    const { Counter } = await import('prom-client');
    const evictions = new Counter({
      name: 'test_cache_evictions_total',
      help: 'Test.',
      registers: [server.metrics!.registry],
    });
    evictions.inc(3);
    expect(sumOf(await scrape(`${base}/metrics`), 'test_cache_evictions_total', 'test_cache_evictions_total')).toBe(3);
  });
});

describe('the timed store', () => {
  it('times writes like reads, and leaves onChange a plain subscription that hears them', async () => {
    const server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    try {
      const changes: ContentChange[] = [];
      const stop = server.store.onChange((change) => changes.push(change));
      expect(stop).toBeTypeOf('function');
      const { editor } = await roleTokens(server.store);
      const created = await gql(
        server,
        `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { slug } userErrors { code } } }`,
        { input: { slug: 'acme-timed', name: 'Acme', industry: 'retail', description: 'A company.' } },
        { token: editor },
      );
      expect(created.body.data.createCompany).toEqual({ company: { slug: 'acme-timed' }, userErrors: [] });
      expect(changes).toEqual([
        { nodes: [{ type: 'Company', key: 'acme-timed' }], lists: expect.arrayContaining(['companies']) },
      ]);
      stop();
      const metrics = parsePrometheusText(await server.metrics!.registry.metrics());
      expect(sumOf(metrics, 'db_query_duration_seconds', 'db_query_duration_seconds_count', { method: 'create' })).toBe(
        1,
      );
      expect(
        sumOf(metrics, 'db_query_duration_seconds', 'db_query_duration_seconds_count', { method: 'onChange' }),
      ).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('metrics on their own port, or off', () => {
  it('with METRICS_PORT serves /metrics only there', async () => {
    const server = await createTestServer({ PORT: '0', HOST: '127.0.0.1', METRICS_PORT: '0' });
    try {
      const { url, metricsUrl } = await server.listen();
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(new URL(metricsUrl!).port).not.toBe(new URL(url).port);
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      await postGraphql(url, { query: '{ days { number } }' });
      const metrics = await scrape(metricsUrl!);
      expect(sumOf(metrics, 'http_requests_total', 'http_requests_total', { route: '/graphql' })).toBe(1);
      expect(sumOf(metrics, 'http_requests_total', 'http_requests_total', { route: 'unmatched' })).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('with METRICS=off collects and serves nothing', async () => {
    const server = await createTestServer({ METRICS: 'off' });
    try {
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      expect(server.metrics).toBeUndefined();
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect((await postGraphql(base, { query: '{ days { number } }' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
