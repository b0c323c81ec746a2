import {
  CreatePracticeInput,
  CreatePracticePayload,
  DeletePracticeInput,
  DeletePracticePayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  type RecordRefShape,
  UpdatePracticeInput,
  UpdatePracticePayload,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { practiceAccess } from '../authoring/content-access.js';
import { createContent, deleteContent, updateContent } from '../authoring/content-writes.js';
import type { StoryContext } from '../context/story.context.js';
import { practiceNode } from '../node/nodes.js';

const EDITOR: TokenRole = 'editor';
const plain = (input: object): Record<string, unknown> => ({ ...input });

/** Writing practices: editors and admins. */
@Resolver()
export class PracticeMutations {
  @Authorized(EDITOR)
  @Mutation(() => CreatePracticePayload, {
    description: `Creates a practice from the API. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createPractice(@Arg('input', () => CreatePracticeInput) input: CreatePracticeInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await createContent(ctx, practiceAccess, plain(input), practiceNode);
    return { practice: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UpdatePracticePayload, {
    description: `Changes an API practice at the version you read. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async updatePractice(@Arg('input', () => UpdatePracticeInput) input: UpdatePracticeInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await updateContent(ctx, practiceAccess, { ...input }, plain, practiceNode);
    return { practice: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => DeletePracticePayload, {
    description: `Deletes an API practice. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async deletePractice(@Arg('input', () => DeletePracticeInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await deleteContent(ctx, practiceAccess, input, practiceNode);
    return { practice: node, userErrors };
  }
}
