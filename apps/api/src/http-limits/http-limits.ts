import type { Server } from 'node:http';
import type { FastifyError, FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpLimits } from '../config.js';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * Fastify server options for {@link HttpLimits}: the body limit, and the time to receive a request
 * (its headers within half of it). Node checks those timers every `interval` (a tenth of the
 * timeout), so they are set one interval short: a stalled request is closed within the timeout.
 */
export function httpLimitOptions(
  limits: HttpLimits,
): Pick<FastifyHttpOptions<Server>, 'bodyLimit' | 'requestTimeout' | 'http' | 'keepAliveTimeout'> {
  const interval = Math.max(25, Math.min(1_000, Math.floor(limits.requestTimeoutMs / 10)));
  const requestTimeout = limits.requestTimeoutMs - interval;
  return {
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout,
    keepAliveTimeout: Math.min(72_000, limits.requestTimeoutMs),
    http: {
      requestTimeout,
      headersTimeout: Math.max(interval, Math.floor(limits.requestTimeoutMs / 2) - interval),
      connectionsCheckingInterval: interval,
    },
  };
}

/**
 * Applies the limits Fastify's options cannot: at most `maxConnections` open connections (Node
 * closes further ones on arrival).
 */
export function applyConnectionLimit(app: FastifyInstance, limits: HttpLimits): void {
  app.server.maxConnections = limits.maxConnections;
}

/**
 * A route error handler that answers HTTP-level refusals of a GraphQL route in GraphQL's shape
 * (`{ errors: [{ message, extensions: { code } }] }`) with their status: a body over the limit
 * (413), malformed JSON or content type (400/415), a handler that ran out of time (503).
 * Anything else is logged and answered as an internal error. Like every GraphQL answer it carries
 * `extensions.cost`: nothing was priced, so `requested` is 0 of `maxCost`.
 */
export function graphqlHttpErrorHandler(limits: HttpLimits, maxCost: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode ?? 500;
    let message: string;
    let code: string = ErrorCode.BAD_USER_INPUT;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      message = `The request body is larger than ${limits.bodyLimitBytes / 1024} KB; send a shorter query and fewer variables.`;
    } else if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
      message = 'The request ran out of time and was stopped; try again later.';
      code = ErrorCode.OPERATION_TIMEOUT;
    } else if (status >= 400 && status < 500) {
      message = `The request is malformed: ${error.message.slice(0, 200)}`;
    } else {
      request.log.error(error, 'request failed');
      message = 'Internal server error';
      code = ErrorCode.INTERNAL_SERVER_ERROR;
    }
    // For the request's log line and the metrics (the request never reached GraphQL's plugins).
    if (request.requestInfo) request.requestInfo.errorCodes = [code];
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code } }], extensions: { cost: { requested: 0, limit: maxCost } } });
  };
}
