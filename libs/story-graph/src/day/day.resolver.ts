import { BodyFormat, Day, Recap, Story } from '@devops-stories/story-model';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type DayNode, dayNode, maybe, type RecapNode, recapNode, type StoryNode, storyNode } from '../node/nodes.js';
import { bodyIn } from '../body/body-format.js';
import type { StoryContext } from '../context/story.context.js';

/** `days`, `day`, `Day.body`, `Day.recap` and `Day.stories`. */
@Resolver(() => Day)
export class DayResolver {
  @Query(() => [Day], { description: 'The days of the series that have content, in order.' })
  async days(@Ctx() ctx: StoryContext): Promise<DayNode[]> {
    return (await ctx.store.listDays()).map(dayNode);
  }

  @Query(() => Day, { nullable: true, description: 'A day by number; null when it has no content.' })
  async day(@Arg('number', () => Int) number: number, @Ctx() ctx: StoryContext): Promise<DayNode | null> {
    return maybe(await ctx.loaders.dayByNumber.load(number), dayNode);
  }

  @FieldResolver(() => Recap, { nullable: true, description: 'The recap published on this day, if any.' })
  async recap(@Root() day: DayNode, @Ctx() ctx: StoryContext): Promise<RecapNode | null> {
    return maybe(await ctx.loaders.recapByDay.load(day.number), recapNode);
  }

  @FieldResolver(() => [Story], { description: "The day's published stories, newest first." })
  async stories(@Root() day: DayNode, @Ctx() ctx: StoryContext): Promise<StoryNode[]> {
    return (await ctx.loaders.storiesByDay.load(day.number)).map(storyNode);
  }

  @FieldResolver(() => String, { description: "The day's text; HTML is safe to insert as is." })
  body(
    @Root() day: DayNode,
    @Arg('format', () => BodyFormat, { defaultValue: BodyFormat.MARKDOWN }) format: BodyFormat,
  ): string {
    return bodyIn(day, format);
  }
}
