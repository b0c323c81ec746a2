import { type RawBuilder, sql } from 'kysely';
import type {
  NestedPageQuery,
  StoryListFilter,
  StoryListPage,
  StoryListQuery,
  StorySortField,
  StoryView,
} from '../store.types.js';
import { groupBy, type StorySummaryRow, toStorySummary } from './records.js';
import { filtersSet } from './story-filter.js';

/*
 * What both engines' pages of stories (sqlite/pages.ts, postgres/reads.ts) share around their own
 * statements: the sort keys, the shapes and values a page statement takes, and how its rows (one
 * more than the page, or one stand-in row for an empty page) become a page.
 */

/** Newest first, ties by slug: the order of every nested story list and of cursors over it. */
export const publishedAtKey = sql<number>`COALESCE(s.published_at, 0)`;

/** The value a list is sorted by, and a cursor carries; ties are broken by slug. Each is an index's expression. */
export const SORT_KEYS: Record<StorySortField, RawBuilder<string | number>> = {
  publishedAt: publishedAtKey,
  year: sql<number>`COALESCE(s.year, 0)`,
  title: sql<string>`lower(s.title)`,
};

/** What changes the SQL text of a page of stories; each combination is compiled once. */
export interface PageShape {
  field: StorySortField;
  /** The direction rows are read in: the list's, or its reverse when reading backward. */
  direction: 'asc' | 'desc';
  view: StoryView;
  filters: (keyof StoryListFilter)[];
  fromKey: boolean;
}

/** The values of a page of stories: the filter's, the cursor's and the row limit. */
export type PageValues = StoryListFilter & { startValue?: string | number; startSlug?: string; limit: number };

/** What changes the SQL text of a page of nested lists. */
export interface NestedShape {
  view: StoryView;
  fromKey: boolean;
}

/** The values of a page of nested lists, but the parents' key list (each engine binds it its own way). */
export type NestedCursorValues = { startValue?: number; startSlug?: string; limit: number };

/** A row of the page, not the stand-in row of an empty page: the left-joined story is all there or all null. */
export function isStoryOnPage<R extends { id: number | null }>(
  row: R,
): row is R & StorySummaryRow & { sort_key: string | number } {
  return row.id !== null;
}

/** The values and shape of `query`'s page statement: one row more than the page tells whether there are more. */
export function listPageArguments(query: StoryListQuery): { values: PageValues; shape: PageShape } {
  const forward = query.from.direction === 'forward';
  const start = query.from.direction === 'forward' ? query.from.after : query.from.before;
  return {
    values: { ...query.filter, startValue: start?.value, startSlug: start?.slug, limit: query.limit + 1 },
    shape: {
      field: query.sort.field,
      // Reading backward walks the list order in reverse and flips the rows afterwards.
      direction: (query.sort.direction === 'asc') === forward ? 'asc' : 'desc',
      view: query.view,
      filters: filtersSet(query.filter),
      fromKey: start !== null,
    },
  };
}

/** `query`'s page from its statement's rows, each carrying the list's `total_count`. */
export function toListPage<R extends { id: number | null; total_count: unknown }>(
  rows: readonly R[],
  query: StoryListQuery,
): StoryListPage {
  const found = rows.filter(isStoryOnPage);
  const page = found.slice(0, query.limit).map((r) => ({
    story: toStorySummary(r),
    key: { value: r.sort_key, slug: r.slug },
  }));
  if (query.from.direction !== 'forward') page.reverse();
  return { rows: page, hasMore: found.length > query.limit, totalCount: Number(rows[0]?.total_count ?? 0) };
}

/** The cursor values of a nested page statement: one row more than the page tells whether there are more. */
export function nestedCursorValues(page: NestedPageQuery): NestedCursorValues {
  return {
    startValue: page.after?.value as number | undefined,
    startSlug: page.after?.slug,
    limit: page.limit + 1,
  };
}

/** Each parent's page (in `ids` order) from a nested page statement's rows, each carrying its parent's count. */
export function toNestedPages<R extends { id: number | null; parent_id: number; total_count: unknown }>(
  rows: readonly R[],
  ids: readonly number[],
  page: NestedPageQuery,
): StoryListPage[] {
  const counts = new Map(rows.map((r) => [r.parent_id, Number(r.total_count)]));
  return groupBy(
    ids,
    rows.filter(isStoryOnPage),
    (r) => r.parent_id,
    (r) => r,
  ).map((found, i) => ({
    rows: found
      .slice(0, page.limit)
      .map((r) => ({ story: toStorySummary(r), key: { value: r.sort_key, slug: r.slug } })),
    hasMore: found.length > page.limit,
    totalCount: counts.get(ids[i]) ?? 0,
  }));
}

/** How many of a practice's most recently linked stories `related` considers, per practice of the story. */
export const RELATED_CANDIDATES = 100;
