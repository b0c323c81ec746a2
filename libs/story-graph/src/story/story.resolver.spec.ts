import { loadContent, markdownToHtml } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CursorCodec } from '../relay/paging.js';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const published = loadContent().stories.filter((s) => s.status === 'published');
/** Slugs in the order the store sorts: by key, ties broken by slug in the same direction. */
const sortedSlugs = (key: (s: (typeof published)[number]) => string | number, direction: 1 | -1) =>
  [...published]
    .sort((a, b) => direction * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.slug < b.slug ? -1 : 1))
    .map((s) => s.slug);

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String, $filter: StoryFilter, $orderBy: StoryOrder) {
    stories(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          slug
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

describe('stories', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  const page = async (variables: Record<string, unknown>) => {
    const result = await h.run(PAGE, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.stories;
  };

  it('pages forward with cursors, visiting every published story once, then walks back', async () => {
    const first = await page({ first: 3 });
    expect(first.edges).toHaveLength(3);
    expect(first.totalCount).toBeGreaterThanOrEqual(6);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const forward: string[] = [];
    let after: string | null = null;
    let last: any;
    do {
      last = await page({ first: 2, after });
      forward.push(...last.edges.map((e: any) => e.node.slug));
      after = last.pageInfo.endCursor;
    } while (last.pageInfo.hasNextPage);
    expect(forward).toHaveLength(first.totalCount);
    expect(new Set(forward).size).toBe(forward.length);
    expect(forward).not.toContain('etsy-deployinator');

    const backward: string[] = [];
    let before: string | null = null;
    do {
      last = await page({ last: 2, before });
      backward.unshift(...last.edges.map((e: any) => e.node.slug));
      before = last.pageInfo.startCursor;
    } while (last.pageInfo.hasPreviousPage);
    expect(backward).toEqual(forward);
  });

  it('filters by practice with totalCount equal to the edges when all fit', async () => {
    const cd = await page({ filter: { practice: 'continuous-deployment' } });
    const slugs = cd.edges.map((e: any) => e.node.slug);
    expect(slugs).toEqual(expect.arrayContaining(['amazon', 'etsy']));
    expect(cd.totalCount).toBe(cd.edges.length);
    expect(cd.pageInfo.hasNextPage).toBe(false);
  });

  it('orders by title ascending and by year descending, ties broken by slug', async () => {
    const byTitle = await page({ orderBy: { field: 'TITLE', direction: 'ASC' }, first: 100 });
    expect(byTitle.edges.map((e: any) => e.node.slug)).toEqual(sortedSlugs((s) => s.title.toLowerCase(), 1));
    expect(byTitle.totalCount).toBe(published.length);
    const byYear = await page({ orderBy: { field: 'YEAR', direction: 'DESC' }, first: 100 });
    expect(byYear.edges.map((e: any) => e.node.slug)).toEqual(sortedSlugs((s) => s.year ?? 0, -1));
  });

  it.each([
    [{ first: 500 }, '`first` must be between 1 and 100, got 500.'],
    [{ first: -1 }, '`first` must be between 1 and 100, got -1.'],
    [{ first: 0 }, '`first` must be between 1 and 100, got 0.'],
    [{ first: 101 }, '`first` must be between 1 and 100, got 101.'],
    [{ first: 2, last: 2 }, 'Pass either `first` or `last`, not both.'],
    [
      { after: 'bm90LWEtY3Vyc29y' },
      "`after` is not a cursor this API issued; pass a cursor from an earlier page's edges or pageInfo.",
    ],
  ])('rejects %j with BAD_USER_INPUT', async (variables, message) => {
    const result = await h.run(PAGE, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].message).toBe(message);
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a tampered cursor and one from another order', async () => {
    const { endCursor } = (await page({ first: 1 })).pageInfo;
    const [payload, signature] = endCursor.split('.');
    const forged = `${Buffer.from(JSON.stringify(['publishedAt:desc', 0, 'zzz'])).toString('base64url')}.${signature}`;
    expect(payload).not.toBe(forged.split('.')[0]);
    for (const [vars, text] of [
      [{ after: forged }, 'is not a cursor this API issued'],
      [{ after: endCursor, orderBy: { field: 'TITLE', direction: 'ASC' } }, 'was issued for another sort order'],
    ] as const) {
      const result = await h.run(PAGE, vars);
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(text);
    }
  });

  it('rejects an inverted year range, saying how to fix it', async () => {
    const result = await h.run(PAGE, { filter: { yearFrom: 2015, yearTo: 2010 } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: '`yearFrom` (2015) is after `yearTo` (2010); swap them.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' },
    });
  });

  it('signs only the cursors a client selects', async () => {
    const encode = vi.spyOn(CursorCodec.prototype, 'encode');
    try {
      const cards = await h.run('{ stories(first: 20) { nodes { slug } pageInfo { endCursor hasNextPage } } }');
      expect(cards.errors).toBeUndefined();
      expect(encode).toHaveBeenCalledTimes(1);
      encode.mockClear();
      const edges = await h.run('{ stories(first: 3) { edges { cursor } pageInfo { startCursor endCursor } } }');
      expect(edges.data!.stories.pageInfo).toEqual({
        startCursor: edges.data!.stories.edges[0].cursor,
        endCursor: edges.data!.stories.edges[2].cursor,
      });
      expect(encode).toHaveBeenCalledTimes(3);
    } finally {
      encode.mockRestore();
    }
  });

  it('reads a list without bodies, and the bodies it shows in one more statement', async () => {
    const cards = await h.run('{ stories(first: 20) { nodes { slug title } } }');
    expect(cards.errors).toBeUndefined();
    expect(h.statements).toHaveLength(1);
    expect(h.statements[0]).not.toMatch(/body/);
    const bodies = await h.run('{ stories(first: 20) { nodes { slug body(format: HTML) } } }');
    expect(h.statements).toHaveLength(2);
    for (const node of bodies.data!.stories.nodes) {
      expect(node.body).toBe(markdownToHtml(published.find((s) => s.slug === node.slug)!.body));
    }
  });

  it('loads 20 stories with company, practices, metrics and sources in 5 statements', async () => {
    const result = await h.run(`{
      stories(first: 20) {
        totalCount
        nodes {
          slug company { name industry } practices { slug }
          metrics { label value unit source { url } } sources { title url kind }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.stories.nodes.length).toBeGreaterThanOrEqual(6);
    expect(h.statements).toHaveLength(5);
  });
});

describe('story', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  it('carries the 11.6-second metric with its source, safe HTML, and refetches by node id', async () => {
    const { data, errors } = await h.run(`{
      story(slug: "amazon") {
        id title company { slug } readingTimeMinutes
        metrics { label value unit year source { url title } }
        html: body(format: HTML) text: body(format: TEXT) markdown: body
        related { slug }
      }
    }`);
    expect(errors).toBeUndefined();
    const story = data!.story;
    const interval = story.metrics.find((m: any) => m.value === 11.6);
    expect(interval).toMatchObject({ unit: 'seconds', year: 2011 });
    expect(interval.source.url).toMatch(/^https?:\/\//);
    expect(story.html).toMatch(/<p>/);
    expect(story.html).not.toMatch(/<script/i);
    expect(story.text).not.toMatch(/[<>]|\]\(/);
    expect(story.markdown).toMatch(/\]\(http/);
    const words = story.text.split(/\s+/).filter(Boolean).length;
    expect(story.readingTimeMinutes).toBe(Math.max(1, Math.ceil(words / 200)));
    expect(story.related.map((s: any) => s.slug)).not.toContain('amazon');

    const again = await h.run(`query($id: ID!) { node(id: $id) { id ... on Story { slug title } } }`, { id: story.id });
    expect(again.data!.node).toEqual({ id: story.id, slug: 'amazon', title: story.title });
  });

  it('returns null for an unknown slug and for a draft, everywhere a draft could surface', async () => {
    const { data, errors } = await h.run(`{
      missing: story(slug: "nope") { slug }
      draft: story(slug: "etsy-deployinator") { slug }
      company(slug: "etsy") { stories(first: 100) { totalCount nodes { slug } } }
      practice(slug: "continuous-deployment") { stories { totalCount nodes { slug } } }
      day(number: 6) { stories { slug } }
      search(query: "deployinator") { node { ... on Story { slug } } }
      etsy: story(slug: "etsy") { related(first: 20) { slug } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.missing).toBeNull();
    expect(data!.draft).toBeNull();
    const everything = JSON.stringify(data);
    expect(everything).not.toContain('etsy-deployinator');
    expect(data!.company.stories.totalCount).toBe(data!.company.stories.nodes.length);
    expect(data!.practice.stories.totalCount).toBe(2);
  });

  it('rejects ids it did not issue, and answers null for a well-formed id of nothing', async () => {
    const result = await h.run(`{ node(id: "garbage!") { id } }`);
    expect(result.errors?.[0]).toMatchObject({
      message:
        '"garbage!" is not an id this API issued; use the `id` field of a Story, Company, Practice, Day or Recap.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
    });
    const unknown = Buffer.from('Story:nope').toString('base64url');
    expect((await h.run(`{ node(id: "${unknown}") { id } }`)).data!.node).toBeNull();
  });
});
