import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadContent } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, searchQuery } from '../test/story-store.contract.js';
import type { StoryStore } from '../store.types.js';
import { openSqliteStore } from './open.js';

/**
 * The canonical reads of issue 14, each with the index reads its plan must make: a page is a range
 * of its order's index, a nested page a range per parent, a count an index read. No plan may scan a
 * table (`SCAN stories`); a CTE, a constant row, a key list (json_each) and a full-text MATCH may be scanned.
 */
/** A total read from the counts the triggers keep (story_filter_counts): one row per status. */
const KEPT_COUNT = 'SEARCH fc USING PRIMARY KEY (filter=? AND key=? AND status=?)';

const CANONICAL: [label: string, read: (store: StoryStore) => Promise<unknown>, needs: string[]][] = [
  [
    'list, page 1',
    (store) => store.listStories(query()),
    ['SEARCH s USING COVERING INDEX stories_order_published (status=?)'],
  ],
  [
    'list, a page after a cursor',
    (store) =>
      store.listStories(query({ from: { direction: 'forward', after: { value: 1_700_000_000_000, slug: 'm' } } })),
    ['SEARCH s USING COVERING INDEX stories_order_published (status=? AND <expr><?)'],
  ],
  [
    'list filtered by practice',
    (store) => store.listStories(query({ filter: { practice: 'continuous-delivery' } })),
    [
      // The practice's links in the list order, LIMIT rows, however rare or common the practice.
      'SEARCH k USING COVERING INDEX practice_story_keys_published (practice_id=? AND status=?)',
      // The total is the count the triggers keep, one row.
      KEPT_COUNT,
    ],
  ],
  [
    'list filtered by practice, by title after a cursor',
    (store) =>
      store.listStories(
        query({
          filter: { practice: 'continuous-delivery' },
          sort: { field: 'title', direction: 'asc' },
          from: { direction: 'forward', after: { value: 'm', slug: 'm' } },
        }),
      ),
    [
      'SEARCH k USING COVERING INDEX practice_story_keys_title (practice_id=? AND status=? AND title_key>?)',
      KEPT_COUNT,
    ],
  ],
  [
    'list filtered by company',
    (store) => store.listStories(query({ filter: { company: 'netflix' } })),
    ['SEARCH s USING COVERING INDEX stories_company_order (company_id=? AND status=?)', KEPT_COUNT],
  ],
  [
    'list filtered by company, by year',
    (store) => store.listStories(query({ filter: { company: 'netflix' }, sort: { field: 'year', direction: 'desc' } })),
    ['SEARCH s USING COVERING INDEX stories_company_order_year (company_id=? AND status=?)', KEPT_COUNT],
  ],
  [
    'list filtered by day',
    (store) => store.listStories(query({ filter: { day: 3 } })),
    ['SEARCH s USING COVERING INDEX stories_day_order (day_number=? AND status=?)', KEPT_COUNT],
  ],
  [
    'list filtered by years',
    (store) => store.listStories(query({ filter: { yearFrom: 2015, yearTo: 2020 } })),
    ['SEARCH fc USING PRIMARY KEY (filter=? AND key>? AND key<?)'],
  ],
  [
    'list filtered by industry',
    (store) => store.listStories(query({ filter: { industry: 'Retail' } })),
    ['SEARCH c USING COVERING INDEX companies_industry (<expr>=?)', KEPT_COUNT],
  ],
  [
    "companies' stories",
    (store) => store.storyPagesByCompanyIds([1, 2, 3], { after: null, limit: 21 }, 'published'),
    ['SEARCH s USING COVERING INDEX stories_company_order (company_id=? AND status=?)', KEPT_COUNT],
  ],
  [
    "practices' stories after a cursor",
    (store) =>
      store.storyPagesByPracticeIds([1, 2], { after: { value: 1_700_000_000_000, slug: 'm' }, limit: 21 }, 'published'),
    [
      'SEARCH k USING COVERING INDEX practice_story_keys_published (practice_id=? AND status=? AND published_key<?)',
      KEPT_COUNT,
    ],
  ],
  [
    'story by slug',
    (store) => store.storiesBySlugs(['amazon'], 'published'),
    ['SEARCH s USING INDEX sqlite_autoindex_stories_1 (slug=?)'],
  ],
  [
    'related stories',
    (store) => store.relatedStories([1, 2], 3, 'published'),
    [
      'SEARCH a USING COVERING INDEX sqlite_autoindex_story_practices_1 (story_id=?)',
      'SEARCH x USING COVERING INDEX story_practices_practice_story (practice_id=?)',
    ],
  ],
  ["cards' practices", (store) => store.practicesByStoryIds([1, 2]), []],
  ["cards' metrics", (store) => store.metricsByStoryIds([1, 2]), []],
  ["cards' companies", (store) => store.companiesByIds([1, 2]), []],
  ['search', (store) => store.search(searchQuery(['deploy'])), []],
];

const SCANNABLE =
  /^SCAN (CONSTANT ROW|o|page|matching|shared|ranked|head|window|unranked|\(subquery-\d+\)|json_each VIRTUAL TABLE|search_index VIRTUAL TABLE INDEX \d+:=?M)/;

/** What is wrong with a plan: each needed index read it lacks, each table it scans. */
function planProblems(plan: string[], needs: string[]): string[] {
  return [
    ...needs.filter((line) => !plan.includes(line)).map((line) => `lacks ${line}`),
    ...plan.filter((line) => line.startsWith('SCAN ') && !SCANNABLE.test(line)).map((line) => `scans: ${line}`),
  ];
}

describe('SQLite query plans of the canonical reads', () => {
  let dir: string;
  let file: string;
  const statements = new Map<string, string[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plans-'));
    file = join(dir, 'stories.db');
    let label: string | null = null;
    const store = openSqliteStore({
      url: `sqlite:${file}`,
      onStatement: (sql) => label && statements.set(label, [...(statements.get(label) ?? []), sql]),
    });
    await store.importContent(loadContent());
    for (const [name, read] of CANONICAL) {
      label = name;
      await read(store);
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** EXPLAIN QUERY PLAN of each statement `label` ran, on `db`, one line per step. */
  function plansOf(db: Database.Database, label: string): string[][] {
    return statements.get(label)!.map((sql) => {
      const parameters = Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as { detail: string }[]).map((r) => r.detail);
    });
  }

  it.each(CANONICAL.map(([label, , needs]) => [label, needs] as const))(
    '%s: reads its indexes and scans no table',
    (label, needs) => {
      const db = new Database(file, { readonly: true });
      try {
        const plans = plansOf(db, label);
        expect(plans.length).toBeGreaterThan(0);
        expect(planProblems(plans.flat(), needs)).toEqual([]);
      } finally {
        db.close();
      }
    },
  );

  it('fails when an index a canonical read needs is dropped: the list falls back to sorting every published story', () => {
    const db = new Database(file);
    try {
      db.exec('BEGIN; DROP INDEX stories_order_published; ANALYZE sqlite_schema;');
      const [label, , needs] = CANONICAL[0];
      const plan = plansOf(db, label).flat();
      expect(planProblems(plan, needs)).toEqual([`lacks ${needs[0]}`]);
      expect(plan).toContain('USE TEMP B-TREE FOR ORDER BY');
      db.exec('ROLLBACK');
      expect(planProblems(plansOf(db, label).flat(), needs)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it.each([
    ['practice_story_keys_published', 'list filtered by practice'],
    ['practice_story_keys_published', "practices' stories after a cursor"],
    ['stories_company_order', 'list filtered by company'],
    ['stories_company_order', "companies' stories"],
    ['stories_day_order', 'list filtered by day'],
  ])('fails when index %s is dropped: %s reads something else', (index, label) => {
    const needs = CANONICAL.find(([name]) => name === label)![2];
    const db = new Database(file);
    try {
      db.exec(`BEGIN; DROP INDEX ${index}; ANALYZE sqlite_schema;`);
      expect(planProblems(plansOf(db, label).flat(), needs)).toContainEqual(
        expect.stringMatching(`^lacks .* ${index} `),
      );
      db.exec('ROLLBACK');
      expect(planProblems(plansOf(db, label).flat(), needs)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('fails when the kept counts are dropped: a filtered total has to count the stories again', () => {
    const [label, , needs] = CANONICAL.find(([name]) => name === 'list filtered by practice')!;
    const db = new Database(file);
    try {
      db.exec('BEGIN; DROP TABLE story_filter_counts;');
      expect(() => plansOf(db, label)).toThrow('no such table: story_filter_counts');
      db.exec('ROLLBACK');
      expect(planProblems(plansOf(db, label).flat(), needs)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('fails when a table is scanned', () => {
    expect(planProblems(['SCAN s', 'SCAN stories', 'SCAN page', 'SCAN json_each VIRTUAL TABLE INDEX 1:'], [])).toEqual([
      'scans: SCAN s',
      'scans: SCAN stories',
    ]);
  });

  it('search reads its window newest first and stops there, and learns which hits are drafts from indexes', () => {
    const db = new Database(file);
    try {
      const plan = plansOf(db, 'search').flat();
      // idxNum 192: FTS5 walks the doclist by rowid descending itself (no sort of every hit), so LIMIT stops it.
      expect(plan.filter((line) => /^SCAN search_index VIRTUAL TABLE INDEX 192:M/.test(line)).length).toBeGreaterThan(
        0,
      );
      expect(plan).toContain('SEARCH stories USING COVERING INDEX stories_status (status=?)');
      expect(plan).toContain('SEARCH recaps USING COVERING INDEX recaps_status (status=?)');
      db.exec('BEGIN; DROP INDEX recaps_status;');
      expect(planProblems(plansOf(db, 'search').flat(), [])).toContain('scans: SCAN recaps');
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  });
});
