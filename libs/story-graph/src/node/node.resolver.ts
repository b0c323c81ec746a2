import { Node } from '@devops-stories/story-model';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../relay/global-id.js';
import { companyNode, dayNode, maybe, practiceNode, recapNode, storyNode } from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';

/** `node(id:)`: refetches any object by its global id, through the same loaders and view. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it is gone.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: StoryContext) {
    const { typename, key } = fromGlobalId(id);
    const l = ctx.loaders;
    switch (typename) {
      case 'Story':
        return maybe(await l.storyBySlug.load(key), storyNode);
      case 'Company':
        return maybe(await l.companyBySlug.load(key), companyNode);
      case 'Practice':
        return maybe(await l.practiceBySlug.load(key), practiceNode);
      case 'Day':
        return maybe(await l.dayByNumber.load(Number(key)), dayNode);
      case 'Recap':
        return maybe(await l.recapByDay.load(Number(key)), recapNode);
    }
  }
}
