import { GraphQLError } from 'graphql';
import type { TokenProblem } from '../context/viewer.js';

/** The codes of authorisation failures (API contract v2); they are GraphQL errors, never userErrors. */
export const AuthErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const;

const WHY: Record<TokenProblem, string> = {
  missing: 'This needs an API token: send `Authorization: Bearer <token>`.',
  malformed: 'The Authorization header must be `Bearer <token>`.',
  unknown: "The token is not one of this API's tokens; ask an admin for one (`npm run token -- create`).",
  revoked: 'The token was revoked; ask an admin for a new one.',
};

/** No usable token: missing, malformed, unknown or revoked. Changes nothing. */
export function unauthenticated(problem: TokenProblem): GraphQLError {
  return new GraphQLError(WHY[problem], { extensions: { code: AuthErrorCode.UNAUTHENTICATED } });
}

/** A live token whose role may not do this. Changes nothing. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: AuthErrorCode.FORBIDDEN } });
}

/**
 * Too many submissions from one client: HTTP 429 with `Retry-After`, code `RATE_LIMITED` and
 * `retryAfterSeconds`. Nothing was stored.
 */
export function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
