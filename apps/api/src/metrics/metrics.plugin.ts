import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Registry } from 'prom-client';
import { type ApiMetrics, errorCodeLabel, outcomeOf } from './api-metrics.js';

/** Options of {@link prometheusMetrics}. */
export interface PrometheusMetricsOptions {
  metrics: ApiMetrics;
  /** The GraphQL route, whose requests are also timed by operation and outcome. Default `/graphql`. */
  graphqlRoute?: string;
  /** The `operation` label of an operation name (bounded: see {@link operationLabeller}). */
  operationLabel: (name: string | undefined) => string;
  /** Serve `GET /metrics` on this server; false when a separate listener serves it ({@link metricsListener}). */
  expose: boolean;
}

/**
 * Prometheus metrics of the HTTP server: counts every response by method, route pattern and
 * status; for GraphQL requests (GET and POST on `graphqlRoute`, except the explorer's HTML) also
 * their duration by operation and outcome and their errors by code, read from the request's
 * {@link RequestInfo} once the response is sent. So an answer that never reaches GraphQL (a
 * refused body, a response-cache hit) counts like any other. With `expose`, `GET /metrics`
 * answers the registry in Prometheus text format.
 */
export const prometheusMetrics = fastifyPlugin(
  async function prometheusMetrics(app: FastifyInstance, options: PrometheusMetricsOptions): Promise<void> {
    const { metrics, operationLabel } = options;
    const graphqlRoute = options.graphqlRoute ?? '/graphql';
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
      if (route === graphqlRoute && (request.method === 'POST' || request.method === 'GET') && !isHtml(reply)) {
        const info = request.requestInfo;
        metrics.graphqlDuration.observe(
          { operation: operationLabel(info.operationName), outcome: outcomeOf(status, info.errorCodes) },
          reply.elapsedTime / 1000,
        );
        for (const code of info.errorCodes) metrics.graphqlErrors.inc({ code: errorCodeLabel(code) });
      }
      done();
    });
    if (options.expose) app.get('/metrics', metricsHandler(metrics.registry));
  },
  { name: 'prometheus-metrics', fastify: '5.x', dependencies: ['request-info'] },
);

function isHtml(reply: FastifyReply): boolean {
  return String(reply.getHeader('content-type') ?? '').startsWith('text/html');
}

function metricsHandler(registry: Registry) {
  return async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics());
}

/**
 * A separate HTTP server that answers only `GET /metrics` (for `METRICS_PORT`: scrapers reach it on
 * a private port while the API's port stays public). Not listening until `listen` is called.
 */
export function metricsListener(registry: Registry): FastifyInstance {
  const server = Fastify({ logger: false });
  server.get('/metrics', metricsHandler(registry));
  return server;
}
