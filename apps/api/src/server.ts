import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fileURLToPath } from 'node:url';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { streamContent } from '@devops-stories/story-content';
import {
  buildModularSchema,
  modularContextFactory,
  type SchemaModule,
  viewerOf,
  type StoryContext,
} from '@devops-stories/story-graph';
import { DEFAULT_PAGE_SIZE } from '@devops-stories/story-model';
import {
  DatabaseUnreachableError,
  importProgressReporter,
  openStore,
  parseDatabaseUrl,
  type StoryStore,
} from '@devops-stories/story-store';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApolloServerPluginPrivateResponses } from './auth/private-responses.plugin.js';
import { PREVIEW_HEADER, storyRequest } from './auth/request-context.js';
import { type ApiConfig, ConfigError } from './config.js';
import { ApolloServerPluginQueryCost } from './cost/cost.plugin.js';
import { costEstimators } from './cost/query-cost.js';
import { ApolloServerPluginOperationDeadline } from './deadline/operation-deadline.plugin.js';
import { maskInternalErrors } from './errors/mask-internal-errors.js';
import { graphiqlExplorer } from './explorer/explorer.plugin.js';
import { databaseCheck, notificationsCheck } from './health/database.check.js';
import { HEALTH_ROUTES, healthChecks } from './health/health.plugin.js';
import { Readiness, ReadinessFailure } from './health/readiness.js';
import { applyConnectionLimit, graphqlHttpErrorHandler, httpLimitOptions } from './http-limits/http-limits.js';
import { ApolloServerPluginInputLimits } from './inputs/input-limits.plugin.js';
import { ApolloServerPluginErrorLog } from './logging/error-log.plugin.js';
import { type LogDestination, loggerOptions } from './logging/logger-options.js';
import { requestLogging } from './logging/request-log.plugin.js';
import { type ApiMetrics, createApiMetrics, operationLabeller } from './metrics/api-metrics.js';
import { metricsListener, prometheusMetrics } from './metrics/metrics.plugin.js';
import { timedStore } from './metrics/timed-store.js';
import { webPages } from './pages/pages.plugin.js';
import type { BudgetStore } from './rate-limit/budget-store.js';
import { ApolloServerPluginCostBudget, memoryBudget } from './rate-limit/cost-budget.plugin.js';
import { clientKey } from './rate-limit/client-key.js';
import { LeasedBudgetStore } from './rate-limit/leased-budget.store.js';
import { openPostgresBudgetStore } from './rate-limit/postgres-budget.store.js';
import { createGraphqlHandler } from './read-path/graphql-handler.js';
import { newRequestInfo, type RequestInfo, requestInfo } from './request-info/request-info.js';
import { ApolloServerPluginRequestInfo } from './request-info/request-info.plugin.js';
import { changeTags } from './response-cache/recording-store.js';
import { ResponseCache } from './response-cache/response-cache.js';
import { responseCacheMetrics } from './response-cache/response-cache.metrics.js';
import { schemaModules } from './schema-modules.js';
import { memorySubmissionLimiter, postgresSubmissionLimiter, submissionGate } from './submissions/submission-gate.js';
import { prepareExecutionSchema } from './trusted-documents/execution-schema.js';
import { trustedManifests } from './trusted-documents/manifests.js';
import { TrustedDocuments } from './trusted-documents/trusted-documents.js';

/**
 * What every resolver receives: the story graph's context (with who is asking and the client's
 * address, from which budgets and submissions are counted) and the request's log and record.
 */
export type ApiContext = StoryContext & {
  /** The request's logger: its lines carry the request's id (`reqId`). */
  log: FastifyBaseLogger;
  /** What the plugins learn about the request, for its log line and the metrics. */
  requestInfo: RequestInfo;
};

/** A running (or ready to listen) API: Fastify with Apollo, its store and a clean shutdown. */
export interface ApiServer {
  app: FastifyInstance;
  apollo: ApolloServer<ApiContext>;
  /** The store, as the resolvers use it (timed into the metrics when they are on). */
  store: StoryStore;
  /** `/readyz`'s checks; `readiness.drain()` turns it 503 when shutdown begins. */
  readiness: Readiness;
  /**
   * The Prometheus registry and the API's metrics; `undefined` with `METRICS=off`. Other features
   * register their own metrics in `metrics.registry`.
   */
  metrics: ApiMetrics | undefined;
  /** The trusted documents loaded at start, and what was left out. */
  trustedDocuments: TrustedDocuments;
  /**
   * The response cache; `responseCache.stats()` gives hits, misses, evictions, bytes and entries
   * (exported as `response_cache_*` metrics).
   */
  responseCache: ResponseCache;
  /**
   * A fresh per-request context, as `/graphql` creates one from its request (its address, and its
   * `Authorization` and `X-Preview` headers), reading through `reads` when given (the lean path
   * notes what it reads); anonymous and local without one. For `apollo.executeOperation`.
   */
  createContext(request?: FastifyRequest, reads?: StoryStore): Promise<ApiContext>;
  /**
   * Listens on `config.port`/`config.host`, and the metrics listener on `METRICS_PORT` if set.
   * @returns the API's base URL and, with its own port, the metrics URL
   */
  listen(): Promise<{ url: string; metricsUrl?: string }>;
  /** Stops accepting requests, drains in-flight ones, closes the database. */
  close(): Promise<void>;
}

export interface ApiServerOptions {
  modules?: SchemaModule[];
  /** Logging at `config.logLevel`: `true` to stdout, or into a destination (tests read its lines); off by default. */
  logger?: boolean | LogDestination;
  /** Receives SQL statements, for tests that count them. */
  onStatement?: (sql: string) => void;
  /**
   * Cost analysis and the per-client budget that depends on it; on by default. Off only to
   * measure what they cost (`npm run bench:api`).
   */
  costAnalysis?: boolean;
  /**
   * Counts `submitStory` per client address (rate-limiter-flexible); by default in memory,
   * `SUBMISSIONS_PER_HOUR` an hour.
   */
  submissionLimiter?: RateLimiterAbstract;
  /**
   * Where the per-client budgets are kept (tests pass one with a clock of their own; its policy
   * replaces `RATE_LIMIT_POINTS`, and the caller closes it); by default in a table every replica
   * shares on a PostgreSQL `DATABASE_URL`, else in memory. Unused when `RATE_LIMIT_POINTS` is 0
   * or cost analysis is off.
   */
  budgetStore?: BudgetStore;
  /**
   * The workspace whose `type:consumer` projects' persisted-documents manifests are trusted;
   * by default the one this build sits in (nothing when the built api runs outside it), null for none.
   */
  workspaceRoot?: string | null;
}

/** The workspace around `apps/api/dist` (or `apps/api/src` under test). */
const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Opens the store, imports the content (unless `config.contentImport` is off), builds the schema and assembles the server from its
 * plugins: HTTP limits; liveness and readiness (`/livez`, `/readyz`, `/health`); one log line per
 * request and GraphQL errors logged with the request's id; Prometheus metrics (`/metrics`, or a
 * listener of their own, the response cache's included); `/graphql` (GET and POST): trusted
 * documents, the tagged response cache (purged on every `StoryStore.onChange`) and HTTP caching
 * in front of Apollo, with input limits, the cost model, per-client budgets, an execution
 * deadline and private answers for tokens, previews and mutations; the GraphiQL explorer for
 * browsers; and the web pages with their security headers.
 */
export async function createApiServer(config: ApiConfig, options: ApiServerOptions = {}): Promise<ApiServer> {
  const modules = options.modules ?? schemaModules;
  const database = parseDatabaseUrl(config.databaseUrl);
  let createdFolder: string | undefined;
  const openedStore = await openStore({
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    onStatement: options.onStatement,
    onCreateFolder: (path) => (createdFolder = path),
  }).catch((error: unknown) => {
    // A server that cannot be reached is a setting to fix: one line, as for any other.
    throw error instanceof DatabaseUnreachableError ? new ConfigError(`DATABASE_URL: ${error.message}`) : error;
  });
  let sharedLimiter: Awaited<ReturnType<typeof postgresSubmissionLimiter>> | undefined;
  let sharedBudget: BudgetStore | undefined;
  const costAnalysis = options.costAnalysis ?? true;
  const budgetsOn = costAnalysis && config.rateLimitPoints > 0;
  try {
    // Replicas on one PostgreSQL database count submissions and budgets together; one process counts in memory.
    if (!options.submissionLimiter && database.dialect === 'postgres') {
      sharedLimiter = await postgresSubmissionLimiter(database.url, config.submissionsPerHour);
    }
    if (budgetsOn && !options.budgetStore && database.dialect === 'postgres') {
      const table = await openPostgresBudgetStore({ url: database.url, capacity: config.rateLimitPoints });
      sharedBudget =
        config.rateLimitLeasePoints > 0
          ? new LeasedBudgetStore(table, { leasePoints: config.rateLimitLeasePoints })
          : table;
    }
    // Story files are read one at a time; an import long enough to wait for prints its progress on stderr.
    const imported = config.contentImport
      ? await openedStore.importContent(streamContent(), {
          onProgress: importProgressReporter({ write: (line) => process.stderr.write(line) }),
        })
      : null;
    const metrics = config.metrics.enabled ? createApiMetrics() : undefined;
    const store = metrics ? timedStore(openedStore, metrics.dbDuration) : openedStore;
    const logging = options.logger ?? false;
    const app = Fastify({
      ...(logging ? loggerOptions(config.logLevel, logging === true ? undefined : logging) : { logger: false }),
      trustProxy: trustedProxies(config.trustProxy),
      // During a drain, requests on connections already open are answered, not refused with 503.
      return503OnClosing: false,
      ...httpLimitOptions(config.http),
    });
    applyConnectionLimit(app, config.http);
    if (createdFolder) app.log.info(`created the folder ${createdFolder} for the database (DATABASE_URL)`);
    if (imported) {
      app.log.info(
        { imported, backend: database.dialect === 'postgres' ? database.display : database.filename },
        'content imported',
      );
    } else app.log.info('content import off (CONTENT_IMPORT=off): serving what the database holds');
    const budget = budgetsOn ? (options.budgetStore ?? sharedBudget ?? memoryBudget(config.rateLimitPoints)) : null;
    const schema = await buildModularSchema(modules);
    const trustedDocuments = TrustedDocuments.load({
      schema,
      // A build of its own, whose resolvers graphql-jit runs with the lean path's deadline.
      executionSchema: prepareExecutionSchema(await buildModularSchema(modules), config.http.operationTimeoutMs),
      manifests: trustedManifests({
        workspaceRoot: options.workspaceRoot === undefined ? WORKSPACE_ROOT : options.workspaceRoot,
        modules,
        folder: config.readPath.trustedDocumentsDir,
      }),
      estimators: costEstimators(DEFAULT_PAGE_SIZE),
      introspection: !config.production,
      maxTokens: config.queryLimits.maxTokens,
    });
    app.log.info(
      { sources: trustedDocuments.report.sources, skipped: trustedDocuments.report.skipped },
      `trusted documents: ${trustedDocuments.size} (${config.readPath.trustedDocuments === 'require' ? 'required' : 'ad hoc documents allowed'})`,
    );
    const responseCache = new ResponseCache(config.readPath.responseCacheBytes);
    store.onChange((change) => {
      const purged = responseCache.purge(changeTags(change));
      app.log.info({ change, purged }, 'content changed: response cache purged');
    });
    const apollo = new ApolloServer<ApiContext>({
      schema,
      logger: app.log,
      plugins: [
        fastifyApolloDrainPlugin(app),
        ApolloServerPluginLandingPageDisabled(),
        // No cache hints are set, so the per-field cache-control bookkeeping would be pure overhead.
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginRequestInfo(),
        ApolloServerPluginErrorLog(),
        ...operationPlugins(config, costAnalysis, budget),
        ApolloServerPluginPrivateResponses(),
      ],
      // Persisted documents are the trusted documents the /graphql handler resolves; clients cannot register any.
      persistedQueries: false,
      // main.ts drains on SIGTERM/SIGINT; Apollo's own handler would re-send the signal after stopping.
      stopOnTerminationSignals: false,
      parseOptions: { maxTokens: config.queryLimits.maxTokens },
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: config.production,
      introspection: !config.production,
      formatError: maskInternalErrors(),
    });
    await apollo.start();
    const contextFor = modularContextFactory(modules, {
      store,
      cursorSecret: config.cursorSecret,
      submissionGate: submissionGate(
        options.submissionLimiter ?? sharedLimiter?.limiter ?? memorySubmissionLimiter(config.submissionsPerHour),
        (message) => app.log.error(message),
      ),
    });
    const createContext = async (request?: FastifyRequest, reads?: StoryStore): Promise<ApiContext> =>
      Object.assign(
        contextFor({
          ...(await storyRequest(store, {
            clientAddress: request?.ip ?? 'local',
            authorization: header(request?.headers.authorization),
            preview: header(request?.headers[PREVIEW_HEADER]),
          })),
          store: reads,
        }),
        { log: request?.log ?? app.log, requestInfo: request?.requestInfo ?? newRequestInfo() },
      );
    const hearsOthers = openedStore.hearsOthers?.bind(openedStore);
    const checks = [databaseCheck(openedStore, { file: databaseFile(config.databaseUrl) })];
    if (hearsOthers) checks.push(notificationsCheck({ hearsOthers }));
    const readiness = new Readiness(checks, {
      onChange: (check, error) => {
        if (!error) app.log.info({ check }, 'ready again');
        else if (error instanceof ReadinessFailure) app.log.warn({ check, reason: error.message }, 'not ready');
        else app.log.warn({ check, err: error }, 'not ready');
      },
    });
    await app.register(requestInfo);
    await app.register(healthChecks, { readiness, backend: database.dialect });
    if (logging) await app.register(requestLogging, { quietRoutes: [...HEALTH_ROUTES, '/metrics'] });
    if (metrics) {
      responseCacheMetrics(responseCache, metrics.registry);
      await app.register(prometheusMetrics, {
        metrics,
        // Trusted documents' operations are the known ones; any other name is labelled `other`.
        operationLabel: operationLabeller(trustedDocuments.operationNames()),
        expose: config.metrics.port === undefined,
      });
    }
    // Portals embed the client on their own origins; the API is public and sends no credentials.
    await app.register(fastifyCors, {
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'content-type',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'authorization',
        PREVIEW_HEADER,
        'if-none-match',
      ],
      exposedHeaders: [
        'etag',
        'cache-tag',
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'ratelimit-policy',
      ],
      maxAge: 86_400,
    });
    if (config.explorer) {
      await app.register(graphiqlExplorer, { root: config.explorerRoot });
    }
    app.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handlerTimeout: config.http.requestTimeoutMs + config.http.operationTimeoutMs,
      errorHandler: graphqlHttpErrorHandler(config.http, config.queryLimits.maxCost),
      handler: createGraphqlHandler({
        apollo,
        createContext,
        store,
        hasLiveToken: async (authorization) =>
          (await viewerOf(authorization, (token) => store.authenticate(token))).token !== null,
        schema,
        trusted: trustedDocuments,
        mode: config.readPath.trustedDocuments,
        cache: responseCache,
        http: { maxAge: config.readPath.cacheMaxAge, staleWhileRevalidate: config.readPath.cacheStaleWhileRevalidate },
        limits: costAnalysis ? config.queryLimits : null,
        budget,
        operationTimeoutMs: config.http.operationTimeoutMs,
        formatError: maskInternalErrors(),
        hideSuggestions: config.production,
        log: app.log,
      }),
    });
    await app.register(webPages, { webRoot: config.webRoot, frameAncestors: config.frameAncestors });
    const metricsApp = metrics && config.metrics.port !== undefined ? metricsListener(metrics.registry) : undefined;
    return {
      app,
      apollo,
      store,
      readiness,
      metrics,
      trustedDocuments,
      responseCache,
      createContext,
      async listen() {
        const url = await app.listen({ port: config.port, host: config.host });
        const metricsUrl =
          metricsApp && config.metrics.port !== undefined
            ? `${await metricsApp.listen({ port: config.metrics.port, host: config.host })}/metrics`
            : undefined;
        return { url, metricsUrl };
      },
      async close() {
        await Promise.all([app.close(), metricsApp?.close()]);
        await apollo.stop();
        await sharedLimiter?.close();
        await sharedBudget?.close();
        await openedStore.close();
      },
    };
  } catch (error) {
    await sharedLimiter?.close();
    await sharedBudget?.close();
    await openedStore.close();
    throw error;
  }
}

/** The SQLite file behind `DATABASE_URL`, or undefined for an in-memory database. */
function databaseFile(url: string): string | undefined {
  const location = parseDatabaseUrl(url);
  return location.dialect !== 'sqlite' || location.filename === ':memory:' ? undefined : location.filename;
}

/** One value of a request header (the first, when it was sent twice). */
function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `TRUST_PROXY` in the shape Fastify's types accept: a hop count becomes a function of the hop. */
function trustedProxies(setting: ApiConfig['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** The Apollo plugins every operation passes, in order: inputs, cost, budget, deadline. */
function operationPlugins(
  config: ApiConfig,
  costAnalysis: boolean,
  budget: BudgetStore | null,
): ApolloServerPlugin<ApiContext>[] {
  const plugins: ApolloServerPlugin<ApiContext>[] = [
    ApolloServerPluginInputLimits({ hideSuggestions: config.production }),
  ];
  if (costAnalysis) {
    plugins.push(ApolloServerPluginQueryCost({ limits: config.queryLimits, listSize: DEFAULT_PAGE_SIZE }));
    if (budget) {
      plugins.push(
        ApolloServerPluginCostBudget({
          store: budget,
          clientKey: ({ contextValue }) => clientKey(contextValue.clientAddress),
        }),
      );
    }
  }
  plugins.push(ApolloServerPluginOperationDeadline({ timeoutMs: config.http.operationTimeoutMs }));
  return plugins;
}
