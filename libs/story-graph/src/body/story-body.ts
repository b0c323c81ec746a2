import type { RenderedBody } from '@devops-stories/story-store';
import type { StoryContext } from '../context/story.context.js';
import type { StoryNode } from '../node/nodes.js';

/**
 * The story's body in its three forms: from the node when it was read whole (by slug), else
 * through the request's loader, one statement for every story of the request that needs it.
 */
export async function storyBody(ctx: StoryContext, story: StoryNode): Promise<RenderedBody> {
  if (story.body !== undefined && story.bodyHtml !== undefined && story.bodyText !== undefined) {
    return { body: story.body, bodyHtml: story.bodyHtml, bodyText: story.bodyText };
  }
  const body = await ctx.loaders.storyBody.load(story.rowId);
  if (!body) throw new Error(`story ${story.slug} has no row ${story.rowId}`);
  return body;
}
