export { GLOSSARY_DOCUMENT, glossaryModule } from './glossary.module.js';
export { type GlossaryContext, GlossaryResolver, StoryTermsResolver } from './glossary/glossary.resolver.js';
export { GlossaryService } from './glossary/glossary.service.js';
export { GLOSSARY, type TermEntry } from './glossary/glossary.terms.js';
export { Term } from './glossary/term.type.js';
