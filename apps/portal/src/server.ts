import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ApiClientOptions, ApiError, executeOperation } from './api/api-client.js';
import type { PortalConfig } from './config.js';
import { portalDayQuery, portalDaysQuery } from './operations.js';
import { dayPage, type ElementSource } from './pages/day-page.js';
import { type ErrorStatus, errorPage } from './pages/error-page.js';
import { indexPage } from './pages/index-page.js';
import { contentSecurityPolicy } from './pages/layout.js';

/** Series day numbers in a URL: a positive whole number, not absurdly long. */
const DAY_PATH = /^\/days\/([1-9]\d{0,3})$/;

/** Where the portal reports failures; `console` by default. */
export interface PortalLogger {
  error(message: string): void;
}

/** A page, or the error status to answer instead. */
type PageResult = { status: 200; body: string } | { status: ErrorStatus };

/**
 * The portal's HTTP server (not yet listening): `/` lists the series days, `/days/:number`
 * renders a day with its stories on the server and embeds `<devops-stories>`, `/health`
 * answers for probes. Pages need the API: when it cannot be reached the reader gets a 503
 * page (with `Retry-After`), when it answers badly a 502, and the process carries on.
 */
export function createPortalServer(config: PortalConfig, logger: PortalLogger = console): Server {
  const api: ApiClientOptions = { url: config.apiUrl, timeoutMs: config.apiTimeoutMs };
  const publicApi = new URL(config.publicApiUrl);
  const element: ElementSource = {
    script: new URL('/devops-stories.js', publicApi).href,
    endpoint: publicApi.href,
  };
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': contentSecurityPolicy(publicApi.origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };

  async function page(path: string): Promise<PageResult> {
    if (path === '/') return { status: 200, body: indexPage(await executeOperation(api, portalDaysQuery, {})) };
    const dayPath = DAY_PATH.exec(path);
    if (dayPath) {
      const data = await executeOperation(api, portalDayQuery, { number: Number(dayPath[1]) });
      const day = data.day;
      return day ? { status: 200, body: dayPage({ ...data, day }, element) } : { status: 404 };
    }
    return { status: 404 };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://portal.invalid').pathname;
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : '{"status":"ok"}');
      return;
    }
    let result: PageResult;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      result = { status: 405 };
    } else {
      try {
        result = await page(path);
      } catch (error) {
        logger.error(`${request.method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
        result = { status: error instanceof ApiError ? (error.unavailable ? 503 : 502) : 500 };
      }
    }
    const body = result.status === 200 ? result.body : errorPage(result.status);
    response.writeHead(result.status, {
      ...headers,
      'content-length': Buffer.byteLength(body),
      ...(result.status === 503 ? { 'retry-after': '30' } : {}),
      ...(result.status === 405 ? { allow: 'GET, HEAD' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error(`${request.method} ${request.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal server error');
    });
  });
}
