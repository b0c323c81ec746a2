import { launchApi } from '@devops-stories/api-launcher';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_HTTP_LIMITS, DEFAULT_QUERY_LIMITS, DEFAULT_READ_PATH, readConfig } from './config.js';

const SECRET_32 = 'x'.repeat(32);

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = readConfig({});
    expect(config.queryLimits).toEqual({
      maxCost: 1000,
      maxDepth: 10,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 2000,
    });
    expect(config.queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(config.http).toEqual(DEFAULT_HTTP_LIMITS);
    expect(config.http.bodyLimitBytes).toBe(64 * 1024);
    expect(config.rateLimitPoints).toBe(10_000);
    expect(config.rateLimitLeasePoints).toBe(100);
    expect(config.trustProxy).toBe(false);
    expect(config.frameAncestors).toEqual(["'self'"]);
    expect(config.logLevel).toBe('info');
    expect(config.metrics).toEqual({ enabled: true, port: undefined });
    expect(config.explorer).toBe(true);
    expect(config.drainDelayMs).toBe(0);
    expect(config.readPath).toEqual({
      trustedDocuments: 'allow',
      trustedDocumentsDir: null,
      responseCacheBytes: 64 * 1024 * 1024,
      cacheMaxAge: 60,
      cacheStaleWhileRevalidate: 300,
    });
    expect(config.readPath).toEqual(DEFAULT_READ_PATH);
  });

  it('reads the operations settings: log level, metrics, their port, the explorer, the drain delay', () => {
    const config = readConfig({
      LOG_LEVEL: 'Debug',
      METRICS: 'off',
      METRICS_PORT: '9464',
      EXPLORER: 'OFF',
      DRAIN_DELAY_MS: '5000',
    });
    expect(config).toMatchObject({
      logLevel: 'debug',
      metrics: { enabled: false, port: 9464 },
      explorer: false,
      drainDelayMs: 5000,
    });
    // The explorer is off in production unless asked for.
    expect(readConfig({ NODE_ENV: 'production', CURSOR_SECRET: SECRET_32 }).explorer).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', CURSOR_SECRET: SECRET_32, EXPLORER: 'on' }).explorer).toBe(true);
  });

  it('reads the read path settings', () => {
    const config = readConfig({
      TRUSTED_DOCUMENTS: 'require',
      TRUSTED_DOCUMENTS_DIR: '/etc/devops-stories/documents',
      RESPONSE_CACHE_MB: '0.5',
      CACHE_MAX_AGE: '0',
      CACHE_STALE_WHILE_REVALIDATE: '86400',
      LOG_LEVEL: 'warn',
    });
    expect(config.readPath).toEqual({
      trustedDocuments: 'require',
      trustedDocumentsDir: '/etc/devops-stories/documents',
      responseCacheBytes: 512 * 1024,
      cacheMaxAge: 0,
      cacheStaleWhileRevalidate: 86_400,
    });
    expect(config.logLevel).toBe('warn');
    expect(readConfig({ RESPONSE_CACHE_MB: '0' }).readPath.responseCacheBytes).toBe(0);
  });

  it.each([
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
    ],
    [{ METRICS: 'yes' }, 'METRICS must be on or off, got "yes"'],
    [{ EXPLORER: '1' }, 'EXPLORER must be on or off, got "1"'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ PORT: '4000', METRICS_PORT: '4000' }, 'METRICS_PORT must differ from PORT (4000)'],
    [{ DRAIN_DELAY_MS: '90000' }, 'DRAIN_DELAY_MS must be a whole number from 0 to 60000, got "90000"'],
    [
      { RATE_LIMIT_POINTS: '2000', RATE_LIMIT_LEASE_POINTS: '1001' },
      'RATE_LIMIT_LEASE_POINTS must be a whole number from 0 to 1000, got "1001"',
    ],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it.each([
    ['MAX_QUERY_COST', '0'],
    ['MAX_QUERY_DEPTH', 'ten'],
    ['BODY_LIMIT_KB', '-1'],
    ['REQUEST_TIMEOUT_MS', '10'],
    ['MAX_CONNECTIONS', '1.5'],
    ['TRUST_PROXY', 'the load balancer'],
    ['TRUSTED_DOCUMENTS', 'sometimes'],
    ['RESPONSE_CACHE_MB', '-1'],
    ['RESPONSE_CACHE_MB', '64MB'],
    ['CACHE_MAX_AGE', '-5'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });

  it('reads TRUST_PROXY as off, on, a hop count or proxy addresses', () => {
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('in production, requires a CURSOR_SECRET of at least 32 bytes', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(
      /CURSOR_SECRET must be set to at least 32 bytes in production/,
    );
    expect(() => readConfig({ NODE_ENV: 'production', CURSOR_SECRET: 'x'.repeat(31) })).toThrow(/got 31 bytes/);
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(readConfig({ NODE_ENV: 'production', CURSOR_SECRET: 'é'.repeat(16) }).cursorSecret).toBe('é'.repeat(16));
    expect(readConfig({ NODE_ENV: 'production', CURSOR_SECRET: SECRET_32 }).cursorSecret).toBe(SECRET_32);
    expect(readConfig({}).cursorSecret.length).toBeGreaterThan(0);
  });

  it('the built server refuses to start in production without the secret, with a one-line error', async () => {
    const failure = await launchApi({ env: { NODE_ENV: 'production', CURSOR_SECRET: 'short' } }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    const lines = failure.split('\n').filter(Boolean);
    expect(lines.at(-1)).toMatch(/^Configuration error: CURSOR_SECRET must be set to at least 32 bytes in production/);
    // launchApi's line ("the api exited with 1 …"), then everything the server printed: one line.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/exited with 1/);
    const api = await launchApi({ env: { NODE_ENV: 'production', CURSOR_SECRET: SECRET_32 } });
    expect((await fetch(`${api.base}/health`)).status).toBe(200);
    await api.stop();
  });
});

describe('DATABASE_URL of a PostgreSQL server that cannot be reached', () => {
  it('stops the built server with one line naming the server, never its password', async () => {
    const failure = await launchApi({
      env: { DATABASE_URL: 'postgres://stories:s3cret@127.0.0.1:1/stories' },
    }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    const lines = failure.split('\n').filter(Boolean);
    expect(lines.at(-1)).toMatch(
      /^Configuration error: DATABASE_URL: cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/stories: .*ECONNREFUSED/,
    );
    expect(lines).toHaveLength(2);
    expect(failure).not.toContain('s3cret');
  });
});

describe('readConfig: DATABASE_URL', () => {
  it('accepts the SQLite URLs the store opens', () => {
    expect(readConfig({}).databaseUrl).toBe('sqlite:./data/stories.db');
    expect(readConfig({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe('sqlite::memory:');
    expect(readConfig({ DATABASE_URL: 'sqlite:///var/lib/stories.db' }).databaseUrl).toBe(
      'sqlite:///var/lib/stories.db',
    );
  });

  it('accepts PostgreSQL URLs, with a pool of DATABASE_POOL_SIZE connections (5 by default)', () => {
    const url = 'postgres://stories:pw@db:5432/stories';
    expect(readConfig({ DATABASE_URL: url })).toMatchObject({ databaseUrl: url, databasePoolSize: 5 });
    expect(readConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    expect(() => readConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(
      'DATABASE_POOL_SIZE must be a whole number from 1 to 100, got "0"',
    );
  });

  it.each([
    ['mysql://localhost/stories', /^DATABASE_URL must be sqlite:<path>, .* got "mysql:\/\/localhost\/stories"$/],
    ['postgres://localhost', /^DATABASE_URL "postgres:\/\/localhost" must name a host and a database/],
    ['sqlite:', /^DATABASE_URL "sqlite:" names no file: use sqlite:\.\/data\/stories\.db or sqlite::memory:$/],
  ])('refuses DATABASE_URL=%s with the store parser’s message, as a configuration error', (url, message) => {
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(message);
  });
});
