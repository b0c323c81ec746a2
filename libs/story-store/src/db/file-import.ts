import type { Kysely } from 'kysely';
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
