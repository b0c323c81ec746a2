import type { StoryStatus } from '@devops-stories/story-content';
import { type Expression, type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import { groupBy, STORY_SUMMARY_COLUMNS, toStorySummary } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import {
  listPageArguments,
  type NestedCursorValues,
  nestedCursorValues,
  type NestedShape,
  type PageShape,
  type PageValues,
  publishedAtKey,
  RELATED_CANDIDATES,
  SORT_KEYS,
  toListPage,
  toNestedPages,
} from '../db/story-pages.js';
import { filteredStories, PUBLISHED } from '../db/story-filter.js';
import type {
  NestedPageQuery,
  StoryListPage,
  StoryListQuery,
  StorySummaryRecord,
  StorySortField,
  StoryView,
} from '../store.types.js';
import { inKeys, keyList } from './sqlite-sql.js';

/*
 * Pages of stories whose cost follows the page, not the catalogue: every page is a keyset range
 * read of one index in the order's own expression, LIMIT rows long (migration 5: the stories' order
 * indexes and a company's; migration 6: a practice's, in practice_story_keys); every total of one
 * filter (or none) is read from the counts the triggers keep (story_counts, story_filter_counts),
 * and only a total under several filters is counted. Nested lists (a company's or a practice's
 * stories) run the same reads per parent inside one statement, so a DataLoader batch of parents
 * stays one statement. PostgreSQL mirrors each shape: the same indexes (expression indexes
 * included), row-value keyset comparisons, and `CROSS JOIN LATERAL (… LIMIT n)` where SQLite uses
 * `id IN (SELECT … LIMIT n)`.
 */

/** The tables only the SQLite store keeps beside {@link StoryDatabase}, each kept by triggers (migration 6). */
type KeptTables = {
  /** How many stories of each status a company, practice, day or year has. */
  story_filter_counts: { filter: 'company' | 'practice' | 'day' | 'year'; key: number; status: StoryStatus; n: number };
  /** Each practice link with its story's status and list keys: a practice's page is a range of one index. */
  practice_story_keys: {
    story_id: number;
    practice_id: number;
    status: StoryStatus;
    published_key: number;
    year_key: number;
    title_key: string;
    slug: string;
  };
};

type KeptDb = Kysely<StoryDatabase & KeptTables>;

const kept = (db: Kysely<StoryDatabase>): KeptDb => db.withTables<KeptTables>();

/** The same values as {@link SORT_KEYS}, as practice_story_keys holds them (`k`). */
const PRACTICE_SORT_KEYS: Record<StorySortField, RawBuilder<string | number>> = {
  publishedAt: sql<number>`k.published_key`,
  year: sql<number>`k.year_key`,
  title: sql<string>`k.title_key`,
};

/**
 * Rows beyond a cursor, `(key, slug) < (value, slug)` (or `>`), spelled so that SQLite reads it as
 * a range of the order's index: the row-value form is not used for a range on an expression column.
 */
function beyondKey(
  key: RawBuilder<string | number>,
  slugColumn: RawBuilder<string>,
  direction: 'asc' | 'desc',
  value: unknown,
  slug: unknown,
): RawBuilder<SqlBool> {
  const [strict, loose] = direction === 'asc' ? ['>', '>='] : ['<', '<='];
  return sql<SqlBool>`${key} ${sql.raw(loose)} ${value} AND (${key} ${sql.raw(strict)} ${value} OR ${slugColumn} ${sql.raw(strict)} ${slug})`;
}

const storySlug = sql<string>`s.slug`;
const keySlug = sql<string>`k.slug`;

/** The page's ids, slugs and sort keys, LIMIT rows of the order's index from the cursor on. */
function storiesPage(db: Kysely<StoryDatabase>, v: StandIns<PageValues>, shape: PageShape) {
  const key = SORT_KEYS[shape.field];
  const { direction } = shape;
  return filteredStories(db, v, shape.filters, shape.view)
    .select(['s.id', 's.slug', key.as('sort_key')])
    .$if(shape.fromKey, (q) => q.where(beyondKey(key, storySlug, direction, v.startValue, v.startSlug)))
    .orderBy(key, direction)
    .orderBy('s.slug', direction)
    .limit(v.limit);
}

/**
 * The page of a list filtered by practice: a range of the practice's links in the order's index
 * (practice_story_keys), each story looked up by id only for the other filters. A rare practice
 * costs what a common one does, unlike a walk of every story that probes its links.
 */
function practicePage(db: Kysely<StoryDatabase>, v: StandIns<PageValues>, shape: PageShape) {
  const key = PRACTICE_SORT_KEYS[shape.field];
  const { direction } = shape;
  const others = shape.filters.filter((name) => name !== 'practice');
  return kept(db)
    .selectFrom('practice_story_keys as k')
    .select(['k.story_id as id', 'k.slug', key.as('sort_key')])
    .where('k.practice_id', '=', (eb) =>
      eb.selectFrom('practices as p').select('p.id').where('p.slug', '=', v.practice),
    )
    .$if(shape.view === 'published', (q) => q.where('k.status', '=', sql.lit(PUBLISHED)))
    .$if(others.length > 0, (q) =>
      q.where(({ exists }) =>
        exists(
          filteredStories(db, v, others, 'all')
            .where(sql<SqlBool>`s.id = k.story_id`)
            .select(sql.lit(1).as('one')),
        ),
      ),
    )
    .$if(shape.fromKey, (q) => q.where(beyondKey(key, keySlug, direction, v.startValue, v.startSlug)))
    .orderBy(key, direction)
    .orderBy('k.slug', direction)
    .limit(v.limit);
}

/** The kept counts of one kind of filter in `view` (rows to sum, to be narrowed to the keys wanted). */
function keptCounts(db: Kysely<StoryDatabase>, filter: KeptTables['story_filter_counts']['filter'], view: StoryView) {
  return kept(db)
    .selectFrom('story_filter_counts as fc')
    .select(sql<number>`COALESCE(sum(fc.n), 0)`.as('n'))
    .where('fc.filter', '=', sql.lit(filter))
    .$if(view === 'published', (q) => q.where('fc.status', '=', sql.lit(PUBLISHED)));
}

/**
 * The total under `filters`, from counts the triggers keep when no filter or one kind of filter is
 * set (a few rows: one per status, or per year of a range, or per company of an industry); counted
 * from the stories when several are, through the index each filter has.
 */
function pageTotal(db: Kysely<StoryDatabase>, v: StandIns<PageValues>, { filters, view }: PageShape) {
  const companyId = db.selectFrom('companies as c').select('c.id').where('c.slug', '=', v.company);
  const practiceId = db.selectFrom('practices as p').select('p.id').where('p.slug', '=', v.practice);
  const industryIds = db
    .selectFrom('companies as c')
    .select('c.id')
    .where(sql`lower(c.industry)`, '=', sql`lower(${v.industry})`);
  switch (filters.join(' ')) {
    case '':
      // PostgreSQL may count the status index instead.
      return db
        .selectFrom('story_counts')
        .select(sql<number>`COALESCE(sum(n), 0)`.as('n'))
        .$if(view === 'published', (q) => q.where('status', '=', sql.lit(PUBLISHED)));
    case 'company':
      return keptCounts(db, 'company', view).where('fc.key', '=', companyId);
    case 'practice':
      return keptCounts(db, 'practice', view).where('fc.key', '=', practiceId);
    case 'industry':
      return keptCounts(db, 'company', view).where('fc.key', 'in', industryIds);
    case 'day':
      return keptCounts(db, 'day', view).where('fc.key', '=', v.day);
    case 'yearFrom':
      return keptCounts(db, 'year', view).where('fc.key', '>=', v.yearFrom);
    case 'yearTo':
      return keptCounts(db, 'year', view).where('fc.key', '<=', v.yearTo);
    case 'yearFrom yearTo':
      return keptCounts(db, 'year', view).where('fc.key', '>=', v.yearFrom).where('fc.key', '<=', v.yearTo);
    default:
      return filteredStories(db, v, filters, view, 'count').select(sql<number>`count(*)`.as('n'));
  }
}

/**
 * One page in the order's index (LIMIT rows from the cursor on), the total under the same filter
 * beside it, then whole rows for the page only.
 */
const pageQuery = preparedQuery<PageValues>()((db, v, shape: PageShape) =>
  db
    .with('page', () => (shape.filters.includes('practice') ? practicePage(db, v, shape) : storiesPage(db, v, shape)))
    // One row even for an empty page, so the count needs no statement of its own.
    .selectFrom(db.selectNoFrom(sql.lit(1).as('one')).as('o'))
    .leftJoin('page', (join) => join.onTrue())
    .leftJoin('stories as s', 's.id', 'page.id')
    .select([pageTotal(db, v, shape).as('total_count'), 'page.sort_key', ...STORY_SUMMARY_COLUMNS])
    .orderBy('page.sort_key', shape.direction)
    .orderBy('page.slug', shape.direction),
);

/** One page of stories and the count under the same filter, in one statement. */
export async function listStories(runner: QueryRunner, query: StoryListQuery): Promise<StoryListPage> {
  const { values, shape } = listPageArguments(query);
  return toListPage(await pageQuery(runner, values, shape), query);
}

type NestedValues = { keys: string } & NestedCursorValues;

/** The parent of a nested page's row, from the key list. */
const parentId = sql<number>`p.parent_id`;

/**
 * Per parent (`p.parent_id`, from a key list), the ids of its first `limit` stories after the
 * cursor, newest first (`page`), and its total from the kept counts (`filter`). Parents without
 * stories still get a row (with a null story), so every parent has its count.
 */
function nestedPageQuery(
  filter: 'company' | 'practice',
  page: (db: Kysely<StoryDatabase>, v: StandIns<NestedValues>, shape: NestedShape) => Expression<unknown>,
) {
  return preparedQuery<NestedValues>()((db, v, shape: NestedShape) =>
    db
      .selectFrom(sql<{ parent_id: number }>`(SELECT value AS parent_id FROM json_each(${v.keys}))`.as('p'))
      .leftJoin('stories as s', (join) => join.on(sql<SqlBool>`s.id IN ${page(db, v, shape)}`))
      .select([
        'p.parent_id',
        keptCounts(db, filter, shape.view).where('fc.key', '=', parentId).as('total_count'),
        publishedAtKey.as('sort_key'),
        ...STORY_SUMMARY_COLUMNS,
      ])
      .orderBy('p.parent_id')
      .orderBy(publishedAtKey, 'desc')
      .orderBy('s.slug', 'desc'),
  );
}

/** The stories of the company `p.parent_id`: a range of index stories_company_order. */
const companyPageQuery = nestedPageQuery('company', (db, v, shape) =>
  db
    .selectFrom('stories as s')
    .select('s.id')
    .where('s.company_id', '=', parentId)
    .$if(shape.view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED)))
    .$if(shape.fromKey, (q) => q.where(beyondKey(publishedAtKey, storySlug, 'desc', v.startValue, v.startSlug)))
    .orderBy(publishedAtKey, 'desc')
    .orderBy('s.slug', 'desc')
    .limit(v.limit),
);

/** The stories of the practice `p.parent_id`: a range of index practice_story_keys_published. */
const practicePageQuery = nestedPageQuery('practice', (db, v, shape) => {
  const key = PRACTICE_SORT_KEYS.publishedAt;
  return kept(db)
    .selectFrom('practice_story_keys as k')
    .select('k.story_id')
    .where('k.practice_id', '=', parentId)
    .$if(shape.view === 'published', (q) => q.where('k.status', '=', sql.lit(PUBLISHED)))
    .$if(shape.fromKey, (q) => q.where(beyondKey(key, keySlug, 'desc', v.startValue, v.startSlug)))
    .orderBy(key, 'desc')
    .orderBy('k.slug', 'desc')
    .limit(v.limit);
});

async function nestedPages(
  query: ReturnType<typeof nestedPageQuery>,
  runner: QueryRunner,
  ids: readonly number[],
  page: NestedPageQuery,
  view: StoryView,
): Promise<StoryListPage[]> {
  const rows = await query(
    runner,
    { keys: keyList(ids), ...nestedCursorValues(page) },
    { view, fromKey: page.after !== null },
  );
  return toNestedPages(rows, ids, page);
}

/** One page of each company's stories, newest first, with each company's count: one statement. */
export function storyPagesByCompanyIds(
  runner: QueryRunner,
  ids: readonly number[],
  page: NestedPageQuery,
  view: StoryView,
): Promise<StoryListPage[]> {
  return nestedPages(companyPageQuery, runner, ids, page, view);
}

/** One page of each practice's stories, newest first, with each practice's count: one statement. */
export function storyPagesByPracticeIds(
  runner: QueryRunner,
  ids: readonly number[],
  page: NestedPageQuery,
  view: StoryView,
): Promise<StoryListPage[]> {
  return nestedPages(practicePageQuery, runner, ids, page, view);
}

const relatedQuery = preparedQuery<{ keys: string; limit: number; candidates: number }>()((db, v, view: StoryView) =>
  db
    .with('mine', (db) =>
      db
        .selectFrom('story_practices as a')
        .where(inKeys('a.story_id', v.keys))
        .select(['a.story_id as origin_id', 'a.practice_id']),
    )
    // Per practice of the story, its latest links in the index (practice_id, story_id): a bounded read.
    .with('candidates', (db) =>
      db
        .selectFrom('mine as m')
        .innerJoin('story_practices as b', (join) =>
          join.on((eb) =>
            eb(
              'b.rowid' as never,
              'in',
              eb
                .selectFrom('story_practices as x')
                .select('x.rowid' as never)
                .whereRef('x.practice_id', '=', 'm.practice_id')
                .whereRef('x.story_id', '!=', 'm.origin_id')
                .orderBy('x.story_id', 'desc')
                .limit(v.candidates),
            ),
          ),
        )
        .select(['m.origin_id', 'b.story_id as other']),
    )
    .with('shared', (db) =>
      db
        .selectFrom('candidates')
        .groupBy(['origin_id', 'other'])
        .select((eb) => ['origin_id', 'other', eb.fn.countAll<number>().as('overlap')]),
    )
    // Ranked on keys alone; whole rows are read for the `limit` best only.
    .with('ranked', (db) =>
      db
        .selectFrom('shared')
        .innerJoin('stories as r', 'r.id', 'shared.other')
        .$if(view === 'published', (q) => q.where('r.status', '=', sql.lit(PUBLISHED)))
        .select((eb) => [
          'shared.origin_id',
          'r.id as story_id',
          eb.fn
            .agg<number>('row_number')
            .over((over) =>
              over
                .partitionBy('shared.origin_id')
                .orderBy('shared.overlap', 'desc')
                .orderBy(sql`COALESCE(r.published_at, 0)`, 'desc')
                .orderBy('r.slug'),
            )
            .as('rank'),
        ]),
    )
    .selectFrom('ranked')
    .innerJoin('stories as s', 's.id', 'ranked.story_id')
    .select(['ranked.origin_id', ...STORY_SUMMARY_COLUMNS])
    .where('ranked.rank', '<=', v.limit)
    .orderBy('ranked.origin_id')
    .orderBy('ranked.rank'),
);

/**
 * Per story, up to `limit` others ranked by shared practices, then newest first, among the
 * {@link RELATED_CANDIDATES} stories most recently linked to each of its practices: a read of a
 * few hundred index entries per story, whatever the size of the catalogue.
 */
export async function relatedStories(
  runner: QueryRunner,
  storyIds: readonly number[],
  limit: number,
  view: StoryView,
): Promise<StorySummaryRecord[][]> {
  const rows = await relatedQuery(runner, { keys: keyList(storyIds), limit, candidates: RELATED_CANDIDATES }, view);
  return groupBy(storyIds, rows, (r) => r.origin_id, toStorySummary);
}
