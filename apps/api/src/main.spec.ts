import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Starts the built server and resolves with its base URL once it says it is ready. */
function start(
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /devops-stories ready at (http:\/\/\S+)\/graphql/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, base: ready[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe('the built server as a child process', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'api-main-'));
  let server: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    expect(existsSync(MAIN), 'build the api first: npx nx build @devops-stories/api').toBe(true);
    server = await start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite:./data/stories.db' }, cwd);
  });
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
  });

  it('answers GraphQL over HTTP, writes its SQLite file, and stops cleanly on SIGTERM', async () => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ story(slug: "amazon") { metrics { value unit source { url } } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.data.story.metrics).toContainEqual(expect.objectContaining({ value: 11.6, unit: 'seconds' }));
    expect(existsSync(join(cwd, 'data', 'stories.db'))).toBe(true);

    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received/);
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    await expect(start({ PORT: 'eighty' }, cwd)).rejects.toThrow(/PORT must be a whole number/);
  });
});
