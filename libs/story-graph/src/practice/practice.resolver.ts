import {
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  pagedCost,
  pagedCostNote,
  Practice,
  StoryConnection,
} from '@devops-stories/story-model';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { maybe, type PracticeNode, practiceNode } from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';
import { pageNestedStories } from '../story/story-pages.js';

/** `practices`, `practice` and `Practice.stories`. */
@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => [Practice], { description: 'Every practice, by name.' })
  async practices(@Ctx() ctx: StoryContext): Promise<PracticeNode[]> {
    return (await ctx.store.listPractices()).map(practiceNode);
  }

  @Query(() => Practice, { nullable: true, description: 'A practice by slug; null when there is none.' })
  async practice(@Arg('slug', () => String) slug: string, @Ctx() ctx: StoryContext): Promise<PracticeNode | null> {
    return maybe(await ctx.loaders.practiceBySlug.load(slug), practiceNode);
  }

  @FieldResolver(() => StoryConnection, {
    description: `Published stories tagged with the practice, newest first. ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async stories(
    @Root() practice: PracticeNode,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: StoryContext,
  ) {
    return pageNestedStories(ctx, ctx.loaders.storiesByPractice, practice.rowId, page, practice.id);
  }
}
