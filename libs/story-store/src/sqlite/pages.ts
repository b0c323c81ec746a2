import { type ExpressionBuilder, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import { groupBy, STORY_SUMMARY_COLUMNS, type StorySummaryRow, toStorySummary } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import { type FilterPurpose, filteredStories, filtersSet, PUBLISHED } from '../db/story-filter.js';
import type {
  NestedPageQuery,
  StoryListFilter,
  StoryListPage,
  StoryListQuery,
  StorySummaryRecord,
  StorySortField,
  StoryView,
} from '../store.types.js';
import { inKeys, keyList } from './sqlite-sql.js';

/*
 * Pages of stories whose cost follows the page, not the catalogue: every page is a keyset range
 * read of one index (migration 5) in the order's own expression, LIMIT rows long; every total is a
 * count that index answers alone. Nested lists (a company's or a practice's stories) run the same
 * read per parent inside one statement, so a DataLoader batch of parents stays one statement.
 * PostgreSQL mirrors each shape: the same indexes (expression indexes included), row-value keyset
 * comparisons, and `CROSS JOIN LATERAL (… LIMIT n)` where SQLite uses `id IN (SELECT … LIMIT n)`.
 */

/** Newest first, ties by slug: the order of every nested story list and of cursors over it. */
const publishedAtKey = sql<number>`COALESCE(s.published_at, 0)`;

/** The value a list is sorted by, and a cursor carries; ties are broken by slug. Each is an index's expression. */
const SORT_KEYS: Record<StorySortField, RawBuilder<string | number>> = {
  publishedAt: publishedAtKey,
  year: sql<number>`COALESCE(s.year, 0)`,
  title: sql<string>`lower(s.title)`,
};

/**
 * Rows beyond a cursor, `(key, slug) < (value, slug)` (or `>`), spelled so that SQLite reads it as
 * a range of the order's index: the row-value form is not used for a range on an expression column.
 */
function beyondKey(
  key: RawBuilder<string | number>,
  direction: 'asc' | 'desc',
  value: unknown,
  slug: unknown,
): RawBuilder<SqlBool> {
  const [strict, loose] = direction === 'asc' ? ['>', '>='] : ['<', '<='];
  return sql<SqlBool>`${key} ${sql.raw(loose)} ${value} AND (${key} ${sql.raw(strict)} ${value} OR s.slug ${sql.raw(strict)} ${slug})`;
}

/** What changes the SQL text of a page of stories; each combination is compiled once. */
interface PageShape {
  field: StorySortField;
  /** The direction rows are read in: the list's, or its reverse when reading backward. */
  direction: 'asc' | 'desc';
  view: StoryView;
  filters: (keyof StoryListFilter)[];
  fromKey: boolean;
}

type PageValues = StoryListFilter & { startValue?: string | number; startSlug?: string; limit: number };

/**
 * One page in the order's index (LIMIT rows from the cursor on), the count under the same filter
 * beside it, then whole rows for the page only.
 */
const pageQuery = preparedQuery<PageValues>()((db, v, shape: PageShape) => {
  const key = SORT_KEYS[shape.field];
  const { direction } = shape;
  return (
    db
      .with('page', () =>
        filteredStories(db, v, shape.filters, shape.view)
          .select(['s.id', 's.slug', key.as('sort_key')])
          .$if(shape.fromKey, (q) => q.where(beyondKey(key, direction, v.startValue, v.startSlug)))
          .orderBy(key, direction)
          .orderBy('s.slug', direction)
          .limit(v.limit),
      )
      // One row even for an empty page, so the count needs no statement of its own.
      .selectFrom(db.selectNoFrom(sql.lit(1).as('one')).as('o'))
      .leftJoin('page', (join) => join.onTrue())
      .leftJoin('stories as s', 's.id', 'page.id')
      .select((eb) => [
        (shape.filters.length
          ? filteredStories(db, v, shape.filters, shape.view, 'count').select(eb.fn.countAll<number>().as('n'))
          : // No filter: the count the triggers keep (PostgreSQL may count the status index instead).
            eb
              .selectFrom('story_counts')
              .select((sub) => sub.fn.sum<number>('n').as('n'))
              .$if(shape.view === 'published', (q) => q.where('status', '=', sql.lit(PUBLISHED)))
        ).as('total_count'),
        'page.sort_key',
        ...STORY_SUMMARY_COLUMNS,
      ])
      .orderBy('page.sort_key', direction)
      .orderBy('page.slug', direction)
  );
});

/** One page of stories and the count under the same filter, in one statement. */
export async function listStories(runner: QueryRunner, query: StoryListQuery): Promise<StoryListPage> {
  const forward = query.from.direction === 'forward';
  const start = query.from.direction === 'forward' ? query.from.after : query.from.before;
  const rows = await pageQuery(
    runner,
    // One row more than the page tells whether there are more.
    { ...query.filter, startValue: start?.value, startSlug: start?.slug, limit: query.limit + 1 },
    {
      field: query.sort.field,
      // Reading backward walks the list order in reverse and flips the rows afterwards.
      direction: (query.sort.direction === 'asc') === forward ? 'asc' : 'desc',
      view: query.view,
      filters: filtersSet(query.filter),
      fromKey: start !== null,
    },
  );
  const found = rows.filter(isStoryOnPage);
  const page = found.slice(0, query.limit).map((r) => ({
    story: toStorySummary(r),
    key: { value: r.sort_key, slug: r.slug },
  }));
  if (!forward) page.reverse();
  return { rows: page, hasMore: found.length > query.limit, totalCount: Number(rows[0]?.total_count ?? 0) };
}

/** A row of the page, not the stand-in row of an empty page: the left-joined story is all there or all null. */
function isStoryOnPage<R extends { id: number | null }>(
  row: R,
): row is R & StorySummaryRow & { sort_key: string | number } {
  return row.id !== null;
}

/** What changes the SQL text of a page of nested lists. */
interface NestedShape {
  view: StoryView;
  fromKey: boolean;
}

type NestedValues = { keys: string; startValue?: number; startSlug?: string; limit: number };

type ParentBuilder = ExpressionBuilder<StoryDatabase & { p: { parent_id: number } }, 'p'>;

/**
 * Per parent (`p.parent_id`, from a key list), its first `limit` stories after the cursor, newest
 * first, read from the index that `ids` ranges over; and its count from the same index. Parents
 * without stories still get a row (with a null story), so every parent has its count.
 */
function nestedPageQuery(
  parentStories: (
    eb: ParentBuilder,
    v: StandIns<NestedValues>,
    shape: NestedShape,
    purpose: FilterPurpose,
  ) => ReturnType<typeof viewStories>,
) {
  return preparedQuery<NestedValues>()((db, v, shape: NestedShape) =>
    db
      .selectFrom(sql<{ parent_id: number }>`(SELECT value AS parent_id FROM json_each(${v.keys}))`.as('p'))
      .leftJoin('stories as s', (join) =>
        join.on((eb) =>
          eb(
            's.id',
            'in',
            parentStories(eb as unknown as ParentBuilder, v, shape, 'page')
              .select('s.id')
              .$if(shape.fromKey, (q) => q.where(beyondKey(publishedAtKey, 'desc', v.startValue, v.startSlug)))
              .orderBy(publishedAtKey, 'desc')
              .orderBy('s.slug', 'desc')
              .limit(v.limit),
          ),
        ),
      )
      .select((eb) => [
        'p.parent_id',
        parentStories(eb as unknown as ParentBuilder, v, shape, 'count')
          .select(eb.fn.countAll<number>().as('n'))
          .as('total_count'),
        publishedAtKey.as('sort_key'),
        ...STORY_SUMMARY_COLUMNS,
      ])
      .orderBy('p.parent_id')
      .orderBy(publishedAtKey, 'desc')
      .orderBy('s.slug', 'desc'),
  );
}

/** The stories `view` shows, for a subquery of a nested page. */
function viewStories(eb: ParentBuilder, view: StoryView) {
  return eb.selectFrom('stories as s').$if(view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED)));
}

/** The stories of the company `p.parent_id` (index stories_company_order). */
const companyPageQuery = nestedPageQuery((eb, _v, shape) =>
  viewStories(eb, shape.view).whereRef('s.company_id', '=', 'p.parent_id'),
);

/**
 * The stories of the practice `p.parent_id`: the page walks the published order's index and looks
 * each story's link up by key, the count reads the practice's links (index story_practices_practice_story).
 */
const practicePageQuery = nestedPageQuery((eb, _v, shape, purpose) =>
  purpose === 'count'
    ? viewStories(eb, shape.view).where('s.id', 'in', (q) =>
        q.selectFrom('story_practices as sp').select('sp.story_id').whereRef('sp.practice_id', '=', 'p.parent_id'),
      )
    : viewStories(eb, shape.view).where(({ exists, selectFrom }) =>
        exists(
          selectFrom('story_practices as sp')
            .whereRef('sp.story_id', '=', 's.id')
            .whereRef('sp.practice_id', '=', 'p.parent_id')
            .select(sql.lit(1).as('one')),
        ),
      ),
);

async function nestedPages(
  query: ReturnType<typeof nestedPageQuery>,
  runner: QueryRunner,
  ids: readonly number[],
  page: NestedPageQuery,
  view: StoryView,
): Promise<StoryListPage[]> {
  const rows = await query(
    runner,
    // One row more than the page tells whether there are more.
    {
      keys: keyList(ids),
      startValue: page.after?.value as number | undefined,
      startSlug: page.after?.slug,
      limit: page.limit + 1,
    },
    { view, fromKey: page.after !== null },
  );
  const counts = new Map(rows.map((r) => [r.parent_id, Number(r.total_count)]));
  return groupBy(
    ids,
    rows.filter(isStoryOnPage),
    (r) => r.parent_id,
    (r) => r,
  ).map((found, i) => ({
    rows: found
      .slice(0, page.limit)
      .map((r) => ({ story: toStorySummary(r), key: { value: r.sort_key, slug: r.slug } })),
    hasMore: found.length > page.limit,
    totalCount: counts.get(ids[i]) ?? 0,
  }));
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

/** How many of a practice's most recently linked stories `related` considers, per practice of the story. */
export const RELATED_CANDIDATES = 100;

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
