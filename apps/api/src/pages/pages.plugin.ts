import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { hashInlineBlocks, pageDirectives } from './content-security-policy.js';

/** Options of {@link webPages}. */
export interface WebPagesOptions {
  /** The web client's build (`index.html`, `devops-stories.js`, `demo/portal.html`). */
  webRoot: string;
  /** CSP `frame-ancestors` sources: who may show the pages in a frame. */
  frameAncestors: string[];
}

/**
 * Serves the web client at `/` (the standalone page, the element's module and its static files)
 * and the portal demo at `/demo/portal`, with security headers on these pages only (helmet in
 * this plugin's own scope, so `/graphql` keeps its CORS-friendly headers): a Content-Security-Policy
 * that allows the pages' own inline blocks by hash, `frame-ancestors` from the options,
 * `Referrer-Policy: no-referrer`, nosniff. Without a build, `/` says so in plain text.
 */
export async function webPages(pages: FastifyInstance, options: WebPagesOptions): Promise<void> {
  const { webRoot, frameAncestors } = options;
  const built = existsSync(join(webRoot, 'index.html'));
  const framedBySelfOnly = frameAncestors.length === 1 && ["'self'", "'none'"].includes(frameAncestors[0]);
  await pages.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: pageDirectives(built ? hashInlineBlocks(webRoot) : { scripts: [], styles: [] }, frameAncestors),
    },
    // Portals on other origins load the element's module (a CORS request), so it must not be same-origin only.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // frame-ancestors decides framing; the legacy header can only say "same origin" or "nobody".
    xFrameOptions: framedBySelfOnly ? { action: frameAncestors[0] === "'none'" ? 'deny' : 'sameorigin' } : false,
  });
  if (!built) {
    pages.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send('devops-stories API: POST GraphQL queries to /graphql. The web client is not built.'),
    );
    return;
  }
  await pages.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
  });
  if (existsSync(join(webRoot, 'demo', 'portal.html'))) {
    pages.get('/demo/portal', async (_request, reply) => reply.sendFile('demo/portal.html'));
  }
}
