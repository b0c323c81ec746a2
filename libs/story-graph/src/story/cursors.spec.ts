import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

/** The harness signs with this key; signing here forges cursors that pass the signature check. */
const HARNESS_SECRET = 'test-secret';

function sign(payloadJson: string): string {
  const payload = Buffer.from(payloadJson).toString('base64url');
  return `${payload}.${createHmac('sha256', HARNESS_SECRET).update(payload).digest('base64url').slice(0, 22)}`;
}

const STORIES =
  'query($after: String, $before: String, $filter: StoryFilter, $orderBy: StoryOrder) { stories(first: 2, after: $after, before: $before, filter: $filter, orderBy: $orderBy) { edges { node { slug } } pageInfo { endCursor } } }';
const PRACTICE_STORIES =
  'query($slug: String!, $after: String) { practice(slug: $slug) { stories(first: 1, after: $after) { nodes { slug } pageInfo { endCursor } } } }';

describe('cursors', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  const refusal = async (query: string, variables: Record<string, unknown>) => {
    const result = await h.run(query, variables);
    expect(result.errors, JSON.stringify(variables)).toHaveLength(1);
    return result.errors![0];
  };

  it.each([
    ['empty', ''],
    ['a lone dot', '.'],
    ['two dots', '..'],
    ['no signature', 'eyJhIjoxfQ'],
    ['an empty payload', '.abc'],
    ['an empty signature', 'eyJhIjoxfQ.'],
    ['a multibyte signature', `eyJhIjoxfQ.${'é'.repeat(22)}`],
    ['a signature one byte short', `eyJhIjoxfQ.${'a'.repeat(21)}`],
    ['characters outside base64url', 'ey+J/hIjoxfQ==.aaaaaaaaaaaaaaaaaaaaaa'],
    ['10,000 characters', 'a'.repeat(5000) + '.' + 'b'.repeat(4999)],
    ['a NUL byte', '\u0000.\u0000'],
    ['a signed payload that is not JSON', sign('not json')],
    ['a signed null', sign('null')],
    ['a signed object', sign('{"order":"publishedAt:desc"}')],
    ['a signed string', sign('"publishedAt:desc"')],
    ['a signed empty list', sign('[]')],
    ['a signed list of the wrong length', sign('["publishedAt:desc",1,"amazon"]')],
    ['a signed list of wrong types', sign('[1,2,3,4]')],
    ['a signed list with an object value', sign('["publishedAt:desc","x",{"a":1},"amazon"]')],
    ['a signed list with a huge number', sign('["publishedAt:desc","x",1e400,"amazon"]')],
  ])('refuses %s as BAD_USER_INPUT naming the argument', async (_name, cursor) => {
    for (const argument of ['after', 'before']) {
      const error = await refusal(STORIES, { [argument]: cursor });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
      expect(error.message).toContain(`\`${argument}\``);
    }
  });

  it('refuses 300 random byte strings of random lengths, every one as BAD_USER_INPUT', async () => {
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(1 + Math.floor(Math.random() * 80));
      const cursor = i % 2 ? bytes.toString('latin1') : `${bytes.toString('base64url')}.${bytes.toString('base64url')}`;
      const error = await refusal(STORIES, { after: cursor });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('binds a cursor to its filter: refused on another filter, accepted on the same filter in any key order', async () => {
    const filter = { yearFrom: 2000, yearTo: 2100 };
    const first = await h.run(STORIES, { filter });
    const cursor = first.data!.stories.pageInfo.endCursor;
    const other = await refusal(STORIES, { filter: { yearFrom: 2001, yearTo: 2100 }, after: cursor });
    expect(other.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.message).toMatch(/another list/);
    expect((await refusal(STORIES, { after: cursor })).message).toMatch(/another list/);
    const same = await h.run(STORIES, {
      filter: { yearTo: 2100, company: null, yearFrom: 2000 },
      after: cursor,
    });
    expect(same.errors).toBeUndefined();
    expect(same.data!.stories.edges[0].node.slug).not.toBe(first.data!.stories.edges[0].node.slug);
  });

  it('binds a cursor to its order', async () => {
    const first = await h.run(STORIES, {});
    const error = await refusal(STORIES, {
      orderBy: { field: 'TITLE', direction: 'ASC' },
      after: first.data!.stories.pageInfo.endCursor,
    });
    expect(error.message).toMatch(/another sort order/);
  });

  it("binds a nested list's cursor to its parent: practice A's cursor is refused on practice B", async () => {
    const a = await h.run(PRACTICE_STORIES, { slug: 'continuous-deployment' });
    const cursor = a.data!.practice.stories.pageInfo.endCursor;
    const next = await h.run(PRACTICE_STORIES, { slug: 'continuous-deployment', after: cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.practice.stories.nodes).toHaveLength(1);
    const error = await refusal(PRACTICE_STORIES, { slug: 'cloud-migration', after: cursor });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/another list/);
  });
});
