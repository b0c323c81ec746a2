import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';
import { coerceVariables, shorten } from './variables.js';

/** Options of {@link ApolloServerPluginInputLimits}. */
export interface InputLimitsOptions {
  /** Most variable errors one response lists; coercion stops there. Default 5. */
  maxVariableErrors?: number;
  /** Most errors of any kind one response lists (validation can find 100). Default 20. */
  maxErrors?: number;
  /** Drop "Did you mean …?" suggestions from every error message (validation and variables alike); for production. */
  hideSuggestions: boolean;
}

const SUGGESTION = /\s*Did you mean .*$/s;

/**
 * Hardens what a client sends, before execution:
 * - an operation type the schema lacks (`subscription`, or `mutation` in a schema without one) is a
 *   400 `BAD_USER_INPUT` that says so, instead of an internal error with a stack in the log;
 * - variables are coerced up front, stopping after `maxVariableErrors` errors, each quoting at most
 *   a short preview of the client's value; invalid variables are a 400 before any resolver runs;
 * - every error message in the response is shortened, suggestions are dropped when asked, and the
 *   list is capped at `maxErrors`.
 */
export function ApolloServerPluginInputLimits<TContext extends BaseContext>(
  options: InputLimitsOptions,
): ApolloServerPlugin<TContext> {
  const maxVariableErrors = options.maxVariableErrors ?? 5;
  const maxErrors = options.maxErrors ?? 20;
  const clean = (message: string) => shorten(options.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  return {
    async requestDidStart() {
      let refused: GraphQLFormattedError[] | undefined;
      return {
        async didResolveOperation({ schema, operation, request }) {
          if (!operation) return; // Apollo has refused a document without the requested operation
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(
              `This API has no ${operation.operation} operations; send a query (\`query { … }\` or \`{ … }\`).`,
              { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
            );
          }
          const variables = coerceVariables(schema, operation, request.variables, maxVariableErrors);
          if (!variables.ok) {
            refused = variables.errors.map((e) => e.toJSON());
            if (variables.truncated) {
              refused.push({
                message: `Stopped after ${maxVariableErrors} variable errors; fix these and send again.`,
                extensions: { code: ErrorCode.BAD_USER_INPUT },
              });
            }
          }
        },
        async responseForOperation() {
          if (!refused) return null;
          return {
            http: { status: 400, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { errors: refused } },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.length) return;
          const kept = result.errors.slice(0, maxErrors).map((e) => ({ ...e, message: clean(e.message) }));
          if (result.errors.length > maxErrors) {
            kept.push({
              message: `${result.errors.length - maxErrors} more errors not shown; fix these and send again.`,
              extensions: { code: kept[0].extensions?.code ?? ErrorCode.BAD_USER_INPUT },
            });
          }
          result.errors = kept;
        },
      };
    },
  };
}
