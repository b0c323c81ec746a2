import { pagedCost, pagedCostNote, SearchHit } from '@devops-stories/story-model';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { assertCount, badInput } from '../errors/bad-input.js';
import { loadNode } from '../node/load-node.js';
import type { DayNode, RecapNode, StoryNode } from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';

const MAX_QUERY_LENGTH = 200;
const DEFAULT_HITS = 10;
const MAX_HITS = 50;
const MAX_TERMS = 12;
/** A full-text query costs this much before its hits. */
const SEARCH_COST = 10;

/** Ranked full-text search over published stories, days and recaps. */
@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: `Ranked full-text search; terms match word prefixes, all must match. ${pagedCostNote(DEFAULT_HITS, SEARCH_COST)}`,
    complexity: pagedCost(DEFAULT_HITS, SEARCH_COST),
  })
  async search(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many hits: 1 to ${MAX_HITS}, default ${DEFAULT_HITS}.`,
    })
    first: number | null,
    @Ctx() ctx: StoryContext,
  ): Promise<{ score: number; snippet: string; node: StoryNode | DayNode | RecapNode }[]> {
    if (query.length > MAX_QUERY_LENGTH) {
      throw badInput(`\`query\` may be at most ${MAX_QUERY_LENGTH} characters, got ${query.length}.`, 'query');
    }
    const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
    if (!terms.length) throw badInput('`query` needs at least one word, such as "rollback".', 'query');
    const size = first ?? DEFAULT_HITS;
    assertCount(size, 'first', MAX_HITS);
    const hits = await ctx.store.search(terms, size, ctx.view);
    const nodes = await Promise.all(hits.map((hit) => loadNode(ctx, hit.kind, hit.key)));
    return hits.flatMap((hit, i) => {
      const node = nodes[i];
      return node ? [{ score: hit.score, snippet: hit.snippet, node }] : [];
    });
  }
}
