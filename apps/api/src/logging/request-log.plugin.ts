import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** pino's numeric levels. */
const LEVEL_VALUES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** Options of {@link requestLogging}. */
export interface RequestLoggingOptions {
  /**
   * Routes whose requests are logged at `debug` instead of `info`: probes and scrapes that would
   * otherwise fill the log (`/livez`, `/readyz`, `/health`, `/metrics`).
   */
  quietRoutes?: readonly string[];
}

/**
 * One log line per request, written once the response has been sent, through the request's own
 * logger (so it carries `reqId`): `method`, `url` (the path only: a GET's query string may hold
 * variables), `statusCode`, `responseTime` (ms), and what the GraphQL plugins learnt
 * ({@link RequestInfo}): `operation`, `documentId`, `cost`, `cache` and the `errors`' codes.
 * Nothing from headers or the body: no tokens, no variables.
 *
 * `info` for answers below 500, `error` for 5xx; `debug` for the quiet routes, whatever their status
 * (a failing readiness check logs its own `warn` line when it starts failing).
 */
export const requestLogging = fastifyPlugin(
  async function requestLogging(app: FastifyInstance, options: RequestLoggingOptions): Promise<void> {
    const quiet = new Set(options.quietRoutes ?? []);
    // The level is fixed at start: decide once which lines are written at all.
    const threshold = LEVEL_VALUES[app.log.level] ?? Number.POSITIVE_INFINITY;
    const enabled = (level: 'debug' | 'info' | 'error') => LEVEL_VALUES[level] >= threshold;
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const status = reply.statusCode;
      const level = quiet.has(request.routeOptions.url ?? '') ? 'debug' : status >= 500 ? 'error' : 'info';
      if (enabled(level)) {
        const info = request.requestInfo;
        const queryAt = request.url.indexOf('?');
        request.log[level](
          {
            method: request.method,
            url: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
            statusCode: status,
            responseTime: Math.round(reply.elapsedTime * 100) / 100,
            operation: info?.operationName,
            documentId: info?.documentId,
            cost: info?.cost,
            cache: info?.cache,
            errors: info?.errorCodes.length ? info.errorCodes : undefined,
          },
          'request completed',
        );
      }
      done();
    });
  },
  { name: 'request-logging', fastify: '5.x', dependencies: ['request-info'] },
);
