import { createHash } from 'node:crypto';
import {
  type ContentSource,
  MARKDOWN_RENDER_VERSION,
  renderMarkdown,
  type StoryContent,
} from '@devops-stories/story-content';
import { type Kysely, sql } from 'kysely';
import { ContentChangeSet } from '../change/content-change.js';
import type { StoryDatabase } from '../db/story-database.js';
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
import { replaceStoryParts } from '../db/story-parts.js';
import { LOCKS } from './migrations.js';
import { inKeys, keyList, notInKeys, reindex } from './pg-sql.js';

type Db = Kysely<StoryDatabase>;

/** How many stories the import reads between two progress reports. */
const BATCH = 500;

/**
 * Brings the `file` records in line with `source` in one transaction, under an advisory lock
 * (so that replicas starting at once import once): upserts by slug (an
 * unchanged story, by content hash, is not rewritten; a changed record's version goes up),
 * renders each new or changed body once, prunes the file records the source no longer holds
 * and replaces the search rows of what changed only; `beforeCommit` gets the change in the
 * transaction (to notify the other replicas). Stories are read one at a time as `source.stories`
 * yields them, before `source.recaps`. Records created over the API are never touched. Resolves once
 * committed, with what changed (`null` when nothing did): each record inserted, rewritten or pruned.
 *
 * @throws when the source names a company or story it does not hold, or uses a key an API record
 * holds (naming the file and the record); nothing is written.
 */
export async function importContent(
  db: Db,
  source: ContentSource,
  beforeCommit: (trx: Db, change: ContentChange) => Promise<void>,
  options: ImportOptions = {},
): Promise<{ result: ImportResult; change: ContentChange | null }> {
  return db.transaction().execute(async (trx) => {
    // Replicas starting together import one after another: the later ones find nothing changed.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${LOCKS.import}))`.execute(trx);
    // The story counts' triggers leave this transaction to recountStories.
    await sql`SELECT set_config(${COUNT_AT_END}, 'on', true)`.execute(trx);
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
    // One row per stored story (slug, hash, origin: no text), what the stories are compared with.
    const existing = new Map(
      (await trx.selectFrom('stories').select(['slug', 'content_hash', 'origin']).execute()).map((r) => [
        r.slug,
        { hash: r.content_hash, origin: r.origin },
      ]),
    );
    const clashes: string[] = [];
    const kept = new Set<string>();
    const written: string[] = [];
    let read = 0;
    const total = source.storyCount ?? (Array.isArray(source.stories) ? source.stories.length : undefined);
    const progress = () => options.onProgress?.({ stories: read, total, elapsedMs: Date.now() - started });
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
        written.push(story.slug);
        await writeStory(trx, story, hash, companyId, practiceIds, before !== undefined);
      }
      if (read % BATCH === 0) progress();
    }
    refuseClashes(clashes);
    const removed = [...existing].filter(([slug, s]) => s.origin === 'file' && !kept.has(slug)).map(([slug]) => slug);
    for (const slug of removed) {
      changes.story(slug);
      written.push(slug);
      await trx.deleteFrom('stories').where('slug', '=', slug).execute();
    }
    result.stories.removed = removed.length;
    progress();

    // Read after the stories: a streamed source checks the recaps against the stories it read.
    const recapItems = [...source.recaps];
    result.recaps = recapItems.length;
    refuseClashes(
      await apiKeys(
        trx,
        'recaps',
        'day',
        'recap',
        recapItems.map((r) => ({ key: r.day, file: r.file })),
      ),
    );
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
    const change = changes.toChange();
    if (change) {
      // Only what changed goes back into the search index: a story's row holds its company's name.
      if (companies.changed.length) {
        const shown = await trx
          .selectFrom('stories as s')
          .innerJoin('companies as c', 'c.id', 's.company_id')
          .select('s.slug')
          .where(inKeys('c.slug', keyList(companies.changed)))
          .execute();
        written.push(...shown.map((s) => s.slug));
      }
      await reindex(trx, 'Story', [...new Set(written)]);
      await reindex(trx, 'Day', [...days.changed, ...days.stale]);
      await reindex(trx, 'Recap', [...recaps.changed, ...recaps.stale]);
      const { inserted, updated, removed } = result.stories;
      if (inserted + updated + removed) await recountStories(trx);
      await beforeCommit(trx, change);
    }
    return { result, change };
  });
}

/** The setting (local to a transaction) under which the story counts' triggers leave the counting to {@link recountStories}. */
const COUNT_AT_END = 'story_store.count_at_end';

/**
 * Sets the story counts (migration 5: the whole, per company, per practice) to what the import's
 * transaction holds. The count tables are locked first, in the order writers touch them: that
 * waits for every write that changed a count and is not yet committed, so the counts, in the
 * statements after it, see that write, and writes after it wait for this commit and add to it.
 * Run last, so that the import holds the counts only until it commits.
 */
async function recountStories(trx: Db): Promise<void> {
  await sql`LOCK TABLE story_counts, company_story_counts, practice_story_counts IN EXCLUSIVE MODE`.execute(trx);
  await sql`UPDATE story_counts c SET n = (SELECT count(*) FROM stories s WHERE s.status = c.status)`.execute(trx);
  await sql`
    INSERT INTO company_story_counts AS c (company_id, status, n)
      SELECT company_id, status, count(*) FROM stories GROUP BY company_id, status
    ON CONFLICT (company_id, status) DO UPDATE SET n = EXCLUDED.n WHERE c.n <> EXCLUDED.n`.execute(trx);
  await sql`
    UPDATE company_story_counts c SET n = 0
    WHERE n <> 0 AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.company_id = c.company_id AND s.status = c.status)`.execute(
    trx,
  );
  await sql`
    INSERT INTO practice_story_counts AS p (practice_id, status, n)
      SELECT sp.practice_id, s.status, count(*) FROM story_practices sp JOIN stories s ON s.id = sp.story_id
      GROUP BY sp.practice_id, s.status
    ON CONFLICT (practice_id, status) DO UPDATE SET n = EXCLUDED.n WHERE p.n <> EXCLUDED.n`.execute(trx);
  await sql`
    UPDATE practice_story_counts p SET n = 0
    WHERE n <> 0 AND NOT EXISTS (
      SELECT 1 FROM story_practices sp JOIN stories s ON s.id = sp.story_id
      WHERE sp.practice_id = p.practice_id AND s.status = p.status
    )`.execute(trx);
}

/** The keys of `items` that API records of `table` hold, as clashes. */
async function apiKeys(
  trx: Db,
  table: Synced,
  column: 'slug' | 'number' | 'day',
  what: string,
  items: { key: string | number; file?: string }[],
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

/** Inserts or rewrites a file story with its body rendered, and replaces its practices, sources and metrics. */
async function writeStory(
  db: Db,
  story: StoryContent,
  hash: string,
  companyId: number,
  practiceIds: ReadonlyMap<string, number>,
  exists: boolean,
): Promise<void> {
  const { html, text, readingTimeMinutes } = renderMarkdown(story.body);
  const values = {
    title: story.title,
    headline: story.headline,
    company_id: companyId,
    year: story.year,
    day_number: story.day,
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
  const { id: storyId } = exists
    ? await db
        .updateTable('stories')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('slug', '=', story.slug)
        .returning('id')
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('stories')
        .values({ slug: story.slug, ...values, origin: 'file', version: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
  await replaceStoryParts(db, storyId, story, practiceIds);
}

/** Changes when the story, its file or the way its body is rendered changes. */
function contentHash(story: StoryContent): string {
  return createHash('sha256')
    .update(JSON.stringify([MARKDOWN_RENDER_VERSION, story]))
    .digest('hex');
}
