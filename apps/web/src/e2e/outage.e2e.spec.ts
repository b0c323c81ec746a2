import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../test/api-server.js';
import { cardCompanies as companies, cardTitles, launchChromium } from '../test/browser.js';

describe('<devops-stories> when the server stops mid-session', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('shows the error state with a retry, and the retry recovers once the server is back', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    expect(await cardTitles(element)).toHaveLength(6);

    await api.stop();
    await element.getByRole('button', { name: 'Continuous deployment' }).click();
    const alert = element.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      'The stories could not be loaded. The story service cannot be reached',
    );

    api = await startApi(api.port);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await element.getByText('Showing 2 of 2 stories').waitFor();
    expect(await companies(element)).toEqual(['Etsy', 'Amazon']);
    expect(await element.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
