import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchApi } from '@devops-stories/api-launcher';

/** The built web client, whose `/devops-stories.js` the api serves to the portal's pages. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
/** The built portal's entry. */
export const PORTAL_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** A server child process on loopback. */
export interface RunningProcess {
  /** e.g. `http://127.0.0.1:41234` */
  base: string;
  port: number;
  /** Kills the process and resolves once it has exited. */
  stop(): Promise<void>;
}

function start(main: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<RunningProcess> {
  if (!existsSync(main))
    throw new Error(`${main} is missing: build it first (npx nx test @devops-stories/portal does)`);
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${main} did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (!found) return;
      clearTimeout(timer);
      const base = found[1];
      resolve({ base, port: Number(new URL(base).port), stop: () => stopChild(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${main} exited with ${code} before it was ready:\n${output}`));
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

/** Starts the built api with in-memory SQLite on a free port, or on `port` to bring it back, once it is ready. */
export async function startApi(port?: number): Promise<RunningProcess> {
  if (!existsSync(`${WEB_DIST}devops-stories.js`))
    throw new Error(`${WEB_DIST}devops-stories.js is missing: run npx nx build @devops-stories/web`);
  const api = await launchApi({ port: port || undefined, env: { WEB_ROOT: WEB_DIST } });
  return {
    base: api.base,
    port: api.port,
    stop: async () => {
      await api.stop();
    },
  };
}

/** Starts the built portal on a random port, reading the api at `apiBase`. */
export function startPortal(apiBase: string): Promise<RunningProcess> {
  return start(
    PORTAL_MAIN,
    { PORTAL_PORT: '0', PORTAL_HOST: '127.0.0.1', API_URL: `${apiBase}/graphql` },
    /portal ready at (http:\/\/[^/\s]+)\//,
  );
}

/** POSTs a query to a running api and returns its `data`, for tests that compare pages with the API. */
export async function queryApi<T>(api: RunningProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(`the api answered ${JSON.stringify(body.errors)}`);
  return body.data;
}
