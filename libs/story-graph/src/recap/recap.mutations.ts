import {
  CreateRecapInput,
  CreateRecapPayload,
  DeleteRecapInput,
  DeleteRecapPayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  PublishRecapInput,
  PublishRecapPayload,
  type RecordRefShape,
  UnpublishRecapInput,
  UnpublishRecapPayload,
  UpdateRecapInput,
  UpdateRecapPayload,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { recapAccess } from '../authoring/content-access.js';
import { createContent, deleteContent, setContentStatus, updateContent } from '../authoring/content-writes.js';
import type { StoryContext } from '../context/story.context.js';
import { recapNode } from '../node/nodes.js';

const EDITOR: TokenRole = 'editor';
const plain = (input: object): Record<string, unknown> => ({ ...input });

/** Writing recaps: editors and admins. */
@Resolver()
export class RecapMutations {
  @Authorized(EDITOR)
  @Mutation(() => CreateRecapPayload, {
    description: `Creates a recap from the API, as a draft until published. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createRecap(@Arg('input', () => CreateRecapInput) input: CreateRecapInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await createContent(ctx, recapAccess, plain(input), recapNode);
    return { recap: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UpdateRecapPayload, {
    description: `Changes an API recap at the version you read. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async updateRecap(@Arg('input', () => UpdateRecapInput) input: UpdateRecapInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await updateContent(ctx, recapAccess, { ...input }, plain, recapNode);
    return { recap: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => DeleteRecapPayload, {
    description: `Deletes an API recap. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async deleteRecap(@Arg('input', () => DeleteRecapInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await deleteContent(ctx, recapAccess, input, recapNode);
    return { recap: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => PublishRecapPayload, {
    description: `Publishes an API recap: readers see it from now on. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async publishRecap(@Arg('input', () => PublishRecapInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await setContentStatus(ctx, recapAccess, input, 'published', recapNode);
    return { recap: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UnpublishRecapPayload, {
    description: `Turns an API recap back into a draft. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async unpublishRecap(@Arg('input', () => UnpublishRecapInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await setContentStatus(ctx, recapAccess, input, 'draft', recapNode);
    return { recap: node, userErrors };
  }
}
