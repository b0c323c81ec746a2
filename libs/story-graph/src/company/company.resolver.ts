import {
  Company,
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  pagedCost,
  pagedCostNote,
  StoryConnection,
} from '@devops-stories/story-model';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type CompanyNode, companyNode, maybe } from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';
import { pageNestedStories } from '../story/story-pages.js';

/** `companies`, `company` and `Company.stories`. */
@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => [Company], { description: 'Every company, by name.' })
  async companies(@Ctx() ctx: StoryContext): Promise<CompanyNode[]> {
    return (await ctx.store.listCompanies()).map(companyNode);
  }

  @Query(() => Company, { nullable: true, description: 'A company by slug; null when there is none.' })
  async company(@Arg('slug', () => String) slug: string, @Ctx() ctx: StoryContext): Promise<CompanyNode | null> {
    return maybe(await ctx.loaders.companyBySlug.load(slug), companyNode);
  }

  @FieldResolver(() => StoryConnection, {
    description: `The company's published stories, newest first. ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async stories(
    @Root() company: CompanyNode,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: StoryContext,
  ) {
    return pageNestedStories(ctx, ctx.loaders.storiesByCompany, company.rowId, page, company.id);
  }
}
