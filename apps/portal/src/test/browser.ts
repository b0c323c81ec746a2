import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests write their screenshots; ignored by git. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** The phone viewport of the browser tests. */
export const PHONE = { width: 375, height: 667 };

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

/** Collects every error the page logs or throws: failed requests, CSP violations, script errors. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Links and buttons in the page's light DOM smaller than 44 px either way, and how far the page scrolls sideways. */
export async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const small = [...document.querySelectorAll<HTMLElement>('a[href], button, input')]
      .filter((control) => control.getClientRects().length > 0 && !control.closest('.credits'))
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return box.width < 44 || box.height < 44;
      })
      .map((control) => control.textContent?.trim().slice(0, 40) ?? control.tagName);
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return { small, overflow };
  });
}
