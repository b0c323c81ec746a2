import type { StoryStatus } from '@devops-stories/story-content';
import { type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import {
  byKey,
  groupBy,
  STORY_BODY_COLUMNS,
  STORY_COLUMNS,
  STORY_SUMMARY_COLUMNS,
  toBody,
  toCompany,
  toDay,
  toMetric,
  toPractice,
  toRecap,
  toSource,
  toStory,
  toStorySummary,
} from '../db/records.js';
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
  CompanyRecord,
  DayRecord,
  MetricRecord,
  NestedPageQuery,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  SourceRecord,
  StoryListPage,
  StoryListQuery,
  StoryRecord,
  StorySummaryRecord,
  StoryView,
} from '../store.types.js';
import { inKeys, keyList } from './pg-sql.js';

/*
 * Every read of the store, one query shape each: fixed queries are compiled once
 * (preparedQuery) and batch reads take any number of keys in one statement, one
 * entry per key in key order, as DataLoader batch functions need.
 */

/** `AND status = 'published'` for the published view, nothing for the preview: the statuses a count adds up. */
const countedStatuses = (view: StoryView) => (view === 'published' ? sql` AND status = ${sql.lit(PUBLISHED)}` : sql``);

/**
 * A list's total: without a filter, or with only a company or only a practice, the count the
 * triggers keep (migration 5); under any other filter the filter's own count.
 */
function listCount(db: Kysely<StoryDatabase>, v: StandIns<PageValues>, shape: PageShape) {
  const [only, ...more] = shape.filters;
  if (!only) {
    return db
      .selectFrom('story_counts')
      .select((sub) => sub.fn.sum<number>('n').as('n'))
      .$if(shape.view === 'published', (q) => q.where('status', '=', sql.lit(PUBLISHED)));
  }
  if (!more.length && only === 'company') {
    return sql<number>`(SELECT COALESCE(sum(n), 0) FROM company_story_counts
      WHERE company_id = (SELECT c.id FROM companies c WHERE c.slug = ${v.company})${countedStatuses(shape.view)})`;
  }
  if (!more.length && only === 'practice') {
    return sql<number>`(SELECT COALESCE(sum(n), 0) FROM practice_story_counts
      WHERE practice_id = (SELECT p.id FROM practices p WHERE p.slug = ${v.practice})${countedStatuses(shape.view)})`;
  }
  return filteredStories(db, v, shape.filters, shape.view, 'count').select((eb) => eb.fn.countAll<number>().as('n'));
}

/** The statuses each view shows, each read as a range of its own in a status-led order index. */
const VIEW_STATUSES: Record<StoryView, StoryStatus[]> = { published: [PUBLISHED], all: ['published', 'draft'] };

/**
 * One page in the order's index: per status the view shows, `limit` rows from the cursor on, as a
 * range of the index led by that status (`stories_order_*`, or the filter's own index); for the
 * preview, the two ranges merged (a `Merge Append`, not a sort of every story). The count beside
 * it is {@link listCount}'s. Whole rows are read for the page only.
 */
const pageQuery = preparedQuery<PageValues>()((db, v, shape: PageShape) => {
  const key = SORT_KEYS[shape.field];
  const { direction } = shape;
  const beyond = sql.raw(direction === 'asc' ? '>' : '<');
  const range = (status: StoryStatus) =>
    filteredStories(db, v, shape.filters, 'all')
      .where('s.status', '=', sql.lit(status))
      .select(['s.id', 's.slug', key.as('sort_key')])
      .$if(shape.fromKey, (q) => q.where(sql<SqlBool>`(${key}, s.slug) ${beyond} (${v.startValue}, ${v.startSlug})`))
      .orderBy(key, direction)
      .orderBy('s.slug', direction)
      .limit(v.limit);
  const [first, ...others] = VIEW_STATUSES[shape.view];
  return (
    db
      .with('page', (db) =>
        others.length
          ? db
              .selectFrom(
                others
                  .reduce(
                    (union, status) => union.unionAll(db.selectFrom(range(status).as('r')).selectAll()),
                    db.selectFrom(range(first).as('r')).selectAll(),
                  )
                  .as('ranges'),
              )
              .selectAll()
              .orderBy('sort_key', direction)
              .orderBy('slug', direction)
              .limit(v.limit)
          : range(first),
      )
      // One row even for an empty page, so the count needs no statement of its own.
      .selectFrom(db.selectNoFrom(sql.lit(1).as('one')).as('o'))
      .leftJoin('page', (join) => join.onTrue())
      .leftJoin('stories as s', 's.id', 'page.id')
      .select([listCount(db, v, shape).as('total_count'), 'page.sort_key', ...STORY_SUMMARY_COLUMNS])
      .orderBy('page.sort_key', direction)
      .orderBy('page.slug', direction)
  );
});

/** One page of stories and the count under the same filter, in one statement. */
export async function listStories(runner: QueryRunner, query: StoryListQuery): Promise<StoryListPage> {
  const { values, shape } = listPageArguments(query);
  return toListPage(await pageQuery(runner, values, shape), query);
}

const storiesBySlugsQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v, view: StoryView) =>
  db
    .selectFrom('stories as s')
    .select(STORY_COLUMNS)
    .where(inKeys('s.slug', v.keys))
    .$if(view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED))),
);

export async function storiesBySlugs(
  runner: QueryRunner,
  slugs: readonly string[],
  view: StoryView,
): Promise<(StoryRecord | null)[]> {
  const rows = await storiesBySlugsQuery(runner, { keys: keyList(slugs) }, view);
  return byKey(slugs, rows.map(toStory), (s) => s.slug);
}

const storyBodiesQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db
    .selectFrom('stories as s')
    .select(['s.id', ...STORY_BODY_COLUMNS])
    .where(inKeys('s.id', v.keys)),
);

/** The bodies of stories by row id, for stories a list read without them. */
export async function storyBodiesByIds(runner: QueryRunner, ids: readonly number[]): Promise<(RenderedBody | null)[]> {
  const rows = await storyBodiesQuery(runner, { keys: keyList(ids) });
  const bodies = new Map(rows.map((r) => [r.id, toBody(r)]));
  return ids.map((id) => bodies.get(id) ?? null);
}

/** What changes the SQL text of a nested page: each combination is compiled once. */
type NestedValues = { keys: readonly number[] } & NestedCursorValues;

type ParentBuilder = ExpressionBuilder<StoryDatabase & { p: { parent_id: number } }, 'p'>;

/** The stories `view` shows, for a subquery of a nested page. */
function viewStories(eb: ParentBuilder, view: StoryView) {
  return eb.selectFrom('stories as s').$if(view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED)));
}

/**
 * One page per parent (`p.parent_id`, one row per id of the batch) in one statement: a LATERAL
 * read of each parent's newest `limit` stories from an index, and each parent's count.
 */
function nestedPageQuery(
  parentStories: (eb: ParentBuilder, shape: NestedShape) => ReturnType<typeof viewStories>,
  counts: 'company_story_counts' | 'practice_story_counts',
) {
  const parentKey = counts === 'company_story_counts' ? 'company_id' : 'practice_id';
  return preparedQuery<NestedValues>()((db, v, shape: NestedShape) =>
    db
      .selectFrom(sql<{ parent_id: number }>`(SELECT unnest(${v.keys}::integer[]) AS parent_id)`.as('p'))
      .leftJoinLateral(
        (eb) =>
          parentStories(eb as unknown as ParentBuilder, shape)
            .select(['s.id', 's.slug', publishedAtKey.as('sort_key')])
            .$if(shape.fromKey, (q) =>
              q.where(({ eb, or, and }) =>
                or([
                  eb(publishedAtKey, '<', v.startValue),
                  and([eb(publishedAtKey, '=', v.startValue), eb('s.slug', '<', v.startSlug)]),
                ]),
              ),
            )
            .orderBy(publishedAtKey, 'desc')
            .orderBy('s.slug', 'desc')
            .limit(v.limit)
            .as('page'),
        (join) => join.onTrue(),
      )
      .leftJoin('stories as s', 's.id', 'page.id')
      .select([
        'p.parent_id',
        sql<number>`(SELECT COALESCE(sum(n), 0) FROM ${sql.table(counts)}
          WHERE ${sql.ref(parentKey)} = p.parent_id${countedStatuses(shape.view)})`.as('total_count'),
        'page.sort_key',
        ...STORY_SUMMARY_COLUMNS,
      ])
      .orderBy('p.parent_id')
      .orderBy('page.sort_key', 'desc')
      .orderBy('page.slug', 'desc'),
  );
}

/** The stories of the company `p.parent_id`, and its counts (index stories_company_order). */
const companyPageQuery = nestedPageQuery(
  (eb, shape) => viewStories(eb, shape.view).whereRef('s.company_id', '=', 'p.parent_id'),
  'company_story_counts',
);

/**
 * The stories of the practice `p.parent_id`, and its counts: the page walks the published order's
 * index and looks each story's link up by key.
 */
const practicePageQuery = nestedPageQuery(
  (eb, shape) =>
    viewStories(eb, shape.view).where(({ exists, selectFrom }) =>
      exists(
        selectFrom('story_practices as sp')
          .whereRef('sp.story_id', '=', 's.id')
          .whereRef('sp.practice_id', '=', 'p.parent_id')
          .select(sql.lit(1).as('one')),
      ),
    ),
  'practice_story_counts',
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

const storiesByDayQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v, view: StoryView) =>
  db
    .selectFrom('stories as s')
    .select(STORY_SUMMARY_COLUMNS)
    .where(inKeys('s.day_number', v.keys))
    .$if(view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED)))
    .orderBy(publishedAtKey, 'desc')
    .orderBy('s.slug', 'desc'),
);

/** Each day's stories, newest first. */
export async function storiesByDays(
  runner: QueryRunner,
  days: readonly number[],
  view: StoryView,
): Promise<StorySummaryRecord[][]> {
  const rows = await storiesByDayQuery(runner, { keys: keyList(days) }, view);
  return groupBy(days, rows, (r) => r.day_number, toStorySummary);
}

const storiesByRecapQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v, view: StoryView) =>
  db
    .selectFrom('recap_stories as g')
    .innerJoin('stories as s', 's.id', 'g.story_id')
    .select([...STORY_SUMMARY_COLUMNS, 'g.recap_day'])
    .where(inKeys('g.recap_day', v.keys))
    .$if(view === 'published', (q) => q.where('s.status', '=', sql.lit(PUBLISHED)))
    .orderBy('g.position'),
);

/** The stories each recap links, in the recap's order. */
export async function storiesByRecapDays(
  runner: QueryRunner,
  days: readonly number[],
  view: StoryView,
): Promise<StorySummaryRecord[][]> {
  const rows = await storiesByRecapQuery(runner, { keys: keyList(days) }, view);
  return groupBy(days, rows, (r) => r.recap_day, toStorySummary);
}

const relatedQuery = preparedQuery<{ keys: readonly (string | number)[]; limit: number; candidates: number }>()(
  (db, v, view: StoryView) =>
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
          .innerJoinLateral(
            (eb) =>
              eb
                .selectFrom('story_practices as x')
                .select('x.story_id as other')
                .whereRef('x.practice_id', '=', 'm.practice_id')
                .whereRef('x.story_id', '<>', 'm.origin_id')
                .orderBy('x.story_id', 'desc')
                .limit(v.candidates)
                .as('b'),
            (join) => join.onTrue(),
          )
          .select(['m.origin_id', 'b.other']),
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
 * {@link RELATED_CANDIDATES} stories most recently linked to each of its practices.
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

const companiesQuery = preparedQuery()((db) => db.selectFrom('companies').selectAll().orderBy('name'));

export async function listCompanies(runner: QueryRunner): Promise<CompanyRecord[]> {
  return (await companiesQuery(runner, {})).map(toCompany);
}

const companiesByIdsQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db.selectFrom('companies').selectAll().where(inKeys('id', v.keys)),
);

export async function companiesByIds(runner: QueryRunner, ids: readonly number[]): Promise<(CompanyRecord | null)[]> {
  const rows = await companiesByIdsQuery(runner, { keys: keyList(ids) });
  return byKey(ids, rows.map(toCompany), (c) => c.rowId);
}

const companiesBySlugsQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db.selectFrom('companies').selectAll().where(inKeys('slug', v.keys)),
);

export async function companiesBySlugs(
  runner: QueryRunner,
  slugs: readonly string[],
): Promise<(CompanyRecord | null)[]> {
  const rows = await companiesBySlugsQuery(runner, { keys: keyList(slugs) });
  return byKey(slugs, rows.map(toCompany), (c) => c.slug);
}

const practicesQuery = preparedQuery()((db) => db.selectFrom('practices').selectAll().orderBy('name'));

export async function listPractices(runner: QueryRunner): Promise<PracticeRecord[]> {
  return (await practicesQuery(runner, {})).map(toPractice);
}

const practicesBySlugsQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db.selectFrom('practices').selectAll().where(inKeys('slug', v.keys)),
);

export async function practicesBySlugs(
  runner: QueryRunner,
  slugs: readonly string[],
): Promise<(PracticeRecord | null)[]> {
  const rows = await practicesBySlugsQuery(runner, { keys: keyList(slugs) });
  return byKey(slugs, rows.map(toPractice), (p) => p.slug);
}

const practicesByStoryQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db
    .selectFrom('story_practices as sp')
    .innerJoin('practices as p', 'p.id', 'sp.practice_id')
    .selectAll('p')
    .select('sp.story_id')
    .where(inKeys('sp.story_id', v.keys))
    .orderBy('sp.position'),
);

/** Each story's practices, in the order its front matter lists them. */
export async function practicesByStoryIds(runner: QueryRunner, ids: readonly number[]): Promise<PracticeRecord[][]> {
  const rows = await practicesByStoryQuery(runner, { keys: keyList(ids) });
  return groupBy(ids, rows, (r) => r.story_id, toPractice);
}

const metricsByStoryQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db
    .selectFrom('metrics as m')
    .leftJoin('sources as src', 'src.id', 'm.source_id')
    .select([
      'm.story_id',
      'm.label',
      'm.value',
      'm.unit',
      'm.year',
      'src.title as source_title',
      'src.url as source_url',
      'src.kind as source_kind',
      'src.publisher as source_publisher',
      'src.year as source_year',
    ])
    .where(inKeys('m.story_id', v.keys))
    .orderBy('m.position'),
);

/** Each story's metrics, in their order, each with the source it cites. */
export async function metricsByStoryIds(runner: QueryRunner, ids: readonly number[]): Promise<MetricRecord[][]> {
  const rows = await metricsByStoryQuery(runner, { keys: keyList(ids) });
  return groupBy(ids, rows, (r) => r.story_id, toMetric);
}

const sourcesByStoryQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db.selectFrom('sources').selectAll().where(inKeys('story_id', v.keys)).orderBy('position'),
);

/** Each story's sources, in their order. */
export async function sourcesByStoryIds(runner: QueryRunner, ids: readonly number[]): Promise<SourceRecord[][]> {
  const rows = await sourcesByStoryQuery(runner, { keys: keyList(ids) });
  return groupBy(ids, rows, (r) => r.story_id, toSource);
}

const daysQuery = preparedQuery()((db) => db.selectFrom('days').selectAll().orderBy('number'));

export async function listDays(runner: QueryRunner): Promise<DayRecord[]> {
  return (await daysQuery(runner, {})).map(toDay);
}

const daysByNumbersQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v) =>
  db.selectFrom('days').selectAll().where(inKeys('number', v.keys)),
);

export async function daysByNumbers(runner: QueryRunner, numbers: readonly number[]): Promise<(DayRecord | null)[]> {
  const rows = await daysByNumbersQuery(runner, { keys: keyList(numbers) });
  return byKey(numbers, rows.map(toDay), (d) => d.number);
}

const recapsQuery = preparedQuery()((db, _v, view: StoryView) =>
  db
    .selectFrom('recaps')
    .selectAll()
    .$if(view === 'published', (q) => q.where('status', '=', sql.lit(PUBLISHED)))
    .orderBy('day'),
);

export async function listRecaps(runner: QueryRunner, view: StoryView): Promise<RecapRecord[]> {
  return (await recapsQuery(runner, {}, view)).map(toRecap);
}

const recapsByDaysQuery = preparedQuery<{ keys: readonly (string | number)[] }>()((db, v, view: StoryView) =>
  db
    .selectFrom('recaps')
    .selectAll()
    .where(inKeys('day', v.keys))
    .$if(view === 'published', (q) => q.where('status', '=', sql.lit(PUBLISHED))),
);

export async function recapsByDays(
  runner: QueryRunner,
  days: readonly number[],
  view: StoryView,
): Promise<(RecapRecord | null)[]> {
  const rows = await recapsByDaysQuery(runner, { keys: keyList(days) }, view);
  return byKey(days, rows.map(toRecap), (r) => r.day);
}
