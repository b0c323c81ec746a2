import type { RecapContent } from '@devops-stories/story-content';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { StoryDatabase } from './story-database.js';

/*
 * The parts of importing content files that read and say the same on every engine; each
 * engine's import (sqlite/import.ts, postgres/import.ts) calls them.
 */

/** The stories each file recap links, in order, by slug: what the import compares a recap's links with. */
export async function fileRecapLinks(trx: Kysely<StoryDatabase>): Promise<Map<number, string[]>> {
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

/** How a file and an API record with the same key are named in the refusal. */
export function apiClash(file: string | undefined, what: string, key: string | number): string {
  return `${file ?? `the content's ${what} ${key}`} and the ${what} ${JSON.stringify(key)} created over the API use the same key`;
}

/** Refuses the import, naming every clash, when there is any. */
export function refuseClashes(clashes: string[]): void {
  if (clashes.length) {
    throw new Error(
      `import refused: ${clashes.join('; ')}. Rename the file's key, or delete the API record (or export it with content:export).`,
    );
  }
}

/**
 * Rewrites the story links of the recaps whose links changed (their version goes up when only the
 * links did); a recap whose links are as stored is not touched. `slugIn` is the engine's
 * `slug IN (…)` for a list of slugs.
 *
 * @throws when a recap links a story the import does not hold.
 */
export async function linkRecapStories(
  trx: Kysely<StoryDatabase>,
  recaps: readonly RecapContent[],
  linkedBefore: ReadonlyMap<number, string[]>,
  changed: number[],
  slugIn: (slugs: readonly string[]) => Expression<SqlBool>,
): Promise<void> {
  const relinked = recaps.filter((r) => JSON.stringify(r.stories) !== JSON.stringify(linkedBefore.get(r.day) ?? []));
  if (!relinked.length) return;
  const slugs = [...new Set(relinked.flatMap((r) => r.stories))];
  const storyIds = new Map(
    (await trx.selectFrom('stories').select(['id', 'slug']).where(slugIn(slugs)).execute()).map((s) => [s.slug, s.id]),
  );
  for (const r of relinked) {
    if (!changed.includes(r.day)) {
      // Only its stories changed: still a change to the recap, so its version goes up too.
      await trx
        .updateTable('recaps')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('day', '=', r.day)
        .execute();
      changed.push(r.day);
    }
    await trx.deleteFrom('recap_stories').where('recap_day', '=', r.day).execute();
    for (const [position, slug] of r.stories.entries()) {
      const storyId = storyIds.get(slug);
      if (storyId === undefined) {
        throw new Error(`recap of day ${r.day} links story "${slug}", which the import does not hold`);
      }
      await trx.insertInto('recap_stories').values({ recap_day: r.day, story_id: storyId, position }).execute();
    }
  }
}
