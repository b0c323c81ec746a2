import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, launchChromium, SCREENSHOTS, screenshotPath } from '../test/browser.js';

const VIEWPORTS = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
];

interface Control {
  label: string;
  width: number;
  height: number;
}

/**
 * Every interactive control on the page, in the light DOM and in each element's shadow
 * root, with its size. Links inside the story's prose are left out: WCAG 2.5.8 exempts
 * inline links in a sentence from the target size.
 */
function controls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const roots: ParentNode[] = [document];
    for (const host of document.querySelectorAll('devops-stories')) if (host.shadowRoot) roots.push(host.shadowRoot);
    return roots.flatMap((root) =>
      [...root.querySelectorAll<HTMLElement>(selector)]
        .filter((control) => !control.closest('.body') && control.getClientRects().length > 0)
        .map((control) => {
          const box = control.getBoundingClientRect();
          return {
            label: `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || control.id).trim().slice(0, 40)}"`,
            width: box.width,
            height: box.height,
          };
        }),
    );
  });
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('on small phones: no horizontal scroll, 44 px targets, screenshots', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    console.log(`screenshots: ${SCREENSHOTS}`);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;

    it(`list, story and recap views fit ${size}`, async () => {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      await page.goto(`${api.base}/`);
      const element: Locator = page.locator('devops-stories');

      const check = async (view: string) => {
        expect(await horizontalOverflow(page), `${view} at ${size} scrolls sideways`).toBeLessThanOrEqual(0);
        const found = await controls(page);
        expect(found.length, `${view} has controls`).toBeGreaterThan(3);
        const small = found.filter((control) => control.width < 44 || control.height < 44);
        expect(small, `${view} at ${size}: controls under 44 px`).toEqual([]);
        await page.screenshot({ path: screenshotPath(`${view}-${size}`), fullPage: true });
      };

      expect(await cardTitles(element)).toHaveLength(6);
      await element.locator('.chip').first().waitFor();
      await check('list');

      await element.locator('.card [data-open="amazon"]').click();
      await element.locator('.metric').first().waitFor();
      await check('story');

      await element.getByRole('button', { name: 'Recap' }).click();
      await element.locator('.points li').first().waitFor();
      await check('recap');
      await page.close();
    });
  }
});
