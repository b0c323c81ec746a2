import { type ExpressionBuilder, type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import { filteredStories, filtersSet } from '../db/story-filter.js';
import type { SearchKind, SearchPage, SearchQuery, StoryListFilter, StoryView } from '../store.types.js';

/*
 * The SQL only SQLite speaks, kept here so that the queries in reads.ts and import.ts
 * stay portable (Kysely compiles them for any dialect; their upserts use
 * `ON CONFLICT ... DO UPDATE`, which PostgreSQL shares). Another backend provides
 * its own version of each export: a key list (`= ANY($1)` on PostgreSQL) and
 * full-text search (tsvector and ts_rank) under the filter `SearchQuery` defines, whose
 * story part (`filteredStories` in db/story-filter.ts) is portable and shared.
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

/**
 * Where each record's row sits in the FTS5 index: its rowid, from the record's own key (a story's
 * id, a day's number, a recap's day), so that replacing one row is a rowid lookup, never a scan
 * of the index. Migration 4 moved existing rows to these rowids.
 */
const SEARCH_ROWID = {
  Story: (id: string) => `(${id}) * 3`,
  Day: (number: string) => `(${number}) * 3 + 1`,
  Recap: (day: string) => `(${day}) * 3 + 2`,
} satisfies Record<SearchKind, unknown>;

/** The index rows of stories, days and recaps: the words readers are served, with the headline, summary or points. */
const INDEXED = {
  Story: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT ${sql.raw(SEARCH_ROWID.Story('s.id'))}, s.title || ' ' || c.name,
      s.headline || char(10) || s.summary || char(10) || s.body_text, 'Story', s.slug, s.status = 'published'
    FROM stories s JOIN companies c ON c.id = s.company_id WHERE ${where}`,
  Day: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT ${sql.raw(SEARCH_ROWID.Day('number'))}, title, topic || char(10) || summary || char(10) || body_text,
      'Day', CAST(number AS TEXT), 1
    FROM days WHERE ${where}`,
  Recap: (where: RawBuilder<unknown>) => sql`INSERT INTO search_index (rowid, title, body, kind, key, published)
    SELECT ${sql.raw(SEARCH_ROWID.Recap('day'))}, title,
      (SELECT group_concat(value, char(10)) FROM json_each(points)) || char(10) || body_text,
      'Recap', CAST(day AS TEXT), status = 'published'
    FROM recaps WHERE ${where}`,
} satisfies Record<SearchKind, unknown>;

/**
 * Re-indexes stories by id: their rows are replaced by what the tables now hold (a story no longer
 * there just loses its row). Two statements, each a rowid or primary-key lookup per story.
 */
export async function reindexStoryIds(db: Kysely<StoryDatabase>, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  const list = keyList(ids);
  await sql`DELETE FROM search_index WHERE rowid IN (SELECT ${sql.raw(SEARCH_ROWID.Story('value'))} FROM json_each(${list}))`.execute(
    db,
  );
  await INDEXED.Story(sql`s.id IN (SELECT value FROM json_each(${list}))`).execute(db);
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
  if (kind === 'Story') {
    const list = keyList(keys.map(String));
    const found = await db.selectFrom('stories').select(['id', 'slug']).where(inKeys('slug', list)).execute();
    const gone = keys.map(String).filter((slug) => !found.some((s) => s.slug === slug));
    // A story this write deleted has no id left to find its row by: a scan of the index, for deletes only.
    if (gone.length) {
      await db
        .deleteFrom('search_index')
        .where('kind', '=', 'Story')
        .where(inKeys('key', keyList(gone)))
        .execute();
    }
    await reindexStoryIds(
      db,
      found.map((s) => s.id),
    );
    return;
  }
  const list = keyList(keys.map(Number));
  await sql`DELETE FROM search_index WHERE rowid IN (SELECT ${sql.raw(SEARCH_ROWID[kind]('value'))} FROM json_each(${list}))`.execute(
    db,
  );
  const column = { Day: 'number', Recap: 'day' }[kind];
  await INDEXED[kind](sql`${sql.raw(column)} IN (SELECT value FROM json_each(${list}))`).execute(db);
}

/** What changes the SQL text of a search; each combination is compiled once. */
interface SearchShape {
  view: StoryView;
  filters: (keyof StoryListFilter)[];
  fromKey: boolean;
}

type SearchValues = StoryListFilter & {
  match: string;
  /** `day` as text, as the index keys days and recaps. */
  dayKey?: string;
  afterRank?: number;
  afterKind?: SearchKind;
  afterKey?: string;
  limit: number;
};

const RANK = sql<number>`-bm25(search_index, 8.0, 1.0)`;

/**
 * Every hit of the terms, ranked; the stories the filter's story-only fields select (read once,
 * whichever kinds of hits need them); the hits the filter keeps (materialized: the count, the
 * best rank and the page read them); then one page of those. Snippets are cut for the page only,
 * and one row comes back even for an empty page, so the count needs no statement of its own.
 */
const searchQuery = preparedQuery<SearchValues>()((kysely, v, shape: SearchShape) =>
  kysely
    .with('hits', (db) =>
      db
        .selectFrom('search_index')
        .select([sql<number>`search_index.rowid`.as('id'), 'kind', 'key', RANK.as('rank')])
        .where(sql<SqlBool>`search_index MATCH ${v.match}`)
        .$if(shape.view === 'published', (q) => q.where('published', '=', sql.lit(1))),
    )
    .with(
      (cte) => cte('presented').materialized(),
      () =>
        filteredStories(
          kysely,
          v,
          shape.filters.filter((name) => name !== 'day'),
          shape.view,
        ).select(['s.id', 's.slug', 's.day_number']),
    )
    .with(
      (cte) => cte('matching').materialized(),
      (db) =>
        db
          .selectFrom('hits')
          .selectAll()
          .$if(shape.filters.length > 0, (q) => q.where((eb) => hitMatches(eb, v, shape))),
    )
    .with('page', (db) =>
      db
        .selectFrom('matching')
        .selectAll()
        .$if(shape.fromKey, (q) =>
          q.where(({ eb, or, and }) =>
            or([
              eb('rank', '<', v.afterRank),
              and([
                eb('rank', '=', v.afterRank),
                or([eb('kind', '>', v.afterKind), and([eb('kind', '=', v.afterKind), eb('key', '>', v.afterKey)])]),
              ]),
            ]),
          ),
        )
        .orderBy('rank', 'desc')
        .orderBy('kind')
        .orderBy('key')
        .limit(v.limit),
    )
    .selectFrom(kysely.selectNoFrom(sql.lit(1).as('one')).as('o'))
    .leftJoin('page', (join) => join.onTrue())
    .select((eb) => [
      eb.selectFrom('matching').select(eb.fn.countAll<number>().as('n')).as('total_count'),
      eb.selectFrom('matching').select(eb.fn.max('rank').as('best')).as('best'),
      'page.kind',
      'page.key',
      'page.rank',
      // Per page row, not per hit: cutting a snippet costs more than ranking a hit.
      sql<string | null>`(SELECT snippet(search_index, 1, '«', '»', '…', 16) FROM search_index
        WHERE search_index MATCH ${v.match} AND search_index.rowid = page.id)`.as('snippet'),
    ])
    .orderBy('page.rank', 'desc')
    .orderBy('page.kind')
    .orderBy('page.key'),
);

type HitsBuilder = ExpressionBuilder<
  StoryDatabase & {
    hits: { id: number; kind: SearchKind; key: string; rank: number };
    presented: { id: number; slug: string; day_number: number | null };
  },
  'hits'
>;

/**
 * Whether a hit matches the filter, per kind, as {@link SearchQuery} defines it; `presented` holds
 * the stories in the view that the story-only fields select (all of them when none is set).
 */
function hitMatches(eb: HitsBuilder, v: StandIns<SearchValues>, { filters }: SearchShape) {
  const byDay = filters.includes('day');
  const byStory = filters.some((name) => name !== 'day');
  const stories = [eb('hits.kind', '=', sql.lit('Story'))];
  const days = [eb('hits.kind', '=', sql.lit('Day'))];
  const recaps = [eb('hits.kind', '=', sql.lit('Recap'))];
  stories.push(
    eb(
      'hits.key',
      'in',
      eb
        .selectFrom('presented')
        .select('presented.slug')
        .$if(byDay, (q) => q.where('presented.day_number', '=', v.day)),
    ),
  );
  if (byDay) {
    days.push(eb('hits.key', '=', v.dayKey));
    recaps.push(
      eb.or([
        eb('hits.key', '=', v.dayKey),
        sql<SqlBool>`${v.day} IN (SELECT j.value FROM recaps r, json_each(r.covers_days) j
          WHERE CAST(r.day AS TEXT) = hits.key)`,
      ]),
    );
  }
  if (byStory) {
    days.push(
      eb(
        'hits.key',
        'in',
        eb
          .selectFrom('presented')
          .where('presented.day_number', 'is not', null)
          .select(sql<string>`CAST(presented.day_number AS TEXT)`.as('day_key')),
      ),
    );
    recaps.push(
      eb(
        'hits.key',
        'in',
        eb
          .selectFrom('recap_stories as rs')
          .where('rs.story_id', 'in', eb.selectFrom('presented').select('presented.id'))
          .select(sql<string>`CAST(rs.recap_day AS TEXT)`.as('recap_key')),
      ),
    );
  }
  return eb.or([eb.and(stories), eb.and(days), eb.and(recaps)]);
}

/**
 * Ranked full-text search with FTS5's bm25 (title weighted 8 to 1 over the text), every term a
 * word prefix and all required, under a story filter; see {@link SearchQuery}.
 */
export async function search(runner: QueryRunner, query: SearchQuery): Promise<SearchPage> {
  // Each term is quoted, so FTS5 operators in user input are matched as text, never run as syntax.
  const match = query.terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
  const { filter, after } = query;
  const rows = await searchQuery(
    runner,
    {
      ...filter,
      match,
      dayKey: filter.day == null ? undefined : String(filter.day),
      afterRank: after?.rank,
      afterKind: after?.kind,
      afterKey: after?.key,
      // One hit more than the page tells whether there are more.
      limit: query.limit + 1,
    },
    { view: query.view, filters: filtersSet(filter), fromKey: after !== null },
  );
  // bm25 nears zero for terms most documents contain, so scores are scaled to the best hit (1.0).
  const best = Math.max(Number(rows[0]?.best ?? 0), Number.MIN_VALUE);
  const hits = rows.filter(isHitOnPage).map((r) => ({
    kind: r.kind,
    key: r.key,
    rank: r.rank,
    score: Math.round((r.rank / best) * 1000) / 1000,
    snippet: (r.snippet ?? '').replace(/\s+/g, ' ').trim(),
  }));
  return {
    hits: hits.slice(0, query.limit),
    hasMore: hits.length > query.limit,
    totalCount: Number(rows[0]?.total_count ?? 0),
  };
}

/** A hit of the page, not the stand-in row of an empty page. */
function isHitOnPage<R extends { kind: SearchKind | null; key: string | null; rank: number | null }>(
  row: R,
): row is R & { kind: SearchKind; key: string; rank: number } {
  return row.kind !== null && row.key !== null && row.rank !== null;
}
