import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page, type Request } from 'playwright-core';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests write their screenshots; printed by the tests, ignored by git. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** Launches headless Chromium with the flags that work as root in a container without a GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** The screenshot path for `name`, creating the folder. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return `${SCREENSHOTS}${name}.png`;
}

/** The story cards' titles in a `<devops-stories>`, in order, once at least one is shown. */
export async function cardTitles(element: Locator): Promise<string[]> {
  await element.locator('.card .open').first().waitFor();
  return element
    .locator('.card .open')
    .allTextContents()
    .then((titles) => titles.map((title) => title.trim()));
}

/** Fails the test on any error the page logs or throws, e.g. a failed request or a Lit warning. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** The phone viewport the browser tests use for new behaviour. */
export const PHONE = { width: 375, height: 667 };

/** The id (or `data-open` slug) of what has focus inside a `<devops-stories>`'s shadow root. */
export function shadowFocus(element: Locator): Promise<{ id?: string; open?: string } | null> {
  return element.evaluate((host) => {
    const active = host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active ? { id: active.id || undefined, open: active.dataset.open } : null;
  });
}

/**
 * Buttons, links and inputs inside the element's shadow root smaller than `px` either way
 * (links inside story prose aside), and how far the page scrolls sideways.
 */
export async function layoutProblems(page: Page, element: Locator, px = 44) {
  const small = await element.evaluate((host, px) => {
    const controls = host.shadowRoot?.querySelectorAll<HTMLElement>('a[href], button, input') ?? [];
    return [...controls]
      .filter((control) => !control.closest('.body') && control.getClientRects().length > 0)
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return box.width < px || box.height < px;
      })
      .map((control) => control.textContent?.trim().slice(0, 40) ?? control.tagName);
  }, px);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  return { small, overflow };
}

/** The company of each story card, in list order, once the first card has rendered. */
export async function cardCompanies(element: Locator): Promise<string[]> {
  await element.locator('.card').first().waitFor();
  return element
    .locator('.card .eyebrow')
    .allTextContents()
    .then((lines) => lines.map((line) => line.split(' · ')[0].trim()));
}

/** Matches the element's requests to the API: a GET by document id (`/graphql?documentId=…`) or a POST. */
export const GRAPHQL_REQUEST = /\/graphql(\?|$)/;

const DOCUMENTS: Record<string, string> = Object.assign(
  {},
  ...['../gql/persisted-documents.json', '../glossary/gql/persisted-documents.json'].map(
    (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, string>,
  ),
);

/**
 * What one request to the API asks, for tests that pick requests by content: the POSTed body,
 * or, for a GET by document id, the document's text (from the manifests) and its variables.
 */
export function graphqlRequestText(request: Request): string {
  if (request.method() === 'POST') return request.postData() ?? '';
  const url = new URL(request.url());
  const id = url.searchParams.get('documentId')?.replace(/^sha256:/, '') ?? '';
  return `${DOCUMENTS[id] ?? url.searchParams.get('query') ?? ''} ${url.searchParams.get('variables') ?? ''}`;
}
