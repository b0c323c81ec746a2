import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, collectPageErrors, launchChromium } from '../test/browser.js';

/** Computed styles that a host page's CSS would change if it leaked into the shadow tree. */
const PROBED = [
  'font-family',
  'font-size',
  'line-height',
  'letter-spacing',
  'text-transform',
  'color',
  'background-color',
  'border-top-style',
  'border-top-left-radius',
  'padding-top',
];

function probe(element: Locator, selector: string): Promise<Record<string, string>> {
  return element.evaluate(
    (host, [selector, properties]) => {
      const target = host.shadowRoot!.querySelector(selector as string);
      if (!target) throw new Error(`no ${selector as string} in the shadow root`);
      const style = getComputedStyle(target);
      return Object.fromEntries(
        (properties as string[]).map((property) => [property, style.getPropertyValue(property)]),
      );
    },
    [selector, PROBED] as const,
  );
}

describe('the learning-portal demo at /demo/portal', () => {
  let api: RunningApi;
  let browser: Browser;
  let portal: Page;
  let standalone: Page;
  let errors: string[];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    portal = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(portal);
    standalone = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await standalone.goto(`${api.base}/`);
  });
  beforeEach(async () => {
    await portal.goto(`${api.base}/demo/portal`);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('embeds the element twice with different attributes, each showing its own view', async () => {
    const lesson = portal.locator('#lesson-stories');
    const sidebar = portal.locator('#sidebar-recap');
    expect(await cardTitles(lesson)).toEqual([expect.stringMatching(/^Etsy/), expect.stringMatching(/^Amazon/)]);
    await expect(
      lesson.getByRole('button', { name: 'Continuous deployment' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await sidebar.locator('article[part="recap"]').waitFor();
    expect(await sidebar.locator('.points li').count()).toBe(3);
  });

  it('works independently: opening a story in one leaves the other as it was', async () => {
    const lesson = portal.locator('#lesson-stories');
    const sidebar = portal.locator('#sidebar-recap');
    await lesson.locator('.card [data-open="amazon"]').click();
    await lesson
      .locator('#story-title')
      .filter({ hasText: /^Amazon/ })
      .waitFor();
    expect(await sidebar.locator('article[part="recap"]').count()).toBe(1);
    expect(await sidebar.locator('article[part="story"]').count()).toBe(0);

    await sidebar.locator('[data-open="netflix"]').click();
    await sidebar
      .locator('#story-title')
      .filter({ hasText: /^Netflix/ })
      .waitFor();
    await expect(lesson.locator('#story-title').textContent()).resolves.toMatch(/^Amazon/);

    await lesson.getByRole('button', { name: /Back to stories/ }).click();
    expect(await cardTitles(lesson)).toHaveLength(2);
    expect(await sidebar.locator('#story-title').textContent()).toMatch(/^Netflix/);
    const activity = await portal.locator('#activity li').allTextContents();
    expect(activity).toEqual([
      'lesson-stories: story-select {"slug":"amazon"}',
      'sidebar-recap: story-select {"slug":"netflix"}',
    ]);
    await sidebar.getByRole('button', { name: /Back to the recap/ }).click();
    await sidebar.locator('article[part="recap"]').waitFor();
  });

  it("is not changed by the portal's aggressive CSS: same computed styles as on the standalone page", async () => {
    const lesson = portal.locator('#lesson-stories');
    const alone = standalone.locator('devops-stories');
    await cardTitles(lesson);
    await cardTitles(alone);
    for (const selector of [
      '.root',
      'nav button',
      'nav button[aria-current="page"]',
      'input[type="search"]',
      '.chip',
      '.card',
      '.card .open',
      '.card .eyebrow',
      '.status',
    ]) {
      const inPortal = await probe(lesson, selector);
      expect(inPortal, selector).toEqual(await probe(alone, selector));
      expect(inPortal['font-family'], selector).not.toMatch(/Georgia|Times/);
    }
    const hostStyle = await portal.evaluate(
      () => getComputedStyle(document.querySelector('#lesson-stories')!).fontFamily,
    );
    expect(hostStyle, 'the portal CSS does apply to the host itself').toMatch(/Georgia/);
  });

  it('takes the theme the portal sets through --ds-* custom properties', async () => {
    const sidebar = portal.locator('#sidebar-recap');
    await sidebar.locator('article[part="recap"]').waitFor();
    const tab = await probe(sidebar, 'nav button[aria-current="page"]');
    expect(tab['background-color']).toBe('rgb(109, 40, 217)');
    expect(tab['font-family']).not.toMatch(/Georgia/);
    expect(errors).toEqual([]);
  });
});
