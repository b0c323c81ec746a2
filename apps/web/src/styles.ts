import { css } from 'lit';

/**
 * The element's shadow styles. Inherited properties are reset on `.root`, so a host
 * page's `* { font-family: serif !important }` or `line-height` stops at the shadow
 * boundary; the `--ds-*` custom properties are the theming interface.
 */
export const styles = css`
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

  form {
    display: grid;
    gap: 0.25em;
    margin-bottom: 0.75em;
  }
  label,
  .group-label {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  input[type='search'] {
    width: 100%;
    min-height: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_bg);
  }

  .group {
    margin-bottom: 0.5em;
    min-width: 0;
  }
  .chips {
    position: relative;
    display: flex;
    gap: 0.5em;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: thin;
    padding: 0.25em 0.125em 0.375em;
    list-style: none;
    margin: 0;
  }
  .chips.placeholder {
    height: calc(44px + 0.625em);
  }
  .chips li {
    flex: none;
  }
  .chip {
    border-radius: 999px;
    white-space: nowrap;
    padding: 0.5em 0.9em;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    font-weight: 600;
  }

  .status {
    margin: 0.5em 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .cards {
    display: grid;
    gap: 0.75em;
    list-style: none;
    padding: 0;
  }
  @container (min-width: 640px) {
    .cards {
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
    }
  }
  .card {
    position: relative;
    display: grid;
    gap: 0.375em;
    align-content: start;
    padding: 0.875em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card:hover {
    border-color: var(--_accent);
  }
  .card:focus-within {
    border-color: var(--_accent);
  }
  .eyebrow {
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  .open {
    display: block;
    width: 100%;
    padding: 0.25em 0;
    border: 0;
    background: none;
    text-align: start;
    font-weight: 700;
    color: var(--_text);
    font-size: inherit;
    line-height: inherit;
  }
  .card .open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .card .open:focus-visible {
    outline: none;
  }
  .card .open:focus-visible::after {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .metric-line {
    font-size: 0.9375em;
  }
  .metric-line strong,
  .metric .value {
    color: var(--_accent);
    font-weight: 700;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    list-style: none;
    padding: 0;
  }
  .tags li {
    font-size: 0.8125em;
    padding: 0.125em 0.625em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 3px;
    padding: 0 0.1em;
  }
  .more {
    display: block;
    width: 100%;
    margin-top: 0.75em;
  }
  .skeleton {
    height: 8.5em;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .busy {
    opacity: 0.6;
  }

  .panel {
    display: grid;
    gap: 0.75em;
    justify-items: start;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .panel.error {
    border-color: var(--_focus);
  }

  article {
    display: grid;
    gap: 0.875em;
  }
  article > section {
    display: grid;
    gap: 0.5em;
  }
  .back {
    justify-self: start;
  }
  h2[tabindex='-1']:focus {
    outline: none;
  }
  h2[tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .summary {
    font-size: 1.0625em;
  }
  .body h3,
  .body h4 {
    font-size: 1.0625em;
    margin: 1em 0 0.25em;
  }
  .body p {
    margin: 0 0 0.75em;
  }
  .metrics {
    display: grid;
    gap: 0.5em;
    list-style: none;
    padding: 0;
  }
  .metric {
    display: grid;
    gap: 0.125em;
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .metric .value {
    font-size: 1.375em;
  }
  .link {
    display: flex;
    align-items: center;
    min-height: 44px;
    padding: 0.25em 0;
  }
  .sources li {
    border-top: 1px solid var(--_border);
  }
  .sources .muted {
    display: block;
    font-size: 0.875em;
    padding-bottom: 0.5em;
  }
  .related {
    display: grid;
    gap: 0.5em;
    list-style: none;
    padding: 0;
  }
  .related button {
    display: grid;
    gap: 0.125em;
    width: 100%;
    text-align: start;
    border-radius: var(--_radius);
  }
  .related strong {
    color: var(--_text);
  }
  .points {
    display: grid;
    gap: 0.625em;
    padding-inline-start: 1.5em;
  }
  .points li::marker {
    color: var(--_accent);
    font-weight: 700;
  }
`;
