import { toGlobalId } from '@devops-stories/story-graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

/** Words no shipped content uses: a response holding them has leaked a draft. */
const WORD = 'zqxleak';

const ORDERS = ['PUBLISHED_AT', 'YEAR', 'TITLE'].flatMap((field) =>
  ['ASC', 'DESC'].map((direction) => `{ field: ${field}, direction: ${direction} }`),
);
const FILTERS = [
  '{}',
  '{ company: "netflix" }',
  '{ practice: "rollback" }',
  '{ industry: "streaming media" }',
  '{ yearFrom: 2011, yearTo: 2011 }',
  '{ day: 6 }',
];
const CARD = 'slug title headline summary body(format: TEXT)';

/** Every read path the issue lists, each a document a reader could send. */
function readPaths(): [string, string][] {
  const lists = FILTERS.flatMap((filter) =>
    ORDERS.flatMap((order): [string, string][] => [
      [
        `stories ${filter} ${order} first`,
        `{ stories(filter: ${filter}, orderBy: ${order}, first: 100) { totalCount nodes { ${CARD} } } }`,
      ],
      [
        `stories ${filter} ${order} last`,
        `{ stories(filter: ${filter}, orderBy: ${order}, last: 100) { totalCount edges { node { ${CARD} } } } }`,
      ],
    ]),
  );
  return [
    ['story(slug:)', `{ story(slug: "${WORD}-story") { ${CARD} } }`],
    ...lists,
    ['Company.stories', `{ company(slug: "netflix") { stories(first: 100) { totalCount nodes { ${CARD} } } } }`],
    ['Practice.stories', `{ practice(slug: "rollback") { stories(first: 100) { totalCount nodes { ${CARD} } } } }`],
    [
      'companies/practices nested',
      `{ companies { stories(first: 20) { totalCount nodes { slug title } } } practices { stories(first: 20) { totalCount nodes { slug } } } }`,
    ],
    ['Story.related', `{ story(slug: "netflix") { related(first: 20) { ${CARD} } } }`],
    ['day.stories', `{ day(number: 6) { stories { ${CARD} } } }`],
    ['days.stories', `{ days { stories { slug title } recap { title points } } }`],
    ['recap.stories', `{ recap(day: 8) { stories { ${CARD} } } }`],
    ['recaps', `{ recaps(first: 100) { totalCount nodes { day title points body stories { slug title } } } }`],
    ['draft recap by day', `{ recap(day: 9) { title points body } day(number: 9) { recap { title points } } }`],
    ['node(id) story', `{ node(id: "${toGlobalId('Story', `${WORD}-story`)}") { id ... on Story { ${CARD} } } }`],
    ['node(id) recap', `{ node(id: "${toGlobalId('Recap', 9)}") { id ... on Recap { title points } } }`],
    [
      'search story words',
      `{ search(query: "${WORD}word", first: 50) { snippet node { __typename ... on Story { slug title } } } }`,
    ],
    [
      'search recap words',
      `{ search(query: "${WORD}recap", first: 50) { snippet node { __typename ... on Recap { day title } } } }`,
    ],
    ...FILTERS.flatMap((filter): [string, string][] => [
      [
        `search ${filter}`,
        `{ search(query: "${WORD}word", filter: ${filter}, first: 50) { snippet node { ... on Story { ${CARD} } } } }`,
      ],
      [
        `searchHits ${filter}`,
        `{ searchHits(query: "${WORD}word", filter: ${filter}, first: 50) { totalCount nodes { snippet node { ... on Story { ${CARD} } } } } }`,
      ],
    ]),
    [
      'searchHits recap words',
      `{ searchHits(query: "${WORD}recap", first: 50) { totalCount edges { node { node { ... on Recap { day title points } } } } } }`,
    ],
  ];
}

describe('drafts never leak to anonymous readers', () => {
  let server: ApiServer;
  let tokens: RoleTokens;

  beforeAll(async () => {
    // Walking every path costs more than one client's budget a minute.
    server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    tokens = await roleTokens(server.store);
    const { store } = server;
    const ok = <T>(result: { ok: true; record: T } | { ok: false; problem: { message: string } }) => {
      if (!result.ok) throw new Error(result.problem.message);
      return result.record;
    };
    ok(
      await store.create(
        'Story',
        {
          slug: `${WORD}-story`,
          title: `Netflix ${WORD}word draft`,
          headline: `A ${WORD}word headline`,
          company: 'netflix',
          year: 2011,
          day: 6,
          summary: `The ${WORD}word summary.`,
          practices: ['rollback', 'canary-release', 'continuous-deployment'],
          sources: [{ id: 'a', title: 'A', url: 'https://a.example/', kind: 'blog', publisher: null, year: 2012 }],
          metrics: [],
          body: `Body with ${WORD}word.`,
        },
        'test',
      ),
    );
    for (const number of [8, 9]) {
      ok(await store.create('Day', { number, title: `Day ${number}`, topic: 't', summary: 's', body: 'b' }, 'test'));
    }
    // A published recap that links the draft, and a draft recap with words of its own.
    ok(
      await store.create(
        'Recap',
        { day: 8, title: 'Recap 8', coversDays: [8], points: ['p'], stories: ['netflix', `${WORD}-story`], body: 'r' },
        'test',
      ),
    );
    ok(await store.setStatus('Recap', 8, 1, 'published', 'test'));
    ok(
      await store.create(
        'Recap',
        {
          day: 9,
          title: `Recap ${WORD}recap`,
          coversDays: [9],
          points: [`${WORD}recap point`],
          stories: [],
          body: 'r',
        },
        'test',
      ),
    );
  });
  afterAll(() => server.close());

  it('walks every read path: zero hits anonymously (and with a token but no preview); found in preview, never cached', async () => {
    const paths = readPaths();
    expect(paths.length).toBe(99);
    for (const [name, query] of paths) {
      for (const asker of [{}, { token: tokens.editor }, { token: tokens.moderator }]) {
        const answer = await gql(server, query, {}, asker);
        expect(answer.body.errors, `${name}: ${JSON.stringify(answer.body.errors)}`).toBeUndefined();
        expect(JSON.stringify(answer.body), name).not.toContain(WORD);
      }
      const preview = await gql(server, query, {}, { token: tokens.editor, preview: true });
      expect(preview.body.errors, name).toBeUndefined();
      expect(JSON.stringify(preview.body), `${name} in preview`).toContain(WORD);
      expect(preview.headers['cache-control'], name).toBe('private, no-store');
    }
  });

  it('counts drafts only in preview, under every filter', async () => {
    for (const filter of FILTERS) {
      const query = `{ stories(filter: ${filter}, first: 100) { totalCount nodes { slug status } } }`;
      const anonymous = (await gql(server, query)).body.data.stories;
      const preview = (await gql(server, query, {}, { token: tokens.admin, preview: true })).body.data.stories;
      const drafts = preview.nodes.filter((n: { status: string }) => n.status === 'DRAFT');
      expect(
        drafts.map((n: { slug: string }) => n.slug),
        filter,
      ).toContain(`${WORD}-story`);
      expect(
        anonymous.nodes.every((n: { status: string }) => n.status === 'PUBLISHED'),
        filter,
      ).toBe(true);
      expect(anonymous.totalCount, filter).toBe(anonymous.nodes.length);
      expect(preview.totalCount, filter).toBe(anonymous.totalCount + drafts.length);
    }
  });

  it('never finds or counts a draft in searchHits, under every filter; counts it in preview', async () => {
    for (const filter of FILTERS) {
      for (const [words, kind] of [
        [`${WORD}word`, 'Story'],
        [`${WORD}recap`, 'Recap'],
      ]) {
        const query = `{ searchHits(query: "${words}", filter: ${filter}, first: 100) { totalCount nodes { node { __typename } } } }`;
        const anonymous = (await gql(server, query)).body.data.searchHits;
        expect(anonymous, `${words} ${filter}`).toEqual({ totalCount: 0, nodes: [] });
        if (kind === 'Recap' && filter !== '{}') continue; // the draft recap presents no story a filter selects
        const preview = (await gql(server, query, {}, { token: tokens.editor, preview: true })).body.data.searchHits;
        expect(preview, `${words} ${filter} in preview`).toEqual({
          totalCount: 1,
          nodes: [{ node: { __typename: kind } }],
        });
      }
      // A word published content shares with the draft: the draft adds to the preview's count only.
      const common = `{ searchHits(query: "netflix", filter: ${filter}, first: 100) { totalCount nodes { node { ... on Story { slug } } } } }`;
      const anonymous = (await gql(server, common)).body.data.searchHits;
      const preview = (await gql(server, common, {}, { token: tokens.editor, preview: true })).body.data.searchHits;
      const slugs = (page: { nodes: { node: { slug?: string } }[] }) => page.nodes.map((n) => n.node.slug);
      expect(slugs(anonymous), filter).not.toContain(`${WORD}-story`);
      expect(slugs(preview), filter).toContain(`${WORD}-story`);
      expect(anonymous.totalCount, filter).toBe(anonymous.nodes.length);
      expect(preview.totalCount, filter).toBe(preview.nodes.length);
    }
  });

  it('refuses preview without an editor or admin token, instead of quietly hiding drafts', async () => {
    const query = `{ story(slug: "${WORD}-story") { slug } }`;
    const none = await gql(server, query, {}, { preview: true });
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const moderator = await gql(server, query, {}, { token: tokens.moderator, preview: true });
    expect(moderator.status).toBe(403);
    expect(moderator.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify([none.body, moderator.body])).not.toContain(`${WORD}word`);
  });

  it('marks every response to a request with Authorization private; anonymous reads stay cacheable', async () => {
    const query = '{ story(slug: "netflix") { slug } }';
    expect((await gql(server, query)).headers['cache-control']).toBeUndefined();
    expect((await gql(server, query, {}, { token: tokens.moderator })).headers['cache-control']).toBe(
      'private, no-store',
    );
    expect((await gql(server, query, {}, { token: 'dst_unknown' })).headers['cache-control']).toBe('private, no-store');
  });
});
