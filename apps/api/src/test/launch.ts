import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built server's entry; the api's `test` target builds it first. */
export const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** A built API server running as a child process. */
export interface LaunchedApi {
  /** e.g. `http://127.0.0.1:41234` */
  base: string;
  child: ChildProcess;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends `signal` (SIGKILL by default) and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts `node apps/api/dist/main.js` on a free loopback port with an in-memory database and
 * `env` on top, and resolves once `/health` answers 200. Rejects with the output if the process
 * exits first or is not healthy within `timeoutMs`.
 */
export async function launchApi(
  env: NodeJS.ProcessEnv = {},
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<LaunchedApi> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npx nx build @devops-stories/api`);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: 'sqlite::memory:',
      WEB_ROOT: '/nonexistent',
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let base: string | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the api exited with ${await exited} before it was ready:\n${output}`);
    }
    base ??= /devops-stories ready at (http:\/\/\S+)\/graphql/.exec(output)?.[1];
    if (base) {
      const healthy = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return { base, child, output: () => output, exited, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`the api was not healthy within ${options.timeoutMs ?? 30_000} ms:\n${output}`);
}
