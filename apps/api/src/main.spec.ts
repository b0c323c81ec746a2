import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

  it('answers GraphQL over HTTP, writes its SQLite file, logs where it listens, and stops cleanly on SIGTERM', async () => {
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

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received/);
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
});
