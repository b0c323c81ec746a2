import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/**
 * What the server learns about one request while answering it. The GraphQL plugins fill it in;
 * the request's log line and the metrics read it when the response has been sent.
 */
export interface RequestInfo {
  /** The operation's name (the client's `operationName`, else the document's); absent for anonymous ones. */
  operationName?: string;
  /** The trusted document's id (`sha256:…`) the request named; set by the trusted-documents plugin. */
  documentId?: string;
  /** The operation's cost (`extensions.cost.requested`), once priced. */
  cost?: number;
  /** What the response cache did: answered (`hit`), executed and stored (`miss`), or stayed out (`bypass`). */
  cache?: 'hit' | 'miss' | 'bypass';
  /** The `extensions.code` of each error in the answer, in order. */
  errorCodes: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** See {@link RequestInfo}; a fresh one per request. */
    requestInfo: RequestInfo;
  }
}

/** A blank {@link RequestInfo}, for requests that do not come through HTTP (`executeOperation`). */
export function newRequestInfo(): RequestInfo {
  return { errorCodes: [] };
}

/**
 * Gives every request its {@link RequestInfo} (`request.requestInfo`) before any other hook runs,
 * and answers with the request's id in `X-Request-Id`, the id its log lines carry (`reqId`), so a
 * client reporting a problem can name the request.
 */
export const requestInfo = fastifyPlugin(
  async function requestInfo(app: FastifyInstance): Promise<void> {
    app.decorateRequest('requestInfo', null as unknown as RequestInfo);
    app.addHook('onRequest', (request: FastifyRequest, reply, done) => {
      request.requestInfo = newRequestInfo();
      reply.header('x-request-id', request.id);
      done();
    });
  },
  { name: 'request-info', fastify: '5.x' },
);
