import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.js';

/** The portal's whole stylesheet, inline in every page (no extra request) and allowed by its hash. */
const CSS = `
:root { color-scheme: light dark; --accent: #0a58b8; --text: #1a1d21; --muted: #4f5a67; --bg: #ffffff;
  --surface: #f4f6f9; --border: #cfd6df; --focus: #c2410c; }
@media (prefers-color-scheme: dark) { :root { --accent: #8cbcff; --text: #e8ebef; --muted: #aab4c0; --bg: #15181c;
  --surface: #1f242a; --border: #3a434d; --focus: #fb923c; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--text);
  background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible, main:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -4rem; padding: 0.75rem 1rem; background: var(--bg); z-index: 1; }
.skip:focus { top: 0.5rem; }
.site, main, .credits { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
.site { display: flex; align-items: center; min-height: 3.5rem; border-bottom: 1px solid var(--border); }
.brand { display: inline-flex; align-items: center; min-height: 44px; font-weight: 700; text-decoration: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.25rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.125rem; margin: 0 0 0.25rem; }
.eyebrow, .meta { color: var(--muted); font-size: 0.9375rem; margin: 0; }
main > .eyebrow:first-child { margin-top: 1.25rem; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; padding: 1rem; }
.card p { margin: 0.5rem 0 0; }
.day-link { display: flex; align-items: center; min-height: 44px; font-size: 1.125rem; font-weight: 600; }
.figures { margin: 0.75rem 0 0; padding: 0; list-style: none; display: grid; gap: 0.25rem; }
.figures strong { color: var(--accent); }
.recap ol { padding-left: 1.25rem; }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 2rem 0; padding: 0; list-style: none; }
.pager a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem; border: 1px solid var(--border);
  border-radius: 8px; text-decoration: none; }
.explore { margin-top: 2rem; }
.problem { margin: 2rem 0; padding: 1rem; border: 2px solid var(--focus); border-radius: 12px; }
.credits { color: var(--muted); font-size: 0.875rem; margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--border); }
`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');
/** The style element, built apart from the page template so nothing changes the hashed text. */
const STYLE_ELEMENT = new SafeHtml(`<style>${CSS}</style>`);

/** What a page puts in the layout. */
export interface PageParts {
  title: string;
  description: string;
  main: SafeHtml;
  /** The `<devops-stories>` module URL, for pages that embed the element. */
  elementScript?: string;
}

/** The whole HTML document of a page. */
export function layout({ title, description, main, elementScript }: PageParts): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · DevOps Learning Portal</title>
        <meta name="description" content="${description}" />
        <link rel="icon" href="data:," />
        ${STYLE_ELEMENT} ${elementScript ? html`<script type="module" src="${elementScript}"></script>` : ''}
      </head>
      <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="site"><a class="brand" href="/">DevOps Learning Portal</a></header>
        <main id="main" tabindex="-1">${main}</main>
        <footer class="credits">
          <p>
            The stories and series days are adapted from Days 1-6 of #90DaysOfDevOps by Michael Cade and contributors,
            under <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a>.
          </p>
        </footer>
      </body>
    </html> `.markup;
}

/**
 * The Content-Security-Policy of every page: scripts only from the API's origin (the
 * element's module), requests only to the API, and the inline stylesheet by its hash.
 */
export function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src ${apiOrigin}`,
    `connect-src ${apiOrigin}`,
    `style-src 'sha256-${CSS_HASH}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
