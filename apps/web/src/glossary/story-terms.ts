import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { execute } from '../client.js';
import type { ViewContext } from '../navigation/view-context.js';
import type { StoryTermsQuery } from './gql/graphql.js';
import { storyTermsQuery } from './operations.js';

type Term = NonNullable<StoryTermsQuery['story']>['terms'][number];

/**
 * The glossary terms of the open story, as a short list of definitions under it. The glossary
 * is an optional schema module: when the server lacks it (or the request fails), the story
 * simply shows without the list.
 */
export class StoryTerms {
  readonly terms: Task<[string, string | undefined], Term[]>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.terms = new Task(host, {
      task: async ([endpoint, slug], { signal }) =>
        slug ? ((await execute(endpoint, storyTermsQuery, { slug }, { signal })).story?.terms ?? []) : initialState,
      args: () => [context.endpoint, context.route.story],
    });
  }

  render() {
    const terms = this.terms.status === TaskStatus.COMPLETE ? this.terms.value : undefined;
    if (!terms?.length) return nothing;
    return html`<section aria-labelledby="terms-heading">
      <h3 id="terms-heading">Terms in this story</h3>
      <dl class="terms">
        ${terms.map(
          (term) =>
            html`<div data-term=${term.slug}>
              <dt>${term.name}${term.abbreviation ? html` <abbr>(${term.abbreviation})</abbr>` : nothing}</dt>
              <dd>${term.definition}</dd>
            </div>`,
        )}
      </dl>
    </section>`;
  }
}
