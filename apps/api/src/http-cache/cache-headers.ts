import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** `CACHE_MAX_AGE` and `CACHE_STALE_WHILE_REVALIDATE`, in seconds. */
export interface HttpCachePolicy {
  maxAge: number;
  staleWhileRevalidate: number;
}

/** What a response to a request with credentials, or one a resolver marked private, carries. */
export const PRIVATE = 'private, no-store';
/** What an erroneous, partial or untagged (ad hoc) response carries. */
export const NO_STORE = 'no-store';

/** `Cache-Control` of a cacheable GET response. */
export function publicCacheControl(policy: HttpCachePolicy): string {
  return `public, max-age=${policy.maxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

/** A strong validator of a body: its SHA-1, base64url (27 characters): a fingerprint, not a signature. */
export function bodyTag(body: Buffer): string {
  return createHash('sha1').update(body).digest('base64url');
}

/** The quoted `ETag` of one representation: the body's tag, plus the coding for a compressed one. */
export function etagOf(tag: string, encoding: string | null): string {
  return encoding ? `"${tag}-${encoding}"` : `"${tag}"`;
}

/**
 * Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for this header):
 * then the client's copy is current and the answer is 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Appends to `Vary` without dropping what is there (CORS adds `Origin` when origins are listed). */
export function addVary(reply: FastifyReply, ...fields: string[]): void {
  const current = reply.getHeader('vary');
  if (current === undefined) {
    reply.header('vary', fields.join(', '));
    return;
  }
  const present = new Set(
    String(current ?? '')
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean),
  );
  const added = fields.filter((f) => !present.has(f.toLowerCase()));
  if (!added.length) return;
  reply.header('vary', current ? `${String(current)}, ${added.join(', ')}` : added.join(', '));
}
