import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import {
  cardCompanies as companies,
  cardTitles,
  collectPageErrors,
  GRAPHQL_REQUEST,
  launchChromium,
} from '../test/browser.js';

async function graphql<T>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/** Records the element's events on `window.__events` so a test can read them back. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { __events: typeof events }).__events = events;
    for (const type of ['story-select', 'filter-change']) {
      document.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
  });
}

function recordedEvents(page: Page): Promise<{ type: string; detail: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __events: { type: string; detail: unknown }[] }).__events);
}

describe('<devops-stories> on the standalone page, against the real api', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await page?.close();
  });

  async function open(path = '/', viewport = { width: 375, height: 667 }): Promise<Locator> {
    page = await browser.newPage({ viewport });
    errors = collectPageErrors(page);
    await page.goto(`${api.base}${path}`);
    await recordEvents(page);
    return page.locator('devops-stories');
  }

  it('lists every published story, with the running total', async () => {
    const published = await graphql<{ stories: { totalCount: number; nodes: { title: string }[] } }>(
      api,
      '{ stories(first: 100) { totalCount nodes { title } } }',
    );
    const expected = published.data!.stories.nodes.map((story) => story.title);
    expect(expected).toHaveLength(6);

    const element = await open();
    expect(await cardTitles(element)).toEqual(expected);
    await expect(element.getByRole('status').textContent()).resolves.toContain('Showing 6 of 6 stories');
    const amazon = element.locator('.card[data-slug="amazon"]');
    await expect(amazon.locator('.metric-line').textContent()).resolves.toContain('11.6 seconds');
    await expect(amazon.locator('.tags li').allTextContents()).resolves.toContain('Continuous deployment');
    expect(errors).toEqual([]);
  });

  it('filters by the continuous-deployment chip to Amazon and Etsy only, and says so in an event', async () => {
    const element = await open();
    await cardTitles(element);
    const chip = element.getByRole('button', { name: 'Continuous deployment' });
    await chip.click();
    await element.getByText('Showing 2 of 2 stories').waitFor();
    expect(await companies(element)).toEqual(['Etsy', 'Amazon']);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await recordedEvents(page)).toContainEqual({
      type: 'filter-change',
      detail: { practice: 'continuous-deployment', company: null, query: '' },
    });

    await element.getByRole('button', { name: 'Etsy', exact: true }).click();
    await element.getByText('Showing 1 of 1 story').waitFor();
    expect(await companies(element)).toEqual(['Etsy']);
    await chip.click();
    await element.getByText('Showing 1 of 1 story').waitFor();
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('searches as the reader types and ranks Netflix first for "rollback", with the match marked', async () => {
    const element = await open();
    await cardTitles(element);
    await element.getByLabel('Search stories').fill('rollback');
    await element.getByText(/results? for “rollback”/).waitFor();
    const titles = await cardTitles(element);
    expect(titles[0]).toMatch(/^Netflix/);
    await expect(element.locator('.card').first().locator('mark').first().textContent()).resolves.toMatch(
      /^rollback$/i,
    );
    expect(await recordedEvents(page)).toContainEqual({
      type: 'filter-change',
      detail: { practice: null, company: null, query: 'rollback' },
    });

    await element.getByLabel('Search stories').fill('');
    await element.getByText('Showing 6 of 6 stories').waitFor();
    expect(errors).toEqual([]);
  });

  it('opens Amazon with its 11.6-second metric and source link, and back keeps the filter, the scroll and the focus', async () => {
    const element = await open();
    await cardTitles(element);
    await element.getByRole('button', { name: 'Continuous deployment' }).click();
    await element.getByText('Showing 2 of 2 stories').waitFor();
    const amazonButton = element.locator('.card [data-open="amazon"]');
    await page.evaluate(() => window.scrollTo(0, 300));
    await amazonButton.scrollIntoViewIfNeeded(); // the click would scroll it into view after `scrolled` is read
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(100);
    await amazonButton.click();

    const story = element.locator('article[part="story"]');
    await story.waitFor();
    await expect(story.locator('#story-title').textContent()).resolves.toMatch(/^Amazon: from idle hardware/);
    const metric = story.locator('.metric').filter({ hasText: '11.6 seconds' });
    await expect(metric.textContent()).resolves.toContain('Mean time between production deployments');
    const source = metric.getByRole('link');
    expect(await source.getAttribute('href')).toBe('https://news.ycombinator.com/item?id=2971521');
    expect(await source.getAttribute('rel')).toContain('noopener');
    await expect(story.locator('.body h3').first().textContent()).resolves.toBe('What 11.6 seconds actually measures');
    expect(await story.locator('.body h2').count()).toBe(0);
    expect(await story.locator('.body script').count()).toBe(0);
    for (const link of await story.locator('.sources a').all())
      expect(await link.getAttribute('rel')).toContain('noopener');
    await expect(story.locator('.related button').allTextContents()).resolves.toHaveLength(3);
    expect(await recordedEvents(page)).toContainEqual({ type: 'story-select', detail: { slug: 'amazon' } });
    expect(await element.evaluate((host) => host.shadowRoot!.activeElement?.id)).toBe('story-title');

    await element.getByRole('button', { name: /Back to stories/ }).click();
    await element.getByText('Showing 2 of 2 stories').waitFor();
    expect(await companies(element)).toEqual(['Etsy', 'Amazon']);
    expect(await element.getByRole('button', { name: 'Continuous deployment' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await element.evaluate((host) => (host.shadowRoot!.activeElement as HTMLElement | null)?.dataset.open)).toBe(
      'amazon',
    );
    expect(errors).toEqual([]);
  });

  it('shows the day-6 recap with its 3 points and opens its stories', async () => {
    const element = await open();
    await cardTitles(element);
    await element.getByRole('button', { name: 'Recap' }).click();
    const recap = element.locator('article[part="recap"]');
    await recap.waitFor();
    await expect(recap.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Recap: what DevOps is, days 1-6',
    );
    expect(await recap.locator('.points li').count()).toBe(3);
    await expect(recap.locator('.eyebrow').first().textContent()).resolves.toBe('Day 6 · covers days 1–6');
    expect(await element.getAttribute('view')).toBe('recap');

    await recap.locator('[data-open="etsy"]').click();
    await element.locator('#story-title').filter({ hasText: /^Etsy/ }).waitFor();
    await element.getByRole('button', { name: /Back to the recap/ }).click();
    await recap.waitFor();
    expect(await recap.locator('.points li').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it("credits the series at its foot in every view, linked to the series and its licence, as the API's attribution says", async () => {
    const { data } = await graphql<{ attribution: { name: string; author: string; url: string; licenceUrl: string } }>(
      api,
      '{ attribution { name author url licenceUrl } }',
    );
    expect(data?.attribution).toMatchObject({ licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' });
    const element = await open();
    const credit = element.locator('footer[part="credit"]');
    const check = async (view: string) => {
      await credit.waitFor();
      expect((await credit.textContent())?.replace(/\s+/g, ' ').trim(), view).toBe(
        'Adapted from #90DaysOfDevOps by Michael Cade and contributors · CC BY-NC-SA 4.0',
      );
      const licence = credit.getByRole('link', { name: 'CC BY-NC-SA 4.0' });
      expect(await licence.getAttribute('href'), view).toBe(data!.attribution.licenceUrl);
      expect(await licence.getAttribute('rel'), view).toMatch(/^license\b/);
      const series = credit.getByRole('link', { name: data!.attribution.name });
      expect(await series.getAttribute('href'), view).toBe(data!.attribution.url);
      // At 375 px it wraps inside the element: nothing sticks out sideways.
      const box = (await credit.boundingBox())!;
      expect(box.x + box.width, view).toBeLessThanOrEqual(375);
    };
    await cardTitles(element);
    await check('list');
    await element.getByRole('button', { name: 'Recap' }).click();
    await element.locator('article[part="recap"]').waitFor();
    await check('recap');
    await element.locator('[data-open="etsy"]').click();
    await element.locator('#story-title').filter({ hasText: /^Etsy/ }).waitFor();
    await check('story');
    expect(errors).toEqual([]);
  });

  it('re-queries when attributes change after load, and pages with "Load more"', async () => {
    const element = await open();
    await cardTitles(element);
    await element.evaluate((host) => host.setAttribute('page-size', '4'));
    await element.getByText('Showing 4 of 6 stories').waitFor();
    expect(await cardTitles(element)).toHaveLength(4);
    await element.getByRole('button', { name: 'Load more stories' }).click();
    await element.getByText('Showing 6 of 6 stories').waitFor();
    const titles = await cardTitles(element);
    expect(new Set(titles).size).toBe(6);
    expect(await element.getByRole('button', { name: 'Load more stories' }).count()).toBe(0);

    await element.evaluate((host) => host.setAttribute('company', 'netflix'));
    await element.getByText('Showing 1 of 1 story').waitFor();
    expect(await companies(element)).toEqual(['Netflix']);

    await element.evaluate((host) => {
      host.removeAttribute('company');
      host.setAttribute('view', 'recap');
      host.setAttribute('day', '3');
    });
    await element.getByText('There is no recap for day 3 yet.').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a loading state, never a blank element, while the network is slow', async () => {
    page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(GRAPHQL_REQUEST, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    await element.getByRole('status').filter({ hasText: 'Loading stories…' }).waitFor();
    expect(await element.locator('.skeleton').count()).toBeGreaterThan(0);
    release();
    expect(await cardTitles(element)).toHaveLength(6);
  });

  it('is keyboard reachable with a visible focus ring, and opens a story with Enter', async () => {
    const element = await open();
    await cardTitles(element);
    await page.keyboard.press('Tab');
    const focused = () =>
      element.evaluate((host) => {
        const active = host.shadowRoot!.activeElement as HTMLElement | null;
        return active
          ? { text: active.textContent?.trim(), tag: active.tagName, outline: getComputedStyle(active).outlineStyle }
          : null;
      });
    expect(await focused()).toEqual({ text: 'Stories', tag: 'BUTTON', outline: 'solid' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused())?.tag).toBe('INPUT');
    await element.locator('.card [data-open="amazon"]').focus();
    await page.keyboard.press('Enter');
    await element.locator('article[part="story"]').waitFor();
    expect(await element.evaluate((host) => host.shadowRoot!.activeElement?.id)).toBe('story-title');
  });

  it('is served by the api: the module precompressed, the page at /, the portal demo at /demo/portal', async () => {
    const module = await fetch(`${api.base}/devops-stories.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(module.headers.get('content-type')).toMatch(/javascript/);
    expect(module.headers.get('content-encoding')).toBe('br');
    expect(await module.text()).toContain('customElements.define');
    for (const path of ['/', '/demo/portal']) {
      const page = await fetch(`${api.base}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toMatch(/<script type="module" src="\.{1,2}\/devops-stories\.js"><\/script>/);
    }
  });

  it('every document in the persisted-documents manifest runs on the server without errors', async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../gql/persisted-documents.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(6);
    for (const query of Object.values(manifest)) {
      const result = await graphql(api, query, { slug: 'amazon', day: 6, query: 'rollback', first: 5 });
      expect(result.errors, query).toBeUndefined();
    }
  });
});
