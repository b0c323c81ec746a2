import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built api server's entry in this workspace (`npx nx build @devops-stories/api` writes it). */
export const API_MAIN = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));

/** Options of {@link launchApi}. */
export interface LaunchOptions {
  /** Environment on top of the launcher's (`NODE_ENV=test`, an in-memory database) and the parent's. */
  env?: NodeJS.ProcessEnv;
  /** The server's entry; default {@link API_MAIN}. A copy of the workspace passes its own. */
  main?: string;
  /** Working directory of the server (a relative `DATABASE_URL` file is relative to it). */
  cwd?: string;
  /** Port to listen on; default a free one. Pass a stopped server's port to bring it back at the same address. */
  port?: number;
  /** Longest wait for `/readyz` to answer 200; default 30 s. */
  timeoutMs?: number;
  /**
   * `capture` (default) keeps what the server writes for {@link LaunchedApi.output}; `ignore` sends
   * it to /dev/null, for benchmarks whose log lines would otherwise pile up in memory.
   */
  output?: 'capture' | 'ignore';
}

/** A built api server running as a child process on loopback. */
export interface LaunchedApi {
  /** e.g. `http://127.0.0.1:41234` */
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends `signal` (SIGKILL by default) unless the process has exited, and resolves once it has. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Thrown when the server exits, or is not ready in time, before `/readyz` answers 200; the message holds its output. */
export class LaunchError extends Error {
  override name = 'LaunchError';
  constructor(
    message: string,
    /** What the server printed. */
    readonly output: string,
    /** Its exit code or signal, if it exited. */
    readonly exitCode?: number | string,
  ) {
    super(`${message}:\n${output}`);
  }
}

const PORT_IN_USE = /EADDRINUSE/;

/**
 * Starts the built api (`node apps/api/dist/main.js`) on `127.0.0.1` and a free port, with
 * `NODE_ENV=test`, an in-memory SQLite database and `options.env` on top, and resolves once
 * `GET /readyz` answers 200: the server has migrated, imported the content and is listening.
 * If the free port is taken between the check and the server's listen, it retries on another.
 *
 * @throws {LaunchError} if the process exits before it is ready (e.g. `Configuration error: …`),
 * or is not ready within `timeoutMs` (then it is killed).
 */
export async function launchApi(options: LaunchOptions = {}): Promise<LaunchedApi> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(options, options.port ?? (await freePort()));
    } catch (error) {
      const retry = options.port === undefined && attempt < 3;
      if (!(retry && error instanceof LaunchError && PORT_IN_USE.test(error.output))) throw error;
    }
  }
}

async function launchOnce(options: LaunchOptions, port: number): Promise<LaunchedApi> {
  const main = options.main ?? API_MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: run npx nx build @devops-stories/api`);
  const child = spawn(process.execPath, [main], {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: 'sqlite::memory:',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: options.output === 'ignore' ? 'ignore' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const code = await exited;
      throw new LaunchError(`the api exited with ${code} before it was ready`, output, code);
    }
    const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { base, port, child, output: () => output, exited, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new LaunchError(`the api was not ready within ${timeoutMs} ms`, output);
}

/** A port no one listens on right now (the OS's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
