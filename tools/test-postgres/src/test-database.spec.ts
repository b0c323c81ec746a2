import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from './create-database.js';
import { testDatabase } from './test-database.js';

describe('testDatabase', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([testDatabase('spec a'), testDatabase('spec a')]);
  });
  afterAll(async () => {
    await a.drop();
    await b.drop();
  });

  async function query(url: string, text: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  }

  it('gives each caller an empty database of its own on the run server', async () => {
    expect(a.url).not.toBe(b.url);
    await query(a.url, 'CREATE TABLE only_in_a (id int)');
    expect(await query(b.url, `SELECT to_regclass('only_in_a') AS t`)).toEqual([{ t: null }]);
    expect(await query(a.url, `SELECT to_regclass('only_in_a')::text AS t`)).toEqual([{ t: 'only_in_a' }]);
    const [{ server_version: version }] = await query(a.url, 'SHOW server_version');
    expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(14);
  });

  it('drops a database even while a connection to it is open', async () => {
    const c = await testDatabase('spec c');
    const client = new pg.Client({ connectionString: c.url });
    await client.connect();
    client.on('error', () => undefined);
    await c.drop();
    const server = c.url.replace(/\/[^/]+$/, '/postgres');
    const name = new URL(c.url).pathname.slice(1);
    expect(await query(server, `SELECT datname FROM pg_database WHERE datname = '${name}'`)).toEqual([]);
    await client.end().catch(() => undefined);
  });
});
