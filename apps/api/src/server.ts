import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
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
import { ApolloServerPluginOperationDeadline } from './deadline/operation-deadline.plugin.js';
import { maskInternalErrors } from './errors/mask-internal-errors.js';
import { applyConnectionLimit, graphqlHttpErrorHandler, httpLimitOptions } from './http-limits/http-limits.js';
import { ApolloServerPluginInputLimits } from './inputs/input-limits.plugin.js';
import { webPages } from './pages/pages.plugin.js';
import { ApolloServerPluginCostBudget, memoryBudget } from './rate-limit/cost-budget.plugin.js';
import { schemaModules } from './schema-modules.js';
import { ApolloServerPluginPrivateResponses } from './auth/private-responses.plugin.js';
import { PREVIEW_HEADER, type RequestCredentials, storyRequest } from './auth/request-context.js';
import { memorySubmissionLimiter, submissionGate } from './submissions/submission-gate.js';

/** What every resolver receives: the story graph's context (with who is asking) and the client's address. */
export type ApiContext = StoryContext & {
  /** The client's address (`X-Forwarded-For` only when `TRUST_PROXY` trusts the proxy); budgets are kept per address. */
  clientAddress: string;
};

/** A running (or ready to listen) API: Fastify with Apollo, its store and a clean shutdown. */
export interface ApiServer {
  app: FastifyInstance;
  apollo: ApolloServer<ApiContext>;
  store: StoryStore;
  /**
   * A fresh per-request context, as `/graphql` creates one from a request's address and its
   * `Authorization` and `X-Preview` headers; for `apollo.executeOperation`.
   */
  createContext(credentials?: Partial<RequestCredentials>): Promise<ApiContext>;
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
   * Counts `submitStory` per client address (rate-limiter-flexible); by default in memory,
   * `SUBMISSIONS_PER_HOUR` an hour.
   */
  submissionLimiter?: RateLimiterAbstract;
}

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
      logger: options.logger ?? false,
      trustProxy: trustedProxies(config.trustProxy),
      ...httpLimitOptions(config.http),
    });
    applyConnectionLimit(app, config.http);
    app.log.info({ imported }, 'content imported');
    const apollo = new ApolloServer<ApiContext>({
      schema: await buildModularSchema(modules),
      plugins: [
        fastifyApolloDrainPlugin(app),
        ApolloServerPluginLandingPageDisabled(),
        // No cache hints are set, so the per-field cache-control bookkeeping would be pure overhead.
        ApolloServerPluginCacheControlDisabled(),
        ...operationPlugins(config, options.costAnalysis ?? true),
        ApolloServerPluginPrivateResponses(),
      ],
      // main.ts drains on SIGTERM/SIGINT; Apollo's own handler would re-send the signal after stopping.
      stopOnTerminationSignals: false,
      parseOptions: { maxTokens: config.queryLimits.maxTokens },
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: config.production,
      introspection: !config.production,
      formatError: maskInternalErrors(app.log),
    });
    await apollo.start();
    const contextFor = modularContextFactory(modules, {
      store,
      cursorSecret: config.cursorSecret,
      submissionGate: submissionGate(
        options.submissionLimiter ?? memorySubmissionLimiter(config.submissionsPerHour),
        (message) => app.log.error(message),
      ),
    });
    const createContext = async (credentials: Partial<RequestCredentials> = {}): Promise<ApiContext> => {
      const request = await storyRequest(store, { clientAddress: 'local', ...credentials });
      return Object.assign(contextFor(request), { clientAddress: request.clientAddress ?? 'local' });
    };
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
      ],
      maxAge: 86_400,
    });
    app.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handlerTimeout: config.http.requestTimeoutMs + config.http.operationTimeoutMs,
      errorHandler: graphqlHttpErrorHandler(config.http, config.queryLimits.maxCost),
      handler: fastifyApolloHandler(apollo, {
        context: (request) =>
          createContext({
            clientAddress: request.ip,
            authorization: header(request.headers.authorization),
            preview: header(request.headers[PREVIEW_HEADER]),
          }),
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

/** One value of a request header (the first, when it was sent twice). */
function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `TRUST_PROXY` in the shape Fastify's types accept: a hop count becomes a function of the hop. */
function trustedProxies(setting: ApiConfig['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** The Apollo plugins every operation passes, in order: inputs, cost, budget, deadline. */
function operationPlugins(config: ApiConfig, costAnalysis: boolean): ApolloServerPlugin<ApiContext>[] {
  const plugins: ApolloServerPlugin<ApiContext>[] = [
    ApolloServerPluginInputLimits({ hideSuggestions: config.production }),
  ];
  if (costAnalysis) {
    plugins.push(ApolloServerPluginQueryCost({ limits: config.queryLimits, listSize: DEFAULT_PAGE_SIZE }));
    if (config.rateLimitPoints > 0) {
      plugins.push(
        ApolloServerPluginCostBudget({
          limiter: memoryBudget(config.rateLimitPoints),
          clientKey: ({ contextValue }) => contextValue.clientAddress,
        }),
      );
    }
  }
  plugins.push(ApolloServerPluginOperationDeadline({ timeoutMs: config.http.operationTimeoutMs }));
  return plugins;
}
