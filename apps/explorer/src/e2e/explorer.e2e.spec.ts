import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from '../examples/readme-examples.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const PRODUCTION = { NODE_ENV: 'production', CURSOR_SECRET: 'explorer-test-secret-of-at-least-32-bytes' };

/** Debian's Chromium (scripts/ensure-chromium.sh installs it), as the web client's browser tests launch it. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page that records CSP violations, page errors and every request outside `origin`. */
async function openPage(browser: Browser, origin: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations ??= [];
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
  return { page, problems, foreign, violations };
}

/** Runs the active tab and returns what the response pane shows (its visible lines, whitespace collapsed). */
/**
 * Runs the active tab and reads the response pane once it shows `expected` (by default any
 * answer; pass `/"data"/` where the pane may still show the refused schema fetch).
 */
async function runAndReadResponse(page: Page, expected = /"data"|"errors"/): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response .view-lines');
  const text = async () => (await response.innerText()).replace(/[\s\u00a0]+/g, ' ');
  await expect.poll(text, { timeout: 20_000 }).toMatch(expected);
  return text();
}

describe('the GraphiQL explorer in Chromium', () => {
  let browser: Browser;
  let api: LaunchedApi;
  beforeAll(async () => {
    expect(existsSync(`${DIST}index.html`), 'build the explorer: npx nx build @devops-stories/explorer').toBe(true);
    [api, browser] = await Promise.all([launchApi({ env: { LOG_LEVEL: 'warn' } }), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop()]);
  });

  it("opens at /graphql with the README's examples as tabs, runs the first and shows its result, with the docs, offline", async () => {
    const { page, problems, foreign, violations } = await openPage(browser, api.base);
    await page.goto(`${api.base}/graphql`);
    const examples = readmeExamples(README);
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 20_000 }).toBe(examples.length);

    const editor = page.locator('.graphiql-query-editor .view-lines');
    await expect.poll(async () => (await editor.innerText()).replace(/\u00a0/g, ' ')).toContain(examples[0].title);
    const shown = await runAndReadResponse(page);
    expect(shown).toContain('"totalCount": 6');
    expect(shown.match(/"slug": "[a-z-]+"/g)).toEqual(['"slug": "target"', '"slug": "netflix"', '"slug": "nasa-jpl"']);

    // The schema came by introspection: the documentation explorer lists the root fields.
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('stories');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}explorer.png` });
    expect(foreign).toEqual([]); // no CDN, no font service: everything from the API's origin
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('serves GraphQL clients as before: JSON for POST and for a GET without an HTML Accept', async () => {
    const get = await fetch(`${api.base}/graphql?query=${encodeURIComponent('{ days { number } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await get.json()) as any).data.days).toHaveLength(6);
    const page = await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="explorer">');
  });
});

describe('the explorer in production', () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it('is not served by default: a browser asking /graphql for HTML gets no explorer', async () => {
    const api = await launchApi({ env: { ...PRODUCTION, LOG_LEVEL: 'warn' } });
    try {
      const response = await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(response.headers.get('content-type')).not.toMatch(/html/);
      expect(await response.text()).not.toContain('<div id="explorer">');
      expect((await fetch(`${api.base}/explorer/assets/`)).status).toBe(404);
    } finally {
      await api.stop();
    }
  });

  it('with EXPLORER=on is served, runs queries, and explains that introspection is off', async () => {
    const api = await launchApi({ env: { ...PRODUCTION, EXPLORER: 'on', LOG_LEVEL: 'warn' } });
    try {
      browser = await launchChromium();
      const { page, problems, violations } = await openPage(browser, api.base);
      await page.goto(`${api.base}/graphql?query=${encodeURIComponent('{ recap(day: 6) { title } }')}`);
      await expect
        .poll(() => page.locator('.explorer-note').innerText(), { timeout: 20_000 })
        .toContain('does not answer introspection');
      const editor = page.locator('.graphiql-query-editor .view-lines');
      await expect
        .poll(async () => (await editor.innerText()).replace(/\u00a0/g, ' '), { timeout: 20_000 })
        .toContain('recap(day: 6)');
      expect(await runAndReadResponse(page, /"data"/)).toContain('"title": "Recap: what DevOps is, days 1-6"');
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});
