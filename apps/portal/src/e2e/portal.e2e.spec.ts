import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../pages/html.js';
import { collectPageErrors, launchChromium, layoutProblems, PHONE, screenshotPath } from '../test/browser.js';
import { queryApi, type RunningProcess, startApi, startPortal } from '../test/processes.js';

interface DayStories {
  day: { title: string; stories: { slug: string; title: string }[] };
}

describe('the portal at 375 px, served by its own process from the real api', () => {
  let api: RunningProcess;
  let portal: RunningProcess;
  let browser: Browser;
  let day6: DayStories['day'];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    portal = await startPortal(api.base);
    day6 = (await queryApi<DayStories>(api, '{ day(number: 6) { title stories { slug title } } }')).day;
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await api?.stop();
  });

  it('sends Day 6 with every story title already in the HTML, and no script but the element from the api', async () => {
    expect(day6.stories.length).toBeGreaterThanOrEqual(6);
    const response = await fetch(`${portal.base}/days/6`);
    expect(response.status).toBe(200);
    const source = await response.text();
    for (const story of day6.stories) expect(source).toContain(`<h3>${escapeHtml(story.title)}</h3>`);
    expect(source).toContain(`<h1>${escapeHtml(day6.title)}</h1>`);
    const scripts = [...source.matchAll(/<script\b[^>]*>/g)].map((found) => found[0]);
    expect(scripts).toEqual([`<script type="module" src="${api.base}/devops-stories.js">`]);
    expect(source).toContain(`<devops-stories id="day-stories" day="6" endpoint="${api.base}/graphql"`);
    expect(response.headers.get('content-security-policy')).toContain(`script-src ${api.base};`);
    expect((await fetch(`${portal.base}/devops-stories.js`)).status).toBe(404);
  });

  it('shows the titles with scripts off, then the working element below them with scripts on', async () => {
    const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const still = await noScript.newPage();
    await still.goto(`${portal.base}/days/6`);
    expect(await still.locator('ul[aria-labelledby="stories"] > li > h3').allTextContents()).toEqual(
      day6.stories.map((story) => story.title),
    );
    expect(await still.locator('devops-stories').evaluate((host) => host.shadowRoot)).toBeNull();
    await noScript.close();

    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${portal.base}/days/6`);
    expect(await page.locator('ul[aria-labelledby="stories"] > li > h3').allTextContents()).toEqual(
      day6.stories.map((story) => story.title),
    );
    const element = page.locator('devops-stories');
    await element.locator('.card .open').first().waitFor();
    const cards = (await element.locator('.card .open').allTextContents()).map((title) => title.trim());
    expect(cards.sort()).toEqual(day6.stories.map((story) => story.title).sort());

    const first = day6.stories[0];
    await element.locator(`.card [data-open="${first.slug}"]`).click();
    await element.locator('.metric').first().waitFor();
    expect(await element.locator('h2, h3').first().textContent()).toContain(first.title);
    await element.getByRole('button', { name: /back/i }).first().click();
    await element.locator('.card .open').first().waitFor();

    expect(await layoutProblems(page)).toEqual({ small: [], overflow: 0 });
    await page.screenshot({ path: screenshotPath('portal-day-6-375x667'), fullPage: true });
    expect(scripts).toEqual([`${api.base}/devops-stories.js`]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers 503 with a clear page while the api is down, and recovers when it is back', async () => {
    await api.stop();
    const page = await browser.newPage({ viewport: PHONE });
    const response = await page.goto(`${portal.base}/days/6`);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('30');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The stories are unavailable right now');
    expect(await layoutProblems(page)).toMatchObject({ overflow: 0 });
    await page.screenshot({ path: screenshotPath('portal-api-down-375x667') });

    api = await startApi(api.port);
    const back = await page.goto(`${portal.base}/days/6`);
    expect(back?.status()).toBe(200);
    expect(await page.locator('ul[aria-labelledby="stories"] > li > h3').count()).toBe(day6.stories.length);
    await page.close();
  });
});
