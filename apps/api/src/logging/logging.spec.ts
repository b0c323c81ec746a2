import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSchemaModule, storyModule } from '@devops-stories/story-graph';
import { Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { postGraphql } from '../test/http.js';
import { createTestServer, logCollector } from '../test/test-server.js';

@Resolver()
class FailingResolver {
  @Query(() => String)
  failing(): string {
    throw new Error('SQLITE_IOERR: disk I/O error');
  }
}
const failingModule = defineSchemaModule({ name: 'failing', resolvers: [FailingResolver] });

const TOKEN = 'Bearer sk-live-4f9a8b7c6d5e';
const PERSONAL = 'jane.doe@example.org';
const STORY_LIST = 'query StoryList($first: Int) { stories(first: $first) { totalCount nodes { slug } } }';

describe('request logging', () => {
  const log = logCollector();
  let server: ApiServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer({}, { modules: [storyModule, failingModule], logger: log });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const linesOf = (reqId: string | null) => log.lines.filter((line) => line.reqId === reqId);

  it('writes one line per request: id, operation, status, duration and cost, and answers the id in X-Request-Id', async () => {
    const answer = await postGraphql(base, { query: STORY_LIST, variables: { first: 3 } });
    const reqId = answer.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = linesOf(reqId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: process.pid,
      hostname: expect.any(String),
      reqId,
      method: 'POST',
      url: '/graphql',
      statusCode: 200,
      responseTime: expect.any(Number),
      operation: 'StoryList',
      cost: answer.body.extensions.cost.requested,
      // An ad hoc document: the response cache stays out of it.
      cache: 'bypass',
      msg: 'request completed',
    });
    expect(answer.body.extensions.cost.requested).toBe(4);
  });

  it("logs a trusted document's id and what the response cache did: a miss, then a hit", async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const [hash] = Object.entries(manifest).find(([, text]) => /query Facets\b/.test(text))!;
    const lines = [];
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${base}/graphql?documentId=sha256:${hash}`);
      expect(answer.status).toBe(200);
      lines.push(...linesOf(answer.headers.get('x-request-id')));
    }
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/graphql',
        operation: 'Facets',
        documentId: `sha256:${hash}`,
        cache: 'miss',
      }),
      expect.objectContaining({
        method: 'GET',
        url: '/graphql',
        operation: 'Facets',
        documentId: `sha256:${hash}`,
        cache: 'hit',
      }),
    ]);
    expect(lines[0].cost).toBe(lines[1].cost);
  });

  it('never logs tokens, Authorization headers, cookies or variables, on GET or POST, even when they are refused', async () => {
    const headers = { authorization: TOKEN, cookie: `session=${PERSONAL}` };
    const posted = await postGraphql(
      base,
      {
        query: 'query Find($q: String!, $n: Int) { search(query: $q, first: $n) { score } }',
        variables: { q: PERSONAL, n: PERSONAL },
      },
      headers,
    );
    expect(posted.body.errors?.[0].message).toContain(PERSONAL); // the client is told its own value ...
    const url = `${base}/graphql?query=${encodeURIComponent('query Find($q: String!) { search(query: $q) { score } }')}&variables=${encodeURIComponent(JSON.stringify({ q: PERSONAL }))}`;
    const got = await fetch(url, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect(got.status).toBe(200);

    const postedLines = linesOf(posted.headers.get('x-request-id'));
    expect(postedLines.map((l) => l.msg)).toEqual(['GraphQL request refused or failed', 'request completed']);
    // ... the log gets its code and the variable's name, not the value.
    expect(postedLines[0].errors).toEqual([{ code: 'BAD_USER_INPUT', variable: 'n' }]);
    expect(postedLines[1]).toMatchObject({ statusCode: 400, operation: 'Find', errors: ['BAD_USER_INPUT'] });
    const gotLines = linesOf(got.headers.get('x-request-id'));
    expect(gotLines).toEqual([expect.objectContaining({ method: 'GET', url: '/graphql', statusCode: 200 })]);
    expect(log.text()).not.toContain(PERSONAL);
    expect(log.text()).not.toContain('sk-live');
  });

  it('logs an internal error with the request id, the original message and its stack; the client sees neither', async () => {
    const answer = await postGraphql(base, { query: 'query Broken { failing }' });
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const lines = linesOf(answer.headers.get('x-request-id'));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, 'internal error in a GraphQL request'],
      [30, 'request completed'],
    ]);
    expect(lines[0].err).toMatchObject({
      message: 'SQLITE_IOERR: disk I/O error',
      stack: expect.stringContaining('FailingResolver'),
    });
    expect(lines[0].path).toEqual(['failing']);
    expect(lines[1]).toMatchObject({ operation: 'Broken', errors: ['INTERNAL_SERVER_ERROR'] });
  });

  it('logs probes and scrapes at debug, not at info', async () => {
    const ids = [];
    for (const path of ['/livez', '/readyz', '/health', '/metrics']) {
      ids.push((await fetch(`${base}${path}`)).headers.get('x-request-id'));
    }
    for (const id of ids) expect(linesOf(id)).toEqual([]);
  });
});

describe('LOG_LEVEL', () => {
  it('at debug logs the probes; at warn only what went wrong', async () => {
    for (const [level, expected] of [
      ['debug', ['/readyz', '/graphql']],
      ['warn', []],
    ] as const) {
      const log = logCollector();
      const server = await createTestServer({ LOG_LEVEL: level }, { logger: log });
      try {
        const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
        await fetch(`${base}/readyz`);
        await postGraphql(base, { query: '{ days { number } }' });
        expect(log.lines.filter((l) => l.msg === 'request completed').map((l) => l.url)).toEqual(expected);
      } finally {
        await server.close();
      }
    }
  });
});

describe('the server code', () => {
  it('writes nothing with console.*: everything goes through the logger', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    // The command-line tools (and cli/: `npm run token`, `npm run content:export`) print their
    // reports; the server (main.ts and what it loads) logs.
    const tools = new Set(['emit-schema.ts', 'check-breaking.ts', 'cost-table.ts', 'schema-usage.ts']);
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith('test') && !tools.has(f))
      .filter((f) => !f.startsWith('cli/'))
      .filter((f) => /\bconsole\.\w+\(/.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => relative(src, join(src, f)));
    expect(offenders).toEqual([]);
  });
});
