import {
  CreateDayInput,
  CreateDayPayload,
  DeleteDayInput,
  DeleteDayPayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  type RecordRefShape,
  UpdateDayInput,
  UpdateDayPayload,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { dayAccess } from '../authoring/content-access.js';
import { createContent, deleteContent, updateContent } from '../authoring/content-writes.js';
import type { StoryContext } from '../context/story.context.js';
import { dayNode } from '../node/nodes.js';

const EDITOR: TokenRole = 'editor';
const plain = (input: object): Record<string, unknown> => ({ ...input });

/** Writing days: editors and admins. */
@Resolver()
export class DayMutations {
  @Authorized(EDITOR)
  @Mutation(() => CreateDayPayload, {
    description: `Creates a day from the API. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createDay(@Arg('input', () => CreateDayInput) input: CreateDayInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await createContent(ctx, dayAccess, plain(input), dayNode);
    return { day: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UpdateDayPayload, {
    description: `Changes an API day at the version you read. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async updateDay(@Arg('input', () => UpdateDayInput) input: UpdateDayInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await updateContent(ctx, dayAccess, { ...input }, plain, dayNode);
    return { day: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => DeleteDayPayload, {
    description: `Deletes an API day. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async deleteDay(@Arg('input', () => DeleteDayInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await deleteContent(ctx, dayAccess, input, dayNode);
    return { day: node, userErrors };
  }
}
