import { createHash } from 'node:crypto';
import {
  type ContentBundle,
  MARKDOWN_RENDER_VERSION,
  renderMarkdown,
  type SourceKindName,
  type StoryContent,
} from '@devops-stories/story-content';
import type { Kysely } from 'kysely';
import type { StoryDatabase } from '../db/story-database.js';
import { ContentChangeSet } from '../change/content-change.js';
import type { ContentChange, ImportResult, SourceRecord } from '../store.types.js';
import { keyList, notInKeys, rebuildSearchIndex } from './sqlite-sql.js';

type Db = Kysely<StoryDatabase>;

/**
 * Replaces the stored content with `bundle` in one transaction: upserts by slug (an
 * unchanged record is compared first and not rewritten; a story by content hash), renders
 * each new or changed body once, prunes what the bundle no longer holds and rebuilds the
 * search index. Resolves once committed, with what changed (`null` when nothing did).
 *
 * @throws when the bundle names a company or story it does not hold; nothing is written.
 */
export async function importContent(
  db: Db,
  bundle: ContentBundle,
): Promise<{ result: ImportResult; change: ContentChange | null }> {
  return db.transaction().execute(async (trx) => {
    const changes = new ContentChangeSet();
    const stored = await storedRows(trx);
    const result: ImportResult = {
      stories: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
      companies: bundle.companies.length,
      practices: bundle.practices.length,
      days: bundle.days.length,
      recaps: bundle.recaps.length,
    };
    for (const c of bundle.companies) {
      const row = stored.companies.get(c.slug);
      if (row && same(row, [c.name, c.industry, c.description])) continue;
      changes.company(c.slug);
      await trx
        .insertInto('companies')
        .values({ slug: c.slug, name: c.name, industry: c.industry, description: c.description })
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            industry: eb.ref('excluded.industry'),
            description: eb.ref('excluded.description'),
          })),
        )
        .execute();
    }
    for (const p of bundle.practices) {
      const row = stored.practices.get(p.slug);
      if (row && same(row, [p.name, p.description])) continue;
      changes.practice(p.slug);
      await trx
        .insertInto('practices')
        .values({ slug: p.slug, name: p.name, description: p.description })
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            description: eb.ref('excluded.description'),
          })),
        )
        .execute();
    }
    for (const d of bundle.days) {
      const { html, text } = renderMarkdown(d.body);
      const row = stored.days.get(d.number);
      if (row && same(row, [d.title, d.topic, d.summary, d.body, html, text])) continue;
      changes.day(d.number);
      await trx
        .insertInto('days')
        .values({
          number: d.number,
          title: d.title,
          topic: d.topic,
          summary: d.summary,
          body: d.body,
          body_html: html,
          body_text: text,
        })
        .onConflict((oc) =>
          oc.column('number').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            topic: eb.ref('excluded.topic'),
            summary: eb.ref('excluded.summary'),
            body: eb.ref('excluded.body'),
            body_html: eb.ref('excluded.body_html'),
            body_text: eb.ref('excluded.body_text'),
          })),
        )
        .execute();
    }

    const companyIds = await idsBySlug(trx, 'companies');
    const practiceIds = await idsBySlug(trx, 'practices');
    const existing = new Map(
      (await trx.selectFrom('stories').select(['slug', 'content_hash']).execute()).map((r) => [r.slug, r.content_hash]),
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
      await writeStory(trx, story, hash, companyId, practiceIds);
    }
    const keep = new Set(bundle.stories.map((s) => s.slug));
    const removed = [...existing.keys()].filter((slug) => !keep.has(slug));
    for (const slug of removed) {
      changes.story(slug);
      await trx.deleteFrom('stories').where('slug', '=', slug).execute();
    }
    result.stories.removed = removed.length;

    const storyIds = await idsBySlug(trx, 'stories');
    await trx.deleteFrom('recap_stories').execute();
    for (const r of bundle.recaps) {
      const { html, text } = renderMarkdown(r.body);
      const points = JSON.stringify(r.points);
      const coversDays = JSON.stringify(r.coversDays);
      const row = stored.recaps.get(r.day);
      if (!row || !same(row, [r.title, points, coversDays, r.body, html, text, JSON.stringify(r.stories)])) {
        changes.recap(r.day);
      }
      await trx
        .insertInto('recaps')
        .values({
          day: r.day,
          title: r.title,
          points,
          covers_days: coversDays,
          body: r.body,
          body_html: html,
          body_text: text,
        })
        .onConflict((oc) =>
          oc.column('day').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            points: eb.ref('excluded.points'),
            covers_days: eb.ref('excluded.covers_days'),
            body: eb.ref('excluded.body'),
            body_html: eb.ref('excluded.body_html'),
            body_text: eb.ref('excluded.body_text'),
          })),
        )
        .execute();
      for (const [position, slug] of r.stories.entries()) {
        const storyId = storyIds.get(slug);
        if (storyId === undefined) {
          throw new Error(`recap of day ${r.day} links story "${slug}", which the import does not hold`);
        }
        await trx.insertInto('recap_stories').values({ recap_day: r.day, story_id: storyId, position }).execute();
      }
    }
    const kept = {
      recaps: new Set(bundle.recaps.map((r) => r.day)),
      companies: new Set(bundle.companies.map((c) => c.slug)),
      practices: new Set(bundle.practices.map((p) => p.slug)),
      days: new Set(bundle.days.map((d) => d.number)),
    };
    for (const day of stored.recaps.keys()) if (!kept.recaps.has(day)) changes.recap(day);
    for (const slug of stored.companies.keys()) if (!kept.companies.has(slug)) changes.company(slug);
    for (const slug of stored.practices.keys()) if (!kept.practices.has(slug)) changes.practice(slug);
    for (const number of stored.days.keys()) if (!kept.days.has(number)) changes.day(number);
    await trx
      .deleteFrom('recaps')
      .where(notInKeys('day', keyList([...kept.recaps])))
      .execute();
    await trx
      .deleteFrom('companies')
      .where(notInKeys('slug', keyList([...kept.companies])))
      .execute();
    await trx
      .deleteFrom('practices')
      .where(notInKeys('slug', keyList([...kept.practices])))
      .execute();
    await trx
      .deleteFrom('days')
      .where(notInKeys('number', keyList([...kept.days])))
      .execute();
    await rebuildSearchIndex(trx);
    return { result, change: changes.toChange() };
  });
}

/** The stored companies, practices, days and recaps, as the import compares them with the bundle. */
async function storedRows(db: Db) {
  const [companies, practices, days, recaps, recapStories] = await Promise.all([
    db.selectFrom('companies').select(['slug', 'name', 'industry', 'description']).execute(),
    db.selectFrom('practices').select(['slug', 'name', 'description']).execute(),
    db.selectFrom('days').select(['number', 'title', 'topic', 'summary', 'body', 'body_html', 'body_text']).execute(),
    db
      .selectFrom('recaps')
      .select(['day', 'title', 'points', 'covers_days', 'body', 'body_html', 'body_text'])
      .execute(),
    db
      .selectFrom('recap_stories as g')
      .innerJoin('stories as s', 's.id', 'g.story_id')
      .select(['g.recap_day', 's.slug'])
      .orderBy('g.recap_day')
      .orderBy('g.position')
      .execute(),
  ]);
  const linked = new Map<number, string[]>();
  for (const r of recapStories) linked.set(r.recap_day, [...(linked.get(r.recap_day) ?? []), r.slug]);
  return {
    companies: new Map(companies.map((c) => [c.slug, [c.name, c.industry, c.description]])),
    practices: new Map(practices.map((p) => [p.slug, [p.name, p.description]])),
    days: new Map(days.map((d) => [d.number, [d.title, d.topic, d.summary, d.body, d.body_html, d.body_text]])),
    recaps: new Map(
      recaps.map((r) => [
        r.day,
        [r.title, r.points, r.covers_days, r.body, r.body_html, r.body_text, JSON.stringify(linked.get(r.day) ?? [])],
      ]),
    ),
  };
}

/** Whether a stored row's values equal the bundle's, column by column. */
function same(stored: readonly unknown[], incoming: readonly unknown[]): boolean {
  return stored.length === incoming.length && stored.every((value, i) => value === incoming[i]);
}

async function idsBySlug(db: Db, table: 'companies' | 'practices' | 'stories'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Upserts the story with its body rendered, and replaces its practices, sources and metrics. */
async function writeStory(
  db: Db,
  story: StoryContent,
  hash: string,
  companyId: number,
  practiceIds: ReadonlyMap<string, number>,
): Promise<void> {
  const { html, text, readingTimeMinutes } = renderMarkdown(story.body);
  const { id: storyId } = await db
    .insertInto('stories')
    .values({
      slug: story.slug,
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
    })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        headline: eb.ref('excluded.headline'),
        company_id: eb.ref('excluded.company_id'),
        year: eb.ref('excluded.year'),
        day_number: eb.ref('excluded.day_number'),
        status: eb.ref('excluded.status'),
        summary: eb.ref('excluded.summary'),
        body: eb.ref('excluded.body'),
        body_html: eb.ref('excluded.body_html'),
        body_text: eb.ref('excluded.body_text'),
        reading_time_minutes: eb.ref('excluded.reading_time_minutes'),
        published_at: eb.ref('excluded.published_at'),
        updated_at: eb.ref('excluded.updated_at'),
        content_hash: eb.ref('excluded.content_hash'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('story_practices').where('story_id', '=', storyId).execute();
  await db.deleteFrom('metrics').where('story_id', '=', storyId).execute();
  await db.deleteFrom('sources').where('story_id', '=', storyId).execute();
  for (const [position, slug] of story.practices.entries()) {
    const practiceId = practiceIds.get(slug);
    if (practiceId === undefined) {
      throw new Error(`story "${story.slug}" names practice "${slug}", which the import does not hold`);
    }
    await db.insertInto('story_practices').values({ story_id: storyId, practice_id: practiceId, position }).execute();
  }
  const sourceIds = new Map<string, number>();
  for (const [position, s] of story.sources.entries()) {
    const { id } = await db
      .insertInto('sources')
      .values({
        story_id: storyId,
        key: s.id,
        title: s.title,
        url: s.url,
        kind: sourceKind(s.kind),
        publisher: s.publisher,
        year: s.year,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sourceIds.set(s.id, id);
  }
  for (const [position, m] of story.metrics.entries()) {
    await db
      .insertInto('metrics')
      .values({
        story_id: storyId,
        label: m.label,
        value: m.value,
        unit: m.unit,
        year: m.year,
        source_id: sourceIds.get(m.source) ?? null,
        position,
      })
      .execute();
  }
}

/** The content's kind as the store and the GraphQL enum spell it. */
function sourceKind(kind: SourceKindName): SourceRecord['kind'] {
  return kind.toUpperCase() as Uppercase<SourceKindName>;
}

/** Changes when the story or the way its body is rendered changes. */
function contentHash(story: StoryContent): string {
  return createHash('sha256')
    .update(JSON.stringify([MARKDOWN_RENDER_VERSION, story]))
    .digest('hex');
}
