import { ForwardPageArgs, pagedCost, pagedCostNote, Recap, RecapConnection, Story } from '@devops-stories/story-model';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { maybe, type RecapNode, recapNode, type StoryNode, storyNode } from '../common/nodes.js';
import { DEFAULT_PAGE_SIZE, pageList, planPage } from '../common/paging.js';
import type { StoryContext } from '../common/story.context.js';

const RECAP_ORDER = 'day:asc';

/** `recaps`, `recap` and `Recap.stories`. */
@Resolver(() => Recap)
export class RecapResolver {
  @Query(() => RecapConnection, {
    description: `Recaps in day order, in pages of 10 (at most 100). ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async recaps(@Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: StoryContext) {
    const plan = planPage(page, ctx.cursors, { order: RECAP_ORDER });
    const recaps = (await ctx.store.listRecaps()).map(recapNode);
    return pageList(recaps, plan, (r) => ({ order: RECAP_ORDER, value: r.day, slug: String(r.day) }), ctx.cursors);
  }

  @Query(() => Recap, { nullable: true, description: 'The recap published on a day; null when there is none.' })
  async recap(@Arg('day', () => Int) day: number, @Ctx() ctx: StoryContext): Promise<RecapNode | null> {
    return maybe(await ctx.loaders.recapByDay.load(day), recapNode);
  }

  @FieldResolver(() => [Story], { description: 'The published stories the recap links, in its order.' })
  async stories(@Root() recap: RecapNode, @Ctx() ctx: StoryContext): Promise<StoryNode[]> {
    return (await ctx.loaders.storiesByRecap.load(recap.day)).map(storyNode);
  }
}
