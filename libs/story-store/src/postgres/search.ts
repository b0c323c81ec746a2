import { CompiledQuery, type ExpressionBuilder, type Kysely, type RawBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import {
  SEARCH_RANK_WINDOW,
  searchArguments,
  type SearchCursorValues,
  searchPage,
  type SearchShape,
  UNRANKED_RANK_BASE,
} from '../db/search-window.js';
import { filteredStories } from '../db/story-filter.js';
import type { SearchKind, SearchPage, SearchQuery } from '../store.types.js';

/*
 * Full-text search on PostgreSQL: the index's weighted tsvector (title A, headline B, body C)
 * under a GIN index, the newest matches ranked with ts_rank_cd, snippets cut by ts_headline with
 * SQLite's marks.
 */

type SearchValues = SearchCursorValues & {
  /** A tsquery built by {@link tsQuery}: sanitised words, each a prefix, all required. */
  match: string;
  /** `day` as text, as the index keys days and recaps. */
  dayKey?: string;
};

/**
 * Cover density over the weights (D, C, B, A): a title hit counts ten times a body hit, a headline
 * hit four times, as SQLite's bm25 weighs its title 8 to 1; normalisation 1 divides by the log of
 * the document's length, so a long body does not win by size alone.
 */
function rank(query: RawBuilder<string>) {
  return sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', si.document, ${query}, 1)::float8`;
}
const POSITION = sql<number>`search_index.position`;

/** ts_headline options: SQLite's marks and a fragment of about as many words as its snippet. */
const HEADLINE_OPTIONS =
  'StartSel=«, StopSel=», MaxWords=18, MinWords=8, ShortWord=2, MaxFragments=1, FragmentDelimiter=…';

type Hit = { position: number; kind: SearchKind; key: string; rank: number };
type SearchScope = StoryDatabase & {
  presented: { id: number; slug: string; day_number: number | null };
  head: { position: number; kind: SearchKind; key: string };
  window: Hit & { n: number };
  ranked: Hit;
  unranked: Hit;
  page: Hit;
};

/**
 * The hits of a search as bounded ranking serves them ({@link SEARCH_RANK_WINDOW}), as on SQLite:
 * the newest `window` hits the view and filter keep (highest `position` first) ranked with
 * ts_rank_cd, best first; then every other hit, newest first, unranked. The count and the choice of
 * the window read the GIN index and the rows' plain columns (kind, key, published), never a
 * document: only the window's documents are ranked and only the page's cut into snippets. One row
 * comes back even for an empty page, so the count needs no statement of its own.
 */
const searchQuery = preparedQuery<SearchValues>()((kysely, v, shape: SearchShape) => {
  const db = kysely as unknown as Kysely<SearchScope>;
  // Written out where it is used, not read from a CTE, so that the planner sees the terms and
  // estimates how many rows match (the window of a common term is then a backward read of the
  // position index that stops after the window, not a sort of every match).
  const query = sql<string>`to_tsquery('english', ${v.match})`;
  /** The index's rows that match the terms, the view and the filter. */
  const found = () =>
    db
      .selectFrom('search_index')
      .where(sql<SqlBool>`search_index.document @@ ${query}`)
      .$if(shape.view === 'published', (q) => q.where(sql<SqlBool>`search_index.published`))
      .$if(shape.filters.length > 0, (q) => q.where((eb) => hitMatches(eb, v, shape)));
  const ranking = shape.from !== 'unranked';
  return db
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
          .select([POSITION.as('position'), 'search_index.kind', 'search_index.key'])
          // A page past the window ranks nothing.
          .$if(!ranking, (q) => q.where(sql.lit(false)))
          .orderBy(POSITION, 'desc')
          .limit(v.headSize),
    )
    .with('window', (q) =>
      q
        .selectFrom('head as h')
        .innerJoin('search_index as si', (join) => join.on(sql<SqlBool>`si.position = h.position`))
        .select([
          'h.position',
          'h.kind',
          'h.key',
          rank(query).as('rank'),
          sql<number>`row_number() OVER (ORDER BY h.position DESC)`.as('n'),
        ]),
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
            .select([
              'position',
              'kind',
              'key',
              sql<number>`(position + ${sql.lit(UNRANKED_RANK_BASE)})::float8`.as('rank'),
            ])
            .where('n', '>', v.window)
        : found()
            .select([
              POSITION.as('position'),
              'search_index.kind',
              'search_index.key',
              sql<number>`(${POSITION} + ${sql.lit(UNRANKED_RANK_BASE)})::float8`.as('rank'),
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
    .selectFrom(kysely.selectNoFrom(sql.lit(1).as('one')).as('o'))
    .leftJoin('page', (join) => join.onTrue())
    .select((eb) => [
      eb
        .selectFrom(found().select(POSITION.as('position')).as('hits'))
        .select(eb.fn.countAll<number>().as('n'))
        .as('total_count'),
      eb.selectFrom('window').where('window.n', '<=', v.window).select(eb.fn.max('rank').as('best')).as('best'),
      'page.kind',
      'page.key',
      'page.rank',
      // Per page row, not per hit: cutting a snippet costs more than ranking a hit.
      sql<string | null>`(SELECT ts_headline('english', si.headline || E'\\n' || si.body, ${query},
        ${sql.lit(HEADLINE_OPTIONS)}) FROM search_index si WHERE si.position = page.position)`.as('snippet'),
    ])
    .orderBy('page.rank', 'desc')
    .orderBy('page.kind')
    .orderBy('page.key')
    .limit(v.limit);
});

type HitsBuilder = ExpressionBuilder<SearchScope, 'search_index'>;

/**
 * Whether a hit matches the filter, per kind, as {@link SearchQuery} defines it; `presented` holds
 * the stories in the view that the story-only fields select (all of them when none is set).
 */
function hitMatches(eb: HitsBuilder, v: StandIns<SearchValues>, { filters }: SearchShape) {
  const byDay = filters.includes('day');
  const byStory = filters.some((name) => name !== 'day');
  const stories = [eb('search_index.kind', '=', sql.lit('Story'))];
  const days = [eb('search_index.kind', '=', sql.lit('Day'))];
  const recaps = [eb('search_index.kind', '=', sql.lit('Recap'))];
  stories.push(
    eb(
      'search_index.key',
      'in',
      eb
        .selectFrom('presented')
        .select('presented.slug')
        .$if(byDay, (q) => q.where('presented.day_number', '=', v.day)),
    ),
  );
  if (byDay) {
    days.push(eb('search_index.key', '=', v.dayKey));
    recaps.push(
      eb.or([
        eb('search_index.key', '=', v.dayKey),
        sql<SqlBool>`${v.day}::integer IN (SELECT j.value::integer
          FROM recaps r, json_array_elements_text(r.covers_days::json) AS j(value)
          WHERE CAST(r.day AS text) = search_index.key)`,
      ]),
    );
  }
  if (byStory) {
    days.push(
      eb(
        'search_index.key',
        'in',
        eb
          .selectFrom('presented')
          .where('presented.day_number', 'is not', null)
          .select(sql<string>`CAST(presented.day_number AS text)`.as('day_key')),
      ),
    );
    recaps.push(
      eb(
        'search_index.key',
        'in',
        eb
          .selectFrom('recap_stories as rs')
          .where('rs.story_id', 'in', eb.selectFrom('presented').select('presented.id'))
          .select(sql<string>`CAST(rs.recap_day AS text)`.as('recap_key')),
      ),
    );
  }
  return eb.or([eb.and(stories), eb.and(days), eb.and(recaps)]);
}

/**
 * The tsquery of search terms, never the user's text: each term is cut into its letters and digits
 * (everything else, tsquery syntax included, separates words), each word becomes a prefix
 * (`word:*`) and all are required. Null when no word is left.
 */
export function tsQuery(terms: readonly string[]): string | null {
  const words = terms.flatMap(
    (term) =>
      term
        .normalize('NFKC')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

/**
 * Full-text search, every term a word prefix and all required, under a story filter; see
 * {@link SearchQuery}. The newest `window` hits are ranked with ts_rank_cd, best first; the other
 * hits follow them unranked, newest first, with score 0. Scores are scaled to the best hit, as on SQLite.
 */
export async function search(
  runner: QueryRunner,
  query: SearchQuery,
  window: number = SEARCH_RANK_WINDOW,
): Promise<SearchPage> {
  const match = tsQuery(query.terms);
  if (match === null) return { hits: [], hasMore: false, totalCount: 0 };
  const { values, shape } = searchArguments(query, window);
  const dayKey = query.filter.day == null ? undefined : String(query.filter.day);
  const rows = await withoutSeqScan(runner, (reads) => searchQuery(reads, { ...values, match, dayKey }, shape));
  return searchPage(rows, query.limit);
}

/**
 * Runs `read` in a read-only transaction where the planner does not scan tables whole. For a term
 * most rows contain, it prefers a sequential scan to the GIN index, not counting that testing
 * `@@` on each row reads (detoasts) that row's document: counting the matches of `deploy` among
 * 100,000 stories took 1.2 s that way and 0.1 s from the index (a bitmap scan reads no document).
 * The statement keeps its compiled form (`reads.kysely` is the store's), run on the transaction.
 */
async function withoutSeqScan<R>(runner: QueryRunner, read: (reads: QueryRunner) => Promise<R>): Promise<R> {
  return runner.kysely
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return read({
        kysely: runner.kysely,
        run: async (text, parameters) => (await trx.executeQuery(CompiledQuery.raw(text, [...parameters]))).rows,
      });
    });
}
