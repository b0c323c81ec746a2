import type { Browser, Locator, Page } from 'playwright-core';
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

type Node = { __typename: string; slug?: string; number?: number; day?: number; title?: string };
interface Hits {
  searchHits: { totalCount: number; nodes: { node: Node }[] };
}

const HITS = `query ($query: String!, $filter: StoryFilter) {
  searchHits(query: $query, filter: $filter, first: 100) {
    totalCount
    nodes { node { __typename ... on Story { slug title } ... on Day { number title } ... on Recap { day title } } }
  }
}`;
const PRACTICE = 'continuous-deployment';

describe('search done by the server in <devops-stories>, at 375 px', () => {
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

  async function open(): Promise<Locator> {
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    errors = collectPageErrors(page);
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    await cardTitles(element);
    return element;
  }

  async function hits(query: string, filter: Record<string, string> | null) {
    const answer = await queryApi<Hits>(api, HITS, { query, filter });
    expect(answer.errors).toBeUndefined();
    return answer.data!.searchHits;
  }

  const status = (element: Locator) => element.locator('p.status[role="status"]');

  it('"deploy" under the chip continuous-deployment shows the count the API gives for that filter, and its hits', async () => {
    const filtered = await hits('deploy', { practice: PRACTICE });
    const everything = await hits('deploy', null);
    expect(filtered.totalCount, 'the chip narrows the search').toBeLessThan(everything.totalCount);
    expect(filtered.totalCount).toBeGreaterThan(0);

    const element = await open();
    await element.locator(`[data-chip="practice:${PRACTICE}"]`).click();
    await element.getByLabel('Search stories').fill('deploy');
    const count = filtered.totalCount;
    await status(element)
      .filter({ hasText: `${count} ${count === 1 ? 'result' : 'results'} for “deploy”` })
      .waitFor();
    expect((await status(element).textContent())?.trim()).toBe(`${count} results for “deploy”`);
    expect(await cardTitles(element)).toEqual(filtered.nodes.map(({ node }) => node.title));
    expect(await element.locator('.more').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#practice=${PRACTICE}&q=deploy`);

    // Without the chip the same search counts every hit again.
    await element.locator(`[data-chip="practice:${PRACTICE}"]`).click();
    await status(element)
      .filter({ hasText: `${everything.totalCount} results for “deploy”` })
      .waitFor();
    expect(await element.locator('.card').count()).toBe(everything.totalCount);
    expect(await layoutProblems(page, element)).toEqual({ small: [], overflow: 0 });
    expect(errors).toEqual([]);
  });

  it('a day hit under the chip opens that day, and Back returns to the filtered results', async () => {
    const filtered = await hits('devops', { practice: PRACTICE });
    const day = filtered.nodes.find(({ node }) => node.__typename === 'Day')?.node;
    expect(day, 'a day presents stories of the practice and mentions "devops"').toBeDefined();

    const element = await open();
    await element.locator(`[data-chip="practice:${PRACTICE}"]`).click();
    await element.getByLabel('Search stories').fill('devops');
    await status(element)
      .filter({ hasText: `${filtered.totalCount} results for “devops”` })
      .waitFor();
    await element.locator(`.card [data-day="${day!.number}"]`).click();
    await element.locator('#day-title').filter({ hasText: day!.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#day=${day!.number}&practice=${PRACTICE}&q=devops`);

    await element.getByRole('button', { name: /Back to stories/ }).click();
    await status(element)
      .filter({ hasText: `${filtered.totalCount} results for “devops”` })
      .waitFor();
    expect(await element.locator(`[data-chip="practice:${PRACTICE}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('pages through every hit with "More results", the count saying how many are shown', async () => {
    const everything = await hits('devops', null);
    expect(everything.totalCount).toBeGreaterThan(3);
    const element = await open();
    // The first page asks for 3 hits instead of 20, so the next pages come from the API's cursors.
    // The element asks by GET (`?documentId=…&variables=…`), or by POST when the API lacks the document.
    await page.route(GRAPHQL_REQUEST, async (route) => {
      const request = route.request();
      if (!/\bsearchHits\b/.test(graphqlRequestText(request))) return route.continue();
      if (request.method() === 'GET') {
        const url = new URL(request.url());
        const variables = JSON.parse(url.searchParams.get('variables') ?? '{}');
        if (variables.after) return route.continue();
        url.searchParams.set('variables', JSON.stringify({ ...variables, first: 3 }));
        return route.continue({ url: url.href });
      }
      const body = JSON.parse(request.postData() ?? '{}');
      if (body.variables?.after) return route.continue();
      await route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, first: 3 } }) });
    });
    await element.getByLabel('Search stories').fill('devops');
    await status(element)
      .filter({ hasText: `Showing 3 of ${everything.totalCount} results for “devops”` })
      .waitFor();
    await element.getByRole('button', { name: 'More results' }).click();
    await status(element)
      .filter({ hasText: new RegExp(`^\\s*${everything.totalCount} results`) })
      .waitFor();
    expect(await cardTitles(element)).toEqual(everything.nodes.map(({ node }) => node.title));
    expect(await element.getByRole('button', { name: 'More results' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
