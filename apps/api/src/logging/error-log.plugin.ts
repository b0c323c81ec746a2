import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';

/** Extensions of a client error that are safe and useful in the log: names and figures, never values. */
const LOGGED_EXTENSIONS = ['variable', 'argumentName', 'measured', 'limit', 'retryAfterSeconds'] as const;

/**
 * Logs a request's GraphQL errors through the request's own logger (`contextValue.log`, carrying
 * its `reqId`):
 * - our own faults (no code, or `INTERNAL_SERVER_ERROR`), which clients see only as "Internal server
 *   error", at `error` with the original error and its stack, from Apollo's `didEncounterErrors`;
 * - a client's mistakes and refused requests at `info`, one line per answer, from the errors the
 *   answer carries (so refusals that answer without raising, such as invalid variables, are logged
 *   too): their codes, paths and safe extensions (`variable`, `argumentName`, `measured`, `limit`).
 *   Not their messages: those may quote the client's variables, which can hold personal data.
 */
export function ApolloServerPluginErrorLog<
  TContext extends { log: FastifyBaseLogger },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              contextValue.log.error(
                { err: unwrapResolverError(error), path: error.path },
                'internal error in a GraphQL request',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const clientErrors = (result.errors ?? [])
            .filter((error) => error.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR)
            .map(describe);
          if (clientErrors.length) contextValue.log.info({ errors: clientErrors }, 'GraphQL request refused or failed');
        },
      };
    },
  };
}

function describe(error: GraphQLFormattedError): Record<string, unknown> {
  const described: Record<string, unknown> = { code: error.extensions?.code };
  if (error.path) described.path = error.path.join('.');
  for (const key of LOGGED_EXTENSIONS) {
    if (error.extensions?.[key] !== undefined) described[key] = error.extensions[key];
  }
  return described;
}
