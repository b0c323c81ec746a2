import { initialState, Task, TaskStatus } from '@lit/task';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { renderPageCard, renderStoryCard } from '../cards.js';
import type { ViewContext } from '../navigation/view-context.js';
import { renderError, renderSkeleton } from '../panels.js';
import { type SearchHit, searchContent, type SearchResults } from './search.js';

/** The search results for the committed search and chips; a newer search aborts the one in flight. */
export class SearchResultsView {
  readonly #context: ViewContext;
  readonly results: Task<[string, string, string, string], SearchResults>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    this.results = new Task(host, {
      task: ([endpoint, query, practice, company], { signal }) =>
        query ? searchContent(endpoint, { query, practice, company }, signal) : initialState,
      args: () => [context.endpoint, context.route.q, context.route.practice, context.route.company],
    });
  }

  /** The count line and the hits in rank order, or the searching or error state. */
  render(): TemplateResult {
    const { status, value, error } = this.results;
    const term = this.#context.route.q;
    if (status === TaskStatus.ERROR) return renderError('The search failed.', error, () => void this.results.run());
    if (!value) return renderSkeleton(`Searching for “${term}”…`);
    const busy = status === TaskStatus.PENDING;
    const count = value.totalCount;
    return html`<p class="status" part="status" role="status">
        ${busy ? 'Searching…' : `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'} for “${term}”`}
      </p>
      <ul class="cards ${busy ? 'busy' : ''}" aria-busy=${busy ? 'true' : 'false'}>
        ${value.hits.map((hit) => this.#renderHit(hit))}
      </ul>`;
  }

  #renderHit({ node, snippet }: SearchHit): TemplateResult {
    const context = this.#context;
    switch (node.__typename) {
      case 'Story':
        return renderStoryCard(node, (slug) => context.openStory(slug), snippet);
      case 'Day':
        return renderPageCard(`Day ${node.number}`, node.title, snippet, { day: node.number }, () =>
          context.openDay(node.number),
        );
      case 'Recap':
        return renderPageCard(`Recap · day ${node.day}`, node.title, snippet, { recap: node.day }, () =>
          context.openRecap(node.day),
        );
    }
  }
}
