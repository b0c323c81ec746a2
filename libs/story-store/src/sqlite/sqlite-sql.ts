import { type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { SearchKind, SearchRecord, StoryView } from '../store.types.js';

/*
 * The SQL only SQLite speaks, kept here so that the queries in reads.ts and import.ts
 * stay portable (Kysely compiles them for any dialect; their upserts use
 * `ON CONFLICT ... DO UPDATE`, which PostgreSQL shares). Another backend provides
 * its own version of each export: a key list (`= ANY($1)` on PostgreSQL) and
 * full-text search (tsvector and ts_rank).
 */

/**
 * How a list of keys is bound: one JSON array, so a batch of any size is one
 * statement with one SQL text, whose prepared statement is reused.
 */
export function keyList(keys: readonly (string | number)[]): string {
  return JSON.stringify(keys);
}

/** `column IN (the keys of a {@link keyList})`. */
export function inKeys(column: string, keys: unknown) {
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${keys}))`;
}

/** `column NOT IN (the keys of a {@link keyList})`. */
export function notInKeys(column: string, keys: unknown) {
  return sql<SqlBool>`${sql.ref(column)} NOT IN (SELECT value FROM json_each(${keys}))`;
}

/** The index rows of stories, days and recaps: the words readers are served, with the headline, summary or points. */
const INDEXED = {
  Story: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (title, body, kind, key, published)
    SELECT s.title || ' ' || c.name, s.headline || char(10) || s.summary || char(10) || s.body_text,
      'Story', s.slug, s.status = 'published'
    FROM stories s JOIN companies c ON c.id = s.company_id WHERE ${where}`,
  Day: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (title, body, kind, key, published)
    SELECT title, topic || char(10) || summary || char(10) || body_text, 'Day', CAST(number AS TEXT), 1
    FROM days WHERE ${where}`,
  Recap: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (title, body, kind, key, published)
    SELECT title, (SELECT group_concat(value, char(10)) FROM json_each(points)) || char(10) || body_text,
      'Recap', CAST(day AS TEXT), status = 'published'
    FROM recaps WHERE ${where}`,
} satisfies Record<SearchKind, unknown>;

/** Refills the FTS5 index from the stored text of every story, day and recap. */
export async function rebuildSearchIndex(db: Kysely<StoryDatabase>): Promise<void> {
  await db.deleteFrom('search_index').execute();
  for (const insert of Object.values(INDEXED)) await insert(sql`1`).execute(db);
}

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
  const list = keyList(keys.map(String));
  await db.deleteFrom('search_index').where('kind', '=', kind).where(inKeys('key', list)).execute();
  const column = { Story: 's.slug', Day: 'CAST(number AS TEXT)', Recap: 'CAST(day AS TEXT)' }[kind];
  await INDEXED[kind](sql`${sql.raw(column)} IN (SELECT value FROM json_each(${list}))`).execute(db);
}

const searchQuery = preparedQuery<{ match: string; limit: number }>()((db, v, view: StoryView) =>
  db
    .selectFrom('search_index')
    .select([
      'kind',
      'key',
      sql<number>`-bm25(search_index, 8.0, 1.0)`.as('score'),
      sql<string>`snippet(search_index, 1, '«', '»', '…', 16)`.as('snippet'),
    ])
    .where(sql<SqlBool>`search_index MATCH ${v.match}`)
    .$if(view === 'published', (q) => q.where('published', '=', sql.lit(1)))
    .orderBy(sql`bm25(search_index, 8.0, 1.0)`)
    .orderBy('kind')
    .orderBy('key')
    .limit(v.limit),
);

/**
 * Ranked full-text search with FTS5's bm25 (title weighted 8 to 1 over the text),
 * every term a word prefix and all required.
 */
export async function search(
  runner: QueryRunner,
  terms: readonly string[],
  limit: number,
  view: StoryView,
): Promise<SearchRecord[]> {
  // Each term is quoted, so FTS5 operators in user input are matched as text, never run as syntax.
  const match = terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
  const rows = await searchQuery(runner, { match, limit }, view);
  // bm25 nears zero for terms most documents contain, so scores are scaled to the best hit (1.0).
  const best = Math.max(...rows.map((r) => r.score), Number.MIN_VALUE);
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    score: Math.round((r.score / best) * 1000) / 1000,
    snippet: r.snippet.replace(/\s+/g, ' ').trim(),
  }));
}
