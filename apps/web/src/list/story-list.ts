import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { renderStoryCard } from '../cards.js';
import { execute, isAbort } from '../client.js';
import { clampPageSize } from '../format.js';
import type { StoryListQuery } from '../gql/graphql.js';
import type { FilterKind, ViewContext } from '../navigation/view-context.js';
import { facetsQuery, storyListQuery } from '../operations.js';
import { renderError, renderSkeleton } from '../panels.js';

type StoryPage = StoryListQuery['stories'];
/** Endpoint, practice, company, day and page size: what the first page depends on. */
type PageArgs = [string, string, string, number | undefined, number];

/**
 * The story list under the chip filters: the first page reloads when a filter, the day, the
 * page size or the endpoint changes (a newer load aborts the one in flight); "Load more"
 * appends the next pages. Loads nothing until the stories view is first shown.
 */
export class StoryList {
  readonly #context: ViewContext;
  #wanted = false;
  #more: StoryPage[] = [];
  #revealed = '';

  /** The practices and companies the chips offer. */
  readonly facets: Task<[boolean, string], { practices: Facet[]; companies: Facet[] }>;
  /** The first page under the current filters. */
  readonly firstPage: Task<[boolean, ...PageArgs], StoryPage>;
  /** The page after the last one shown. */
  readonly nextPage: Task<[string], StoryPage>;
  #pageArgs?: PageArgs;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    const wanted = () => (this.#wanted ||= context.route.view === 'stories');
    this.facets = new Task(host, {
      task: ([wanted, endpoint], { signal }) =>
        wanted ? execute(endpoint, facetsQuery, {}, { signal }) : initialState,
      args: () => [wanted(), context.endpoint],
    });
    this.firstPage = new Task(host, {
      task: async ([wanted, ...args], { signal }) => {
        if (!wanted) return initialState;
        this.nextPage.abort();
        this.#pageArgs = args;
        return this.#load(args, undefined, signal);
      },
      args: () => {
        const { practice, company } = context.route;
        const day = Number.isInteger(context.listDay) ? context.listDay : undefined;
        return [wanted(), context.endpoint, practice, company, day, clampPageSize(context.pageSize)];
      },
      onComplete: () => (this.#more = []),
    });
    this.nextPage = new Task(host, {
      autoRun: false,
      task: ([after], { signal }) => (this.#pageArgs ? this.#load(this.#pageArgs, after, signal) : initialState),
      onComplete: (page) => this.#more.push(page),
    });
  }

  async #load(
    [endpoint, practice, company, day, first]: PageArgs,
    after: string | undefined,
    signal: AbortSignal,
  ): Promise<StoryPage> {
    const filter = { practice: practice || undefined, company: company || undefined, day };
    return (await execute(endpoint, storyListQuery, { filter, first, after }, { signal })).stories;
  }

  /** The practice and company chip rows. */
  renderChips(): TemplateResult {
    const { practice, company } = this.#context.route;
    return html`${this.#renderChips('practice', 'Practice', practice)}${this.#renderChips('company', 'Company', company)}`;
  }

  /** Scrolls each chip row so its pressed chip is in view, once per change of the pressed chips. */
  revealPressedChips(): void {
    const key = `${this.facets.status}|${this.#context.route.practice}|${this.#context.route.company}`;
    if (key === this.#revealed) return;
    this.#revealed = key;
    for (const row of this.#context.renderRoot.querySelectorAll<HTMLElement>('.chips')) {
      const chip = row.querySelector<HTMLElement>('[aria-pressed="true"]');
      if (!chip) continue;
      const left = chip.offsetLeft;
      if (left < row.scrollLeft || left + chip.offsetWidth > row.scrollLeft + row.clientWidth)
        row.scrollLeft = left - 8;
    }
  }

  #renderChips(kind: FilterKind, label: string, selected: string) {
    const options = this.facets.value?.[kind === 'practice' ? 'practices' : 'companies'];
    // Until the chips arrive an empty row of their height holds their place, so the list does not jump.
    if (!options)
      return this.facets.status === TaskStatus.ERROR
        ? nothing
        : html`<div class="group" aria-hidden="true">
            <span class="group-label">${label}</span>
            <div class="chips placeholder"></div>
          </div>`;
    if (!options.length) return nothing;
    return html`<div class="group" role="group" aria-labelledby="${kind}-label">
      <span class="group-label" id="${kind}-label">${label}</span>
      <ul class="chips">
        ${options.map(
          (option) =>
            html`<li>
              <button
                class="chip"
                part="chip"
                data-chip="${kind}:${option.slug}"
                aria-pressed=${option.slug === selected ? 'true' : 'false'}
                @click=${() => this.#context.toggleFilter(kind, option.slug)}
              >
                ${option.name}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** The count line, the cards and "Load more", or the loading, empty or error state. */
  renderPage(): TemplateResult {
    const { status, value: first, error } = this.firstPage;
    if (status === TaskStatus.ERROR) return renderError('The stories could not be loaded.', error, () => this.#retry());
    if (!first) return renderSkeleton('Loading stories…');
    const { route, listDay } = this.#context;
    const filtered = Boolean(route.practice || route.company || listDay !== undefined);
    if (first.totalCount === 0) {
      return html`<div class="panel" role="status" part="status">
        <p>No stories match ${filtered ? 'these filters' : 'yet'}.</p>
        ${filtered ? html`<button part="button" @click=${() => this.#context.clearFilters()}>Clear filters</button>` : nothing}
      </div>`;
    }
    const last = this.#more.at(-1) ?? first;
    const nodes = [first, ...this.#more].flatMap((page) => page.nodes);
    const busy = status === TaskStatus.PENDING;
    const more = this.nextPage;
    const moreFailed = more.status === TaskStatus.ERROR && !isAbort(more.error);
    const noun = first.totalCount === 1 ? 'story' : 'stories';
    return html`<p class="status" part="status" role="status">
        ${busy ? 'Updating…' : `Showing ${nodes.length} of ${first.totalCount} ${noun}`}
      </p>
      <ul class="cards ${busy ? 'busy' : ''}" aria-busy=${busy ? 'true' : 'false'}>
        ${nodes.map((story) => renderStoryCard(story, (slug) => this.#context.openStory(slug)))}
      </ul>
      ${moreFailed ? renderError('More stories could not be loaded.', more.error, () => void more.run()) : nothing}
      ${
        last.pageInfo.hasNextPage && last.pageInfo.endCursor && !moreFailed
          ? html`<button
              class="more"
              part="button"
              ?disabled=${more.status === TaskStatus.PENDING}
              @click=${() => void more.run([last.pageInfo.endCursor as string])}
            >
              ${more.status === TaskStatus.PENDING ? 'Loading…' : 'Load more stories'}
            </button>`
          : nothing
      }`;
  }

  #retry(): void {
    if (this.facets.status === TaskStatus.ERROR) void this.facets.run();
    void this.firstPage.run();
  }
}

interface Facet {
  slug: string;
  name: string;
}
