import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import type { ApiServer } from '../server.js';
import { createTestServer } from '../test/test-server.js';

const STYLE = '\n      body { margin: 0; }\n    ';
const SCRIPT = "\n      document.body.dataset.ready = 'yes';\n    ";
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('page headers', () => {
  let webRoot: string;
  let server: ApiServer | undefined;
  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(webRoot, 'demo'));
    writeFileSync(join(webRoot, 'index.html'), `<!doctype html><style>${STYLE}</style><title>standalone</title>`);
    writeFileSync(join(webRoot, 'devops-stories.js'), 'export {};');
    writeFileSync(
      join(webRoot, 'demo', 'portal.html'),
      `<!doctype html><title>portal</title><script type="module" src="../devops-stories.js"></script><script type="module">${SCRIPT}</script>`,
    );
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (env: Record<string, string> = {}) => {
    server = await createTestServer({ WEB_ROOT: webRoot, ...env });
    return server.app.listen({ port: 0, host: '127.0.0.1' });
  };

  it('sends a CSP allowing only its own origin and its inline blocks by hash, framing by itself, no referrer', async () => {
    const base = await start();
    for (const path of ['/', '/demo/portal', '/devops-stories.js']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain(`script-src 'self' ${sha256(SCRIPT)}`);
      expect(csp).toContain(`style-src 'self' ${sha256(STYLE)}`);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
  });

  it('leaves /graphql and /health without page headers, and CORS for portals on other origins intact', async () => {
    const base = await start();
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://learn.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ days { number } }' }),
    });
    expect(graphql.status).toBe(200);
    expect(graphql.headers.get('access-control-allow-origin')).toBe('*');
    expect(graphql.headers.get('content-security-policy')).toBeNull();
    expect(graphql.headers.get('cross-origin-resource-policy')).toBeNull();
    expect((await fetch(`${base}/health`)).headers.get('content-security-policy')).toBeNull();
    const module = await fetch(`${base}/devops-stories.js`, { headers: { origin: 'https://learn.example.org' } });
    expect(module.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lets portals frame the pages when FRAME_ANCESTORS lists them, without the legacy header', async () => {
    const base = await start({ FRAME_ANCESTORS: "'self' https://learn.example.org https://*.academy.example" });
    const response = await fetch(`${base}/demo/portal`);
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://learn.example.org https://*.academy.example",
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('accepts FRAME_ANCESTORS=none (DENY) and refuses a malformed value', async () => {
    expect(readConfig({ FRAME_ANCESTORS: 'none' }).frameAncestors).toEqual(["'none'"]);
    const base = await start({ FRAME_ANCESTORS: 'none' });
    expect((await fetch(`${base}/`)).headers.get('x-frame-options')).toBe('DENY');
    expect(() => readConfig({ FRAME_ANCESTORS: 'learn.example.org' })).toThrow(ConfigError);
    expect(() => readConfig({ FRAME_ANCESTORS: "'none' https://a.example" })).toThrow(/FRAME_ANCESTORS must be/);
  });
});
