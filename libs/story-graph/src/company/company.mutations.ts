import {
  CreateCompanyInput,
  CreateCompanyPayload,
  DeleteCompanyInput,
  DeleteCompanyPayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  type RecordRefShape,
  UpdateCompanyInput,
  UpdateCompanyPayload,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { companyAccess } from '../authoring/content-access.js';
import { createContent, deleteContent, updateContent } from '../authoring/content-writes.js';
import type { StoryContext } from '../context/story.context.js';
import { companyNode } from '../node/nodes.js';

const EDITOR: TokenRole = 'editor';
const plain = (input: object): Record<string, unknown> => ({ ...input });

/** Writing companys: editors and admins. */
@Resolver()
export class CompanyMutations {
  @Authorized(EDITOR)
  @Mutation(() => CreateCompanyPayload, {
    description: `Creates a company from the API. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createCompany(@Arg('input', () => CreateCompanyInput) input: CreateCompanyInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await createContent(ctx, companyAccess, plain(input), companyNode);
    return { company: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => UpdateCompanyPayload, {
    description: `Changes an API company at the version you read. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async updateCompany(@Arg('input', () => UpdateCompanyInput) input: UpdateCompanyInput, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await updateContent(ctx, companyAccess, { ...input }, plain, companyNode);
    return { company: node, userErrors };
  }

  @Authorized(EDITOR)
  @Mutation(() => DeleteCompanyPayload, {
    description: `Deletes an API company. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async deleteCompany(@Arg('input', () => DeleteCompanyInput) input: RecordRefShape, @Ctx() ctx: StoryContext) {
    const { node, userErrors } = await deleteContent(ctx, companyAccess, input, companyNode);
    return { company: node, userErrors };
  }
}
