import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { unknownFieldsFilter } from '../test/attacks.js';
import { postGraphql } from '../test/http.js';
import { createTestServer } from '../test/test-server.js';

const FILTERED = 'query($f: StoryFilter) { stories(filter: $f) { totalCount } }';

describe('input limits', () => {
  let dev: ApiServer;
  let prod: ApiServer;
  let devBase: string;
  let prodBase: string;
  beforeAll(async () => {
    dev = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    prod = await createTestServer({
      NODE_ENV: 'production',
      CURSOR_SECRET: 'a-production-test-secret-of-32-bytes+',
      RATE_LIMIT_POINTS: '0',
    });
    devBase = await dev.app.listen({ port: 0, host: '127.0.0.1' });
    prodBase = await prod.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => Promise.all([dev.close(), prod.close()]));

  it('answers a subscription with a 400 BAD_USER_INPUT saying the API has none', async () => {
    const { status, body } = await postGraphql(devBase, { query: 'subscription { stories }' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^This API has no subscription operations; send a query/),
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });

  it.each(['mutation { addStory }', 'mutation Named { addStory(title: "x") { id } }'])(
    '%s, a mutation the API does not have, is a 400 naming the field',
    async (query) => {
      const { status, body } = await postGraphql(devBase, { query });
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Cannot query field "addStory" on type "Mutation"\./),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
    },
  );

  it('stops after 5 variable errors, each quoting a short preview, never the whole value', async () => {
    const filter = unknownFieldsFilter(3000); // about 40 kB, under the body limit
    const { status, body } = await postGraphql(devBase, { query: FILTERED, variables: { f: filter } });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(6);
    expect(body.errors![5].message).toBe('Stopped after 5 variable errors; fix these and send again.');
    for (const error of body.errors!) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message.length).toBeLessThanOrEqual(300);
    }
    expect(body.errors![0].message).toBe(
      'Variable "$f" got invalid value an object with 3000 fields ("k0", "k1", "k2", …); Field "k0" is not defined by type "StoryFilter".',
    );
    expect(JSON.stringify(body).length).toBeLessThan(2000);
  });

  it('shortens messages that quote long client text', async () => {
    const { body } = await postGraphql(devBase, {
      query: 'query($f: BodyFormat!) { story(slug: "amazon") { body(format: $f) } }',
      variables: { f: 'X'.repeat(20_000) },
    });
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message.length).toBeLessThanOrEqual(300);
  });

  it('answers a body over the limit with 413 in GraphQL shape', async () => {
    const { status, body } = await postGraphql(devBase, {
      query: FILTERED,
      variables: { f: unknownFieldsFilter(90_000) },
    });
    expect(status).toBe(413);
    expect(body).toEqual({
      errors: [
        {
          message: 'The request body is larger than 64 KB; send a shorter query and fewer variables.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
      extensions: { cost: { requested: 0, limit: 1000 } },
    });
  });

  it('answers malformed JSON with 400 in GraphQL shape', async () => {
    const response = await fetch(`${devBase}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an enum value', 'query($f: BodyFormat!) { story(slug: "amazon") { body(format: $f) } }', { f: 'HTM' }],
    ['an input field', FILTERED, { f: { practise: 'x' } }],
    ['a field', '{ storiez { totalCount } }', undefined],
    ['an argument', '{ stories(frist: 2) { totalCount } }', undefined],
  ])('suggests names for %s in development, and hides them in production', async (_what, query, variables) => {
    const devAnswer = await postGraphql(devBase, { query, variables });
    expect(devAnswer.body.errors![0].message).toMatch(/Did you mean/);
    const prodAnswer = await postGraphql(prodBase, { query, variables });
    expect(prodAnswer.status).toBe(400);
    expect(JSON.stringify(prodAnswer.body)).not.toMatch(/Did you mean|HTML|practice|stories"|first/);
  });
});
