import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/**
 * Apollo's `formatError`: keeps the message of errors raised on purpose (they carry a code such
 * as BAD_USER_INPUT) and replaces anything unexpected, which may hold SQL or paths, with a
 * generic message. {@link ApolloServerPluginErrorLog} logs the original with the request's id.
 */
export function maskInternalErrors() {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
