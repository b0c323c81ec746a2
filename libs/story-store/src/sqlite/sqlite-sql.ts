import { type ExpressionBuilder, type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import { filteredStories } from '../db/story-filter.js';
import {
  SEARCH_RANK_WINDOW,
  searchArguments,
  type SearchCursorValues,
  searchPage,
  type SearchShape,
  UNRANKED_RANK_BASE,
} from '../db/search-window.js';
import type { SearchKind, SearchPage, SearchQuery } from '../store.types.js';

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

type SearchValues = SearchCursorValues & { match: string };

const RANK = sql<number>`-bm25(search_index, 8.0, 1.0)`;
const POSITION = sql<number>`search_index.rowid`;

type SearchScope = StoryDatabase & {
  presented: { id: number; slug: string; day_number: number | null };
  unpublished: { position: number };
  head: { position: number; kind: SearchKind; key: string; rank: number };
  window: { position: number; kind: SearchKind; key: string; rank: number; n: number };
  ranked: { position: number; kind: SearchKind; key: string; rank: number };
  unranked: { position: number; kind: SearchKind; key: string; rank: number };
  page: { position: number; kind: SearchKind; key: string; rank: number };
  snippets: { position: number; snippet: string };
};

/**
 * The hits of a search as bounded ranking serves them ({@link SEARCH_RANK_WINDOW}): the newest
 * `window` hits the view and filter keep (FTS5 reads its doclist from the highest rowid down and
 * stops there) ranked with bm25, best first; then every other hit, newest first, unranked. The
 * count reads the doclist alone: whether a hit is visible or matches the filter is decided from
 * its rowid (which encodes its kind and key, see `SEARCH_ROWID`) and the tables' indexes, never
 * from the index's stored text, so neither the count nor the window reads a document; only the
 * page's rows are read (kind, key, snippet). One row comes back even for an empty page, so the
 * count needs no statement of its own.
 */
const searchQuery = preparedQuery<SearchValues>()((kysely, v, shape: SearchShape) => {
  const db = kysely as unknown as Kysely<SearchScope>;
  /** The index's rows that match the terms, the view and the filter. */
  const found = () =>
    db
      .selectFrom('search_index')
      .where(sql<SqlBool>`search_index MATCH ${v.match}`)
      .$if(shape.view === 'published', (q) =>
        q.where(POSITION, 'not in', db.selectFrom('unpublished').select('unpublished.position')),
      )
      .$if(shape.filters.length > 0, (q) => q.where((eb) => hitMatches(eb, v, shape)));
  const ranking = shape.from !== 'unranked';
  return db
    .with('unpublished', (q) =>
      q
        .selectFrom('stories')
        .where('stories.status', '=', sql.lit('draft'))
        .select(sql<number>`${sql.raw(SEARCH_ROWID.Story('stories.id'))}`.as('position'))
        .unionAll(
          q
            .selectFrom('recaps')
            .where('recaps.status', '=', sql.lit('draft'))
            .select(sql<number>`${sql.raw(SEARCH_ROWID.Recap('recaps.day'))}`.as('position')),
        ),
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
      (cte) => cte('head').materialized(),
      () =>
        found()
          .select([POSITION.as('position'), 'kind', 'key', RANK.as('rank')])
          // A page past the window reads no ranks (nor opens a cursor over the index for them).
          .$if(!ranking, (q) => q.where(sql.lit(false)))
          .orderBy(POSITION, 'desc')
          .limit(v.headSize),
    )
    .with('window', (q) =>
      q
        .selectFrom('head')
        .select(['position', 'kind', 'key', 'rank', sql<number>`row_number() OVER (ORDER BY position DESC)`.as('n')]),
    )
    .with('ranked', (q) =>
      q
        .selectFrom('window')
        .select(['position', 'kind', 'key', 'rank'])
        .where('n', '<=', v.window)
        .$if(shape.from === 'ranked', (r) =>
          r.where(({ eb, or, and }) =>
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
    .with('unranked', (q) =>
      ranking
        ? // The first hits past the window: read with it.
          q
            .selectFrom('window')
            .select(['position', 'kind', 'key', sql<number>`position + ${sql.lit(UNRANKED_RANK_BASE)}`.as('rank')])
            .where('n', '>', v.window)
        : found()
            .select([
              POSITION.as('position'),
              'kind',
              'key',
              sql<number>`${POSITION} + ${sql.lit(UNRANKED_RANK_BASE)}`.as('rank'),
            ])
            .where(POSITION, '<', v.afterPosition)
            .orderBy(POSITION, 'desc')
            .limit(v.limit),
    )
    .with('page', (q) =>
      q
        .selectFrom('ranked')
        .selectAll()
        .unionAll(q.selectFrom('unranked').selectAll())
        .orderBy('rank', 'desc')
        .orderBy('kind')
        .orderBy('key')
        .limit(v.limit),
    )
    .with(
      (cte) => cte('snippets').materialized(),
      (q) =>
        q
          .selectFrom('search_index')
          .where(sql<SqlBool>`search_index MATCH ${v.match}`)
          // One cursor over the page's span of the doclist: a cursor per row would merge the
          // doclists of a prefix's terms once per row, as costly as counting every hit each time.
          .where(sql<SqlBool>`+search_index.rowid IN (SELECT page.position FROM page)`)
          .where(
            POSITION,
            '>=',
            q.selectFrom('page').select((eb) => eb.fn.min('page.position').as('low')),
          )
          .where(
            POSITION,
            '<=',
            q.selectFrom('page').select((eb) => eb.fn.max('page.position').as('high')),
          )
          .select([POSITION.as('position'), sql<string>`snippet(search_index, 1, '«', '»', '…', 16)`.as('snippet')]),
    )
    .selectFrom(kysely.selectNoFrom(sql.lit(1).as('one')).as('o'))
    .leftJoin('page', (join) => join.onTrue())
    .leftJoin('snippets', 'snippets.position', 'page.position')
    .select((eb) => [
      eb
        .selectFrom(found().select(POSITION.as('position')).as('hits'))
        .select(eb.fn.countAll<number>().as('n'))
        .as('total_count'),
      eb.selectFrom('window').where('window.n', '<=', v.window).select(eb.fn.max('rank').as('best')).as('best'),
      'page.kind',
      'page.key',
      'page.rank',
      'snippets.snippet',
    ])
    .orderBy('page.rank', 'desc')
    .orderBy('page.kind')
    .orderBy('page.key')
    .limit(v.limit);
});

type HitsBuilder = ExpressionBuilder<SearchScope, 'search_index'>;

/**
 * Whether a hit matches the filter, per kind, as {@link SearchQuery} defines it, from its rowid
 * alone (kind and key decoded as `SEARCH_ROWID` encodes them); `presented` holds the stories in
 * the view that the story-only fields select (all of them when none is set).
 */
function hitMatches(eb: HitsBuilder, v: StandIns<SearchValues>, { filters }: SearchShape) {
  const byDay = filters.includes('day');
  const byStory = filters.some((name) => name !== 'day');
  const storyId = sql<number>`${POSITION} / 3`;
  const dayNumber = sql<number>`(${POSITION} - 1) / 3`;
  const recapDay = sql<number>`(${POSITION} - 2) / 3`;
  const stories = [eb(sql`${POSITION} % 3`, '=', sql.lit(0))];
  const days = [eb(sql`${POSITION} % 3`, '=', sql.lit(1))];
  const recaps = [eb(sql`${POSITION} % 3`, '=', sql.lit(2))];
  stories.push(
    eb(
      storyId,
      'in',
      eb
        .selectFrom('presented')
        .select('presented.id')
        .$if(byDay, (q) => q.where('presented.day_number', '=', v.day)),
    ),
  );
  if (byDay) {
    days.push(eb(dayNumber, '=', v.day));
    recaps.push(
      eb.or([
        eb(recapDay, '=', v.day),
        sql<SqlBool>`${v.day} IN (SELECT j.value FROM recaps r, json_each(r.covers_days) j WHERE r.day = ${recapDay})`,
      ]),
    );
  }
  if (byStory) {
    days.push(
      eb(
        dayNumber,
        'in',
        eb.selectFrom('presented').where('presented.day_number', 'is not', null).select('presented.day_number'),
      ),
    );
    recaps.push(
      eb(
        recapDay,
        'in',
        eb
          .selectFrom('recap_stories as rs')
          .where('rs.story_id', 'in', eb.selectFrom('presented').select('presented.id'))
          .select('rs.recap_day'),
      ),
    );
  }
  return eb.or([eb.and(stories), eb.and(days), eb.and(recaps)]);
}

/**
 * Full-text search with FTS5, every term a word prefix and all required, under a story filter;
 * see {@link SearchQuery}. The newest `window` hits are ranked with bm25 (title weighted 8 to 1
 * over the text), best first; the other hits follow them unranked, newest first, with score 0.
 */
export async function search(
  runner: QueryRunner,
  query: SearchQuery,
  window: number = SEARCH_RANK_WINDOW,
): Promise<SearchPage> {
  // Each term is quoted, so FTS5 operators in user input are matched as text, never run as syntax.
  const match = query.terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
  const { values, shape } = searchArguments(query, window);
  const rows = await searchQuery(runner, { ...values, match }, shape);
  return searchPage(rows, query.limit);
}
