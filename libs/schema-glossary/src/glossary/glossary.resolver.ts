import { type StoryContext, storyBody, type StoryNode } from '@devops-stories/story-graph';
import { Story } from '@devops-stories/story-model';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GlossaryService } from './glossary.service.js';
import { Term } from './term.type.js';

/** The context this module adds to every request. */
export interface GlossaryContext extends StoryContext {
  glossary: GlossaryService;
}

/** `glossary`, `term(slug:)` and `Term.seeAlso`. */
@Resolver(() => Term)
export class GlossaryResolver {
  @Query(() => [Term], { description: 'Every DevOps term the glossary explains, by name.' })
  glossary(@Ctx() ctx: GlossaryContext): Term[] {
    return ctx.glossary.list();
  }

  @Query(() => Term, { nullable: true, description: 'A term by slug; null when there is none.' })
  term(@Arg('slug', () => String) slug: string, @Ctx() ctx: GlossaryContext): Term | null {
    return ctx.glossary.get(slug);
  }

  @FieldResolver(() => [Term], { description: 'Related terms.' })
  seeAlso(@Root() term: Term, @Ctx() ctx: GlossaryContext): Term[] {
    return term.seeAlsoSlugs.flatMap((slug) => ctx.glossary.get(slug) ?? []);
  }
}

/** Adds `Story.terms` to the core module's `Story` type, without touching its library. */
@Resolver(() => Story)
export class StoryTermsResolver {
  @FieldResolver(() => [Term], { description: 'Glossary terms the story text uses, by name.' })
  async terms(@Root() story: StoryNode, @Ctx() ctx: GlossaryContext): Promise<Term[]> {
    const { bodyText } = await storyBody(ctx, story);
    return ctx.glossary.termsIn(story.slug, `${story.title}\n${story.summary}\n${bodyText}`);
  }
}
