import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built api server's entry; the web project's `test` target builds it first. */
export const API_MAIN = fileURLToPath(new URL('../../../api/dist/main.js', import.meta.url));
/** The built web client; the api serves it at `/` and the portal demo at `/demo/portal`. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A running api server child process on loopback, with an in-memory SQLite store. */
export interface RunningApi {
  /** e.g. `http://127.0.0.1:41234` */
  base: string;
  port: number;
  /** Kills the process and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node apps/api/dist/main.js` serving `WEB_DIST`, on a random port or on `port`
 * (to bring a stopped server back at the same address), with `env` on top (a file
 * `DATABASE_URL`, say), and resolves once it prints that it is ready.
 */
export async function startApi(port = 0, env: NodeJS.ProcessEnv = {}): Promise<RunningApi> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npx nx build @devops-stories/api`);
  if (!existsSync(`${WEB_DIST}index.html`))
    throw new Error(`${WEB_DIST}index.html is missing: run npx nx build @devops-stories/web`);
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite::memory:',
      WEB_ROOT: WEB_DIST,
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await waitForReady(child);
  return {
    base,
    port: Number(new URL(base).port),
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the api did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /devops-stories ready at (http:\/\/\S+)\/graphql/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the api exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** POSTs a query to a running api and returns its JSON answer, for tests that compare the page with the API. */
export async function queryApi<T>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}
