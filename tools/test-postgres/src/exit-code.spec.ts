import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = JSON.stringify(fileURLToPath(new URL('./test-postgres.ts', import.meta.url)));

/** Runs `script` (an ES module body, with `startTestPostgres` imported) in a node process of its own. */
function run(script: string) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { startTestPostgres } = await import(${MODULE});\n${script}`,
    ],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TEST_POSTGRES_URL: '' } },
  );
}

describe('the test server in a process that ends', () => {
  it('keeps the exit code a test runner sets: a failed run must not exit 0', () => {
    const child = run('process.exitCode = 3;');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });

  it('is stopped when its process exits without stopping it', async () => {
    const child = run(`const server = await startTestPostgres();
      console.log(new URL(server.url).port);
      process.exit(4);`);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(4);
    const port = Number(child.stdout.trim());
    expect(port).toBeGreaterThan(0);
    const { createConnection } = await import('node:net');
    const refused = await new Promise<boolean>((resolve) => {
      const probe = createConnection({ port, host: '127.0.0.1' });
      probe.once('connect', () => (probe.destroy(), resolve(false)));
      probe.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
