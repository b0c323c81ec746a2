import type { FastifyInstance } from 'fastify';

/**
 * What the read path decided for one `/graphql` request, on `request.readPath` (the one place:
 * the request log line and the metrics read it from there).
 */
export interface ReadPathFields {
  /** `sha256:<hex>` when the request ran a trusted document (by id, or by its exact text); else null. */
  documentId: string | null;
  /** The operation's name, when a trusted document gave it. */
  operationName: string | null;
  /**
   * The response cache's part: `hit` (served stored bytes, no GraphQL at all), `miss` (executed,
   * and stored when cacheable), `bypass` (not eligible: ad hoc, credentials, a mutation, the
   * cache off) or null before it was decided.
   */
  cache: 'hit' | 'miss' | 'bypass' | null;
  /** The operation's cost when the read path priced it (a hit reports the stored price). */
  cost: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `/graphql` route: see {@link ReadPathFields}. Null on other routes. */
    readPath: ReadPathFields | null;
  }
}

/** Declares `request.readPath` on every request (null until the `/graphql` route sets it). */
export function decorateReadPathFields(app: FastifyInstance): void {
  app.decorateRequest('readPath', null);
}

export function newReadPathFields(): ReadPathFields {
  return { documentId: null, operationName: null, cache: null, cost: null };
}
