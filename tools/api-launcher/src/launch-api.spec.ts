import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LaunchError, launchApi } from './launch-api.js';

const dir = mkdtempSync(join(tmpdir(), 'api-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a stand-in server script and returns its path. */
function script(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

describe('launchApi', () => {
  it('waits until /readyz answers 200, polling through 503s, and stops the process', async () => {
    // Listens late, then is not ready for its first three probes: the launcher must not return before.
    const main = script(
      'slow.mjs',
      `import { createServer } from 'node:http';
      let probes = 0;
      setTimeout(() => createServer((req, res) => {
        if (req.url !== '/readyz') return res.writeHead(404).end();
        probes += 1;
        res.writeHead(probes > 3 ? 200 : 503).end(JSON.stringify({ probes, env: process.env.EXTRA, db: process.env.DATABASE_URL }));
      }).listen(Number(process.env.PORT), process.env.HOST), 300);`,
    );
    const api = await launchApi({ main, env: { EXTRA: 'passed' } });
    try {
      expect(api.base).toBe(`http://127.0.0.1:${api.port}`);
      const body = await (await fetch(`${api.base}/readyz`)).json();
      expect(body).toEqual({ probes: 5, env: 'passed', db: 'sqlite::memory:' });
    } finally {
      expect(await api.stop()).toBe('SIGKILL');
    }
  });

  it('rejects with the output and exit code when the server exits before it is ready', async () => {
    const main = script('fails.mjs', `process.stderr.write('Configuration error: PORT is odd\\n'); process.exit(1);`);
    const error = await launchApi({ main }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).exitCode).toBe(1);
    expect((error as LaunchError).output).toBe('Configuration error: PORT is odd\n');
  });

  it('gives up after timeoutMs and kills a server that never becomes ready', async () => {
    const main = script('never.mjs', `setInterval(() => undefined, 1000);`);
    const started = Date.now();
    await expect(launchApi({ main, timeoutMs: 500 })).rejects.toThrow(/not ready within 500 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
