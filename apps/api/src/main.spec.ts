import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, type LaunchedApi, launchApi } from '@devops-stories/api-launcher';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

describe('the built server as a child process', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'api-main-'));
  let server: LaunchedApi;

  beforeAll(async () => {
    server = await launchApi({ cwd, env: { DATABASE_URL: 'sqlite:./data/stories.db' } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('answers GraphQL over HTTP, writes its SQLite file and logs where it listens', async () => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ story(slug: "amazon") { metrics { value unit source { url } } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.data.story.metrics).toContainEqual(expect.objectContaining({ value: 11.6, unit: 'seconds' }));
    expect(existsSync(join(cwd, 'data', 'stories.db'))).toBe(true);
    // Every line is JSON from the logger (no console output); one says, for people, where to go.
    const lines = server.output().split('\n').filter(Boolean);
    expect(lines.every((line) => line.startsWith('{"level":'))).toBe(true);
    expect(lines.map((line) => JSON.parse(line).msg)).toContain(
      `devops-stories listening: GraphQL at ${server.base}/graphql (the explorer in a browser), web client at ${server.base}/, ` +
        `readiness at ${server.base}/readyz, metrics at ${server.base}/metrics`,
    );
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s (sent twice, as a terminal and `npm start` both pass it on): logs "shutting down" once, closes the database, exits 0',
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), 'api-signal-'));
      let api: LaunchedApi | undefined;
      try {
        // Twice on the same file: what one run leaves behind, the next must not find.
        for (let run = 0; run < 2; run++) {
          api = await launchApi({ cwd: dir, env: { DATABASE_URL: 'sqlite:./data/stories.db' } });
          const answer = await fetch(`${api.base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ stories { totalCount } }' }),
          });
          expect(await answer.json()).toMatchObject({ data: { stories: { totalCount: 6 } } });
          api.child.kill(signal);
          api.child.kill(signal);
          expect(await api.exited).toBe(0);
          expect(api.output().match(/shutting down/g)).toEqual(['shutting down']);
          expect(api.output()).toMatch(new RegExp(`${signal} received`));
          // The first run creates ./data, and says so; the second finds it.
          expect(api.output().includes(`created the folder ${join(dir, 'data')} for the database (DATABASE_URL)`)).toBe(
            run === 0,
          );
          // Closing the last connection checkpoints the WAL into the file and removes it.
          expect(readdirSync(join(dir, 'data')).sort()).toEqual(['stories.db']);
        }
      } finally {
        await api?.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('says there is no web client when WEB_ROOT holds no build, rather than pointing at one', async () => {
    const api = await launchApi({ cwd, env: { WEB_ROOT: cwd } });
    try {
      expect(api.output()).toContain(
        `devops-stories listening: GraphQL at ${api.base}/graphql (the explorer in a browser), ` +
          `no web client (WEB_ROOT ${cwd} has no build: npx nx build @devops-stories/web), readiness at ${api.base}/readyz`,
      );
      expect(api.output()).not.toContain('web client at');
      expect(await (await fetch(`${api.base}/`)).text()).toBe(
        'devops-stories API: POST GraphQL queries to /graphql. The web client is not built.',
      );
    } finally {
      await api.stop();
    }
  });

  it('refuses a bad configuration with one line naming the variable, and exits 1', async () => {
    const failure = await launchApi({ cwd, env: { LOG_LEVEL: 'loud' } }).then(
      () => undefined,
      (error: { output: string; exitCode: number }) => error,
    );
    expect(failure?.exitCode).toBe(1);
    expect(failure?.output).toBe(
      'Configuration error: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "loud"\n',
    );
  });

  describe('refuses a DATABASE_URL it cannot use with one Configuration error line, no stack, exit 1', () => {
    // As root every file is writable, so the permission case runs the server as `nobody`.
    const asRoot = process.getuid?.() === 0;
    const run = (url: string) => {
      const result = spawnSync(process.execPath, [API_MAIN], {
        cwd: dir,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url },
        encoding: 'utf8',
        timeout: 30_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      return { status: result.status, output: result.stdout + result.stderr };
    };
    let dir: string;
    /** Creates a folder (or, with `text`, a file) with exactly `mode`, whatever the umask. */
    const make = (path: string, mode: number, text?: string) => {
      if (text === undefined) mkdirSync(path);
      else writeFileSync(path, text);
      chmodSync(path, mode);
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'api-database-url-'));
      // `nobody` must reach what the test prepares (mkdtemp makes it 0700).
      chmodSync(dir, 0o755);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a folder', () => {
      make(join(dir, 'data'), 0o777);
      expect(run(`sqlite:${dir}/data`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/data" names the folder ${dir}/data, not a file: name a file in it, e.g. sqlite:${dir}/data/stories.db\n`,
      });
    });

    it('a file that is not a SQLite database', () => {
      make(join(dir, 'data'), 0o777);
      make(join(dir, 'data', 'notes.txt'), 0o666, 'not a database, just notes\n'.repeat(200));
      expect(run(`sqlite:${dir}/data/notes.txt`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/data/notes.txt" names ${dir}/data/notes.txt, which is not a SQLite database: point it at a new path or a database file\n`,
      });
    });

    it('a folder on the way that is a file', () => {
      make(join(dir, 'data'), 0o666, 'a file where a folder should be\n');
      expect(run(`sqlite:${dir}/data/stories.db`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/data/stories.db": ${dir}/data is a file, not a folder\n`,
      });
    });

    it('a folder it may not write in', () => {
      make(join(dir, 'locked'), 0o555);
      expect(run(`sqlite:${dir}/locked/stories.db`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/locked/stories.db": no permission to create files in ${dir}/locked, where the database and its -wal file go (EACCES)\n`,
      });
    });

    it('a database file it may not write', () => {
      make(join(dir, 'data'), 0o777);
      make(join(dir, 'data', 'stories.db'), 0o444, '');
      expect(run(`sqlite:${dir}/data/stories.db`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/data/stories.db": no permission to read and write ${dir}/data/stories.db (EACCES)\n`,
      });
    });

    it('a folder it cannot create', () => {
      make(join(dir, 'locked'), 0o555);
      expect(run(`sqlite:${dir}/locked/more/stories.db`)).toEqual({
        status: 1,
        output: `Configuration error: DATABASE_URL "sqlite:${dir}/locked/more/stories.db": cannot create the folder ${dir}/locked/more (EACCES)\n`,
      });
    });
  });
});
