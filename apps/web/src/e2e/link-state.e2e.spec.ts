import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryApi, type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, collectPageErrors, launchChromium, PHONE, shadowFocus } from '../test/browser.js';

interface StoryRef {
  slug: string;
  title: string;
}

describe('shareable state: link-state="hash" on the standalone page, at 375 px', () => {
  let api: RunningApi;
  let browser: Browser;
  let pages: Page[] = [];
  let errors: string[];
  /** The continuous-deployment stories, in list order, as the API gives them. */
  let deploying: StoryRef[];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
    const answer = await queryApi<{ stories: { nodes: StoryRef[] } }>(
      api,
      '{ stories(first: 100, filter: { practice: "continuous-deployment" }) { nodes { slug title } } }',
    );
    deploying = answer.data!.stories.nodes;
    expect(deploying.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.close()));
    pages = [];
  });

  async function open(url: string): Promise<{ page: Page; element: Locator }> {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    pages.push(page);
    errors = collectPageErrors(page);
    await page.goto(url);
    return { page, element: page.locator('devops-stories') };
  }

  const storyTitle = (element: Locator) => element.locator('#story-title');

  it('a story opened under a filter has a URL that opens the same story, and the filter, in a new page', async () => {
    const { page, element } = await open(`${api.base}/`);
    await cardTitles(element);
    await element.getByRole('button', { name: 'Continuous deployment' }).click();
    await element.getByText(`Showing ${deploying.length} of ${deploying.length}`).waitFor();
    const story = deploying[1];
    await element.locator(`.card [data-open="${story.slug}"]`).click();
    await storyTitle(element).filter({ hasText: story.title }).waitFor();
    const url = page.url();
    expect(new URL(url).hash).toBe(`#story=${story.slug}&practice=continuous-deployment`);

    const copy = await open(url);
    await storyTitle(copy.element).filter({ hasText: story.title }).waitFor();
    await copy.element.getByRole('button', { name: /Back to stories/ }).click();
    await copy.element.getByText(`Showing ${deploying.length} of ${deploying.length}`).waitFor();
    expect(await cardTitles(copy.element)).toEqual(deploying.map((one) => one.title));
    expect(await copy.element.getByRole('button', { name: 'Continuous deployment' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(errors).toEqual([]);
  });

  it("the browser's Back returns to the list with its filter, scroll and focus; Forward reopens the story", async () => {
    const { page, element } = await open(`${api.base}/`);
    await cardTitles(element);
    await element.getByRole('button', { name: 'Continuous deployment' }).click();
    await element.getByText(`Showing ${deploying.length} of ${deploying.length}`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 300));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(100);
    const story = deploying[0];
    await element.locator(`.card [data-open="${story.slug}"]`).click();
    await storyTitle(element).filter({ hasText: story.title }).waitFor();

    await page.goBack();
    await element.getByText(`Showing ${deploying.length} of ${deploying.length}`).waitFor();
    expect(new URL(page.url()).hash).toBe('#practice=continuous-deployment');
    expect(await element.getByRole('button', { name: 'Continuous deployment' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await shadowFocus(element)).toEqual({ open: story.slug });

    await page.goForward();
    await storyTitle(element).filter({ hasText: story.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#story=${story.slug}&practice=continuous-deployment`);
    expect(errors).toEqual([]);
  });

  it('restores a search from the URL into the box and the results', async () => {
    const { element } = await open(`${api.base}/#q=rollback`);
    await element.getByText(/results? for “rollback”/).waitFor();
    expect(await element.getByLabel('Search stories').inputValue()).toBe('rollback');
    expect((await cardTitles(element))[0]).toMatch(/^Netflix/);
  });

  it('is off by default: an element without link-state leaves the URL and the history alone', async () => {
    const { page } = await open(`${api.base}/`);
    const before = await page.evaluate(() => history.length);
    await page.evaluate(() => {
      const element = document.createElement('devops-stories');
      element.id = 'plain';
      document.body.append(element);
    });
    const plain = page.locator('#plain');
    await cardTitles(plain);
    await plain.getByRole('button', { name: 'Continuous deployment' }).click();
    await plain.locator(`.card [data-open="${deploying[0].slug}"]`).click();
    await storyTitle(plain).filter({ hasText: deploying[0].title }).waitFor();
    expect(page.url()).toBe(`${api.base}/`);
    expect(await page.evaluate(() => history.length)).toBe(before);
  });
});

describe('two elements with link-state on the portal demo keep separate state, at 375 px', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('each keeps its own keys in the URL; a new page restores both; Back undoes each in turn', async () => {
    const { data } = await queryApi<{ a: StoryRef; b: StoryRef }>(
      api,
      '{ a: story(slug: "amazon") { slug title } b: story(slug: "netflix") { slug title } }',
    );
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const errors = collectPageErrors(page);
    await page.goto(`${api.base}/demo/portal`);
    const lesson = page.locator('#lesson-stories');
    const sidebar = page.locator('#sidebar-recap');
    await cardTitles(lesson);
    await lesson.locator('.card [data-open="amazon"]').click();
    await lesson.locator('#story-title').filter({ hasText: data!.a.title }).waitFor();
    await sidebar.locator('[data-open="netflix"]').click();
    await sidebar.locator('#story-title').filter({ hasText: data!.b.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(
      '#lesson-stories.story=amazon&lesson-stories.practice=continuous-deployment' +
        '&sidebar-recap.view=recap&sidebar-recap.story=netflix&sidebar-recap.recap=6',
    );

    const copy = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await copy.goto(page.url());
    await copy.locator('#lesson-stories #story-title').filter({ hasText: data!.a.title }).waitFor();
    await copy.locator('#sidebar-recap #story-title').filter({ hasText: data!.b.title }).waitFor();
    await copy.close();

    await page.goBack();
    await sidebar.locator('article[part="recap"]').waitFor();
    expect(await lesson.locator('#story-title').textContent()).toBe(data!.a.title);
    await page.goBack();
    expect(await cardTitles(lesson)).toHaveLength(2);
    expect(await sidebar.locator('article[part="recap"]').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
