import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, collectPageErrors, launchChromium } from '../test/browser.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

/** Records every Content-Security-Policy violation of the page (and its shadow roots) on `window.__csp`. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: { directive: string; blockedURI: string; sample: string }[] = [];
    (window as unknown as { __csp: typeof violations }).__csp = violations;
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        violations.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample }),
      true,
    );
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

describe('the pages under their Content-Security-Policy', () => {
  let api: RunningApi;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[]; csp: string }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await recordViolations(page);
    const response = await page.goto(`${api.base}${path}`);
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    return { page, errors, csp };
  }

  it('the standalone page: list, search, a story with its HTML body, the recap — zero violations', async () => {
    const { page, errors, csp } = await open('/');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const element = page.locator('devops-stories');
    expect((await cardTitles(element)).length).toBeGreaterThan(0);
    await element.getByLabel('Search stories').fill('rollback');
    await element.getByText(/results? for “rollback”/).waitFor();
    await element.getByLabel('Search stories').fill('');
    await element.locator('.card [data-open="amazon"]').click();
    await element
      .locator('#story-title')
      .filter({ hasText: /^Amazon/ })
      .waitFor();
    await element.locator('.body p').first().waitFor();
    await element.getByRole('button', { name: /Back/ }).click();
    await element.getByRole('button', { name: 'Recap' }).click();
    await element.locator('article[part="recap"]').waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the portal demo: two elements and the page's own inline script and styles — zero violations", async () => {
    const { page, errors, csp } = await open('/demo/portal');
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(await cardTitles(page.locator('#lesson-stories'))).toHaveLength(2);
    await page.locator('#sidebar-recap article[part="recap"]').waitFor();
    // The portal's inline module script records the element's events: it ran.
    await page.locator('#lesson-stories .card [data-open="amazon"]').click();
    await page.locator('#activity li').first().waitFor();
    // The portal's inline styles applied: its header has the colour they give it.
    const headerColour = await page.locator('.portal-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe('rgb(45, 30, 79)');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does block what the policy does not allow (the recorder works): an injected inline script', async () => {
    const { page } = await open('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: Violation[] }).__csp.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect((await violations(page))[0].directive).toMatch(/^script-src/);
    await page.close();
  });
});
