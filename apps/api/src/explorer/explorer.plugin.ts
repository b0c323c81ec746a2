import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** Options of {@link graphiqlExplorer}. */
export interface GraphiqlExplorerOptions {
  /** The explorer's build (`apps/explorer/dist`): `index.html`, and `assets/` served at `/explorer/assets/`. */
  root: string;
  /** The GraphQL route browsers open the explorer at; default `/graphql`. */
  route?: string;
}

/**
 * The explorer page's Content-Security-Policy: its own scripts only, no inline script; inline
 * styles, which the Monaco editor inserts at run time; its editor workers from its own origin;
 * requests to its own origin (the API) only; framed by its own origin at most.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The GraphiQL explorer (the `@devops-stories/explorer` build): `GET /graphql` from a browser (an
 * `Accept` header with `text/html`) answers the explorer's page instead of a GraphQL error, and
 * its scripts and styles are served at `/explorer/assets/`. GraphQL clients (JSON) are not
 * affected. Without a build, browsers get a plain-text note saying how to build it.
 *
 * Registered only when the explorer is on (`EXPLORER`, on by default outside production).
 */
export const graphiqlExplorer = fastifyPlugin(
  async function graphiqlExplorer(app: FastifyInstance, options: GraphiqlExplorerOptions): Promise<void> {
    const route = options.route ?? '/graphql';
    const indexFile = join(options.root, 'index.html');
    const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
      if (request.method !== 'GET' || request.routeOptions.url !== route || !wantsHtml(request)) return done();
      reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
      if (!page) {
        reply.code(503).type('text/plain; charset=utf-8');
        reply.send(
          'The GraphiQL explorer is not built: run npx nx build @devops-stories/explorer, then restart the API.',
        );
        return;
      }
      reply
        .header('content-security-policy', EXPLORER_CSP)
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(page);
    });
    if (page && existsSync(join(options.root, 'assets'))) {
      await app.register(
        async (assets) => {
          await assets.register(fastifyStatic, {
            root: join(options.root, 'assets'),
            prefix: '/explorer/assets/',
            decorateReply: false,
            index: false,
            // File names carry a content hash: a changed file has a new name.
            immutable: true,
            maxAge: '365d',
            setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
          });
        },
        { prefix: '' },
      );
    }
  },
  { name: 'graphiql-explorer', fastify: '5.x' },
);

/** A browser navigating to the page asks for HTML; GraphQL clients ask for JSON (or anything). */
function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
