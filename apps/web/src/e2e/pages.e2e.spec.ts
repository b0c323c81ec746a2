import type { Browser, Locator, Page, Route as RoutedRequest } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryApi, type RunningApi, startApi } from '../test/api-server.js';
import {
  cardTitles,
  collectPageErrors,
  GRAPHQL_REQUEST,
  graphqlRequestText,
  launchChromium,
  layoutProblems,
  PHONE,
} from '../test/browser.js';

interface DayPage {
  number: number;
  title: string;
  summary: string;
  stories: { slug: string }[];
}
type Hit = { node: { __typename: string; number?: number } };

const DAY_FIELDS = 'number title summary stories { slug }';

/** Answers the element's requests whose document contains `marker` with `answer` instead of the api's. */
async function rewrite(page: Page, marker: string, answer: (route: RoutedRequest) => Promise<void>): Promise<void> {
  await page.route(GRAPHQL_REQUEST, async (route) => {
    if (graphqlRequestText(route.request()).includes(marker)) await answer(route);
    else await route.continue();
  });
}

describe('days, recaps and the glossary in <devops-stories>, at 375 px', () => {
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

  async function open(path = '/'): Promise<Locator> {
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    errors = collectPageErrors(page);
    await page.goto(`${api.base}${path}`);
    return page.locator('devops-stories');
  }

  async function day(number: number): Promise<DayPage> {
    const answer = await queryApi<{ day: DayPage }>(api, `query ($n: Int!) { day(number: $n) { ${DAY_FIELDS} } }`, {
      n: number,
    });
    return answer.data!.day;
  }

  it('search shows day and recap hits as the API ranks them, and a day hit opens that day', async () => {
    const answer = await queryApi<{ search: Hit[] }>(
      api,
      '{ search(query: "deploy", first: 20) { node { __typename ... on Day { number } } } }',
    );
    const hits = answer.data!.search;
    const firstDay = hits.find((hit) => hit.node.__typename === 'Day')?.node.number;
    expect(firstDay, 'the content has a day that mentions "deploy"').toBeDefined();
    const expected = await day(firstDay!);

    const element = await open();
    await cardTitles(element);
    await element.getByLabel('Search stories').fill('deploy');
    await element.getByText(`${hits.length} results for “deploy”`).waitFor();
    expect(await element.locator('.card').count()).toBe(hits.length);
    expect(await element.locator('.card .eyebrow').allTextContents()).toContain(`Day ${firstDay}`);

    await element.locator(`.card [data-day="${firstDay}"]`).click();
    const title = element.locator('#day-title');
    await title.filter({ hasText: expected.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#day=${firstDay}&q=deploy`);
    await expect(element.locator('article .summary').textContent()).resolves.toBe(expected.summary);
    expect(
      await element.locator('article [data-open]').evaluateAll((all) => all.map((one) => one.dataset.open)),
    ).toEqual(expected.stories.map((story) => story.slug));
    expect(await layoutProblems(page, element)).toEqual({ small: [], overflow: 0 });

    await element.getByRole('button', { name: /Back to stories/ }).click();
    await element.getByText(`${hits.length} results for “deploy”`).waitFor();
    expect(await element.getByLabel('Search stories').inputValue()).toBe('deploy');
    expect(errors).toEqual([]);
  });

  it('a recap links the days it covers; a day opens from it, its stories from the day, and Back retraces the way', async () => {
    const { data } = await queryApi<{ recaps: { nodes: { day: number; coversDays: number[] }[] } }>(
      api,
      '{ recaps(first: 100) { nodes { day coversDays } } }',
    );
    const latest = data!.recaps.nodes.at(-1)!;
    const element = await open();
    await element.getByRole('button', { name: 'Recap' }).click();
    const recap = element.locator('article[part="recap"]');
    await recap.waitFor();
    expect((await recap.locator('.days button').allTextContents()).map((text) => text.trim())).toEqual(
      latest.coversDays.map((covered) => `Day ${covered}`),
    );
    const withStories = await day(latest.day);
    expect(withStories.stories.length).toBeGreaterThan(0);

    await recap.locator(`.days [data-day="${latest.day}"]`).click();
    await element.locator('#day-title').filter({ hasText: withStories.title }).waitFor();
    await element.locator(`article [data-open="${withStories.stories[0].slug}"]`).click();
    await element.locator('article[part="story"]').waitFor();
    await element.getByRole('button', { name: `Back to day ${latest.day}` }).click();
    await element.locator('#day-title').waitFor();
    await element.getByRole('button', { name: /Back to the recap/ }).click();
    await recap.waitFor();
    expect(await element.getAttribute('view')).toBe('recap');
    expect(errors).toEqual([]);
  });

  it('with the one recap the content has, there is no previous or next', async () => {
    const element = await open('/#view=recap');
    await element.locator('article[part="recap"]').waitFor();
    expect(await element.locator('.recap-pager').count()).toBe(0);
  });

  it('with more recaps, previous and next move between them (the other recaps faked into the index)', async () => {
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    errors = collectPageErrors(page);
    await rewrite(page, 'query RecapPage', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data: { recaps: { nodes: { day: number; title: string }[] } } };
      body.data.recaps.nodes.push({ day: 13, title: 'Recap: days 7-13' }, { day: 20, title: 'Recap: days 14-20' });
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${api.base}/#view=recap&recap=6`);
    const element = page.locator('devops-stories');
    const pager = element.locator('.recap-pager');
    await pager.waitFor();
    expect(await pager.locator('.previous').count()).toBe(0);
    await pager.locator('.next').click();
    // The api has no recap 13: the view says so and still offers the way back and on.
    await element.getByText('There is no recap for day 13 yet.').waitFor();
    expect(await pager.locator('button').evaluateAll((all) => all.map((one) => one.dataset.recap))).toEqual([
      '6',
      '20',
    ]);
    expect(new URL(page.url()).hash).toBe('#view=recap&recap=13');
    await page.goBack();
    await element.locator('article[part="recap"]').waitFor();
    await pager.locator('.next').waitFor();
    expect(errors).toEqual([]);
  });

  it('lists the glossary terms the API finds in a story under it', async () => {
    const { data } = await queryApi<{ story: { terms: { slug: string }[] } }>(
      api,
      '{ story(slug: "netflix") { terms { slug } } }',
    );
    const expected = data!.story.terms.map((term) => term.slug);
    expect(expected.length).toBeGreaterThan(0);
    const element = await open('/#story=netflix');
    const terms = element.locator('.terms');
    await terms.waitFor();
    expect(await terms.locator('[data-term]').evaluateAll((all) => all.map((one) => one.dataset.term))).toEqual(
      expected,
    );
    expect(await terms.locator('dd').first().textContent()).not.toBe('');
    const placed = await element.evaluate((host) => {
      const [body, terms, sources] = ['.body', '.terms', '.sources'].map((selector) =>
        host.shadowRoot!.querySelector(selector),
      );
      const follows = (a: Element | null, b: Element | null) =>
        Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { afterBody: follows(body, terms), beforeSources: follows(terms, sources) };
    });
    expect(placed).toEqual({ afterBody: true, beforeSources: true });
    expect(errors).toEqual([]);
  });

  it('without the glossary module on the server, the story shows as before, only without terms', async () => {
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await rewrite(page, 'query StoryTerms', (route) =>
      route.fulfill({
        status: 400,
        json: { errors: [{ message: 'Cannot query field "terms" on type "Story".' }] },
      }),
    );
    await page.goto(`${api.base}/#story=netflix`);
    const element = page.locator('devops-stories');
    await element.locator('article[part="story"] .sources').waitFor();
    expect(await element.locator('.terms').count()).toBe(0);
    expect(await element.getByRole('alert').count()).toBe(0);
  });
});

describe('loading through @lit/task, at 375 px', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('a newer list query aborts the stale one in flight, whose late answer never shows', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    await cardTitles(element);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the answer to the Etsy filter; let the Netflix one through.
    await page.route(GRAPHQL_REQUEST, async (route) => {
      if (graphqlRequestText(route.request()).includes('"company":"etsy"')) await held;
      await route.continue().catch(() => undefined);
    });
    const aborted: string[] = [];
    page.on('requestfailed', (request) =>
      aborted.push(`${graphqlRequestText(request)} ${request.failure()?.errorText}`),
    );

    await element.getByRole('button', { name: 'Etsy', exact: true }).click();
    await element.getByText('Updating…').waitFor();
    await element.getByRole('button', { name: 'Netflix', exact: true }).click();
    await element.getByText('Showing 1 of 1 story').waitFor();
    expect(await cardTitles(element)).toEqual([expect.stringMatching(/^Netflix/)]);
    await expect.poll(() => aborted).toEqual([expect.stringMatching(/"company":"etsy".*ERR_ABORTED/)]);
    release();
    await page.waitForTimeout(300);
    expect(await cardTitles(element)).toEqual([expect.stringMatching(/^Netflix/)]);
    await page.close();
  });
});
