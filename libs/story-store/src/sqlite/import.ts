import { createHash } from 'node:crypto';
import {
  type ContentSource,
  MARKDOWN_RENDER_VERSION,
  type RecapContent,
  renderMarkdown,
  type StoryContent,
} from '@devops-stories/story-content';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ContentChangeSet } from '../change/content-change.js';
import { kyselyRunner, preparedQuery, type QueryRunner } from '../db/prepared-query.js';
import type { StoriesTable, StoryDatabase } from '../db/story-database.js';
import {
  apiClash,
  companyRows,
  dayRows,
  fileRecapLinks,
  idsBySlug,
  linkRecapStories,
  practiceRows,
  recapRows,
  refuseClashes,
  type Synced,
  syncRows,
} from '../db/file-import.js';
import { syncSeries } from '../db/series.js';
import type { ContentChange, ImportOptions, ImportResult } from '../store.types.js';
import { inKeys, keyList, notInKeys, reindex, reindexStoryIds } from './sqlite-sql.js';
import { sourceKind } from '../db/story-parts.js';

type Db = Kysely<StoryDatabase>;

/** Stories written between two updates of the search index (and calls of `onProgress`). */
const BATCH = 500;

/**
 * Brings the `file` records in line with `source` in one transaction: upserts by slug (an
 * unchanged story, by content hash, is not rewritten; a changed record's version goes up),
 * renders each new or changed body once, prunes the file records the source no longer holds
 * and re-indexes for search only the rows it changed. Stories are read one at a time as
 * `source.stories` yields them and written through statements compiled once, so memory stays
 * flat and an unchanged re-import writes nothing. Records created over the API are never
 * touched. Resolves once committed, with what changed (`null` when nothing did).
 *
 * @throws when the source names a company or story it does not hold, uses a key an API record
 * holds (naming the file and the record), or its reading throws (a `ContentError`); nothing is written.
 */
export async function importContent(
  db: Db,
  source: ContentSource,
  options: ImportOptions = {},
): Promise<{ result: ImportResult; change: ContentChange | null }> {
  return db.transaction().execute(async (trx) => {
    const runner = kyselyRunner(trx);
    const started = Date.now();
    await refuseApiKeys(trx, source);
    const changes = new ContentChangeSet();
    const result: ImportResult = {
      stories: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
      companies: source.companies.length,
      practices: source.practices.length,
      days: source.days.length,
      recaps: 0,
    };
    const companies = await syncRows(trx, 'companies', 'slug', companyRows(source.companies));
    const practices = await syncRows(trx, 'practices', 'slug', practiceRows(source.practices));
    const days = await syncRows(trx, 'days', 'number', dayRows(source.days));

    const companyIds = await idsBySlug(trx, 'companies');
    const practiceIds = await idsBySlug(trx, 'practices');
    // One row per stored story (id, slug, hash: no text), what the stories are compared with.
    const existing = new Map<string, { id: number; hash: string; origin: string }>();
    for (const r of await trx.selectFrom('stories').select(['id', 'slug', 'content_hash', 'origin']).execute()) {
      existing.set(r.slug, { id: r.id, hash: r.content_hash, origin: r.origin });
    }
    const clashes: string[] = [];
    const kept = new Set<string>();
    let written: number[] = [];
    let read = 0;
    const total = source.storyCount ?? (Array.isArray(source.stories) ? source.stories.length : undefined);
    const flush = async () => {
      await reindexStoryIds(trx, written);
      written = [];
      options.onProgress?.({ stories: read, total, elapsedMs: Date.now() - started });
    };
    for (const story of source.stories) {
      read++;
      kept.add(story.slug);
      const before = existing.get(story.slug);
      if (before?.origin === 'api') {
        clashes.push(apiClash(story.file, 'story', story.slug));
        continue;
      }
      const hash = contentHash(story);
      if (before?.hash === hash) {
        result.stories.unchanged++;
      } else {
        const companyId = companyIds.get(story.company);
        if (companyId === undefined) {
          throw new Error(`story "${story.slug}" names company "${story.company}", which the import does not hold`);
        }
        result.stories[before === undefined ? 'inserted' : 'updated']++;
        changes.story(story.slug);
        written.push(await writeStory(runner, story, hash, companyId, practiceIds, before?.id));
      }
      if (read % BATCH === 0) await flush();
    }
    refuseClashes(clashes);
    const removed = [...existing].filter(([slug, s]) => s.origin === 'file' && !kept.has(slug));
    for (const [slug, { id }] of removed) {
      changes.story(slug);
      await deleteStoryQuery(runner, { id }, undefined);
      written.push(id);
    }
    result.stories.removed = removed.length;
    await flush();

    // Read after the stories: a streamed source checks the recaps against the stories it read.
    const recapItems = [...source.recaps];
    result.recaps = recapItems.length;
    await refuseRecapKeys(trx, recapItems);
    const linkedBefore = await fileRecapLinks(trx);
    const recaps = await syncRows(trx, 'recaps', 'day', recapRows(recapItems));
    await linkRecapStories(trx, recapItems, linkedBefore, recaps.changed, (slugs) => inKeys('slug', keyList(slugs)));

    const prune = async (table: Synced, column: 'slug' | 'number' | 'day', keys: (string | number)[]) => {
      await trx
        .deleteFrom(table)
        .where('origin', '=', 'file')
        .where(notInKeys(column, keyList(keys)))
        .execute();
    };
    await prune(
      'recaps',
      'day',
      recapItems.map((r) => r.day),
    );
    await prune(
      'companies',
      'slug',
      source.companies.map((c) => c.slug),
    );
    await prune(
      'practices',
      'slug',
      source.practices.map((p) => p.slug),
    );
    await prune(
      'days',
      'number',
      source.days.map((d) => d.number),
    );
    await syncSeries(trx, source.series, changes);
    for (const day of [...recaps.changed, ...recaps.stale]) changes.recap(day);
    for (const slug of [...companies.changed, ...companies.stale]) changes.company(slug);
    for (const slug of [...practices.changed, ...practices.stale]) changes.practice(slug);
    for (const number of [...days.changed, ...days.stale]) changes.day(number);
    // Only what changed goes back into the search index: a story's row holds its company's name.
    if (companies.rewritten.length) {
      const shown = await trx
        .selectFrom('stories as s')
        .innerJoin('companies as c', 'c.id', 's.company_id')
        .select('s.id')
        .where(inKeys('c.slug', keyList(companies.rewritten)))
        .execute();
      await reindexStoryIds(
        trx,
        shown.map((s) => s.id),
      );
    }
    await reindex(trx, 'Day', [...days.changed, ...days.stale]);
    await reindex(trx, 'Recap', [...recaps.changed, ...recaps.stale]);
    return { result, change: changes.toChange() };
  });
}

type KeyedItems = { key: string | number; file?: string }[];

/** The keys of `items` that API records of `table` hold, as clashes. */
async function apiKeys(
  trx: Db,
  table: Synced,
  column: 'slug' | 'number' | 'day',
  what: string,
  items: KeyedItems,
): Promise<string[]> {
  if (!items.length) return [];
  const rows = await trx
    .selectFrom(table)
    .select(`${column} as key` as 'slug as key')
    .where('origin', '=', 'api')
    .where(column, 'in', items.map((i) => i.key) as never[])
    .execute();
  return rows.map(({ key }) => apiClash(items.find((i) => i.key === key)?.file, what, key));
}

/**
 * A key both a file and an API record use is an error naming both: the import never takes over an
 * API record. Companies, practices and days are checked here, before anything is written; stories
 * as they are read, recaps once they are.
 */
async function refuseApiKeys(trx: Db, source: ContentSource): Promise<void> {
  refuseClashes([
    ...(await apiKeys(
      trx,
      'companies',
      'slug',
      'company',
      source.companies.map((c) => ({ key: c.slug, file: c.file })),
    )),
    ...(await apiKeys(
      trx,
      'practices',
      'slug',
      'practice',
      source.practices.map((p) => ({ key: p.slug, file: p.file })),
    )),
    ...(await apiKeys(
      trx,
      'days',
      'number',
      'day',
      source.days.map((d) => ({ key: d.number, file: d.file })),
    )),
  ]);
}

async function refuseRecapKeys(trx: Db, recaps: readonly RecapContent[]): Promise<void> {
  refuseClashes(
    await apiKeys(
      trx,
      'recaps',
      'day',
      'recap',
      recaps.map((r) => ({ key: r.day, file: r.file })),
    ),
  );
}

/*
 * The statements the import runs per story, each compiled once (preparedQuery) and run on its
 * prepared statement: the builder and the compiler cost more than most of these inserts.
 */

/** A story row as the import writes it: the table's columns but the authoring ones it sets itself. */
type StoryValues = Omit<Selectable<StoriesTable>, 'origin' | 'version'>;

const STORY_FIELDS = [
  'title',
  'headline',
  'company_id',
  'year',
  'day_number',
  'status',
  'summary',
  'body',
  'body_html',
  'body_text',
  'reading_time_minutes',
  'published_at',
  'updated_at',
  'content_hash',
  'source_file',
] as const;

const insertStoryQuery = preparedQuery<Omit<StoryValues, 'id'>>()((db, v) =>
  db
    .insertInto('stories')
    .values({
      slug: v.slug,
      ...(Object.fromEntries(STORY_FIELDS.map((f) => [f, v[f]])) as Pick<StoryValues, (typeof STORY_FIELDS)[number]>),
      origin: sql.lit('file'),
      version: sql.lit(1),
    })
    .returning('id'),
);

const updateStoryQuery = preparedQuery<Omit<StoryValues, 'slug'>>()((db, v) =>
  db
    .updateTable('stories')
    .set((eb) => ({
      ...(Object.fromEntries(STORY_FIELDS.map((f) => [f, v[f]])) as Pick<StoryValues, (typeof STORY_FIELDS)[number]>),
      version: eb('version', '+', sql.lit(1)),
    }))
    .where('id', '=', v.id)
    .returning('id'),
);

const deletePartsQueries = (['story_practices', 'metrics', 'sources'] as const).map((table) =>
  preparedQuery<{ id: number }>()((db, v) => db.deleteFrom(table).where('story_id', '=', v.id)),
);

/** Its practices, sources and metrics go with it (ON DELETE CASCADE), and its recap links. */
const deleteStoryQuery = preparedQuery<{ id: number }>()((db, v) => db.deleteFrom('stories').where('id', '=', v.id));

const insertPracticeLinkQuery = preparedQuery<{ story_id: number; practice_id: number; position: number }>()((db, v) =>
  db.insertInto('story_practices').values({ story_id: v.story_id, practice_id: v.practice_id, position: v.position }),
);

type SourceValues = {
  story_id: number;
  key: string;
  title: string;
  url: string;
  kind: string;
  publisher: string | null;
  year: number | null;
  position: number;
};

const insertSourceQuery = preparedQuery<SourceValues>()((db, v) =>
  db
    .insertInto('sources')
    .values({
      story_id: v.story_id,
      key: v.key,
      title: v.title,
      url: v.url,
      kind: v.kind as never,
      publisher: v.publisher,
      year: v.year,
      position: v.position,
    })
    .returning('id'),
);

type MetricValues = {
  story_id: number;
  label: string;
  value: number;
  unit: string;
  year: number | null;
  qualifier: string | null;
  source_id: number | null;
  position: number;
};

const insertMetricQuery = preparedQuery<MetricValues>()((db, v) =>
  db.insertInto('metrics').values({
    story_id: v.story_id,
    label: v.label,
    value: v.value,
    unit: v.unit,
    year: v.year,
    qualifier: v.qualifier as never,
    source_id: v.source_id,
    position: v.position,
  }),
);

/**
 * Inserts or rewrites (when `id` is given) a file story with its body rendered, and its practices,
 * sources and metrics (each metric linked to the source it cites). Returns the story's id.
 *
 * @throws when the story names a practice `practiceIds` lacks.
 */
async function writeStory(
  runner: QueryRunner,
  story: StoryContent,
  hash: string,
  companyId: number,
  practiceIds: ReadonlyMap<string, number>,
  id: number | undefined,
): Promise<number> {
  const { html, text, readingTimeMinutes } = renderMarkdown(story.body);
  const values = {
    title: story.title,
    headline: story.headline,
    company_id: companyId,
    year: story.year ?? null,
    day_number: story.day ?? null,
    status: story.status,
    summary: story.summary,
    body: story.body,
    body_html: html,
    body_text: text,
    reading_time_minutes: readingTimeMinutes,
    published_at: story.publishedAt?.getTime() ?? null,
    updated_at: story.updatedAt.getTime(),
    content_hash: hash,
    source_file: story.file ?? null,
  };
  let storyId: number;
  if (id === undefined) {
    [{ id: storyId }] = await insertStoryQuery(runner, { slug: story.slug, ...values }, undefined);
  } else {
    storyId = id;
    await updateStoryQuery(runner, { id, ...values }, undefined);
    for (const query of deletePartsQueries) await query(runner, { id }, undefined);
  }
  for (const [position, slug] of story.practices.entries()) {
    const practiceId = practiceIds.get(slug);
    if (practiceId === undefined) {
      throw new Error(`story "${story.slug}" names practice "${slug}", which the import does not hold`);
    }
    await insertPracticeLinkQuery(runner, { story_id: storyId, practice_id: practiceId, position }, undefined);
  }
  const sourceIds = new Map<string, number>();
  for (const [position, s] of story.sources.entries()) {
    const [{ id: sourceId }] = await insertSourceQuery(
      runner,
      {
        story_id: storyId,
        key: s.id,
        title: s.title,
        url: s.url,
        kind: sourceKind(s.kind),
        publisher: s.publisher ?? null,
        year: s.year ?? null,
        position,
      },
      undefined,
    );
    sourceIds.set(s.id, sourceId);
  }
  for (const [position, m] of story.metrics.entries()) {
    await insertMetricQuery(
      runner,
      {
        story_id: storyId,
        label: m.label,
        value: m.value,
        unit: m.unit,
        year: m.year ?? null,
        qualifier: m.qualifier ?? null,
        source_id: sourceIds.get(m.source) ?? null,
        position,
      },
      undefined,
    );
  }
  return storyId;
}

/** Changes when the story, its file or the way its body is rendered changes. */
function contentHash(story: StoryContent): string {
  return createHash('sha256')
    .update(JSON.stringify([MARKDOWN_RENDER_VERSION, story]))
    .digest('hex');
}
