import {
  BodyFormat,
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  MAX_PAGE_SIZE,
  pagedCost,
  pagedCostNote,
  Recap,
  RecapConnection,
  Story,
} from '@devops-stories/story-model';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { maybe, type RecapNode, recapNode, type StoryNode, storyNode } from '../node/nodes.js';
import { pageList, planPage } from '../relay/paging.js';
import { bodyIn } from '../body/body-format.js';
import type { StoryContext } from '../context/story.context.js';

const RECAP_ORDER = 'day:asc';

/** `recaps`, `recap`, `Recap.body` and `Recap.stories`. */
@Resolver(() => Recap)
export class RecapResolver {
  @Query(() => RecapConnection, {
    description: `Recaps in day order, in pages of ${DEFAULT_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}). ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async recaps(@Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: StoryContext) {
    const plan = planPage(page, ctx.cursors, { order: RECAP_ORDER });
    const recaps = (await ctx.store.listRecaps(ctx.view)).map(recapNode);
    return pageList(
      recaps,
      plan,
      (r) => ({ order: RECAP_ORDER, value: r.day, slug: String(r.day) }),
      ctx.cursors,
      'asc',
    );
  }

  @Query(() => Recap, { nullable: true, description: 'The recap published on a day; null when there is none.' })
  async recap(@Arg('day', () => Int) day: number, @Ctx() ctx: StoryContext): Promise<RecapNode | null> {
    return maybe(await ctx.loaders.recapByDay.load(day), recapNode);
  }

  @FieldResolver(() => [Story], { description: 'The published stories the recap links, in its order.' })
  async stories(@Root() recap: RecapNode, @Ctx() ctx: StoryContext): Promise<StoryNode[]> {
    return (await ctx.loaders.storiesByRecap.load(recap.day)).map(storyNode);
  }

  @FieldResolver(() => String, { description: "The recap's text; HTML is safe to insert as is." })
  body(
    @Root() recap: RecapNode,
    @Arg('format', () => BodyFormat, { defaultValue: BodyFormat.MARKDOWN }) format: BodyFormat,
  ): string {
    return bodyIn(recap, format);
  }
}
