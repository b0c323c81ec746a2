import { fileURLToPath } from 'node:url';
import {
  type DatabaseLocation,
  DatabaseUrlError,
  DEFAULT_POOL_SIZE,
  parseDatabaseUrl,
} from '@devops-stories/story-store';
import { LOG_LEVELS, type LogLevel } from './logging/logger-options.js';

/** What one GraphQL operation may ask for; refused before execution when over. */
export interface QueryLimits {
  /** Largest cost of one operation (the published cost model, `MAX_QUERY_COST`). */
  maxCost: number;
  /** Deepest field nesting, fragments expanded (`MAX_QUERY_DEPTH`). */
  maxDepth: number;
  /** Most aliased fields, fragments expanded (`MAX_QUERY_ALIASES`). */
  maxAliases: number;
  /** Most directives, fragments expanded (`MAX_QUERY_DIRECTIVES`). */
  maxDirectives: number;
  /** Longest document in tokens; longer ones fail to parse (`MAX_QUERY_TOKENS`). */
  maxTokens: number;
}

/** Limits of the HTTP server: how much and how long one client may hold it. */
export interface HttpLimits {
  /** Largest request body in bytes (`BODY_LIMIT_KB` × 1024). */
  bodyLimitBytes: number;
  /** Time to receive a whole request, headers and body (`REQUEST_TIMEOUT_MS`); headers get half of it. */
  requestTimeoutMs: number;
  /** Time one GraphQL operation may execute before it answers `OPERATION_TIMEOUT` (`OPERATION_TIMEOUT_MS`). */
  operationTimeoutMs: number;
  /** Open connections at once; more are closed on arrival (`MAX_CONNECTIONS`). */
  maxConnections: number;
}

/** The read path: trusted documents, the response cache and HTTP caching. */
export interface ReadPathConfig {
  /** `TRUSTED_DOCUMENTS`: `allow` (ad hoc documents run too) or `require` (trusted documents only). */
  trustedDocuments: 'allow' | 'require';
  /** `TRUSTED_DOCUMENTS_DIR`: a folder of persisted-documents manifests (`*.json`) to trust besides the consumers'. */
  trustedDocumentsDir: string | null;
  /** `RESPONSE_CACHE_MB` × 2^20: the response cache's byte budget; 0 turns it off. */
  responseCacheBytes: number;
  /** `CACHE_MAX_AGE`, seconds: how long browsers and CDNs may reuse a cacheable GET answer. */
  cacheMaxAge: number;
  /** `CACHE_STALE_WHILE_REVALIDATE`, seconds: how long after that they may serve it while fetching a fresh one. */
  cacheStaleWhileRevalidate: number;
}

/** Server settings, read from the environment by {@link readConfig}. */
export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL connections per process (`DATABASE_POOL_SIZE`); SQLite has one. */
  databasePoolSize: number;
  /**
   * Import the shipped content into the database at start (`CONTENT_IMPORT`, on by default). Off,
   * the server serves what the database already holds: a database prepared by another process
   * (`npm run bench:scale` imports synthetic catalogues so), never overwritten by the shipped content.
   */
  contentImport: boolean;
  production: boolean;
  cursorSecret: string;
  /** Folder of the web client's build; served at `/` when it exists. */
  webRoot: string;
  /** Origins whose pages may call the API (portals embedding the client); `*` for any. */
  corsOrigins: '*' | string[];
  queryLimits: QueryLimits;
  http: HttpLimits;
  /** Cost points each client address may spend per minute; 0 turns the budget off (`RATE_LIMIT_POINTS`). */
  rateLimitPoints: number;
  /**
   * Points a replica takes from a client's shared PostgreSQL bucket beyond a charge, to spend
   * locally for up to a second (`RATE_LIMIT_LEASE_POINTS`); 0 charges the database every time.
   */
  rateLimitLeasePoints: number;
  /**
   * Which proxies' `X-Forwarded-For` names the client (`TRUST_PROXY`), in Fastify's `trustProxy` terms:
   * `false` (the socket address is the client), `true` (any proxy), a hop count, or proxy addresses and CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** Who may frame the pages: CSP `frame-ancestors` sources (`FRAME_ANCESTORS`). */
  frameAncestors: string[];
  /** Least severe level logged (`LOG_LEVEL`). */
  logLevel: LogLevel;
  metrics: MetricsSettings;
  readPath: ReadPathConfig;
  /** Serve the GraphiQL explorer at `GET /graphql` to browsers (`EXPLORER`; on by default outside production). */
  explorer: boolean;
  /** Folder of the explorer's build (`apps/explorer/dist`). */
  explorerRoot: string;
  /** How long shutdown keeps serving with readiness failing before it closes (`DRAIN_DELAY_MS`). */
  drainDelayMs: number;
  /** Community submissions each client address may store per hour (`SUBMISSIONS_PER_HOUR`). */
  submissionsPerHour: number;
}

/** Where and whether Prometheus metrics are served. */
export interface MetricsSettings {
  /** Collect and serve metrics (`METRICS`, default on). */
  enabled: boolean;
  /** Serve `/metrics` on this port only, instead of the API's port (`METRICS_PORT`). */
  port?: number;
}

/** Thrown for a setting that cannot work; the message names the variable and a valid value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The defaults of every limit, documented in the README's configuration table. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxCost: 1000,
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2000,
};

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  bodyLimitBytes: 64 * 1024,
  requestTimeoutMs: 10_000,
  operationTimeoutMs: 5_000,
  maxConnections: 1_000,
};

export const DEFAULT_RATE_LIMIT_POINTS = 10_000;

export const DEFAULT_SUBMISSIONS_PER_HOUR = 5;

export const DEFAULT_READ_PATH: ReadPathConfig = {
  trustedDocuments: 'allow',
  trustedDocumentsDir: null,
  responseCacheBytes: 64 * 1024 * 1024,
  cacheMaxAge: 60,
  cacheStaleWhileRevalidate: 300,
};

/** The shortest `CURSOR_SECRET` production accepts, in bytes. */
export const MIN_CURSOR_SECRET_BYTES = 32;

const DEV_CURSOR_SECRET = 'devops-stories-cursor-v1';

/**
 * Reads the configuration from environment variables, with defaults for local use.
 *
 * @throws {ConfigError} for a value that cannot work, naming the variable; in production also
 * for a missing or short `CURSOR_SECRET`.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    }
    return value;
  };
  const port = int('PORT', 4000, 0, 65535);
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/stories.db';
  let database: DatabaseLocation;
  try {
    database = parseDatabaseUrl(databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
    throw error;
  }
  const production = env.NODE_ENV === 'production';
  const onOff = (name: string, fallback: boolean) => {
    const text = env[name]?.trim().toLowerCase();
    if (text === undefined || text === '') return fallback;
    if (text === 'on' || text === 'off') return text === 'on';
    throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
  };
  const contentImport = onOff('CONTENT_IMPORT', true);
  if (!contentImport && database.dialect === 'sqlite' && database.filename === ':memory:') {
    throw new ConfigError(
      'CONTENT_IMPORT=off serves what the database holds, and an in-memory database starts empty: set DATABASE_URL to a prepared sqlite file, or leave CONTENT_IMPORT on',
    );
  }
  const metricsPort = env.METRICS_PORT?.trim() ? int('METRICS_PORT', 0, 0, 65535) : undefined;
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port) {
    throw new ConfigError(
      `METRICS_PORT must differ from PORT (${port}): leave it unset to serve /metrics on the API's port, got ${metricsPort}`,
    );
  }
  const maxCost = int('MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost, 1);
  const rateLimitPoints = int('RATE_LIMIT_POINTS', DEFAULT_RATE_LIMIT_POINTS, 0);
  if (rateLimitPoints > 0 && rateLimitPoints < maxCost) {
    throw new ConfigError(
      `RATE_LIMIT_POINTS must be 0 (off) or at least MAX_QUERY_COST (${maxCost}), so that every allowed query fits a budget, got ${rateLimitPoints}`,
    );
  }
  const rateLimitLeasePoints = int(
    'RATE_LIMIT_LEASE_POINTS',
    Math.floor(rateLimitPoints / 100),
    0,
    Math.max(0, Math.floor(rateLimitPoints / 2)),
  );
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 100),
    contentImport,
    production,
    cursorSecret: readCursorSecret(env.CURSOR_SECRET, production),
    webRoot: env.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    corsOrigins: readCorsOrigins(env.CORS_ORIGINS),
    queryLimits: {
      maxCost,
      maxDepth: int('MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 1000),
      maxAliases: int('MAX_QUERY_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0),
      maxDirectives: int('MAX_QUERY_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 0),
      maxTokens: int('MAX_QUERY_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 1),
    },
    http: {
      bodyLimitBytes: int('BODY_LIMIT_KB', DEFAULT_HTTP_LIMITS.bodyLimitBytes / 1024, 1, 1024 * 1024) * 1024,
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.requestTimeoutMs, 100),
      operationTimeoutMs: int('OPERATION_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.operationTimeoutMs, 1),
      maxConnections: int('MAX_CONNECTIONS', DEFAULT_HTTP_LIMITS.maxConnections, 1),
    },
    rateLimitPoints,
    rateLimitLeasePoints,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    frameAncestors: readFrameAncestors(env.FRAME_ANCESTORS),
    logLevel: readLogLevel(env.LOG_LEVEL),
    metrics: { enabled: onOff('METRICS', true), port: metricsPort },
    readPath: {
      trustedDocuments: oneOf(env, 'TRUSTED_DOCUMENTS', ['allow', 'require'], DEFAULT_READ_PATH.trustedDocuments),
      trustedDocumentsDir: env.TRUSTED_DOCUMENTS_DIR?.trim() || null,
      responseCacheBytes: readMegabytes(env.RESPONSE_CACHE_MB, DEFAULT_READ_PATH.responseCacheBytes),
      cacheMaxAge: int('CACHE_MAX_AGE', DEFAULT_READ_PATH.cacheMaxAge, 0, 31_536_000),
      cacheStaleWhileRevalidate: int(
        'CACHE_STALE_WHILE_REVALIDATE',
        DEFAULT_READ_PATH.cacheStaleWhileRevalidate,
        0,
        31_536_000,
      ),
    },
    explorer: onOff('EXPLORER', !production),
    explorerRoot: fileURLToPath(new URL('../../explorer/dist', import.meta.url)),
    drainDelayMs: int('DRAIN_DELAY_MS', 0, 0, 60_000),
    submissionsPerHour: int('SUBMISSIONS_PER_HOUR', DEFAULT_SUBMISSIONS_PER_HOUR, 1, 10_000),
  };
}

function readLogLevel(text = 'info'): LogLevel {
  const level = text.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${text}"`);
  }
  return level as LogLevel;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (!(values as readonly string[]).includes(text)) {
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${env[name]}"`);
  }
  return text as T;
}

/** `RESPONSE_CACHE_MB` in bytes: megabytes, decimals allowed (`0.5`), `0` for no cache. */
function readMegabytes(text: string | undefined, fallback: number): number {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return fallback;
  const value = Number(trimmed);
  if (!/^\d+(\.\d+)?$/.test(trimmed) || value > 65_536) {
    throw new ConfigError(
      `RESPONSE_CACHE_MB must be a number of megabytes from 0 to 65536 (0 turns the cache off), got "${trimmed}"`,
    );
  }
  return Math.floor(value * 1024 * 1024);
}

function readCursorSecret(secret: string | undefined, production: boolean): string {
  if (!production) return secret || DEV_CURSOR_SECRET;
  if (!secret || Buffer.byteLength(secret, 'utf8') < MIN_CURSOR_SECRET_BYTES) {
    throw new ConfigError(
      `CURSOR_SECRET must be set to at least ${MIN_CURSOR_SECRET_BYTES} bytes in production (e.g. openssl rand -base64 48), ` +
        (secret ? `got ${Buffer.byteLength(secret, 'utf8')} bytes` : 'it is not set'),
    );
  }
  return secret;
}

function readCorsOrigins(text = '*'): '*' | string[] {
  const trimmed = text.trim();
  if (trimmed === '*') return '*';
  const origins = trimmed
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must be * or a comma-separated list of origins such as https://learn.example.org, got "${origin}"`,
      );
    }
  }
  return origins;
}

function readTrustProxy(text = ''): ApiConfig['trustProxy'] {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const proxies = trimmed
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const proxy of proxies) {
    if (!/^[0-9a-f.:]+(\/\d{1,3})?$/.test(proxy) && !['loopback', 'linklocal', 'uniquelocal'].includes(proxy)) {
      throw new ConfigError(
        `TRUST_PROXY must be false, true, a hop count, or proxy addresses/CIDRs such as 10.0.0.0/8, got "${proxy}"`,
      );
    }
  }
  return proxies;
}

function readFrameAncestors(text = "'self'"): string[] {
  const sources = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s === 'self' || s === 'none' ? `'${s}'` : s));
  const valid = (s: string) =>
    s === "'self'" || s === "'none'" || /^(https?:\/\/)(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(s) || /^https?:$/.test(s);
  if (!sources.length || !sources.every(valid) || (sources.includes("'none'") && sources.length > 1)) {
    throw new ConfigError(
      `FRAME_ANCESTORS must be 'none', 'self' or origins such as https://learn.example.org (space-separated), got "${text}"`,
    );
  }
  return sources;
}
