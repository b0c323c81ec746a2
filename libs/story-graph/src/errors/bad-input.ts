import { GraphQLError } from 'graphql';

/**
 * A client error that changes nothing: Apollo reports it with code `BAD_USER_INPUT`
 * and the message unmasked, so it should say what to send instead.
 */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argumentName: argument } : {}) },
  });
}
