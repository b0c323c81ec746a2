import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { ErrorCode } from '../errors/error-codes.js';

/** How a GraphQL request ended: answered, refused or failed for the client's reason, or failed for ours. */
export type Outcome = 'ok' | 'client_error' | 'server_error';

/** The API's metrics, in one registry that `/metrics` exposes. */
export interface ApiMetrics {
  /**
   * Where every metric lives. Other features register theirs here (e.g. the response cache's hits,
   * misses, evictions and bytes; a PostgreSQL pool's use): `new Counter({ …, registers: [registry] })`.
   */
  registry: Registry;
  /** `http_requests_total{method, route, status}`: every HTTP request, by route pattern (`unmatched` for 404s). */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /** `graphql_request_duration_seconds{operation, outcome}`: each GraphQL request, cache hits included. */
  graphqlDuration: Histogram<'operation' | 'outcome'>;
  /** `graphql_errors_total{code}`: each error in a GraphQL answer, by `extensions.code`. */
  graphqlErrors: Counter<'code'>;
  /** `db_query_duration_seconds{method, outcome}`: each call of the store's contract (`listStories`, …). */
  dbDuration: Histogram<'method' | 'outcome'>;
}

/** Options of {@link createApiMetrics}. */
export interface ApiMetricsOptions {
  /**
   * prom-client's default process metrics: event-loop lag (`nodejs_eventloop_lag_seconds` and its
   * percentiles), memory (`process_resident_memory_bytes`, `nodejs_heap_size_used_bytes`), CPU, GC
   * and handles. Default true.
   */
  processMetrics?: boolean;
}

/** Creates the registry and the API's own metrics (see {@link ApiMetrics}). */
export function createApiMetrics(options: ApiMetricsOptions = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern (unmatched for 404s) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request, by operation (a known operation name, anonymous or other) and outcome (ok, client_error, server_error).',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code (other for a code the API does not define).',
      labelNames: ['code'],
      registers,
    }),
    dbDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Time of each call to the story store, by store method and outcome (ok, error).',
      labelNames: ['method', 'outcome'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
  };
}

const KNOWN_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(ApolloServerErrorCode),
  ...Object.values(ApolloServerValidationErrorCode),
]);

/** The `code` label of an error code: itself if the API or Apollo defines it, else `other` (labels stay bounded). */
export function errorCodeLabel(code: string): string {
  return KNOWN_CODES.has(code) ? code : 'other';
}

/** The outcome of a GraphQL answer from its HTTP status and its errors' codes. */
export function outcomeOf(status: number, errorCodes: readonly string[]): Outcome {
  if (
    status >= 500 ||
    errorCodes.some((c) => c === ErrorCode.INTERNAL_SERVER_ERROR || c === ErrorCode.OPERATION_TIMEOUT)
  ) {
    return 'server_error';
  }
  return status >= 400 || errorCodes.length > 0 ? 'client_error' : 'ok';
}

/**
 * The `operation` label of an operation name. Clients choose names freely, and each label value is
 * a time series kept forever, so only names of known operations (the trusted documents' names)
 * are kept: `anonymous` for an operation without a name, `other` for any other name.
 */
export function operationLabeller(knownNames: Iterable<string>): (name: string | undefined) => string {
  const known = new Set(knownNames);
  return (name) => (name === undefined ? 'anonymous' : known.has(name) ? name : 'other');
}
