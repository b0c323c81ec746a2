import { type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import type { StoryDatabase } from '../db/story-database.js';
import type { SearchKind } from '../store.types.js';

/*
 * The SQL only PostgreSQL speaks, beside the portable queries: key lists bound as one array
 * (`= ANY($1)`), and the search index's rows.
 */

/** How a list of keys is bound: one array parameter, so a batch of any size is one statement with one SQL text. */
export function keyList<K extends string | number>(keys: readonly K[]): K[] {
  return [...keys];
}

/** `column = ANY(the keys of a {@link keyList})`. */
export function inKeys(column: string, keys: unknown) {
  return sql<SqlBool>`${sql.ref(column)} = ANY(${keys})`;
}

/** `NOT (column = ANY(the keys of a {@link keyList}))`. */
export function notInKeys(column: string, keys: unknown) {
  return sql<SqlBool>`NOT (${sql.ref(column)} = ANY(${keys}))`;
}

/**
 * The index rows of stories, days and recaps, at the search position SQLite uses as their rowid
 * (see search.ts), in three weights: the title (a story's with its
 * company's name), the headline (a day's topic, a recap's points) and the body (summary and the
 * words readers are served), as SQLite's index holds the same text in two columns.
 */
const INDEXED = {
  Story: (
    where: RawBuilder<unknown>,
  ) => sql`INSERT INTO search_index (position, kind, key, published, title, headline, body)
    SELECT s.id * 3, 'Story', s.slug, s.status = 'published', s.title || ' ' || c.name, s.headline,
      s.summary || E'\\n' || s.body_text
    FROM stories s JOIN companies c ON c.id = s.company_id WHERE ${where}`,
  Day: (
    where: RawBuilder<unknown>,
  ) => sql`INSERT INTO search_index (position, kind, key, published, title, headline, body)
    SELECT number * 3 + 1, 'Day', CAST(number AS text), true, title, topic, summary || E'\\n' || body_text
    FROM days WHERE ${where}`,
  Recap: (
    where: RawBuilder<unknown>,
  ) => sql`INSERT INTO search_index (position, kind, key, published, title, headline, body)
    SELECT day * 3 + 2, 'Recap', CAST(day AS text), status = 'published', title,
      (SELECT coalesce(string_agg(p, E'\\n'), '') FROM json_array_elements_text(points::json) AS p), body_text
    FROM recaps WHERE ${where}`,
} satisfies Record<SearchKind, unknown>;

/**
 * Re-indexes some stories (by slug), days or recaps (by number) after a write: their rows are
 * replaced by what the tables now hold, so a deleted one drops out and a draft is marked unpublished.
 */
export async function reindex(
  db: Kysely<StoryDatabase>,
  kind: SearchKind,
  keys: readonly (string | number)[],
): Promise<void> {
  if (!keys.length) return;
  const list = keys.map(String);
  await sql`DELETE FROM search_index WHERE kind = ${kind} AND key = ANY(${list})`.execute(db);
  const column = { Story: 's.slug', Day: 'CAST(number AS text)', Recap: 'CAST(day AS text)' }[kind];
  await INDEXED[kind](sql`${sql.raw(column)} = ANY(${list}::text[])`).execute(db);
}
