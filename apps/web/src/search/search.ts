import { execute } from '../client.js';
import type { SearchQuery } from '../gql/graphql.js';
import { searchQuery } from '../operations.js';

/** One ranked hit: a story, a day or a recap, with its snippet. */
export type SearchHit = SearchQuery['searchHits']['nodes'][number];

/** What the reader searches for, under which chips. */
export interface SearchRequest {
  query: string;
  /** Chip filters; `''` is none. */
  practice: string;
  company: string;
}

/** One page of hits, best first, and how many hits there are under the same chips. */
export interface SearchResults {
  hits: SearchHit[];
  totalCount: number;
  /** Where the next page starts; `null` on the last page. */
  next: string | null;
}

/** How many hits one search asks for. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Runs a search, or continues one `after` a cursor of its last page: the one place the element
 * searches. The API applies the chips: stories by their practice and company, days and recaps
 * through the stories they present; `totalCount` counts every hit under them.
 */
export async function searchContent(
  endpoint: string,
  { query, practice, company }: SearchRequest,
  signal: AbortSignal,
  after?: string,
): Promise<SearchResults> {
  const filter = { practice: practice || undefined, company: company || undefined };
  const variables = { query, filter, first: SEARCH_PAGE_SIZE, after };
  const { searchHits } = await execute(endpoint, searchQuery, variables, { signal });
  const { hasNextPage, endCursor } = searchHits.pageInfo;
  return { hits: searchHits.nodes, totalCount: searchHits.totalCount, next: hasNextPage ? (endCursor ?? null) : null };
}
