import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fileURLToPath } from 'node:url';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { loadContent } from '@devops-stories/story-content';
import {
  buildModularSchema,
  modularContextFactory,
  type SchemaModule,
  type StoryContext,
} from '@devops-stories/story-graph';
import { DEFAULT_PAGE_SIZE } from '@devops-stories/story-model';
import { openSqliteStore, type StoryStore } from '@devops-stories/story-store';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiConfig } from './config.js';
import { ApolloServerPluginQueryCost } from './cost/cost.plugin.js';
import { costEstimators } from './cost/query-cost.js';
import { ApolloServerPluginOperationDeadline } from './deadline/operation-deadline.plugin.js';
import { maskInternalErrors } from './errors/mask-internal-errors.js';
import { applyConnectionLimit, graphqlHttpErrorHandler, httpLimitOptions } from './http-limits/http-limits.js';
import { ApolloServerPluginInputLimits } from './inputs/input-limits.plugin.js';
import { webPages } from './pages/pages.plugin.js';
import { ApolloServerPluginCostBudget, memoryBudget } from './rate-limit/cost-budget.plugin.js';
import { createGraphqlHandler } from './read-path/graphql-handler.js';
import { decorateReadPathFields } from './read-path/request-fields.js';
import { changeTags } from './response-cache/recording-store.js';
import { ResponseCache } from './response-cache/response-cache.js';
import { schemaModules } from './schema-modules.js';
import { prepareExecutionSchema } from './trusted-documents/execution-schema.js';
import { trustedManifests } from './trusted-documents/manifests.js';
import { TrustedDocuments } from './trusted-documents/trusted-documents.js';

/** What every resolver receives: the story graph's context and who is asking. */
export type ApiContext = StoryContext & {
  /** The client's address (`X-Forwarded-For` only when `TRUST_PROXY` trusts the proxy); budgets are kept per address. */
  clientAddress: string;
};

/** A running (or ready to listen) API: Fastify with Apollo, its store and a clean shutdown. */
export interface ApiServer {
  app: FastifyInstance;
  apollo: ApolloServer<ApiContext>;
  store: StoryStore;
  /** The trusted documents loaded at start, and what was left out. */
  trustedDocuments: TrustedDocuments;
  /** The response cache; `responseCache.stats()` gives hits, misses, evictions, bytes and entries. */
  responseCache: ResponseCache;
  /** A fresh per-request context, as `/graphql` creates one; for `apollo.executeOperation`. */
  createContext(clientAddress?: string, store?: StoryStore): Promise<ApiContext>;
  /** Stops accepting requests, drains in-flight ones, closes the database. */
  close(): Promise<void>;
}

export interface ApiServerOptions {
  modules?: SchemaModule[];
  /** Pino logging; off in tests. */
  logger?: boolean;
  /** Receives SQL statements, for tests that count them. */
  onStatement?: (sql: string) => void;
  /**
   * Cost analysis and the per-client budget that depends on it; on by default. Off only to
   * measure what they cost (`npm run bench:api`).
   */
  costAnalysis?: boolean;
  /**
   * The workspace whose `type:consumer` projects' persisted-documents manifests are trusted;
   * by default the one this build sits in (nothing when the built api runs outside it), null for none.
   */
  workspaceRoot?: string | null;
}

/** The workspace around `apps/api/dist` (or `apps/api/src` under test). */
const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Opens the store, imports the content, builds the schema and assembles the server from its
 * plugins: HTTP limits, `/graphql` (GET and POST) with input limits, the cost model, per-client
 * budgets and an execution deadline, `/health`, and the web pages with their security headers.
 */
export async function createApiServer(config: ApiConfig, options: ApiServerOptions = {}): Promise<ApiServer> {
  const modules = options.modules ?? schemaModules;
  const store = openSqliteStore({ url: config.databaseUrl, onStatement: options.onStatement });
  try {
    const imported = await store.importContent(loadContent());
    const app = Fastify({
      logger: options.logger ? { level: config.logLevel } : false,
      trustProxy: trustedProxies(config.trustProxy),
      ...httpLimitOptions(config.http),
    });
    applyConnectionLimit(app, config.http);
    app.log.info({ imported }, 'content imported');
    const costAnalysis = options.costAnalysis ?? true;
    const limiter = costAnalysis && config.rateLimitPoints > 0 ? memoryBudget(config.rateLimitPoints) : null;
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
      plugins: [
        fastifyApolloDrainPlugin(app),
        ApolloServerPluginLandingPageDisabled(),
        // No cache hints are set, so the per-field cache-control bookkeeping would be pure overhead.
        ApolloServerPluginCacheControlDisabled(),
        ...operationPlugins(config, costAnalysis, limiter),
      ],
      // Persisted documents are the trusted documents the /graphql handler resolves; clients cannot register any.
      persistedQueries: false,
      // main.ts drains on SIGTERM/SIGINT; Apollo's own handler would re-send the signal after stopping.
      stopOnTerminationSignals: false,
      parseOptions: { maxTokens: config.queryLimits.maxTokens },
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: config.production,
      introspection: !config.production,
      formatError: maskInternalErrors(app.log),
    });
    await apollo.start();
    const contextFor = modularContextFactory(modules, { store, cursorSecret: config.cursorSecret });
    const createContext = async (clientAddress = 'local', reads?: StoryStore): Promise<ApiContext> =>
      Object.assign(contextFor({ store: reads }), { clientAddress });
    // Portals embed the client on their own origins; the API is public and sends no credentials.
    await app.register(fastifyCors, {
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'if-none-match'],
      exposedHeaders: [
        'etag',
        'cache-tag',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'ratelimit-policy',
      ],
      maxAge: 86_400,
    });
    decorateReadPathFields(app);
    app.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handlerTimeout: config.http.requestTimeoutMs + config.http.operationTimeoutMs,
      errorHandler: graphqlHttpErrorHandler(config.http, config.queryLimits.maxCost),
      handler: createGraphqlHandler({
        apollo,
        createContext: (request, reads) => createContext(request.ip, reads),
        store,
        schema,
        trusted: trustedDocuments,
        mode: config.readPath.trustedDocuments,
        cache: responseCache,
        http: { maxAge: config.readPath.cacheMaxAge, staleWhileRevalidate: config.readPath.cacheStaleWhileRevalidate },
        limits: costAnalysis ? config.queryLimits : null,
        limiter,
        operationTimeoutMs: config.http.operationTimeoutMs,
        formatError: maskInternalErrors(app.log),
        hideSuggestions: config.production,
        log: app.log,
      }),
    });
    app.get('/health', async (_request, reply) => {
      try {
        const days = await store.listDays();
        return { status: 'ok', days: days.length };
      } catch (error) {
        app.log.error(error, 'health check failed');
        return reply.code(503).send({ status: 'unavailable' });
      }
    });
    await app.register(webPages, { webRoot: config.webRoot, frameAncestors: config.frameAncestors });
    return {
      app,
      apollo,
      store,
      trustedDocuments,
      responseCache,
      createContext,
      async close() {
        await app.close();
        await apollo.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `TRUST_PROXY` in the shape Fastify's types accept: a hop count becomes a function of the hop. */
function trustedProxies(setting: ApiConfig['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** The Apollo plugins every operation passes, in order: inputs, cost, budget, deadline. */
function operationPlugins(
  config: ApiConfig,
  costAnalysis: boolean,
  limiter: RateLimiterAbstract | null,
): ApolloServerPlugin<ApiContext>[] {
  const plugins: ApolloServerPlugin<ApiContext>[] = [
    ApolloServerPluginInputLimits({ hideSuggestions: config.production }),
  ];
  if (costAnalysis) {
    plugins.push(ApolloServerPluginQueryCost({ limits: config.queryLimits, listSize: DEFAULT_PAGE_SIZE }));
    if (limiter) {
      plugins.push(
        ApolloServerPluginCostBudget({
          limiter,
          clientKey: ({ contextValue }) => contextValue.clientAddress,
        }),
      );
    }
  }
  plugins.push(ApolloServerPluginOperationDeadline({ timeoutMs: config.http.operationTimeoutMs }));
  return plugins;
}
