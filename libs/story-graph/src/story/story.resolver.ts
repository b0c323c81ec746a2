import {
  BodyFormat,
  Company,
  Day,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  Metric,
  PageArgs,
  pagedCost,
  pagedCostNote,
  Practice,
  Source,
  Story,
  StoryConnection,
  StoryFilter,
  StoryOrder,
} from '@devops-stories/story-model';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { bodyIn } from '../body/body-format.js';
import { storyBody } from '../body/story-body.js';
import { assertCount } from '../errors/bad-input.js';
import {
  type CompanyNode,
  companyNode,
  type DayNode,
  dayNode,
  maybe,
  type PracticeNode,
  practiceNode,
  type StoryNode,
  storyNode,
} from '../node/nodes.js';
import type { StoryContext } from '../context/story.context.js';
import { listStories } from './story-pages.js';

const MAX_RELATED = 20;
const DEFAULT_RELATED = 3;
/** What rendering a body as HTML or TEXT, or timing it, adds to an operation's cost. */
const RENDER_COST = 1;

/** `story`, `stories` and every relation of `Story`. */
@Resolver(() => Story)
export class StoryResolver {
  @Query(() => Story, { nullable: true, description: 'A published story by slug; null when there is none.' })
  async story(@Arg('slug', () => String) slug: string, @Ctx() ctx: StoryContext): Promise<StoryNode | null> {
    return maybe(await ctx.loaders.storyBySlug.load(slug), storyNode);
  }

  @Query(() => StoryConnection, {
    description: `Published stories, filtered and ordered, in pages of ${DEFAULT_PAGE_SIZE} (at most ${MAX_PAGE_SIZE}). ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  stories(
    @Arg('filter', () => StoryFilter, { nullable: true }) filter: StoryFilter | null,
    @Arg('orderBy', () => StoryOrder, { nullable: true }) orderBy: StoryOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: StoryContext,
  ) {
    return listStories(ctx, filter, orderBy, page);
  }

  @FieldResolver(() => Company)
  async company(@Root() story: StoryNode, @Ctx() ctx: StoryContext): Promise<CompanyNode> {
    const company = await ctx.loaders.companyById.load(story.companyId);
    if (!company) throw new Error(`story ${story.slug} has no company ${story.companyId}`);
    return companyNode(company);
  }

  @FieldResolver(() => [Practice])
  async practices(@Root() story: StoryNode, @Ctx() ctx: StoryContext): Promise<PracticeNode[]> {
    return (await ctx.loaders.practicesByStory.load(story.rowId)).map(practiceNode);
  }

  @FieldResolver(() => [Metric])
  metrics(@Root() story: StoryNode, @Ctx() ctx: StoryContext) {
    return ctx.loaders.metricsByStory.load(story.rowId);
  }

  @FieldResolver(() => [Source])
  sources(@Root() story: StoryNode, @Ctx() ctx: StoryContext) {
    return ctx.loaders.sourcesByStory.load(story.rowId);
  }

  @FieldResolver(() => Day, { nullable: true, description: 'The series day the story belongs to.' })
  async day(@Root() story: StoryNode, @Ctx() ctx: StoryContext): Promise<DayNode | null> {
    return story.day === null ? null : maybe(await ctx.loaders.dayByNumber.load(story.day), dayNode);
  }

  @FieldResolver(() => [Story], {
    description: `Other stories sharing the most practices, newest first on ties. ${pagedCostNote(DEFAULT_RELATED)}`,
    complexity: pagedCost(DEFAULT_RELATED),
  })
  async related(
    @Root() story: StoryNode,
    @Arg('first', () => Int, { defaultValue: DEFAULT_RELATED }) first: number,
    @Ctx() ctx: StoryContext,
  ): Promise<StoryNode[]> {
    assertCount(first, 'first', MAX_RELATED);
    return (await ctx.loaders.related(first).load(story.rowId)).map(storyNode);
  }

  @FieldResolver(() => String, {
    description: `The story text; HTML is safe to insert as is. Cost: ${RENDER_COST} as HTML or TEXT, 0 as MARKDOWN.`,
    complexity: ({ args }) => (args['format'] === BodyFormat.MARKDOWN ? 0 : RENDER_COST),
  })
  async body(
    @Root() story: StoryNode,
    @Arg('format', () => BodyFormat, { defaultValue: BodyFormat.MARKDOWN }) format: BodyFormat,
    @Ctx() ctx: StoryContext,
  ): Promise<string> {
    return bodyIn(await storyBody(ctx, story), format);
  }

  @FieldResolver(() => Int, {
    description: `Minutes to read the body at 200 words a minute. Cost: ${RENDER_COST}.`,
    complexity: RENDER_COST,
  })
  readingTimeMinutes(@Root() story: StoryNode): number {
    return story.readingTimeMinutes;
  }
}
