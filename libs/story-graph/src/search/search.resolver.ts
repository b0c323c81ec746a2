import { SearchHit } from '@devops-stories/story-model';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../errors/bad-input.js';
import { dayNode, type DayNode, recapNode, type RecapNode, storyNode, type StoryNode } from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';

const MAX_QUERY_LENGTH = 200;
const MAX_HITS = 50;
const MAX_TERMS = 12;

/** Ranked full-text search over published stories, days and recaps. */
@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Ranked full-text search; terms match word prefixes, all must match.' })
  async search(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits: 1 to 50, default 10.' })
    first: number | null,
    @Ctx() ctx: StoryContext,
  ): Promise<{ score: number; snippet: string; node: StoryNode | DayNode | RecapNode }[]> {
    if (query.length > MAX_QUERY_LENGTH) {
      throw badInput(`\`query\` may be at most ${MAX_QUERY_LENGTH} characters, got ${query.length}.`, 'query');
    }
    const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
    if (!terms.length) throw badInput('`query` needs at least one word, such as "rollback".', 'query');
    const size = first ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > MAX_HITS) {
      throw badInput(`\`first\` must be between 1 and ${MAX_HITS}, got ${size}.`, 'first');
    }
    const hits = await ctx.store.search(terms, size, ctx.view);
    const nodes = await Promise.all(
      hits.map(async (hit) => {
        if (hit.kind === 'Story') {
          const s = await ctx.loaders.storyBySlug.load(hit.key);
          return s && storyNode(s);
        }
        if (hit.kind === 'Day') {
          const d = await ctx.loaders.dayByNumber.load(Number(hit.key));
          return d && dayNode(d);
        }
        const r = await ctx.loaders.recapByDay.load(Number(hit.key));
        return r && recapNode(r);
      }),
    );
    return hits.flatMap((hit, i) => {
      const node = nodes[i];
      return node ? [{ score: hit.score, snippet: hit.snippet, node }] : [];
    });
  }
}
