import { execute } from '../client.js';
import type { SearchQuery } from '../gql/graphql.js';
import { searchQuery } from '../operations.js';

/** One ranked hit: a story, a day or a recap, with its snippet. */
export type SearchHit = SearchQuery['search'][number];

/** What the reader searches for, under which chips. */
export interface SearchRequest {
  query: string;
  /** Chip filters; `''` is none. */
  practice: string;
  company: string;
}

/** The hits to show, best first, and how many there are. */
export interface SearchResults {
  hits: SearchHit[];
  totalCount: number;
}

/** How many hits one search asks for. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Runs a search: the one place the element searches. The API's `search` does not take the
 * story filter yet, so the chips narrow the story hits here, among the first
 * {@link SEARCH_PAGE_SIZE}; days and recaps are not filtered by chips, and the count is that of
 * the hits shown.
 */
export async function searchContent(
  endpoint: string,
  { query, practice, company }: SearchRequest,
  signal: AbortSignal,
): Promise<SearchResults> {
  const data = await execute(endpoint, searchQuery, { query, first: SEARCH_PAGE_SIZE }, { signal });
  const hits = data.search.filter(({ node }) => {
    if (node.__typename !== 'Story') return true;
    if (company && node.company.slug !== company) return false;
    return !practice || node.practices.some((option) => option.slug === practice);
  });
  return { hits, totalCount: hits.length };
}
