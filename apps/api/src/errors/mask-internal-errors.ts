import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/**
 * Apollo's `formatError`: keeps the message of errors raised on purpose (they carry a code such
 * as BAD_USER_INPUT) and replaces anything unexpected, which may hold SQL or paths, with a
 * generic message; the original goes to the log.
 */
export function maskInternalErrors(log: FastifyBaseLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    log.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL request');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
