import { sql } from 'kysely';
import { preparedQuery, type QueryRunner } from '../db/prepared-query.js';
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
import { PUBLISHED } from '../db/story-filter.js';
import type {
  CompanyRecord,
  DayRecord,
  MetricRecord,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  SourceRecord,
  StoryRecord,
  StorySummaryRecord,
  StoryView,
} from '../store.types.js';
import { inKeys, keyList } from './sqlite-sql.js';

/*
 * Every read of the store but the paged ones (pages.ts), one query shape each: fixed queries are
 * compiled once (preparedQuery) and batch reads take any number of keys in one statement, one
 * entry per key in key order, as DataLoader batch functions need.
 */

/** Newest first, ties by slug: the order of a day's stories. */
const publishedAtKey = sql<number>`COALESCE(s.published_at, 0)`;

const storiesBySlugsQuery = preparedQuery<{ keys: string }>()((db, v, view: StoryView) =>
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

const storyBodiesQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const storiesByDayQuery = preparedQuery<{ keys: string }>()((db, v, view: StoryView) =>
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

const storiesByRecapQuery = preparedQuery<{ keys: string }>()((db, v, view: StoryView) =>
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

const companiesQuery = preparedQuery()((db) => db.selectFrom('companies').selectAll().orderBy('name'));

export async function listCompanies(runner: QueryRunner): Promise<CompanyRecord[]> {
  return (await companiesQuery(runner, {})).map(toCompany);
}

const companiesByIdsQuery = preparedQuery<{ keys: string }>()((db, v) =>
  db.selectFrom('companies').selectAll().where(inKeys('id', v.keys)),
);

export async function companiesByIds(runner: QueryRunner, ids: readonly number[]): Promise<(CompanyRecord | null)[]> {
  const rows = await companiesByIdsQuery(runner, { keys: keyList(ids) });
  return byKey(ids, rows.map(toCompany), (c) => c.rowId);
}

const companiesBySlugsQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const practicesBySlugsQuery = preparedQuery<{ keys: string }>()((db, v) =>
  db.selectFrom('practices').selectAll().where(inKeys('slug', v.keys)),
);

export async function practicesBySlugs(
  runner: QueryRunner,
  slugs: readonly string[],
): Promise<(PracticeRecord | null)[]> {
  const rows = await practicesBySlugsQuery(runner, { keys: keyList(slugs) });
  return byKey(slugs, rows.map(toPractice), (p) => p.slug);
}

const practicesByStoryQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const metricsByStoryQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const sourcesByStoryQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const daysByNumbersQuery = preparedQuery<{ keys: string }>()((db, v) =>
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

const recapsByDaysQuery = preparedQuery<{ keys: string }>()((db, v, view: StoryView) =>
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
