import type { ApolloServerPlugin } from '@apollo/server';
import type { StoryContext } from '@devops-stories/story-graph';

/** The header value of a response meant for its requester only. */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * Marks responses no shared cache may keep: every response to a request with `Authorization` or
 * `X-Preview` (drafts, tokens, submissions), every mutation, and every response a resolver marked
 * private (`ctx.response.private`: a receipt's status, preview). They get `Cache-Control: private,
 * no-store`. (The response cache, when it lands, skips the same requests.)
 */
export function ApolloServerPluginPrivateResponses(): ApolloServerPlugin<StoryContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue, operation }) {
          const headers = request.http?.headers;
          const personal =
            Boolean(headers?.get('authorization')) ||
            Boolean(headers?.get('x-preview')) ||
            operation?.operation === 'mutation' ||
            contextValue?.response?.private === true;
          if (personal) response.http.headers.set('cache-control', PRIVATE_NO_STORE);
        },
      };
    },
  };
}
