import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
});
