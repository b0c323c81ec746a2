import { css } from 'lit';

/** The search form, the chips, the cards and their states. */
export const listStyles = css`
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
`;
