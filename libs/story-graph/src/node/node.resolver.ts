import { Node } from '@devops-stories/story-model';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { StoryContext } from '../context/story.context.js';
import { fromGlobalId } from '../relay/global-id.js';
import { loadNode } from './load-node.js';

/** `node(id:)`: refetches any object by its global id, through the same loaders and view. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it is gone.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: StoryContext) {
    const { typename, key } = fromGlobalId(id);
    return loadNode(ctx, typename, key);
  }
}
