import { graphql } from './gql/index.js';

/**
 * The glossary terms a story uses (`Story.terms`, from the optional glossary schema module).
 * Sent on its own beside the story query, so a server without the module fails only this.
 */
export const storyTermsQuery = graphql(`
  query StoryTerms($slug: String!) {
    story(slug: $slug) {
      slug
      terms {
        slug
        name
        abbreviation
        definition
      }
    }
  }
`);
