import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one test file (or one benchmark). */
export interface TestDatabase {
  /** Its URL, as `DATABASE_URL` takes it. */
  url: string;
  /** Drops it, closing any connection left to it. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database named after `label` and a random suffix on the server of
 * `serverUrl` (a superuser URL): what `testDatabase()` does inside vitest, for benchmarks.
 */
export async function createDatabase(serverUrl: string, label = 'test'): Promise<TestDatabase> {
  const server = new URL(serverUrl);
  const name = `${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await admin(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function admin(server: URL, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
