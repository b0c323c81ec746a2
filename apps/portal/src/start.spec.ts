import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `npm start -- --no-build` (the api and the portal, as built by this project's test target) in a process
 * group of its own, as a terminal or a supervisor would, and resolves with its output once both servers listen.
 */
function npmStart(databaseFile: string) {
  const child = spawn('npm', ['start', '--', '--no-build'], {
    cwd: WORKSPACE,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PORTAL_PORT: '0',
      PORTAL_HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      WEB_ROOT: join(WORKSPACE, 'apps/web/dist'),
    },
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal!)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not start both servers within 45 s:\n${output}`)),
      45_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/devops-stories listening/.test(output) && /portal ready at/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm start ended before both servers were ready:\n${output}`));
    });
  });
  return { child, ready, exited, output: () => output };
}

describe('npm start', () => {
  it.each([
    { signal: 'SIGTERM' as const, to: 'npm alone (a supervisor stopping it)', group: false },
    { signal: 'SIGINT' as const, to: 'the whole process group (Ctrl-C in a terminal)', group: true },
  ])(
    'on $signal sent to $to: both servers shut down once, the database is closed, npm exits 0',
    async ({ signal, group }) => {
      const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
      const started = npmStart(join(dir, 'stories.db'));
      try {
        await started.ready;
        if (group) process.kill(-started.child.pid!, signal);
        else started.child.kill(signal);
        expect(await started.exited).toBe(0);
        const output = started.output();
        expect(output.match(/shutting down/g)).toEqual(['shutting down', 'shutting down']);
        expect(output).toMatch(new RegExp(`"msg":"${signal} received, shutting down: draining in-flight requests"`));
        expect(output).toMatch(new RegExp(`^${signal} received, shutting down$`, 'm'));
        expect(output).not.toMatch(/npm start:/);
        // Closing the last connection checkpoints the WAL into the file and removes it.
        expect(readdirSync(dir)).toEqual(['stories.db']);
      } finally {
        // Whatever is left of the group (nothing, when the test passes) must not outlive it.
        try {
          process.kill(-started.child.pid!, 'SIGKILL');
        } catch {
          // ESRCH: the group is gone.
        }
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it('when a server dies on its own: says which, stops the other, and exits with its status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    const started = npmStart(join(dir, 'stories.db'));
    try {
      await started.ready;
      const apiPid = Number(/"pid":(\d+)/.exec(started.output())![1]);
      process.kill(apiPid, 'SIGKILL');
      expect(await started.exited).toBe(128 + 9);
      expect(started.output()).toContain('npm start: the api was killed by SIGKILL on its own; stopping the others');
      expect(started.output()).toMatch(/^SIGTERM received, shutting down$/m);
    } finally {
      try {
        process.kill(-started.child.pid!, 'SIGKILL');
      } catch {
        // ESRCH: the group is gone.
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
