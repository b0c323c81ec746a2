import { GLOSSARY, type TermEntry } from './glossary.terms.js';
import type { Term } from './term.type.js';

/**
 * Looks terms up and finds them in text. Stateless apart from a per-request
 * memo, so create one per request (the module's context factory does).
 */
export class GlossaryService {
  private readonly bySlug = new Map(GLOSSARY.map((t) => [t.slug, t]));
  private readonly found = new Map<string, Term[]>();

  list(): Term[] {
    return GLOSSARY.map(toTerm);
  }

  get(slug: string): Term | null {
    const entry = this.bySlug.get(slug);
    return entry ? toTerm(entry) : null;
  }

  /** The terms `text` uses, in glossary order; `key` memoises the answer within the request. */
  termsIn(key: string, text: string): Term[] {
    let terms = this.found.get(key);
    if (!terms) {
      terms = GLOSSARY.filter((t) => t.patterns.some((p) => p.test(text))).map(toTerm);
      this.found.set(key, terms);
    }
    return terms;
  }
}

function toTerm(entry: TermEntry): Term {
  return {
    slug: entry.slug,
    name: entry.name,
    abbreviation: entry.abbreviation,
    definition: entry.definition,
    seeAlsoSlugs: entry.seeAlso,
  };
}
