import type { SearchKind, SearchPage, SearchQuery, StoryListFilter, StoryView } from '../store.types.js';
import { filtersSet } from './story-filter.js';

/**
 * How many matches of a search are ranked: the newest this many (by search position, see
 * {@link UNRANKED_RANK_BASE}) that the filter keeps. Neither FTS5's bm25 nor PostgreSQL's
 * ts_rank_cd can give the best k of a term most records contain without scoring every one, so
 * ranking is bounded here and a search costs about the same at 1,000 records as at 100,000.
 * Every match still counts and still pages: those past the window follow the ranked ones, newest
 * first. Chosen by measurement (bench/scale.md): ranking 1,000 hits costs a few milliseconds on
 * either engine, while the common-term search of 100,000 stories ranked about 100,000.
 */
export const SEARCH_RANK_WINDOW = 1000;

/**
 * The rank of a match past the ranking window is its search position plus this base: negative, so
 * below every ranked hit (bm25 and ts_rank_cd are positive), and falling with the position, so the
 * unranked matches page newest first and their rank alone is their keyset. A search position is
 * the record's key in the index: story id * 3, day number * 3 + 1, recap day * 3 + 2 (SQLite's
 * FTS5 rowid, PostgreSQL's `search_index.position`), below 2^52, so every such rank is exact.
 */
export const UNRANKED_RANK_BASE = -(2 ** 53);

/** Whether a rank (from a cursor) is that of a match past the ranking window. */
export function isUnranked(rank: number): boolean {
  return rank < 0;
}

/** The search position of an unranked match's rank. */
export function unrankedPosition(rank: number): number {
  return rank - UNRANKED_RANK_BASE;
}

/** A row of a search statement: the counts, and one hit of the page unless the page is empty. */
export interface SearchRow {
  total_count: number | string | null;
  /** The best rank of the window, null when the statement ranked nothing. */
  best: number | null;
  kind: SearchKind | null;
  key: string | null;
  rank: number | null;
  snippet: string | null;
}

/**
 * The page of a search statement's rows (`limit + 1` hits at most, the extra one telling whether
 * there are more). Scores are ranks scaled to the best of the window, since bm25 nears zero for
 * terms most documents contain; a hit past the window scores 0.
 */
export function searchPage(rows: readonly SearchRow[], limit: number): SearchPage {
  const best = Math.max(Number(rows[0]?.best ?? 0), Number.MIN_VALUE);
  const hits = rows.filter(isHitOnPage).map((r) => ({
    kind: r.kind,
    key: r.key,
    rank: Number(r.rank),
    score: isUnranked(Number(r.rank)) ? 0 : Math.round((Number(r.rank) / best) * 1000) / 1000,
    snippet: (r.snippet ?? '').replace(/\s+/g, ' ').trim(),
  }));
  return {
    hits: hits.slice(0, limit),
    hasMore: hits.length > limit,
    totalCount: Number(rows[0]?.total_count ?? 0),
  };
}

/** A hit of the page, not the stand-in row of an empty page. */
function isHitOnPage(row: SearchRow): row is SearchRow & { kind: SearchKind; key: string; rank: number } {
  return row.kind !== null && row.key !== null && row.rank !== null;
}

/**
 * What changes the SQL text of a search; each combination is compiled once. `from` says where the
 * page starts: at the top, after a ranked hit, or after an unranked one (where nothing is ranked).
 */
export interface SearchShape {
  view: StoryView;
  filters: (keyof StoryListFilter)[];
  from: 'start' | 'ranked' | 'unranked';
}

/** The values of a search statement but its terms (each engine spells those its own way). */
export type SearchCursorValues = StoryListFilter & {
  afterRank?: number;
  afterKind?: SearchKind;
  afterKey?: string;
  /** The search position of the unranked hit the page follows. */
  afterPosition?: number;
  /** How many of the newest hits are ranked ({@link SEARCH_RANK_WINDOW}). */
  window: number;
  /** The window and the page's worth of hits after it, read in one pass. */
  headSize: number;
  limit: number;
};

/** The values and shape of `query`'s search statement, ranking `window` hits at most. */
export function searchArguments(
  query: SearchQuery,
  window: number,
): { values: SearchCursorValues; shape: SearchShape } {
  const { filter, after } = query;
  const from = after === null ? 'start' : isUnranked(after.rank) ? 'unranked' : 'ranked';
  return {
    values: {
      ...filter,
      afterRank: after?.rank,
      afterKind: after?.kind,
      afterKey: after?.key,
      afterPosition: after && from === 'unranked' ? unrankedPosition(after.rank) : undefined,
      window,
      headSize: window + query.limit + 1,
      // One hit more than the page tells whether there are more.
      limit: query.limit + 1,
    },
    shape: { view: query.view, filters: filtersSet(filter), from },
  };
}
