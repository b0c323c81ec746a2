import type { ApolloServerPlugin } from '@apollo/server';
import { operationCost } from '../cost/cost.plugin.js';
import type { RequestInfo } from './request-info.js';

/**
 * Fills the request's {@link RequestInfo} from Apollo's side: the operation's name (the client's
 * `operationName` at first, the resolved operation's once the document is parsed), its cost as
 * {@link ApolloServerPluginQueryCost} priced it, and the codes of the errors in the answer.
 */
export function ApolloServerPluginRequestInfo<
  TContext extends { requestInfo: RequestInfo },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const info = contextValue.requestInfo;
      if (request.operationName) info.operationName = request.operationName;
      return {
        async didResolveOperation({ operationName }) {
          if (operationName) info.operationName = operationName;
        },
        async willSendResponse(requestContext) {
          const { response } = requestContext;
          const cost = operationCost(requestContext);
          if (cost) info.cost = cost.requested;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          info.errorCodes = (result.errors ?? []).map((error) =>
            String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          );
        },
      };
    },
  };
}
