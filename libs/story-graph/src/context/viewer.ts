import type { TokenRecord, TokenRole } from '@devops-stories/story-store';

/** Why a request has no usable token: none sent, not a Bearer token, unknown, or revoked. */
export type TokenProblem = 'missing' | 'malformed' | 'unknown' | 'revoked';

/** Who is asking: the token of the request, or why it has none. */
export type Viewer = { token: TokenRecord; problem: null } | { token: null; problem: TokenProblem };

/** A reader without a token. */
export const ANONYMOUS: Viewer = { token: null, problem: 'missing' };

/** Whether `viewer` holds one of `roles` (admin holds every role). */
export function hasRole(viewer: Viewer, roles: readonly TokenRole[]): boolean {
  return viewer.token !== null && (viewer.token.role === 'admin' || roles.includes(viewer.token.role));
}

/**
 * The viewer of an `Authorization` header value: a live token, or why not. Reads the store only for
 * a well-formed `Bearer` value.
 */
export async function viewerOf(
  authorization: string | undefined,
  authenticate: (token: string) => Promise<TokenRecord | null>,
): Promise<Viewer> {
  if (authorization === undefined || authorization === '') return ANONYMOUS;
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (!match) return { token: null, problem: 'malformed' };
  const token = await authenticate(match[1]);
  if (!token) return { token: null, problem: 'unknown' };
  if (token.revokedAt) return { token: null, problem: 'revoked' };
  return { token, problem: null };
}
