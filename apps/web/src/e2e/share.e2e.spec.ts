import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryApi, type RunningApi, startApi } from '../test/api-server.js';
import { cardTitles, collectPageErrors, launchChromium, PHONE, screenshotPath } from '../test/browser.js';

/** The api's token CLI, built with the api (`npm run token` runs its source). */
const TOKEN_CLI = fileURLToPath(new URL('../../../api/dist/cli/token.js', import.meta.url));

function createToken(databaseUrl: string, name: string, role: string): string {
  const run = spawnSync(process.execPath, [TOKEN_CLI, 'create', '--name', name, '--role', role], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  const token = /Bearer (\S+)/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !token) throw new Error(`token CLI failed: ${run.stdout}${run.stderr}`);
  return token;
}

async function asToken<T>(api: RunningApi, token: string, query: string, variables = {}, preview = false) {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(preview ? { 'x-preview': 'true' } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T; errors?: unknown[] };
}

/** The form's inputs, textareas and buttons under 44 px, and how far the page scrolls sideways. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('devops-stories')!.shadowRoot!;
    const small = [...root.querySelectorAll<HTMLElement>('.share input, .share textarea, .share button, nav button')]
      .filter((c) => c.getBoundingClientRect().height < 44 || c.getBoundingClientRect().width < 44)
      .map((c) => c.id || c.textContent?.trim());
    return { small, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

describe('"Share your story" at 375 px', () => {
  const dir = mkdtempSync(join(tmpdir(), 'share-'));
  const databaseUrl = `sqlite:${join(dir, 'stories.db')}`;
  let api: RunningApi;
  let browser: Browser;
  let moderator: string;
  let editor: string;

  beforeAll(async () => {
    moderator = createToken(databaseUrl, 'mona', 'moderator');
    editor = createToken(databaseUrl, 'eddie', 'editor');
    [api, browser] = await Promise.all([startApi(undefined, { DATABASE_URL: databaseUrl }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the form on demand, shows a field error from the server, then a receipt; approved, the draft is in preview only', async () => {
    const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const errors = collectPageErrors(page);
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/chunks/')) chunks.push(new URL(request.url()).pathname);
    });
    await page.goto(`${api.base}/`);
    const element = page.locator('devops-stories');
    expect(await cardTitles(element)).toHaveLength(6);
    expect(await element.getByRole('button', { name: 'Share your story' }).count()).toBe(0);
    await element.evaluate((host) => host.setAttribute('allow-submissions', ''));
    expect(chunks).toEqual([]);

    await element.getByRole('button', { name: 'Share your story' }).click();
    await element.getByLabel('Company').waitFor();
    expect(chunks).toEqual([expect.stringMatching(/^\/chunks\/share-form-[\w-]+\.js$/)]);
    expect(
      await element.locator('#share-heading').evaluate((h) => h === (h.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);

    await element.getByLabel('Company').fill('Initech');
    await element.getByLabel('Title').fill('From quarterly releases to daily deploys');
    await element.getByLabel('What changed').fill('We built a deployment pipeline and owned our services.');
    await element.getByLabel('Outcome').fill('Half the outages, and releases nobody fears.');
    await element.getByLabel('Source links').fill('javascript:alert(1)');
    await element.getByLabel('Your name (optional)').fill('Peter');
    await element.getByRole('button', { name: 'Send for review' }).click();

    const links = element.getByLabel('Source links');
    await element.locator('#share-links-problem').waitFor();
    expect(await links.getAttribute('aria-invalid')).toBe('true');
    expect(await links.getAttribute('aria-describedby')).toContain('share-links-problem');
    expect(await element.locator('#share-links-problem').textContent()).toBe(
      'Source links: "javascript:alert(1)" is not an http(s) URL',
    );
    expect(await element.getByLabel('Company').getAttribute('aria-invalid')).toBe('false');
    expect(await links.evaluate((field) => field === (field.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await layoutProblems(page)).toEqual({ small: [], overflow: 0 });
    await page.screenshot({ path: screenshotPath('share-field-error-375x667'), fullPage: true });

    await links.fill('https://initech.example/blog/daily-deploys');
    await element.getByRole('button', { name: 'Send for review' }).click();
    await element.locator('#share-done').waitFor();
    const receipt = (await element.locator('output.receipt').textContent())!.trim();
    expect(receipt).toMatch(/^rcpt_[\w-]{43}$/);
    await page.screenshot({ path: screenshotPath('share-receipt-375x667'), fullPage: true });
    expect((await layoutProblems(page)).overflow).toBe(0);

    const status = await queryApi<{ submission: unknown }>(
      api,
      'query($r: String!) { submission(receipt: $r) { status publicNote } }',
      { r: receipt },
    );
    expect(status.data?.submission).toEqual({ status: 'PENDING', publicNote: null });

    const pending = await asToken<{ submissions: { nodes: { id: string; company: string; links: string[] }[] } }>(
      api,
      moderator,
      '{ submissions(status: PENDING) { nodes { id company links } } }',
    );
    const [submission] = pending.data.submissions.nodes;
    expect(submission).toMatchObject({ company: 'Initech', links: ['https://initech.example/blog/daily-deploys'] });
    const approved = await asToken<{ approveSubmission: { story: { slug: string; status: string } } }>(
      api,
      moderator,
      'mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { story { slug status } userErrors { message } } }',
      { input: { id: submission.id, note: 'Thanks, Peter!' } },
    );
    const { slug } = approved.data.approveSubmission.story;
    expect(approved.data.approveSubmission.story.status).toBe('DRAFT');

    const read = `{ story(slug: "${slug}") { title status } }`;
    expect((await queryApi(api, read)).data).toEqual({ story: null });
    expect((await asToken(api, editor, read, {}, true)).data).toEqual({
      story: { title: 'Initech: From quarterly releases to daily deploys', status: 'DRAFT' },
    });
    await element.getByRole('button', { name: 'Stories' }).click();
    expect(await cardTitles(element)).toHaveLength(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
