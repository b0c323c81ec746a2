import type { Kysely } from 'kysely';
import { byKey, groupBy, STORY_COLUMNS, toStory } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { StoryDocument } from '../store.types.js';

/**
 * Stories in the shape an author writes them (what `update*` merges a change into and
 * `content:export` writes to a file): sources with their ids, metrics citing them, practice and
 * company slugs; drafts included.
 */
export async function storyDocuments(
  db: Kysely<StoryDatabase>,
  slugs: readonly string[],
): Promise<(StoryDocument | null)[]> {
  if (!slugs.length) return [];
  const stories = await db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .select([...STORY_COLUMNS, 'c.slug as company_slug'])
    .where('s.slug', 'in', [...slugs])
    .execute();
  const ids = stories.map((s) => s.id);
  const none = !ids.length;
  const [practices, sources, metrics] = await Promise.all([
    none
      ? []
      : db
          .selectFrom('story_practices as sp')
          .innerJoin('practices as p', 'p.id', 'sp.practice_id')
          .select(['sp.story_id', 'p.slug'])
          .where('sp.story_id', 'in', ids)
          .orderBy('sp.position')
          .execute(),
    none ? [] : db.selectFrom('sources').selectAll().where('story_id', 'in', ids).orderBy('position').execute(),
    none
      ? []
      : db
          .selectFrom('metrics as m')
          .leftJoin('sources as src', 'src.id', 'm.source_id')
          .select(['m.story_id', 'm.label', 'm.value', 'm.unit', 'm.year', 'm.qualifier', 'src.key as source'])
          .where('m.story_id', 'in', ids)
          .orderBy('m.position')
          .execute(),
  ]);
  const practicesOf = groupBy(
    ids,
    practices,
    (r) => r.story_id,
    (r) => r.slug,
  );
  const sourcesOf = groupBy(
    ids,
    sources,
    (r) => r.story_id,
    (r) => ({
      id: r.key,
      title: r.title,
      url: r.url,
      kind: r.kind.toLowerCase() as Lowercase<typeof r.kind>,
      publisher: r.publisher,
      year: r.year,
    }),
  );
  const metricsOf = groupBy(
    ids,
    metrics,
    (r) => r.story_id,
    (r) => ({
      label: r.label,
      value: r.value,
      unit: r.unit,
      year: r.year,
      qualifier: r.qualifier,
      source: r.source ?? '',
    }),
  );
  const documents = stories.map((row, i): StoryDocument => {
    const story = toStory(row);
    return {
      slug: story.slug,
      title: story.title,
      headline: story.headline,
      company: row.company_slug,
      year: story.year,
      day: story.day,
      summary: story.summary,
      practices: practicesOf[i],
      sources: sourcesOf[i],
      metrics: metricsOf[i],
      body: story.body,
      status: story.status,
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
      origin: story.origin,
      sourceFile: story.sourceFile,
      version: story.version,
    };
  });
  return byKey(slugs, documents, (d) => d.slug);
}
