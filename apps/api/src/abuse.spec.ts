import { buildModularSchema } from '@devops-stories/story-graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaModules } from './schema-modules.js';
import { fragmentBomb, practiceCycle, relatedChain, unknownFieldsFilter } from './test/attacks.js';
import { documentGenerator, seededRandom } from './test/fuzz.js';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';

/** What must never reach a client: stacks, SQL, paths, runtime error names. */
const LEAK =
  /stacktrace|"stack"|sqlite|\bSELECT \S+ FROM\b|\/work\/|node_modules|\.[jt]s:\d+:\d+|\bat [\w.<>]+ \(|TypeError|ReferenceError|Cannot read prop/i;
const DOCUMENTS = Number(process.env.ABUSE_DOCUMENTS ?? 600);
const SEED = Number(process.env.ABUSE_SEED ?? Date.now() % 1_000_000);

interface Answer {
  status: number;
  text: string;
  body: any;
}

/**
 * The abuse suite: the attack shapes of issue 7, documents generated from the schema with boundary
 * arguments, malformed cursors, oversized and malformed requests, against the built server in
 * production mode. Every answer must be a client error or a success (never 5xx), never
 * INTERNAL_SERVER_ERROR, never leak internals; the process must be alive after, with no internal
 * error in its log. `ABUSE_DOCUMENTS` and `ABUSE_SEED` replay or widen the fuzzing.
 */
describe(`abuse (seed ${SEED})`, () => {
  let api: LaunchedApi;
  const seen = { requests: 0, statuses: new Map<number, number>(), codes: new Map<string, number>() };

  beforeAll(async () => {
    api = await launchApi({
      env: {
        NODE_ENV: 'production',
        CURSOR_SECRET: 'abuse-suite-secret-of-at-least-32-bytes',
        RATE_LIMIT_POINTS: '0',
        WEB_ROOT: '/nonexistent',
      },
    });
  });
  afterAll(async () => {
    console.log(
      `abuse: ${seen.requests} requests; statuses ${JSON.stringify(Object.fromEntries(seen.statuses))}; ` +
        `codes ${JSON.stringify(Object.fromEntries(seen.codes))}`,
    );
    await api?.stop();
  });

  const send = async (init: RequestInit & { path?: string }): Promise<Answer> => {
    const response = await fetch(`${api.base}${init.path ?? '/graphql'}`, init);
    const text = await response.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      // checked below: every /graphql answer is JSON
    }
    seen.requests += 1;
    seen.statuses.set(response.status, (seen.statuses.get(response.status) ?? 0) + 1);
    for (const error of body?.errors ?? []) {
      seen.codes.set(error.extensions?.code, (seen.codes.get(error.extensions?.code) ?? 0) + 1);
    }
    return { status: response.status, text, body };
  };
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const expectHarmless = (answer: Answer, what: string) => {
    const context = `${what}\n→ ${answer.status} ${answer.text.slice(0, 500)}`;
    expect(answer.status, context).toBeLessThan(500);
    expect(answer.body, context).not.toBeNull();
    for (const error of answer.body.errors ?? []) {
      expect(error.extensions?.code, context).toBeDefined();
      expect(error.extensions.code, context).not.toBe('INTERNAL_SERVER_ERROR');
      // Ours are at most 300 characters; Apollo's own CSRF refusal is 330.
      expect(error.message.length, context).toBeLessThanOrEqual(400);
    }
    // Content (the data) may say anything; errors and extensions must not leak.
    const meta = JSON.stringify({ errors: answer.body.errors, extensions: answer.body.extensions });
    expect(meta, context).not.toMatch(LEAK);
    expect(meta, context).not.toMatch(/Did you mean/);
  };

  it('refuses the attack shapes of the issue with QUERY_TOO_COSTLY', async () => {
    for (const query of [fragmentBomb(12), fragmentBomb(6), fragmentBomb(30), relatedChain(10), practiceCycle(5)]) {
      const answer = await post({ query });
      expectHarmless(answer, query);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    }
  });

  it(`answers ${DOCUMENTS} documents generated from the schema with boundary arguments without a server error`, async () => {
    const schema = await buildModularSchema(schemaModules);
    const next = documentGenerator(schema, seededRandom(SEED));
    let ok = 0;
    for (let i = 0; i < DOCUMENTS; i++) {
      const query = next();
      const answer = await post({ query });
      expectHarmless(answer, `seed ${SEED}, document ${i}: ${query}`);
      if (answer.status === 200 && !answer.body.errors) ok += 1;
    }
    console.log(`fuzz: ${ok} of ${DOCUMENTS} generated documents answered without errors, the rest refused cleanly`);
    expect(ok).toBeGreaterThan(0);
  });

  it('refuses malformed cursors, ids and arguments as BAD_USER_INPUT', async () => {
    const random = seededRandom(SEED + 1);
    const cursors = ['.', '..', 'a.b', `x.${'é'.repeat(22)}`, 'ä'.repeat(600), '\u0000'];
    for (let i = 0; i < 60; i++) {
      cursors.push(
        Buffer.from(Array.from({ length: 1 + Math.floor(random() * 90) }, () => Math.floor(random() * 256))).toString(
          'latin1',
        ),
      );
    }
    for (const cursor of cursors) {
      for (const query of [
        'query($c: String) { stories(after: $c) { totalCount } }',
        'query($c: String) { stories(last: 2, before: $c) { totalCount } }',
        'query($c: String) { practice(slug: "continuous-deployment") { stories(after: $c) { totalCount } } }',
        'query($c: String) { recaps(after: $c) { totalCount } }',
        'query($c: ID!) { node(id: $c) { id } }',
      ]) {
        const answer = await post({ query, variables: { c: cursor } });
        expectHarmless(answer, `${query} with ${JSON.stringify(cursor)}`);
        expect(answer.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('refuses oversized and malformed variables with bounded answers', async () => {
    const query =
      'query($f: StoryFilter, $n: Int, $q: String!) { stories(filter: $f, first: $n) { totalCount } search(query: $q) { score } }';
    const cases: Record<string, unknown>[] = [
      { f: unknownFieldsFilter(90_000), q: 'x' }, // about 1 MB: over the body limit
      { f: unknownFieldsFilter(4000), q: 'x' },
      { f: { company: ['a'.repeat(20_000)] }, q: 'x' },
      { f: 'not an object', q: 'x' },
      { n: 1e308, q: 'x' },
      { n: '10', q: 'x' },
      { q: null },
      { q: { nested: { deeper: [1, 2, 3] } } },
      { f: JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`), q: 'x' },
    ];
    for (const variables of cases) {
      const answer = await post({ query, variables });
      expectHarmless(answer, JSON.stringify(variables).slice(0, 200));
      expect([400, 413]).toContain(answer.status);
      expect(answer.text.length).toBeLessThan(4000);
    }
  });

  it('refuses malformed requests: bad JSON, batches, wrong types, mutations, unknown operations', async () => {
    const cases: [string, () => Promise<Answer>][] = [
      ['invalid JSON', () => post('{"query": ')],
      ['empty body', () => post('')],
      ['a batch', () => post([{ query: '{ days { number } }' }, { query: '{ days { number } }' }])],
      ['a number as query', () => post({ query: 42 })],
      ['variables as a string', () => post({ query: '{ days { number } }', variables: '{}' })],
      ['an unknown operation name', () => post({ query: 'query A { days { number } }', operationName: 'B' })],
      ['two anonymous operations', () => post({ query: '{ days { number } } { days { number } }' })],
      ['a mutation', () => post({ query: 'mutation { deleteEverything }' })],
      ['a subscription', () => post({ query: 'subscription { stories { slug } }' })],
      ['2,001 tokens', () => post({ query: `{ ${'__typename '.repeat(2000)}}` })],
      [
        'text/plain',
        () => send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ days { number } }' }),
      ],
      [
        'a mutation over GET',
        () =>
          send({
            path: `/graphql?query=${encodeURIComponent('mutation { x }')}`,
            headers: { 'apollo-require-preflight': 'true' },
          }),
      ],
      [
        'GET without the preflight header',
        () => send({ path: `/graphql?query=${encodeURIComponent('{ days { number } }')}` }),
      ],
    ];
    for (const [what, run] of cases) {
      const answer = await run();
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expectHarmless(answer, what);
    }
  });

  it('is alive afterwards, and logged no internal error and no stack for any of it', async () => {
    const health = await send({ path: '/health' });
    expect(health.status).toBe(200);
    const answer = await post({ query: '{ stories(first: 3) { nodes { slug } } }' });
    expect(answer.body.data.stories.nodes).toHaveLength(3);
    const log = api.output();
    expect(log).not.toMatch(/internal error in a GraphQL request/);
    expect(log).not.toMatch(/"stack"/);
  });
});
