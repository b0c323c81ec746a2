import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Readiness } from './readiness.js';

/** Options of {@link healthChecks}. */
export interface HealthChecksOptions {
  /** The checks `/readyz` runs, and whether shutdown has begun. */
  readiness: Readiness;
  /**
   * The storage engine, reported in every readiness answer: `sqlite` or `postgres` (which replicas
   * share). Never its address: the probes are public.
   */
  backend?: string;
  /** Seconds a 503 asks the prober to wait before asking again (`Retry-After`); default 5. */
  retryAfterSeconds?: number;
}

/** The probe routes, for logging them quietly. */
export const HEALTH_ROUTES = ['/livez', '/readyz', '/health'] as const;

/**
 * Liveness and readiness, as orchestrators and load balancers probe them:
 * - `GET /livez`: 200 `{"status":"ok"}` as long as the process answers; touches nothing, so a
 *   failing dependency never gets a live process restarted.
 * - `GET /readyz`: runs the readiness checks; 200 with each check's result, or 503 with
 *   `Retry-After` naming the failing parts (`"failing": ["database"]`), or `draining` once
 *   shutdown has begun.
 * - `GET /health`: the same as `/readyz`, for existing users.
 *
 * While draining, every response also carries `Connection: close`, so keep-alive clients reconnect
 * (through the load balancer, to another instance) instead of holding on to this one.
 */
export const healthChecks = fastifyPlugin(
  async function healthChecks(app: FastifyInstance, options: HealthChecksOptions): Promise<void> {
    const { readiness } = options;
    const retryAfter = String(options.retryAfterSeconds ?? 5);
    app.get('/livez', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
    const ready = async (_request: unknown, reply: FastifyReply) => {
      const report = { ...(await readiness.report()), ...(options.backend ? { backend: options.backend } : {}) };
      reply.header('cache-control', 'no-store');
      if (report.status !== 'ok') reply.code(503).header('retry-after', retryAfter);
      return reply.send(report);
    };
    app.get('/readyz', ready);
    app.get('/health', ready);
    app.addHook('onRequest', async (_request, reply) => {
      if (readiness.draining) reply.header('connection', 'close');
    });
  },
  { name: 'health-checks', fastify: '5.x' },
);
