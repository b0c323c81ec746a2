import { loadContent } from '@devops-stories/story-content';
import { type TestDatabase, testDatabase } from '@devops-stories/test-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../test/story-store.contract.js';
import type { StoryStore } from '../store.types.js';
import { openPostgresStore } from './open.js';

/**
 * The canonical reads of issue 14 (the SQLite list is in ../sqlite/query-plans.spec.ts), each with
 * the indexes its plan must read by key. With the shipped content PostgreSQL would rightly pick
 * sequential scans and hash or merge joins of whole tables, so each plan is taken with those off:
 * a whole-table read that is left means no index can serve the read.
 *
 * A need `range:<index>` is a page read as a range of the index, LIMIT rows long (a `Limit` right
 * over the index scan: no sort of every row the filter matches); `cursor:<index>` is that range
 * starting at the cursor (its `Index Cond` holds the row comparison with the cursor's key).
 */
const CANONICAL: [label: string, read: (store: StoryStore) => Promise<unknown>, needs: string[]][] = [
  ['list, page 1', (store) => store.listStories(query()), ['range:stories_order_published', 'story_counts_pkey']],
  [
    'list, a page after a cursor',
    (store) =>
      store.listStories(query({ from: { direction: 'forward', after: { value: 1_700_000_000_000, slug: 'm' } } })),
    ['cursor:stories_order_published', 'story_counts_pkey'],
  ],
  [
    'list sorted by title',
    (store) => store.listStories(query({ sort: { field: 'title', direction: 'asc' } })),
    ['range:stories_order_title'],
  ],
  [
    'list sorted by title, a page after a cursor',
    (store) =>
      store.listStories(
        query({
          sort: { field: 'title', direction: 'asc' },
          from: { direction: 'forward', after: { value: 'm', slug: 'm' } },
        }),
      ),
    ['cursor:stories_order_title'],
  ],
  [
    'list sorted by year, a page before a cursor',
    (store) =>
      store.listStories(
        query({
          sort: { field: 'year', direction: 'desc' },
          from: { direction: 'backward', before: { value: 2015, slug: 'm' } },
        }),
      ),
    ['cursor:stories_order_year'],
  ],
  [
    'preview list, a page after a cursor',
    (store) =>
      store.listStories(
        query({ view: 'all', from: { direction: 'forward', after: { value: 1_700_000_000_000, slug: 'm' } } }),
      ),
    ['cursor:stories_order_published'],
  ],
  [
    'list filtered by practice',
    (store) => store.listStories(query({ filter: { practice: 'continuous-delivery' } })),
    ['practices_slug_key', 'story_practices_practice_story', 'stories_pkey', 'practice_story_counts_pkey'],
  ],
  [
    'list filtered by company',
    (store) => store.listStories(query({ filter: { company: 'amazon' } })),
    ['companies_slug_key', 'range:stories_company_order', 'company_story_counts_pkey'],
  ],
  [
    "companies' stories",
    (store) => store.storyPagesByCompanyIds([1, 2, 3], { after: null, limit: 21 }, 'published'),
    ['stories_company_order', 'company_story_counts_pkey'],
  ],
  [
    "practices' stories after a cursor",
    (store) =>
      store.storyPagesByPracticeIds([1, 2], { after: { value: 1_700_000_000_000, slug: 'm' }, limit: 21 }, 'published'),
    ['stories_order_published', 'story_practices_practice_story', 'practice_story_counts_pkey'],
  ],
  ['story by slug', (store) => store.storiesBySlugs(['amazon'], 'published'), ['stories_slug_key']],
  [
    'related stories',
    (store) => store.relatedStories([1, 2], 3, 'published'),
    ['story_practices_pkey', 'story_practices_practice_story', 'stories_pkey'],
  ],
  ["a recap's stories", (store) => store.storiesByRecapDays([1, 2], 'published'), ['recap_stories_pkey']],
  ["cards' practices", (store) => store.practicesByStoryIds([1, 2]), ['story_practices_pkey']],
];

/** The tables no canonical read may scan whole. */
const KEPT_FROM_SCANS = ['stories', 'story_practices', 'recap_stories'];

interface PlanNode {
  'Node Type': string;
  'Index Cond'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * Each read of a whole table in {@link KEPT_FROM_SCANS}: a `Seq Scan`, or an index scan with no
 * `Index Cond` (every entry of the index, in its order), as `<node> on <table>`.
 */
function scans(plan: PlanNode): string[] {
  return nodes(plan)
    .filter((n) => KEPT_FROM_SCANS.includes(n['Relation Name'] ?? ''))
    .filter((n) => n['Node Type'] === 'Seq Scan' || (n['Node Type'].startsWith('Index') && !n['Index Cond']))
    .map((n) => `${n['Node Type']} on ${n['Relation Name']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
}

/** Each index a plan reads by key (with an `Index Cond`). */
function indexes(plan: PlanNode): string[] {
  return nodes(plan).flatMap((n) => (n['Index Name'] && n['Index Cond'] ? [n['Index Name']] : []));
}

/**
 * Each index a plan reads as a page: `range:<index>` for a `Limit` right over a keyed scan of it,
 * and `cursor:<index>` too when that scan starts at a cursor (a row comparison in its `Index Cond`).
 */
function ranges(plan: PlanNode): string[] {
  return nodes(plan)
    .filter((n) => n['Node Type'] === 'Limit')
    .flatMap((n) => n.Plans?.filter((child) => child['Parent Relationship'] === 'Outer') ?? [])
    .flatMap((scan) => {
      const index = scan['Index Name'];
      if (!index || !scan['Index Cond']) return [];
      return scan['Index Cond'].includes('ROW(') ? [`range:${index}`, `cursor:${index}`] : [`range:${index}`];
    });
}

/** What is wrong with a read's plans: each needed index they do not read by key, each table they read whole. */
function planProblems(plans: PlanNode[], needs: string[]): string[] {
  const read = plans.flatMap((plan) => [...indexes(plan), ...ranges(plan)]);
  return [
    ...needs.filter((index) => !read.includes(index)).map((index) => `lacks ${index}`),
    ...plans.flatMap(scans).map((scan) => `scans: ${scan}`),
  ];
}

let database: TestDatabase;
const schema = 'plans';
const statements = new Map<string, { text: string; values: unknown[] }[]>();

beforeAll(async () => {
  database = await testDatabase('query_plans');
  // The store reports SQL text only; the values are taken where the pool's clients send them.
  let label: string | null = null;
  const send = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    if (label && typeof text === 'string' && Array.isArray(values)) {
      statements.set(label, [...(statements.get(label) ?? []), { text, values }]);
    }
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
  const store = await openPostgresStore({ url: database.url, schema, poolSize: 1 });
  try {
    await store.importContent(loadContent());
    for (const [name, read] of CANONICAL) {
      label = name;
      await read(store);
      label = null;
    }
  } finally {
    pg.Client.prototype.query = send;
    await store.close();
  }
}, 60_000);
afterAll(() => database?.drop());

/**
 * Runs `body` on a client in a transaction, rolled back, where the planner may not read a table
 * sequentially, join by hash or merge, or materialize an inner side: what is left is what indexes can do.
 */
async function indexPlans<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('ANALYZE');
    await client.query('BEGIN');
    for (const setting of ['enable_seqscan', 'enable_mergejoin', 'enable_hashjoin', 'enable_material']) {
      await client.query(`SET LOCAL ${setting} = off`);
    }
    return await body(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

/** The plans of the statements `label` ran. */
async function plansOf(client: pg.Client, label: string): Promise<PlanNode[]> {
  const plans: PlanNode[] = [];
  for (const { text, values } of statements.get(label) ?? []) {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) ${text}`,
      values,
    );
    plans.push(rows[0]['QUERY PLAN'][0].Plan);
  }
  return plans;
}

describe('PostgreSQL query plans of the canonical reads', () => {
  it.each(CANONICAL.map(([label, , needs]) => [label, needs] as const))(
    '%s: reads its indexes and no table whole',
    async (label, needs) => {
      await indexPlans(async (client) => {
        const plans = await plansOf(client, label);
        expect(plans.length).toBeGreaterThan(0);
        expect(plans.flatMap(indexes).length).toBeGreaterThan(0);
        expect(planProblems(plans, needs)).toEqual([]);
      });
    },
  );

  it.each([
    // The pages fall back to sorting every story of the view (read by another status-led index).
    ['list, a page after a cursor', 'stories_order_published', ['lacks cursor:stories_order_published']],
    ['preview list, a page after a cursor', 'stories_order_published', ['lacks cursor:stories_order_published']],
    ['list sorted by title', 'stories_order_title', ['lacks range:stories_order_title']],
    // The pages fall back to every published story, filtered by company.
    ["companies' stories", 'stories_company_order', ['lacks stories_company_order']],
    // The filter falls back to reading every story and looking its link up.
    ['list filtered by practice', 'story_practices_practice_story', ['lacks story_practices_practice_story']],
  ])('fails when an index a canonical read needs is dropped: %s without %s', async (label, index, problems) => {
    const [, , needs] = CANONICAL.find(([name]) => name === label)!;
    await indexPlans(async (client) => {
      expect(planProblems(await plansOf(client, label), needs)).toEqual([]);
      await client.query(`DROP INDEX ${index}`);
      expect(planProblems(await plansOf(client, label), needs)).toEqual(problems);
    });
  });

  it('fails when a table is scanned', () => {
    expect(
      scans({
        'Node Type': 'Nested Loop',
        Plans: [
          { 'Node Type': 'Seq Scan', 'Relation Name': 'stories' },
          { 'Node Type': 'Seq Scan', 'Relation Name': 'companies' },
          { 'Node Type': 'Index Scan', 'Relation Name': 'story_practices', 'Index Name': 'story_practices_pkey' },
          {
            'Node Type': 'Index Only Scan',
            'Relation Name': 'stories',
            'Index Name': 'stories_pkey',
            'Index Cond': '(id = 1)',
          },
        ],
      }),
    ).toEqual(['Seq Scan on stories', 'Index Scan on story_practices using story_practices_pkey']);
  });
});
