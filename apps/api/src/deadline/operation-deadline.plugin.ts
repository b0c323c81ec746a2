import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';

/** Options of {@link ApolloServerPluginOperationDeadline}. */
export interface OperationDeadlineOptions {
  /** How long one operation may execute, in milliseconds. */
  timeoutMs: number;
}

/** The error each field that starts after the deadline fails with (HTTP 503). */
export function operationTimeoutError(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The operation ran out of time (${timeoutMs} ms) and was stopped. Ask for less (smaller pages, ` +
      'fewer nested lists) or try again later.',
    { extensions: { code: ErrorCode.OPERATION_TIMEOUT, http: { status: 503 } } },
  );
}

/**
 * Gives every operation an execution deadline. Once it passes, each field that starts resolving
 * fails at once with `OPERATION_TIMEOUT`, so execution winds down instead of running on, and the
 * response (HTTP 503) carries one error saying so; fields resolved in time keep their data.
 */
export function ApolloServerPluginOperationDeadline<TContext extends BaseContext>(
  options: OperationDeadlineOptions,
): ApolloServerPlugin<TContext> {
  const { timeoutMs } = options;
  return {
    async requestDidStart() {
      let expired = false;
      return {
        async executionDidStart() {
          const deadline = performance.now() + timeoutMs;
          return {
            willResolveField() {
              if (!expired && performance.now() <= deadline) return;
              expired = true;
              throw operationTimeoutError(timeoutMs);
            },
          };
        },
        async willSendResponse({ response }) {
          if (!expired || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const first = result.errors?.find((e) => e.extensions?.code === ErrorCode.OPERATION_TIMEOUT);
          const others = result.errors?.filter((e) => e.extensions?.code !== ErrorCode.OPERATION_TIMEOUT) ?? [];
          result.errors = first ? [first, ...others] : others;
        },
      };
    },
  };
}
