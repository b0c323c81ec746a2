import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, collectPageErrors, launchChromium, SCREENSHOTS, screenshotPath } from '../test/browser.js';

const PHONE = { width: 375, height: 667 };

/**
 * The fact-checked stories (issue 16) as a reader on a phone sees them: Amazon's outage
 * figures dated 2011 and kept approximate, NASA JPL retitled to what AWS actually did.
 * Screenshots of both story views go to test-output/screenshots/.
 */
describe('corrected stories in the story view at 375 px', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    console.log(`screenshots: ${SCREENSHOTS}`);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await page?.close();
  });

  /** Opens the standalone page on a phone and returns the list's card for `slug`. */
  async function cardOf(slug: string): Promise<{ element: Locator; card: Locator }> {
    page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    errors = collectPageErrors(page);
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    await cardTitles(element);
    return { element, card: element.locator(`.card[data-slug="${slug}"]`) };
  }

  async function openStory(element: Locator, slug: string): Promise<Locator> {
    await element.locator(`.card [data-open="${slug}"]`).click();
    const story = element.locator('article[part="story"]');
    await story.waitFor();
    return story;
  }

  function sideways(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  it("Amazon: the headline dates its figure, and the outage figures say 'about' and 2011", async () => {
    const { element, card } = await cardOf('amazon');
    const headline = (await card.locator('.snippet').textContent())!;
    expect(headline).toContain('in 2011');
    expect(headline).not.toMatch(/now ships|land seconds apart/);

    const story = await openStory(element, 'amazon');
    await expect(story.locator('#story-title').textContent()).resolves.toBe(
      'Amazon: from idle hardware to AWS, and a deploy every 11.6 seconds in 2011',
    );
    const figures = await story.locator('.metric').allTextContents();
    expect(figures).toHaveLength(4);
    const figure = (value: string) => figures.find((text) => text.includes(value))!;
    expect(figure('11.6 seconds')).toContain('Mean time between production deployments (2011)');
    for (const [value, label] of [
      ['75%', 'Fewer outages caused by deployments than in 2006 (about) (2011)'],
      ['90%', 'Fewer minutes of outage than in 2006 (about) (2011)'],
      ['0.001%', 'Deployments that caused an outage (about) (2011)'],
    ]) {
      expect(figure(value), value).toContain(label);
      expect(figure(value), value).toContain('Source: Increasing pace as you grow: The Amazon Story');
    }
    expect(figures.join(' ')).not.toContain('2017)');
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('story-amazon-corrected-375x667'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('NASA JPL: retitled to serving the landing to the public, citing the new sources', async () => {
    const { element, card } = await cardOf('nasa-jpl');
    await expect(card.locator('.snippet').textContent()).resolves.toContain(
      'served its website and live video from AWS',
    );

    const story = await openStory(element, 'nasa-jpl');
    await expect(story.locator('#story-title').textContent()).resolves.toBe(
      "NASA JPL: Curiosity's landing, served to the public from the cloud",
    );
    await expect(story.locator('.summary').textContent()).resolves.toContain('the landing itself did not run there');
    const text = (await story.textContent())!;
    expect(text).not.toMatch(/landing Curiosity with the cloud|data pipeline|processed and shared the mission's data/);
    const sources = await story.locator('.sources a').allTextContents();
    expect(sources).toEqual(
      expect.arrayContaining([
        'NASA and AWS - Curiosity has Landed!',
        "NASA/JPL's Mars Curiosity Mission",
        'Interplanetary DevOps at NASA JPL',
      ]),
    );
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('story-nasa-jpl-corrected-375x667'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
