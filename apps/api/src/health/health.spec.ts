import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { createTestServer } from '../test/test-server.js';
import { notificationsCheck } from './database.check.js';
import { Readiness, ReadinessFailure } from './readiness.js';

describe('Readiness', () => {
  it('reports every check, names the failing ones, and says only what a ReadinessFailure says publicly', async () => {
    const changes: [string, unknown][] = [];
    const readiness = new Readiness(
      [
        { name: 'database', check: async () => undefined },
        { name: 'cache', check: async () => Promise.reject(new ReadinessFailure('the cache is full')) },
        { name: 'notifications', check: async () => Promise.reject(new Error('ECONNREFUSED 10.0.0.7:5432')) },
      ],
      { onChange: (name, error) => changes.push([name, error && String(error)]) },
    );
    const report = await readiness.report();
    expect(report.status).toBe('unavailable');
    expect(report.failing).toEqual(['cache', 'notifications']);
    expect(report.checks.database.status).toBe('ok');
    expect(report.checks.cache).toMatchObject({ status: 'fail', reason: 'the cache is full' });
    expect(report.checks.notifications).toMatchObject({ status: 'fail', reason: 'failed (see the server log)' });
    expect(JSON.stringify(report)).not.toContain('10.0.0.7');
    await readiness.report();
    // Told once per change, with the real error for the log, not at every probe.
    expect(changes).toEqual([
      ['cache', 'ReadinessFailure: the cache is full'],
      ['notifications', 'Error: ECONNREFUSED 10.0.0.7:5432'],
    ]);
  });

  it('fails a check that does not answer in time', async () => {
    const readiness = new Readiness([{ name: 'database', check: () => new Promise(() => undefined) }], {
      checkTimeoutMs: 50,
    });
    const report = await readiness.report();
    expect(report).toMatchObject({ status: 'unavailable', failing: ['database'] });
    expect(report.checks.database.reason).toBe('did not answer within 50 ms');
  });

  it('fails `notifications` while a shared store does not hear the other replicas, and passes once it does again', async () => {
    let hearing = true;
    const readiness = new Readiness([notificationsCheck({ hearsOthers: () => hearing })]);
    expect((await readiness.report()).status).toBe('ok');
    hearing = false;
    expect(await readiness.report()).toMatchObject({
      status: 'unavailable',
      failing: ['notifications'],
      checks: {
        notifications: {
          status: 'fail',
          reason: "not hearing the other replicas' changes; reconnecting to the database",
        },
      },
    });
    hearing = true;
    expect((await readiness.report()).status).toBe('ok');
  });

  it('reports draining once drain() is called, without running the checks', async () => {
    let runs = 0;
    const readiness = new Readiness([{ name: 'database', check: async () => void runs++ }]);
    await readiness.report();
    readiness.drain();
    expect(await readiness.report()).toEqual({ status: 'draining', failing: ['shutdown'], checks: {} });
    expect(runs).toBe(1);
  });

  it('refuses two checks of the same name', () => {
    const check = { name: 'database', check: async () => undefined };
    expect(() => new Readiness([check, check])).toThrow('two readiness checks are named "database"');
  });
});

describe('liveness and readiness over HTTP, on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'api-health-'));
  const file = join(dir, 'stories.db');
  let server: ApiServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer({ DATABASE_URL: `sqlite:${file}` });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  it('answers /livez without touching anything, and /readyz and /health with the database check', async () => {
    expect(await get('/livez')).toMatchObject({ status: 200, body: { status: 'ok' } });
    for (const path of ['/readyz', '/health']) {
      const ready = await get(path);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        failing: [],
        checks: { database: { status: 'ok' } },
        backend: 'sqlite',
      });
      expect(ready.headers.get('cache-control')).toBe('no-store');
      expect(ready.headers.get('retry-after')).toBeNull();
    }
  });

  it('turns 503 naming the database when its file is removed, stays live, and recovers when it is back', async () => {
    renameSync(file, `${file}.away`);
    try {
      for (const path of ['/readyz', '/health']) {
        const unready = await get(path);
        expect(unready.status).toBe(503);
        expect(unready.headers.get('retry-after')).toBe('5');
        expect(unready.body).toMatchObject({
          status: 'unavailable',
          failing: ['database'],
          checks: { database: { status: 'fail', reason: 'the database file is missing' } },
        });
        expect(JSON.stringify(unready.body)).not.toContain(dir);
      }
      expect((await get('/livez')).status).toBe(200);
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect((await get('/readyz')).status).toBe(200);
    // The same server, without a restart, still reads and answers.
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ days { number } }' }),
    });
    expect(((await response.json()) as any).data.days).toHaveLength(6);
  });

  it('stays 503 when another file is put in its place, which the open database does not read', async () => {
    copyFileSync(file, `${file}.copy`);
    renameSync(file, `${file}.original`);
    renameSync(`${file}.copy`, file);
    try {
      const unready = await get('/readyz');
      expect(unready.status).toBe(503);
      expect(unready.body.checks.database.reason).toBe(
        'the database file was replaced after the server opened it; restart to use it',
      );
    } finally {
      renameSync(`${file}.original`, file);
    }
    expect((await get('/readyz')).status).toBe(200);
  });

  it('answers draining (503) once shutdown begins, and closes each connection after its answer', async () => {
    server.readiness.drain();
    const draining = await get('/readyz');
    expect(draining.status).toBe(503);
    expect(draining.body).toEqual({ status: 'draining', failing: ['shutdown'], checks: {}, backend: 'sqlite' });
    expect(draining.headers.get('retry-after')).toBe('5');
    expect(draining.headers.get('connection')).toBe('close');
    expect((await get('/livez')).status).toBe(200);
  });
});
