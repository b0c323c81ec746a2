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

/**
 * Checks a count argument (a page size, a number of hits): a whole number from 1 to `max`.
 *
 * @throws BAD_USER_INPUT naming `argument`, the allowed range and the value sent.
 */
export function assertCount(value: number, argument: string, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`\`${argument}\` must be between 1 and ${max}, got ${value}.`, argument);
  }
}
