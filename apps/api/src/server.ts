import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { loadContent } from '@devops-stories/story-content';
import {
  buildModularSchema,
  modularContextFactory,
  type SchemaModule,
  type StoryContext,
} from '@devops-stories/story-graph';
import { openSqliteStore, type StoryStore } from '@devops-stories/story-store';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import type { ApiConfig } from './config.js';
import { schemaModules } from './schema-modules.js';

/** Longest query document accepted, in tokens; longer ones fail to parse with a 400. */
export const MAX_QUERY_TOKENS = 2000;

/** A running (or ready to listen) API: Fastify with Apollo, its store and a clean shutdown. */
export interface ApiServer {
  app: FastifyInstance;
  apollo: ApolloServer<StoryContext>;
  store: StoryStore;
  /** A fresh per-request context, as `/graphql` creates one; for `apollo.executeOperation`. */
  createContext(): Promise<StoryContext>;
  /** Stops accepting requests, drains in-flight ones, closes the database. */
  close(): Promise<void>;
}

export interface ApiServerOptions {
  modules?: SchemaModule[];
  /** Pino logging; off in tests. */
  logger?: boolean;
  /** Receives SQL statements, for tests that count them. */
  onStatement?: (sql: string) => void;
}

/**
 * Opens the store, imports the content, builds the schema and wires Fastify routes:
 * `/graphql` (GET and POST), `/health`, and the web client at `/` when built.
 */
export async function createApiServer(config: ApiConfig, options: ApiServerOptions = {}): Promise<ApiServer> {
  const modules = options.modules ?? schemaModules;
  const store = openSqliteStore({ url: config.databaseUrl, onStatement: options.onStatement });
  try {
    const imported = await store.importContent(loadContent());
    const app = Fastify({ logger: options.logger ?? false });
    app.log.info({ imported }, 'content imported');
    const apollo = new ApolloServer<StoryContext>({
      schema: await buildModularSchema(modules),
      // No cache hints are set, so the per-field cache-control bookkeeping would be pure overhead.
      plugins: [
        fastifyApolloDrainPlugin(app),
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
      ],
      parseOptions: { maxTokens: MAX_QUERY_TOKENS },
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: config.production,
      introspection: !config.production,
      formatError: (formatted, error) => maskInternalError(formatted, error, app),
    });
    await apollo.start();
    const contextFor = modularContextFactory(modules, { store, cursorSecret: config.cursorSecret });
    const createContext = async () => contextFor();
    // Portals embed the client on their own origins; the API is public and sends no credentials.
    await app.register(fastifyCors, {
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
      maxAge: 86_400,
    });
    app.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handler: fastifyApolloHandler(apollo, { context: createContext }),
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
    await serveWebClient(app, config.webRoot);
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

/**
 * Keeps the message of errors raised on purpose (they carry a code such as
 * BAD_USER_INPUT) and replaces anything unexpected, which may hold SQL or paths,
 * with a generic message; the original goes to the log.
 */
function maskInternalError(
  formatted: GraphQLFormattedError,
  error: unknown,
  app: FastifyInstance,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  app.log.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL request');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

async function serveWebClient(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send('devops-stories API: POST GraphQL queries to /graphql. The web client is not built.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
  });
  if (existsSync(join(webRoot, 'demo', 'portal.html'))) {
    app.get('/demo/portal', async (_request, reply) => reply.sendFile('demo/portal.html'));
  }
}
