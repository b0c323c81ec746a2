import { Attribution } from '@devops-stories/story-model';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { StoryContext } from '../context/story.context.js';

/** `attribution`: the credit every consumer shows with the content. */
@Resolver(() => Attribution)
export class AttributionResolver {
  @Query(() => Attribution, {
    nullable: true,
    description:
      "The credit the content's licence requires wherever the content is shown: the series it is adapted " +
      'from, its author and its licence, with links. Show it with what you show of the content (the ' +
      '`<devops-stories>` element does, at its foot). Null only before any content has been imported.',
  })
  async attribution(@Ctx() ctx: StoryContext): Promise<Attribution | null> {
    return ctx.store.series();
  }
}
