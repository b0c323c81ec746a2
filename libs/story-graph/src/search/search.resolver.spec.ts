import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const HITS = /* GraphQL */ `
  query Hits($query: String!) {
    search(query: $query, first: 50) {
      snippet
      node {
        __typename
        ... on Story {
          title
          headline
          summary
          company {
            name
          }
          text: body(format: TEXT)
        }
        ... on Day {
          title
          topic
          summary
          text: body(format: TEXT)
        }
        ... on Recap {
          title
          points
          text: body(format: TEXT)
        }
      }
    }
  }
`;

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('search', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  it.each(['deploy', 'devops', 'rollback', 'culture'])(
    'leads every hit for %j to text the API serves, snippet included',
    async (query) => {
      const { data, errors } = await h.run(HITS, { query });
      expect(errors).toBeUndefined();
      expect(data!.search.length).toBeGreaterThan(0);
      for (const { snippet, node } of data!.search) {
        const { __typename, text, company, points, ...fields } = node;
        const titled = __typename === 'Story' ? `${fields.title} ${company.name}` : fields.title;
        const served = words(
          [titled, fields.headline, fields.topic, fields.summary, ...(points ?? []), text].filter(Boolean).join('\n'),
        );
        for (const part of snippet.replace(/[«»]/g, '').split('…').map(words).filter(Boolean)) {
          expect(served, `${__typename} snippet "${snippet}"`).toContain(part);
        }
      }
    },
  );
});

const PAGE = /* GraphQL */ `
  query Page($query: String!, $filter: StoryFilter, $first: Int, $after: String) {
    searchHits(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          score
          snippet
          node {
            __typename
            ... on Story {
              slug
            }
            ... on Day {
              number
            }
            ... on Recap {
              day
            }
          }
        }
      }
      nodes {
        score
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($query: String!, $filter: StoryFilter) {
    search(query: $query, filter: $filter, first: 50) {
      score
      snippet
      node {
        __typename
        ... on Story {
          slug
        }
        ... on Day {
          number
        }
        ... on Recap {
          day
        }
      }
    }
  }
`;

type Hit = {
  score: number;
  snippet: string;
  node: { __typename: string; slug?: string; number?: number; day?: number };
};
const id = ({ node }: Hit) => `${node.__typename}:${node.slug ?? node.number ?? node.day}`;

describe('search under a filter, and searchHits', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  async function walk(query: string, filter: object | null, first: number) {
    const hits: Hit[] = [];
    const counts = new Set<number>();
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const result: ExecutionResult<Record<string, any>> = await h.run(PAGE, { query, filter, first, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.searchHits;
      counts.add(connection.totalCount);
      hits.push(...connection.edges.map((e: { node: Hit }) => e.node));
      expect(connection.nodes.map((n: Hit) => n.score)).toEqual(
        connection.edges.map((e: { node: Hit }) => e.node.score),
      );
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) return { hits, counts };
      after = connection.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  }

  it.each([
    ['deploy', null],
    ['deploy', { practice: 'continuous-deployment' }],
    ['devops', { company: 'netflix' }],
    ['devops', { day: 3 }],
    ['devops', { yearFrom: 2011, yearTo: 2011 }],
    ['deploy', { company: 'nobody' }],
  ])('counts %j under %j exactly the hits a client pages through, the same as `search`', async (query, filter) => {
    const { hits, counts } = await walk(query, filter, 2);
    expect([...counts]).toEqual([hits.length]);
    expect(new Set(hits.map(id)).size).toBe(hits.length);
    const list = await h.run(LIST, { query, filter });
    expect(list.errors).toBeUndefined();
    expect(hits).toEqual(list.data!.search);
    if (hits.length) expect(hits[0].score).toBe(1);
  });

  it('narrows by the filter: "deploy" under continuous-deployment keeps its stories and the recap that links them', async () => {
    const all = await walk('deploy', null, 100);
    const { hits } = await walk('deploy', { practice: 'continuous-deployment' }, 100);
    expect(hits.map(id)).toEqual(['Story:etsy', 'Story:amazon', 'Recap:6']);
    expect(all.hits.map(id)).toEqual(expect.arrayContaining([...hits.map(id), 'Day:5', 'Story:netflix']));
  });

  it('binds cursors to the query and the filter', async () => {
    const first = await h.run(PAGE, { query: 'devops', filter: null, first: 1 });
    const after = first.data!.searchHits.pageInfo.endCursor;
    const same = await h.run(PAGE, { query: 'DevOps!', filter: {}, first: 1, after });
    expect(same.errors).toBeUndefined();
    for (const other of [
      { query: 'deploy', filter: null },
      { query: 'devops', filter: { day: 6 } },
    ]) {
      const { errors } = await h.run(PAGE, { ...other, first: 1, after });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      expect(errors?.[0].message).toContain('another list (a different query, filter or parent)');
    }
    const stories = await h.run('{ stories(first: 1) { pageInfo { endCursor } } }');
    const { errors } = await h.run(PAGE, {
      query: 'devops',
      first: 1,
      after: stories.data!.stories.pageInfo.endCursor,
    });
    expect(errors?.[0].message).toContain('another sort order');
  });

  it('refuses bad arguments with BAD_USER_INPUT and finds no draft', async () => {
    for (const [variables, argument] of [
      [{ query: 'deploy', first: 101 }, 'first'],
      [{ query: 'deploy', first: 0 }, 'first'],
      [{ query: 'deploy', filter: { yearFrom: 2012, yearTo: 2010 } }, 'filter'],
      [{ query: '***' }, 'query'],
      [{ query: 'deploy', after: 'nonsense' }, 'after'],
    ] as const) {
      const { errors } = await h.run(PAGE, variables);
      expect(errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: argument,
      });
    }
    const listed = await h.run(LIST, { query: 'deploy', filter: { yearFrom: 2012, yearTo: 2010 } });
    expect(listed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter' });
    // Etsy's story names its tool Deployinator; the draft about it is neither found nor counted.
    const draft = await h.run(PAGE, { query: 'deployinator', filter: { practice: 'continuous-deployment' } });
    expect(draft.data!.searchHits.edges.map((e: { node: Hit }) => id(e.node))).toEqual(['Story:etsy']);
    expect(draft.data!.searchHits.totalCount).toBe(1);
  });

  it('loads a page of 20 hits with story cards in one statement per kind of row', async () => {
    const { data, errors } = await h.run(
      `{ searchHits(query: "devops", first: 20) { totalCount nodes { node { __typename
        ... on Story { slug company { name } practices { slug } metrics { label } }
        ... on Day { number }
        ... on Recap { day stories { slug } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(new Set(data!.searchHits.nodes.map((n: Hit) => n.node.__typename))).toEqual(
      new Set(['Story', 'Day', 'Recap']),
    );
    expect(data!.searchHits.nodes.length).toBeGreaterThan(8);
    // The search; stories, days and recaps; then companies, practices, metrics and the recaps' stories.
    expect(h.statements).toHaveLength(8);
  });
});
