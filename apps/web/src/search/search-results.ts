import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { renderPageCard, renderStoryCard } from '../cards.js';
import { isAbort } from '../client.js';
import type { ViewContext } from '../navigation/view-context.js';
import { renderError, renderSkeleton } from '../panels.js';
import { type SearchHit, searchContent, type SearchRequest, type SearchResults } from './search.js';

/**
 * The search results for the committed search and chips, as the API ranks, filters and counts
 * them; a newer search aborts the one in flight, and "More results" appends the next pages.
 */
export class SearchResultsView {
  readonly #context: ViewContext;
  #more: SearchResults[] = [];
  #request?: [string, SearchRequest];
  readonly results: Task<[string, string, string, string], SearchResults>;
  /** The page after the last one shown. */
  readonly nextPage: Task<[string], SearchResults>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    this.results = new Task(host, {
      task: ([endpoint, query, practice, company], { signal }) => {
        if (!query) return initialState;
        this.nextPage.abort();
        this.#request = [endpoint, { query, practice, company }];
        return searchContent(endpoint, this.#request[1], signal);
      },
      args: () => [context.endpoint, context.route.q, context.route.practice, context.route.company],
      onComplete: () => (this.#more = []),
    });
    this.nextPage = new Task(host, {
      autoRun: false,
      task: ([after], { signal }) =>
        this.#request ? searchContent(this.#request[0], this.#request[1], signal, after) : initialState,
      onComplete: (page) => this.#more.push(page),
    });
  }

  /** The count line, the hits in rank order and "More results", or the searching or error state. */
  render(): TemplateResult {
    const { status, value, error } = this.results;
    const term = this.#context.route.q;
    if (status === TaskStatus.ERROR) return renderError('The search failed.', error, () => void this.results.run());
    if (!value) return renderSkeleton(`Searching for “${term}”…`);
    const busy = status === TaskStatus.PENDING;
    const count = value.totalCount;
    const hits = [value, ...this.#more].flatMap((page) => page.hits);
    const next = (this.#more.at(-1) ?? value).next;
    const more = this.nextPage;
    const moreFailed = more.status === TaskStatus.ERROR && !isAbort(more.error);
    const shown = hits.length < count ? `Showing ${hits.length} of ` : '';
    return html`<p class="status" part="status" role="status">
        ${busy ? 'Searching…' : `${shown}${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'} for “${term}”`}
      </p>
      <ul class="cards ${busy ? 'busy' : ''}" aria-busy=${busy ? 'true' : 'false'}>
        ${hits.map((hit) => this.#renderHit(hit))}
      </ul>
      ${moreFailed ? renderError('More results could not be loaded.', more.error, () => void more.run()) : nothing}
      ${
        next && !moreFailed && !busy
          ? html`<button
              class="more"
              part="button"
              ?disabled=${more.status === TaskStatus.PENDING}
              @click=${() => void more.run([next])}
            >
              ${more.status === TaskStatus.PENDING ? 'Loading…' : 'More results'}
            </button>`
          : nothing
      }`;
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
