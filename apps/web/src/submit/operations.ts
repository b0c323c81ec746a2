import { graphql } from './gql/index.js';

/**
 * A reader's story for the moderators. Generated apart from the core operations (into
 * `src/submit/gql/`), so its text is only in the form's chunk, which loads when the form opens.
 */
export const submitStoryMutation = graphql(`
  mutation SubmitStory($input: SubmitStoryInput!) {
    submitStory(input: $input) {
      receipt
      status
      userErrors {
        field
        code
        message
      }
    }
  }
`);
