import { css } from 'lit';
import { listStyles } from './list/list.styles.js';
import { articleStyles } from './story/article.styles.js';

/**
 * The element's shadow styles: these base rules, then the list's and the articles'. Inherited properties are reset on `.root`, so a host
 * page's `* { font-family: serif !important }` or `line-height` stops at the shadow
 * boundary; the `--ds-*` custom properties are the theming interface.
 */
const baseStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_accent: var(--ds-accent, #0a58b8);
    --_accent-text: var(--ds-accent-text, #ffffff);
    --_bg: var(--ds-bg, #ffffff);
    --_surface: var(--ds-surface, #f4f6f9);
    --_text: var(--ds-text, #1a1d21);
    --_muted: var(--ds-muted, #4f5a67);
    --_border: var(--ds-border, #cfd6df);
    --_mark: var(--ds-mark, #fff1a6);
    --_focus: var(--ds-focus, #c2410c);
    --_radius: var(--ds-radius, 12px);
    --_font: var(--ds-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--ds-accent, #8ab8ff);
      --_accent-text: var(--ds-accent-text, #0b1522);
      --_bg: var(--ds-bg, #15181c);
      --_surface: var(--ds-surface, #1f242b);
      --_text: var(--ds-text, #e9edf2);
      --_muted: var(--ds-muted, #aab4c0);
      --_border: var(--ds-border, #3a424d);
      --_mark: var(--ds-mark, #6b5600);
      --_focus: var(--ds-focus, #ffb36b);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    font-family: var(--_font);
    font-size: var(--ds-font-size, medium);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    color: var(--_text);
    background: var(--_bg);
    padding: 0.75em;
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.0625em;
    line-height: 1.3;
  }
  ul.plain {
    list-style: none;
    padding: 0;
  }
  button,
  input {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  button {
    cursor: pointer;
    min-height: 44px;
    min-width: 44px;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 0.5em 1em;
    margin: 0;
    box-shadow: none;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    font-weight: 600;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }

  .credit {
    margin-top: 1em;
    font-size: 0.8125em;
  }
  /* Its links are 44 px tall targets, as every control of the element is. */
  .credit a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }

  nav {
    display: flex;
    gap: 0.5em;
    margin-bottom: 0.75em;
  }
  nav button {
    flex: 1 1 0;
    border-radius: 999px;
  }
  nav button[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    font-weight: 600;
  }
`;

export const styles = [baseStyles, listStyles, articleStyles];
