import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { execute } from '../client.js';
import type { AttributionQuery } from '../gql/graphql.js';
import { attributionQuery } from '../operations.js';

/**
 * The credit line at the element's foot: the series the content is adapted from, its author and
 * its licence, linked, as the API's `attribution` gives them (the licence requires the credit
 * wherever the content is shown). Loaded once per endpoint, beside the view's own request; shows
 * nothing until it arrives, nor when it cannot be loaded (then the content cannot be either).
 */
export class CreditLine {
  readonly #credit: Task<[string], AttributionQuery['attribution']>;

  constructor(host: ReactiveControllerHost, endpoint: () => string) {
    this.#credit = new Task(host, {
      task: async ([endpoint], { signal }) => (await execute(endpoint, attributionQuery, {}, { signal })).attribution,
      args: () => [endpoint()],
    });
  }

  render(): TemplateResult | typeof nothing {
    const credit = this.#credit.value;
    if (!credit) return nothing;
    const link = (href: string, text: string, rel = '') =>
      html`<a href=${href} target="_blank" rel="${rel}noopener noreferrer">${text}</a>`;
    return html`<footer class="credit muted" part="credit">
      Adapted from ${link(credit.url, credit.name)} by ${credit.author} ·
      ${link(credit.licenceUrl, credit.licence, 'license ')}
    </footer>`;
  }
}
