import {
  type CompanyContent,
  type DayContent,
  type PracticeContent,
  type RecapContent,
  renderMarkdown,
} from '@devops-stories/story-content';
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

/** The tables the import keeps in step with the content folder, by their key column. */
export type Synced = 'companies' | 'practices' | 'days' | 'recaps';

/**
 * Inserts the file records of `table` that are new and rewrites those whose values or file
 * changed, raising their version; unchanged ones are left alone. Returns the keys it inserted or
 * rewrote (`changed`), those it rewrote (`rewritten`), and the keys of the file records `rows` no
 * longer holds (`stale`, which the caller prunes).
 */
export async function syncRows<K extends string | number, V extends Record<string, string | number>>(
  trx: Kysely<StoryDatabase>,
  table: Synced,
  keyColumn: 'slug' | 'number' | 'day',
  rows: { key: K; file: string | null; values: V }[],
): Promise<{ changed: K[]; rewritten: K[]; stale: K[] }> {
  const changed: K[] = [];
  const rewritten: K[] = [];
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
      rewritten.push(key);
      await trx
        .updateTable(table)
        .set({ ...values, source_file: file, version: (before['version'] as number) + 1 } as never)
        .where(keyColumn as 'day', '=', key as never)
        .execute();
    }
  }
  const kept = new Set<unknown>(rows.map((r) => r.key));
  const stale = [...current.keys()].filter((key) => !kept.has(key)) as K[];
  return { changed, rewritten, stale };
}

/** The ids of a table's rows by slug. */
export async function idsBySlug(
  db: Kysely<StoryDatabase>,
  table: 'companies' | 'practices' | 'stories',
): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** The content's companies as {@link syncRows} takes them. */
export function companyRows(companies: readonly CompanyContent[]) {
  return companies.map((c) => ({
    key: c.slug,
    file: c.file ?? null,
    values: { slug: c.slug, name: c.name, industry: c.industry, description: c.description },
  }));
}

/** The content's practices as {@link syncRows} takes them. */
export function practiceRows(practices: readonly PracticeContent[]) {
  return practices.map((p) => ({
    key: p.slug,
    file: p.file ?? null,
    values: { slug: p.slug, name: p.name, description: p.description },
  }));
}

/** The content's days as {@link syncRows} takes them, their bodies rendered. */
export function dayRows(days: readonly DayContent[]) {
  return days.map((d) => {
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
  });
}

/** The content's recaps as {@link syncRows} takes them, their bodies rendered and lists as JSON. */
export function recapRows(recaps: readonly RecapContent[]) {
  return recaps.map((r) => {
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
  });
}
