import { css } from 'lit';

/** Error and notice panels, and the story, day and recap articles. */
export const articleStyles = css`
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

  .days {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    padding: 0;
  }
  .recap-pager {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }
  .recap-pager button,
  .to-recap {
    display: grid;
    gap: 0.125em;
    text-align: start;
    border-radius: var(--_radius);
  }
  .recap-pager .next {
    text-align: end;
  }
  .terms {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }
  .terms div {
    padding-bottom: 0.5em;
    border-bottom: 1px solid var(--_border);
  }
  .terms dt {
    font-weight: 700;
  }
  .terms abbr {
    text-decoration: none;
    color: var(--_muted);
    font-weight: 400;
  }
  .terms dd {
    margin: 0;
  }
`;
