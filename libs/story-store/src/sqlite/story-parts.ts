import type { SourceKindName, StoryInput } from '@devops-stories/story-content';
import type { Kysely } from 'kysely';
import type { StoryDatabase } from '../db/story-database.js';
import type { SourceRecord } from '../store.types.js';

/**
 * Replaces a story's practices, sources and metrics (each metric linked to the source it cites),
 * for the import and the API's writes alike.
 *
 * @throws when the story names a practice `practiceIds` lacks.
 */
export async function replaceStoryParts(
  db: Kysely<StoryDatabase>,
  storyId: number,
  story: Pick<StoryInput, 'slug' | 'practices' | 'sources' | 'metrics'>,
  practiceIds: ReadonlyMap<string, number>,
): Promise<void> {
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
        qualifier: m.qualifier,
        source_id: sourceIds.get(m.source) ?? null,
        position,
      })
      .execute();
  }
}

/** The content's kind as the store and the GraphQL enum spell it. */
export function sourceKind(kind: SourceKindName): SourceRecord['kind'] {
  return kind.toUpperCase() as Uppercase<SourceKindName>;
}
