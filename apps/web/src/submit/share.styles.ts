import { css } from 'lit';

/** The form's own rules, adopted into the element's shadow root when the form's chunk loads. */
export const shareStyles = css`
  .share {
    display: grid;
    gap: 1rem;
    max-width: 40rem;
  }
  .share p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  .field label {
    font-weight: 600;
  }
  .field .hint {
    color: var(--ds-muted);
    font-size: 0.875em;
  }
  .field input,
  .field textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--ds-border);
    border-radius: calc(var(--ds-radius) / 2);
    background: var(--ds-bg);
    color: var(--ds-text);
    font: inherit;
    /* 16 px at least, so phones do not zoom into the field. */
    font-size: max(1rem, 16px);
  }
  .field textarea {
    min-height: 6rem;
    resize: vertical;
  }
  .field [aria-invalid='true'] {
    border-color: #b42318;
    border-width: 2px;
  }
  .field .problem {
    color: #b42318;
    font-weight: 600;
    margin: 0;
  }
  .receipt {
    display: block;
    overflow-wrap: anywhere;
    padding: 0.75rem;
    background: var(--ds-surface);
    border-radius: calc(var(--ds-radius) / 2);
    font-family: ui-monospace, monospace;
  }
`;
