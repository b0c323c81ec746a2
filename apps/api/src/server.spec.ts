import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSchemaModule, storyModule } from '@devops-stories/story-graph';
import { Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import type { ApiServer } from './server.js';
import { createTestServer, execute } from './test/test-server.js';

@Resolver()
class BrokenResolver {
  @Query(() => String)
  broken(): string {
    throw new Error('SQLITE_CORRUPT: /var/lib/secret/stories.db is malformed');
  }
}
const brokenModule = defineSchemaModule({ name: 'broken', resolvers: [BrokenResolver] });

describe('API over Apollo', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('answers the contract queries with real content', async () => {
    const { data, errors } = await execute(
      server,
      `{
        stories(first: 3) { totalCount edges { node { slug } } pageInfo { hasNextPage } }
        cd: stories(filter: { practice: "continuous-deployment" }) { totalCount edges { node { slug } } }
        recap(day: 6) { points coversDays stories { slug } }
        day(number: 6) { title recap { day } stories { slug } }
        search(query: "rollback") { score snippet node { __typename ... on Story { slug } } }
        companies { slug industry }
        practices { slug description }
        days { number title }
        recaps { totalCount nodes { day } }
      }`,
    );
    expect(errors).toBeUndefined();
    expect(data.stories.edges).toHaveLength(3);
    expect(data.stories.totalCount).toBeGreaterThanOrEqual(6);
    expect(data.stories.pageInfo.hasNextPage).toBe(true);
    expect(data.cd.edges.map((e: any) => e.node.slug)).toEqual(expect.arrayContaining(['amazon', 'etsy']));
    expect(data.cd.totalCount).toBe(data.cd.edges.length);
    expect(data.recap.points).toHaveLength(3);
    expect(data.recap.coversDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data.day.recap).toEqual({ day: 6 });
    expect(data.day.stories.length).toBeGreaterThanOrEqual(6);
    expect(data.search[0].node).toEqual({ __typename: 'Story', slug: 'netflix' });
    expect(data.companies.every((c: any) => c.industry)).toBe(true);
    expect(data.days).toHaveLength(6);
    expect(data.recaps).toEqual({ totalCount: 1, nodes: [{ day: 6 }] });
  });

  it('serves the glossary module: terms and Story.terms', async () => {
    const { data, errors } = await execute(
      server,
      '{ glossary { slug } netflix: story(slug: "netflix") { terms { slug name } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.glossary.length).toBeGreaterThanOrEqual(10);
    expect(data.netflix.terms.map((t: any) => t.slug)).toEqual(expect.arrayContaining(['canary-release', 'rollback']));
  });

  it('returns null, not an error, for unknown slugs and days', async () => {
    const { data, errors } = await execute(
      server,
      `{ story(slug: "nobody") { slug } company(slug: "x") { slug } practice(slug: "x") { slug } day(number: 99) { number } recap(day: 1) { day } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ story: null, company: null, practice: null, day: null, recap: null });
  });

  it.each([
    ['{ stories(first: 500) { totalCount } }', '`first` must be between 1 and 100, got 500.'],
    ['{ stories(first: -1) { totalCount } }', '`first` must be between 1 and 100, got -1.'],
    ['{ stories(after: "forged") { totalCount } }', '`after` is not a cursor this API issued'],
    ['{ search(query: "  ?? ") { score } }', '`query` needs at least one word'],
  ])('%s is BAD_USER_INPUT with a clear message', async (query, message) => {
    const { errors } = await execute(server, query);
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(message);
  });
});

describe('the web client build', () => {
  it('is served at / and /demo/portal with nosniff, beside /graphql', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(webRoot, 'demo'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>standalone</title>');
    writeFileSync(join(webRoot, 'demo', 'portal.html'), '<!doctype html><title>portal</title>');
    const server = await createTestServer({ WEB_ROOT: webRoot });
    try {
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      for (const [path, title] of [
        ['/', 'standalone'],
        ['/demo/portal', 'portal'],
      ]) {
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain(`<title>${title}</title>`);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
      const graphql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ days { number } }' }),
      });
      expect(((await graphql.json()) as any).data.days).toHaveLength(6);
    } finally {
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

describe('CORS configuration', () => {
  it('allows only the listed origins when CORS_ORIGINS is set', async () => {
    const server = await createTestServer({ CORS_ORIGINS: 'https://learn.example.org, https://academy.example.com' });
    try {
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const ask = (origin: string) =>
        fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await ask('https://academy.example.com')).headers.get('access-control-allow-origin')).toBe(
        'https://academy.example.com',
      );
      expect((await ask('https://evil.example.net')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('refuses a malformed origin list at start', () => {
    expect(() => readConfig({ CORS_ORIGINS: 'learn.example.org' })).toThrow(/CORS_ORIGINS must be \*/);
  });
});

describe('API errors', () => {
  it('masks internal errors and keeps the details out of the response', async () => {
    const server = await createTestServer({}, { modules: [storyModule, brokenModule] });
    try {
      const { errors } = await execute(server, '{ broken }');
      expect(errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(errors)).not.toMatch(/SQLITE|secret|stacktrace/);
    } finally {
      await server.close();
    }
  });

  it('hides field suggestions and introspection in production only', async () => {
    const dev = await createTestServer();
    const prod = await createTestServer({
      NODE_ENV: 'production',
      CURSOR_SECRET: 'a-production-test-secret-of-32-bytes+',
    });
    try {
      expect((await execute(dev, '{ storiez }')).errors?.[0].message).toMatch(/Did you mean/);
      expect((await execute(prod, '{ storiez }')).errors?.[0].message).not.toMatch(/Did you mean/);
      expect((await execute(dev, '{ __schema { queryType { name } } }')).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      expect((await execute(prod, '{ __schema { queryType { name } } }')).errors?.[0].extensions.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    } finally {
      await Promise.all([dev.close(), prod.close()]);
    }
  });
});

describe('API over HTTP on a random port', () => {
  let server: ApiServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer();
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const post = (body: unknown) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves /health and POST /graphql', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({
      status: 'ok',
      failing: [],
      checks: { database: { status: 'ok' } },
    });
    const response = await post({ query: '{ story(slug: "amazon") { title company { name } } }' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.story.company.name).toBe('Amazon');
  });

  it('serves GET /graphql for queries with a preflight header', async () => {
    const url = `${base}/graphql?query=${encodeURIComponent('{ days { number } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await response.json()) as any).data.days).toHaveLength(6);
  });

  it('lets a portal on another origin call /graphql (CORS preflight and response)', async () => {
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://learn.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://learn.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ days { number } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers malformed requests with 400, not 500', async () => {
    expect((await post({ query: '{ stories( ' })).status).toBe(400);
    const huge = `{ ${Array.from({ length: 1200 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const tooLong = await post({ query: huge });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toMatch(/more tha[nt] 2000 tokens/);
  });
});
