import { defineSchemaModule } from '@devops-stories/story-graph';
import { GlossaryResolver, StoryTermsResolver } from './glossary/glossary.resolver.js';
import { GlossaryService } from './glossary/glossary.service.js';
import { Term } from './glossary/term.type.js';

/** The glossary's own operation, trusted by the api as `sha256:<hex of its text>`: the whole glossary, for a glossary page. */
export const GLOSSARY_DOCUMENT =
  'query Glossary { glossary { abbreviation definition name seeAlso { name slug } slug } }';

/** The glossary schema module: `glossary`, `term(slug:)` and `Story.terms`, and the document that reads the glossary. */
export const glossaryModule = defineSchemaModule({
  name: 'glossary',
  resolvers: [GlossaryResolver, StoryTermsResolver],
  types: [Term],
  context: () => ({ glossary: new GlossaryService() }),
  trustedDocuments: [GLOSSARY_DOCUMENT],
});
