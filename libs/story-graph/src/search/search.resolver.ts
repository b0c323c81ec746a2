import {
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  MAX_PAGE_SIZE,
  pagedCost,
  pagedCostNote,
  SearchHit,
  SearchHitConnection,
  StoryFilter,
} from '@devops-stories/story-model';
import { SEARCH_RANK_WINDOW, type SearchKey, type SearchKind, type SearchRecord } from '@devops-stories/story-store';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { StoryContext } from '../context/story.context.js';
import { assertCount, badInput } from '../errors/bad-input.js';
import { loadNode } from '../node/load-node.js';
import type { DayNode, RecapNode, StoryNode } from '../node/nodes.js';
import { type CursorPosition, planPage, toConnection } from '../relay/paging.js';
import { storyListFilter } from '../story/story-filter.js';

const MAX_QUERY_LENGTH = 200;
const DEFAULT_HITS = 10;
const MAX_HITS = 50;
const MAX_TERMS = 12;
/** A full-text query costs this much before its hits. */
const SEARCH_COST = 10;
/** The one order of search hits, as cursors name it. */
const RELEVANCE = 'relevance';
const KINDS: readonly SearchKind[] = ['Story', 'Day', 'Recap'];

/** How search orders its hits, as both queries describe it. */
const RANKING_NOTE =
  `The ${SEARCH_RANK_WINDOW.toLocaleString('en')} newest matches (under the filter) are ranked, best first; ` +
  'any further matches follow them, newest first, with score 0, so every match is reached once and a search costs ' +
  'about the same however many records contain its words.';

const FILTER_NOTE =
  'Narrows the hits; every given field must match. Stories match as in `stories`. ' +
  "A day matches `day` when it is that day, a recap when it is that day's recap or covers that day. " +
  'A day or recap matches the other fields (company, practice, industry, years) when at least one ' +
  "of the published stories it presents (the day's stories, the recap's) matches them all.";

/** A hit as GraphQL serves it. */
interface Hit {
  score: number;
  snippet: string;
  node: StoryNode | DayNode | RecapNode;
}

/** Ranked full-text search over published stories, days and recaps. */
@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: `Ranked full-text search, best first; terms match word prefixes, all must match. ${RANKING_NOTE} \`searchHits\` pages the same hits and counts them. ${pagedCostNote(DEFAULT_HITS, SEARCH_COST)}`,
    complexity: pagedCost(DEFAULT_HITS, SEARCH_COST),
  })
  async search(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many hits: 1 to ${MAX_HITS}, default ${DEFAULT_HITS}.`,
    })
    first: number | null,
    @Arg('filter', () => StoryFilter, { nullable: true, description: FILTER_NOTE }) filter: StoryFilter | null,
    @Ctx() ctx: StoryContext,
  ): Promise<Hit[]> {
    const terms = searchTerms(query);
    const size = first ?? DEFAULT_HITS;
    assertCount(size, 'first', MAX_HITS);
    const page = await ctx.store.search({
      terms,
      filter: storyListFilter(filter),
      after: null,
      limit: size,
      view: ctx.view,
    });
    return (await withNodes(ctx, page.hits)).map(({ hit }) => hit);
  }

  @Query(() => SearchHitConnection, {
    description: `Ranked full-text search, best first, in pages of ${DEFAULT_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}), with \`totalCount\` under the same query and filter (exact: every match, ranked or not); terms match word prefixes, all must match. ${RANKING_NOTE} Cursors are bound to the query and the filter. ${pagedCostNote(DEFAULT_PAGE_SIZE, SEARCH_COST)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE, SEARCH_COST),
  })
  async searchHits(
    @Arg('query', () => String) query: string,
    @Arg('filter', () => StoryFilter, { nullable: true, description: FILTER_NOTE }) filter: StoryFilter | null,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: StoryContext,
  ): Promise<ConnectionShape<Hit>> {
    const terms = searchTerms(query);
    const f = storyListFilter(filter);
    const plan = planPage(page, ctx.cursors, { order: RELEVANCE, filter: f, query: terms.join(' ') });
    const result = await ctx.store.search({
      terms,
      filter: f,
      after: plan.start && searchKey(plan.start),
      limit: plan.size,
      view: ctx.view,
    });
    const hits = await withNodes(ctx, result.hits);
    return toConnection(
      hits.map(({ hit, record }) => ({ node: hit, position: cursorPosition(record) })),
      plan,
      result.hasMore,
      result.totalCount,
      ctx.cursors,
    );
  }
}

/**
 * The words of a query, lower case, at most {@link MAX_TERMS}.
 *
 * @throws BAD_USER_INPUT for a query over {@link MAX_QUERY_LENGTH} characters or without a word.
 */
function searchTerms(query: string): string[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput(`\`query\` may be at most ${MAX_QUERY_LENGTH} characters, got ${query.length}.`, 'query');
  }
  const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
  if (!terms.length) throw badInput('`query` needs at least one word, such as "rollback".', 'query');
  return terms;
}

/** Each hit with its node, loaded through the request's loaders; a hit whose node is gone meanwhile is left out. */
async function withNodes(ctx: StoryContext, records: SearchRecord[]): Promise<{ hit: Hit; record: SearchRecord }[]> {
  const nodes = await Promise.all(records.map((record) => loadNode(ctx, record.kind, record.key)));
  return records.flatMap((record, i) => {
    const node = nodes[i];
    return node ? [{ hit: { score: record.score, snippet: record.snippet, node }, record }] : [];
  });
}

/** A hit's place in the ranking as a cursor holds it: its rank, and its kind and key as the tie-breaking "slug". */
function cursorPosition({ rank, kind, key }: SearchKey): CursorPosition {
  return { order: RELEVANCE, value: rank, slug: `${kind}:${key}` };
}

/** The store's key for a decoded cursor; the codec has checked its signature, so a bad shape is our own fault. */
function searchKey({ value, slug }: CursorPosition): SearchKey {
  const colon = slug.indexOf(':');
  const kind = slug.slice(0, colon) as SearchKind;
  if (typeof value !== 'number' || colon < 0 || !KINDS.includes(kind)) {
    throw new Error(`search cursor holds an unknown position: ${JSON.stringify([value, slug])}`);
  }
  return { rank: value, kind, key: slug.slice(colon + 1) };
}
