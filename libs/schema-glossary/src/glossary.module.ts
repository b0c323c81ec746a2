import { defineSchemaModule } from '@devops-stories/story-graph';
import { GlossaryResolver, StoryTermsResolver } from './glossary/glossary.resolver.js';
import { GlossaryService } from './glossary/glossary.service.js';
import { Term } from './glossary/term.type.js';

/** The glossary schema module: `glossary`, `term(slug:)` and `Story.terms`. */
export const glossaryModule = defineSchemaModule({
  name: 'glossary',
  resolvers: [GlossaryResolver, StoryTermsResolver],
  types: [Term],
  context: () => ({ glossary: new GlossaryService() }),
});
