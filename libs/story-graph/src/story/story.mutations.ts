import {
  CreateStoryInput,
  CreateStoryPayload,
  DeleteStoryInput,
  DeleteStoryPayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  PublishStoryInput,
  PublishStoryPayload,
  type RecordRefShape,
  UnpublishStoryInput,
  UnpublishStoryPayload,
  UpdateStoryInput,
  UpdateStoryPayload,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { storyAccess } from '../authoring/content-access.js';
import { createContent, deleteContent, setContentStatus, updateContent } from '../authoring/content-writes.js';
import type { StoryContext } from '../context/story.context.js';
import { storyNode } from '../node/nodes.js';

/** A story input as plain data for its schema: source kinds in the content's lower case. */
function storyData(input: Record<string, unknown>): Record<string, unknown> {
  const sources = input['sources'];
  const metrics = input['metrics'];
  return {
    ...input,
    ...(Array.isArray(sources)
      ? { sources: sources.map((s: Record<string, unknown>) => ({ ...s, kind: String(s['kind']).toLowerCase() })) }
      : {}),
    ...(Array.isArray(metrics) ? { metrics: metrics.map((m: object) => ({ ...m })) } : {}),
  };
}

const EDITOR: TokenRole = 'editor';

/** Writing stories: editors and admins. A new story is a draft until published. */
@Resolver()
export class StoryMutations {
  @Authorized(EDITOR)
  @Mutation(() => CreateStoryPayload, {
    description: `Creates a story from the API, as a draft (preview shows it). ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createStory(@Arg('input', () => CreateStoryInput) input: CreateStoryInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await createContent(ctx, storyAccess, storyData({ ...input }), storyNode);
    return { story: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UpdateStoryPayload, {
    description: `Changes an API story at the version you read. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async updateStory(@Arg('input', () => UpdateStoryInput) input: UpdateStoryInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await updateContent(ctx, storyAccess, { ...input }, storyData, storyNode);
    return { story: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => DeleteStoryPayload, {
    description: `Deletes an API story. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async deleteStory(@Arg('input', () => DeleteStoryInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await deleteContent(ctx, storyAccess, input, storyNode);
    return { story: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => PublishStoryPayload, {
    description: `Publishes an API story: readers see it from now on. It must be complete (every content rule). ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async publishStory(@Arg('input', () => PublishStoryInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await setContentStatus(ctx, storyAccess, input, 'published', storyNode);
    return { story: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UnpublishStoryPayload, {
    description: `Turns an API story back into a draft. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async unpublishStory(@Arg('input', () => UnpublishStoryInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await setContentStatus(ctx, storyAccess, input, 'draft', storyNode);
    return { story: node, userErrors };
  }
}
