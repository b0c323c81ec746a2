import type { ApolloServerPlugin } from '@apollo/server';
import type { StoryContext } from '@devops-stories/story-graph';
import { PRIVATE } from '../http-cache/cache-headers.js';
import { PREVIEW_HEADER } from './request-context.js';

/**
 * Whether a request asks as someone: it sends `Authorization` (any value, valid or not) or
 * `X-Preview`. Its answer is then personal: never stored in the response cache, never served from
 * it, and `Cache-Control: private, no-store`.
 */
export function asksAsSomeone(header: (name: string) => string | string[] | undefined): boolean {
  return Boolean(header('authorization')) || Boolean(header(PREVIEW_HEADER));
}

/**
 * The one rule for private responses, on Apollo's side: marks the request's
 * {@link StoryContext.cacheScope} private when it asks as someone ({@link asksAsSomeone}) or runs
 * a mutation (the context already is for a token or a preview; resolvers mark a receipt's status,
 * tokens, submissions and the audit log), and answers every private response
 * `Cache-Control: private, no-store`. The `/graphql` handler reads the same scope: it stores
 * nothing private in the response cache, and gives a private answer no `ETag` nor `Cache-Tag`.
 */
export function ApolloServerPluginPrivateResponses(): ApolloServerPlugin<StoryContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const scope = contextValue.cacheScope;
      const headers = request.http?.headers;
      if (headers && asksAsSomeone((name) => headers.get(name))) scope.markPrivate();
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'query') scope.markPrivate();
        },
        async willSendResponse({ response }) {
          if (scope.isPrivate) response.http.headers.set('cache-control', PRIVATE);
        },
      };
    },
  };
}
