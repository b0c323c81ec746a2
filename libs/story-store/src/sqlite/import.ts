import { createHash } from 'node:crypto';
import {
  type ContentBundle,
  MARKDOWN_RENDER_VERSION,
  renderMarkdown,
  type StoryContent,
} from '@devops-stories/story-content';
import type { Kysely } from 'kysely';
import { ContentChangeSet } from '../change/content-change.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { ContentChange, ImportResult } from '../store.types.js';
import { keyList, notInKeys, rebuildSearchIndex } from './sqlite-sql.js';
import { replaceStoryParts } from './story-parts.js';

type Db = Kysely<StoryDatabase>;

/** The tables the import keeps in step with the content folder, by their key column. */
type Synced = 'companies' | 'practices' | 'days' | 'recaps';

/**
 * Brings the `file` records in line with `bundle` in one transaction: upserts by slug (an
 * unchanged story, by content hash, is not rewritten; a changed record's version goes up),
 * renders each new or changed body once, prunes the file records the bundle no longer holds
 * and rebuilds the search index. Records created over the API are never touched. Resolves once
 * committed, with what changed (`null` when nothing did): each record inserted, rewritten or pruned.
 *
 * @throws when the bundle names a company or story it does not hold, or uses a key an API record
 * holds (naming the file and the record); nothing is written.
 */
export async function importContent(
  db: Db,
  bundle: ContentBundle,
): Promise<{ result: ImportResult; change: ContentChange | null }> {
  return db.transaction().execute(async (trx) => {
    await refuseApiKeys(trx, bundle);
    const changes = new ContentChangeSet();
    const result: ImportResult = {
      stories: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
      companies: bundle.companies.length,
      practices: bundle.practices.length,
      days: bundle.days.length,
      recaps: bundle.recaps.length,
    };
    const companies = await syncRows(
      trx,
      'companies',
      'slug',
      bundle.companies.map((c) => ({
        key: c.slug,
        file: c.file ?? null,
        values: { slug: c.slug, name: c.name, industry: c.industry, description: c.description },
      })),
    );
    const practices = await syncRows(
      trx,
      'practices',
      'slug',
      bundle.practices.map((p) => ({
        key: p.slug,
        file: p.file ?? null,
        values: { slug: p.slug, name: p.name, description: p.description },
      })),
    );
    const days = await syncRows(
      trx,
      'days',
      'number',
      bundle.days.map((d) => {
        const { html, text } = renderMarkdown(d.body);
        return {
          key: d.number,
          file: d.file ?? null,
          values: {
            number: d.number,
            title: d.title,
            topic: d.topic,
            summary: d.summary,
            body: d.body,
            body_html: html,
            body_text: text,
          },
        };
      }),
    );

    const companyIds = await idsBySlug(trx, 'companies');
    const practiceIds = await idsBySlug(trx, 'practices');
    const existing = new Map(
      (await trx.selectFrom('stories').select(['slug', 'content_hash']).where('origin', '=', 'file').execute()).map(
        (r) => [r.slug, r.content_hash],
      ),
    );
    for (const story of bundle.stories) {
      const hash = contentHash(story);
      const before = existing.get(story.slug);
      if (before === hash) {
        result.stories.unchanged++;
        continue;
      }
      const companyId = companyIds.get(story.company);
      if (companyId === undefined) {
        throw new Error(`story "${story.slug}" names company "${story.company}", which the import does not hold`);
      }
      result.stories[before === undefined ? 'inserted' : 'updated']++;
      changes.story(story.slug);
      await writeStory(trx, story, hash, companyId, practiceIds, before !== undefined);
    }
    const keep = new Set(bundle.stories.map((s) => s.slug));
    const removed = [...existing.keys()].filter((slug) => !keep.has(slug));
    for (const slug of removed) {
      changes.story(slug);
      await trx.deleteFrom('stories').where('slug', '=', slug).execute();
    }
    result.stories.removed = removed.length;

    const storyIds = await idsBySlug(trx, 'stories');
    const linkedBefore = await fileRecapLinks(trx);
    const recaps = await syncRows(
      trx,
      'recaps',
      'day',
      bundle.recaps.map((r) => {
        const { html, text } = renderMarkdown(r.body);
        return {
          key: r.day,
          file: r.file ?? null,
          values: {
            day: r.day,
            title: r.title,
            status: r.status,
            points: JSON.stringify(r.points),
            covers_days: JSON.stringify(r.coversDays),
            body: r.body,
            body_html: html,
            body_text: text,
          },
        };
      }),
    );
    await trx
      .deleteFrom('recap_stories')
      .where('recap_day', 'in', (eb) => eb.selectFrom('recaps').select('day').where('origin', '=', 'file'))
      .execute();
    for (const r of bundle.recaps) {
      if (
        !recaps.changed.includes(r.day) &&
        JSON.stringify(r.stories) !== JSON.stringify(linkedBefore.get(r.day) ?? [])
      ) {
        // Only its stories changed: still a change to the recap, so its version goes up too.
        await trx
          .updateTable('recaps')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('day', '=', r.day)
          .execute();
        recaps.changed.push(r.day);
      }
      for (const [position, slug] of r.stories.entries()) {
        const storyId = storyIds.get(slug);
        if (storyId === undefined) {
          throw new Error(`recap of day ${r.day} links story "${slug}", which the import does not hold`);
        }
        await trx.insertInto('recap_stories').values({ recap_day: r.day, story_id: storyId, position }).execute();
      }
    }
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
      bundle.recaps.map((r) => r.day),
    );
    await prune(
      'companies',
      'slug',
      bundle.companies.map((c) => c.slug),
    );
    await prune(
      'practices',
      'slug',
      bundle.practices.map((p) => p.slug),
    );
    await prune(
      'days',
      'number',
      bundle.days.map((d) => d.number),
    );
    for (const day of [...recaps.changed, ...recaps.stale]) changes.recap(day);
    for (const slug of [...companies.changed, ...companies.stale]) changes.company(slug);
    for (const slug of [...practices.changed, ...practices.stale]) changes.practice(slug);
    for (const number of [...days.changed, ...days.stale]) changes.day(number);
    await rebuildSearchIndex(trx);
    return { result, change: changes.toChange() };
  });
}

/** The stories each file recap links, in order, by slug: what the import compares a recap's links with. */
async function fileRecapLinks(trx: Db): Promise<Map<number, string[]>> {
  const rows = await trx
    .selectFrom('recap_stories as g')
    .innerJoin('recaps as r', 'r.day', 'g.recap_day')
    .innerJoin('stories as s', 's.id', 'g.story_id')
    .where('r.origin', '=', 'file')
    .select(['g.recap_day', 's.slug'])
    .orderBy('g.recap_day')
    .orderBy('g.position')
    .execute();
  const linked = new Map<number, string[]>();
  for (const r of rows) linked.set(r.recap_day, [...(linked.get(r.recap_day) ?? []), r.slug]);
  return linked;
}

/** A key both a file and an API record use is an error naming both: the import never takes over an API record. */
async function refuseApiKeys(trx: Db, bundle: ContentBundle): Promise<void> {
  const clashes: string[] = [];
  const check = async (
    table: 'stories' | Synced,
    column: 'slug' | 'number' | 'day',
    what: string,
    items: { key: string | number; file?: string }[],
  ) => {
    if (!items.length) return;
    const rows = await trx
      .selectFrom(table)
      .select(`${column} as key` as 'slug as key')
      .where('origin', '=', 'api')
      .where(column, 'in', items.map((i) => i.key) as never[])
      .execute();
    for (const { key } of rows) {
      const file = items.find((i) => i.key === key)?.file ?? `the content's ${what} ${key}`;
      clashes.push(`${file} and the ${what} ${JSON.stringify(key)} created over the API use the same key`);
    }
  };
  await check(
    'stories',
    'slug',
    'story',
    bundle.stories.map((s) => ({ key: s.slug, file: s.file })),
  );
  await check(
    'companies',
    'slug',
    'company',
    bundle.companies.map((c) => ({ key: c.slug, file: c.file })),
  );
  await check(
    'practices',
    'slug',
    'practice',
    bundle.practices.map((p) => ({ key: p.slug, file: p.file })),
  );
  await check(
    'days',
    'number',
    'day',
    bundle.days.map((d) => ({ key: d.number, file: d.file })),
  );
  await check(
    'recaps',
    'day',
    'recap',
    bundle.recaps.map((r) => ({ key: r.day, file: r.file })),
  );
  if (clashes.length) {
    throw new Error(
      `import refused: ${clashes.join('; ')}. Rename the file's key, or delete the API record (or export it with content:export).`,
    );
  }
}

/**
 * Inserts the file records of `table` that are new and rewrites those whose values or file
 * changed, raising their version; unchanged ones are left alone. Returns the keys it inserted or
 * rewrote, and the keys of the file records `rows` no longer holds (which the caller prunes).
 */
async function syncRows<K extends string | number, V extends Record<string, string | number>>(
  trx: Db,
  table: Synced,
  keyColumn: 'slug' | 'number' | 'day',
  rows: { key: K; file: string | null; values: V }[],
): Promise<{ changed: K[]; stale: K[] }> {
  const changed: K[] = [];
  const current = new Map(
    ((await trx.selectFrom(table).selectAll().where('origin', '=', 'file').execute()) as Record<string, unknown>[]).map(
      (r) => [r[keyColumn], r],
    ),
  );
  for (const { key, file, values } of rows) {
    const before = current.get(key);
    if (!before) {
      changed.push(key);
      await trx
        .insertInto(table)
        .values({ ...values, origin: 'file', source_file: file, version: 1 } as never)
        .execute();
    } else if (before['source_file'] !== file || Object.entries(values).some(([column, v]) => before[column] !== v)) {
      changed.push(key);
      await trx
        .updateTable(table)
        .set({ ...values, source_file: file, version: (before['version'] as number) + 1 } as never)
        .where(keyColumn as 'day', '=', key as never)
        .execute();
    }
  }
  const kept = new Set<unknown>(rows.map((r) => r.key));
  const stale = [...current.keys()].filter((key) => !kept.has(key)) as K[];
  return { changed, stale };
}

async function idsBySlug(db: Db, table: 'companies' | 'practices' | 'stories'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
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
