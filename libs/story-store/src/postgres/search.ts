import { type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import { preparedQuery, type QueryRunner, type StandIns } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import { filteredStories, filtersSet } from '../db/story-filter.js';
import type { SearchKind, SearchPage, SearchQuery, StoryListFilter, StoryView } from '../store.types.js';

/*
 * Full-text search on PostgreSQL: the index's weighted tsvector (title A, headline B, body C)
 * under a GIN index, ranked with ts_rank_cd, snippets cut by ts_headline with SQLite's marks.
 */

/** What changes the SQL text of a search; each combination is compiled once. */
interface SearchShape {
  view: StoryView;
  filters: (keyof StoryListFilter)[];
  fromKey: boolean;
}

type SearchValues = StoryListFilter & {
  /** A tsquery built by {@link tsQuery}: sanitised words, each a prefix, all required. */
  match: string;
  /** `day` as text, as the index keys days and recaps. */
  dayKey?: string;
  afterRank?: number;
  afterKind?: SearchKind;
  afterKey?: string;
  limit: number;
};

/**
 * Cover density over the weights (D, C, B, A): a title hit counts ten times a body hit, a headline
 * hit four times, as SQLite's bm25 weighs its title 8 to 1; normalisation 1 divides by the log of
 * the document's length, so a long body does not win by size alone.
 */
const RANK = sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search_index.document, q.query, 1)::float8`;

/** ts_headline options: SQLite's marks and a fragment of about as many words as its snippet. */
const HEADLINE_OPTIONS =
  'StartSel=«, StopSel=», MaxWords=18, MinWords=8, ShortWord=2, MaxFragments=1, FragmentDelimiter=…';

/**
 * Every hit of the terms, ranked; the stories the filter's story-only fields select; the hits the
 * filter keeps (materialized: the count, the best rank and the page read them); then one page of
 * those, with snippets cut for the page only, and one row even for an empty page.
 */
const searchQuery = preparedQuery<SearchValues>()((kysely, v, shape: SearchShape) =>
  kysely
    .with('q', (db) => db.selectNoFrom(sql<string>`to_tsquery('english', ${v.match})`.as('query')))
    .with('hits', (db) =>
      db
        .selectFrom('search_index')
        .innerJoin('q', (join) => join.on(sql<SqlBool>`search_index.document @@ q.query`))
        .select(['search_index.kind', 'search_index.key', RANK.as('rank')])
        .$if(shape.view === 'published', (q) => q.where(sql<SqlBool>`search_index.published`)),
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
      sql<string | null>`(SELECT ts_headline('english', si.headline || E'\\n' || si.body, q.query,
        ${sql.lit(HEADLINE_OPTIONS)}) FROM search_index si, q WHERE si.kind = page.kind AND si.key = page.key)`.as(
        'snippet',
      ),
    ])
    .orderBy('page.rank', 'desc')
    .orderBy('page.kind')
    .orderBy('page.key'),
);

type HitsBuilder = ExpressionBuilder<
  StoryDatabase & {
    hits: { kind: SearchKind; key: string; rank: number };
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
        sql<SqlBool>`${v.day}::integer IN (SELECT j.value::integer
          FROM recaps r, json_array_elements_text(r.covers_days::json) AS j(value)
          WHERE CAST(r.day AS text) = hits.key)`,
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
          .select(sql<string>`CAST(presented.day_number AS text)`.as('day_key')),
      ),
    );
    recaps.push(
      eb(
        'hits.key',
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
 * Ranked full-text search, every term a word prefix and all required, under a story filter; see
 * {@link SearchQuery}. Scores are scaled to the best hit, as on SQLite.
 */
export async function search(runner: QueryRunner, query: SearchQuery): Promise<SearchPage> {
  const match = tsQuery(query.terms);
  if (match === null) return { hits: [], hasMore: false, totalCount: 0 };
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
