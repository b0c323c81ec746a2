import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { execute, GraphQLRequestError, isAbort, LatestRequest } from './client.js';
import { clampPageSize, demoteHeadings, formatDays, formatMetric, keyMetric, snippetParts } from './format.js';
import type {
  FacetsQuery,
  RecapFieldsFragment,
  SearchQuery,
  StoryCardFieldsFragment,
  StoryListQuery,
  StoryQuery,
  TypedDocumentString,
} from './gql/graphql.js';
import { facetsQuery, recapQuery, recapsQuery, searchQuery, storyListQuery, storyQuery } from './operations.js';
import { styles } from './styles.js';

/** Which main view the element shows. */
export type DevopsStoriesView = 'stories' | 'recap';

/** `detail` of the `story-select` event. */
export interface StorySelectDetail {
  slug: string;
}

/** `detail` of the `filter-change` event; `null` means no filter of that kind. */
export interface FilterChangeDetail {
  practice: string | null;
  company: string | null;
  query: string;
}

/** The state of one remote resource: what is shown while loading, after loading and on failure. */
interface Remote<T> {
  status: 'loading' | 'ready' | 'error';
  data?: T;
  error?: string;
}

type StoryPage = StoryListQuery['stories'];
type SearchHit = SearchQuery['search'][number];
type StoryHit = SearchHit & { node: { __typename: 'Story' } };
type RecapHit = SearchHit & { node: { __typename: 'Recap' } };
type StoryDetail = NonNullable<StoryQuery['story']>;
/** Where a story was opened from, which is where its back button returns. */
type StoryOrigin = 'list' | 'recap';

const SEARCH_DEBOUNCE_MS = 250;
const SEARCH_MIN_LENGTH = 2;

/**
 * The real stories of DevOps adoption, embeddable in any page: a filterable, searchable
 * story list, a story view and the recap of a series day, fetched from the
 * devops-stories GraphQL API. Everything renders in shadow DOM, so the host page's CSS
 * and the element's never mix; theme it with the `--ds-*` custom properties and parts.
 *
 * @fires story-select - A story was opened; `detail: { slug }`. Bubbles, composed.
 * @fires filter-change - The reader changed a practice or company chip or the search;
 *   `detail: { practice, company, query }`. Bubbles, composed.
 *
 * @csspart root - The element's box (background, padding).
 * @csspart nav - The Stories / Recap switch; hide it to pin one view.
 * @csspart tab - Each button of the switch.
 * @csspart search - The search form.
 * @csspart chip - A practice or company filter chip.
 * @csspart card - A story card in the list or in search results.
 * @csspart button - Every other button (load more, back, retry).
 * @csspart story - The story view.
 * @csspart metric - A sourced figure in the story view.
 * @csspart recap - The recap view.
 * @csspart status - The loading, empty and count lines.
 * @csspart error - The error panel with its retry button.
 *
 * @cssprop [--ds-accent=#0a58b8] - Links, figures, selected chips and primary buttons.
 * @cssprop [--ds-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--ds-font=system-ui, sans-serif] - Font family of everything inside.
 * @cssprop [--ds-font-size=medium] - Base font size; everything scales with it.
 * @cssprop [--ds-bg=#ffffff] - Background of the element.
 * @cssprop [--ds-surface=#f4f6f9] - Background of cards, chips and panels.
 * @cssprop [--ds-text=#1a1d21] - Body text colour.
 * @cssprop [--ds-muted=#4f5a67] - Secondary text colour.
 * @cssprop [--ds-border=#cfd6df] - Borders of cards, chips and inputs.
 * @cssprop [--ds-mark=#fff1a6] - Background of matched words in search snippets.
 * @cssprop [--ds-focus=#c2410c] - The keyboard focus ring.
 * @cssprop [--ds-radius=12px] - Corner radius of cards and panels.
 */
@customElement('devops-stories')
export class DevopsStories extends LitElement {
  static override styles = styles;

  /** The GraphQL endpoint; relative URLs resolve against the page, so the default is same-origin `/graphql`. */
  @property() endpoint = '/graphql';

  /** A practice slug the list starts filtered by, e.g. `continuous-deployment`. */
  @property() practice?: string;

  /** A company slug the list starts filtered by, e.g. `amazon`. */
  @property() company?: string;

  /** A series day: the list shows that day's stories and the recap view that day's recap (default: the latest). */
  @property({ type: Number }) day?: number;

  /** The view shown: the story list or the recap. The built-in switch changes it too. */
  @property({ reflect: true }) view: DevopsStoriesView = 'stories';

  /** Stories per page; "Load more" fetches the next page. 1 to 100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  @state() private practiceFilter = '';
  @state() private companyFilter = '';
  @state() private query = '';
  @state() private searchTerm = '';
  @state() private openSlug?: string;
  @state() private recapDay?: number;
  @state() private list: Remote<StoryPage> = { status: 'loading' };
  @state() private loadingMore = false;
  @state() private moreError?: string;
  @state() private facets?: FacetsQuery;
  @state() private facetsFailed = false;
  @state() private search: Remote<SearchHit[]> = { status: 'ready', data: [] };
  @state() private story: Remote<StoryDetail | null> = { status: 'loading' };
  @state() private recap: Remote<RecapFieldsFragment | null> = { status: 'loading' };

  #listRequest = new LatestRequest();
  #facetsRequest = new LatestRequest();
  #searchRequest = new LatestRequest();
  #storyRequest = new LatestRequest();
  #recapRequest = new LatestRequest();
  #listKey?: string;
  #facetsKey?: string;
  #searchKey?: string;
  #recapKey?: string;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #listScrollY = 0;
  #storyOrigin: StoryOrigin = 'list';

  override connectedCallback(): void {
    super.connectedCallback();
    // Requests aborted by a disconnect must run again when the element comes back.
    if (this.hasUpdated) {
      this.#forgetKeys();
      if (this.openSlug && this.story.status !== 'ready') this.#loadStory();
    }
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    for (const request of [
      this.#listRequest,
      this.#facetsRequest,
      this.#searchRequest,
      this.#storyRequest,
      this.#recapRequest,
    ])
      request.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('practice') || changed.has('company')) {
      this.practiceFilter = this.practice ?? '';
      this.companyFilter = this.company ?? '';
    }
    if (changed.has('day')) this.recapDay = this.day;
    if (changed.has('view') && changed.get('view') !== undefined) this.openSlug = undefined;
    if (this.view === 'recap') {
      if (this.#recapKeyNow() !== this.#recapKey) this.#loadRecap();
    } else {
      if (this.#listKeyNow() !== this.#listKey) this.#loadList();
      if (this.endpoint !== this.#facetsKey) this.#loadFacets();
      if (this.#searchKeyNow() !== this.#searchKey) this.#loadSearch();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('facets') || changed.has('practice') || changed.has('company')) this.#revealPressedChips();
  }

  protected override render(): TemplateResult {
    let main: TemplateResult;
    if (this.openSlug) main = this.#renderStory();
    else if (this.view === 'recap') main = this.#renderRecap();
    else main = this.#renderList();
    return html`<div class="root" part="root">${this.#renderNav()}${main}</div>`;
  }

  #renderNav(): TemplateResult {
    const tab = (view: DevopsStoriesView, label: string) =>
      html`<button
        part="tab"
        aria-current=${this.view === view && !this.openSlug ? 'page' : nothing}
        @click=${() => this.#showView(view)}
      >
        ${label}
      </button>`;
    return html`<nav part="nav" aria-label="DevOps stories">${tab('stories', 'Stories')}${tab('recap', 'Recap')}</nav>`;
  }

  #renderList(): TemplateResult {
    return html`<section aria-labelledby="list-heading">
      <h2 id="list-heading" class="visually-hidden">DevOps stories</h2>
      <form role="search" part="search" @submit=${this.#onSearchSubmit}>
        <label for="search">Search stories</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          placeholder="e.g. rollback, canary, cloud"
          .value=${this.query}
          @input=${this.#onSearchInput}
        />
      </form>
      ${this.#renderChips('practice', 'Practice', this.facets?.practices, this.practiceFilter)}
      ${this.#renderChips('company', 'Company', this.facets?.companies, this.companyFilter)}
      ${this.searchTerm ? this.#renderSearchResults() : this.#renderStoryPage()}
    </section>`;
  }

  #renderChips(
    kind: 'practice' | 'company',
    label: string,
    options: { slug: string; name: string }[] | undefined,
    selected: string,
  ) {
    // Until the chips arrive an empty row of their height holds their place, so the list does not jump.
    if (!options)
      return this.facetsFailed
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
                @click=${() => this.#toggleFilter(kind, option.slug)}
              >
                ${option.name}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #revealPressedChips(): void {
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('.chips')) {
      const chip = row.querySelector<HTMLElement>('[aria-pressed="true"]');
      if (!chip) continue;
      const left = chip.offsetLeft;
      if (left < row.scrollLeft || left + chip.offsetWidth > row.scrollLeft + row.clientWidth)
        row.scrollLeft = left - 8;
    }
  }

  #renderStoryPage(): TemplateResult {
    const { status, data, error } = this.list;
    if (status === 'error')
      return this.#renderError(`The stories could not be loaded. ${error}`, () => this.#retryList());
    if (!data) return this.#renderSkeleton('Loading stories…');
    const filtered = Boolean(this.practiceFilter || this.companyFilter || this.day !== undefined);
    if (data.totalCount === 0) {
      return html`<div class="panel" role="status" part="status">
        <p>No stories match ${filtered ? 'these filters' : 'yet'}.</p>
        ${filtered ? html`<button part="button" @click=${this.#clearFilters}>Clear filters</button>` : nothing}
      </div>`;
    }
    const busy = status === 'loading';
    const noun = data.totalCount === 1 ? 'story' : 'stories';
    return html`<p class="status" part="status" role="status">
        ${busy ? 'Updating…' : `Showing ${data.nodes.length} of ${data.totalCount} ${noun}`}
      </p>
      <ul class="cards ${busy ? 'busy' : ''}" aria-busy=${busy ? 'true' : 'false'}>
        ${data.nodes.map((story) => this.#renderCard(story))}
      </ul>
      ${this.moreError ? this.#renderError(`More stories could not be loaded. ${this.moreError}`, () => this.#loadMore()) : nothing}
      ${
        data.pageInfo.hasNextPage && !this.moreError
          ? html`<button class="more" part="button" ?disabled=${this.loadingMore} @click=${this.#loadMore}>
              ${this.loadingMore ? 'Loading…' : `Load more stories`}
            </button>`
          : nothing
      }`;
  }

  #renderCard(story: StoryCardFieldsFragment, snippet?: string): TemplateResult {
    const metric = keyMetric(story.title, story.metrics);
    return html`<li class="card" part="card" data-slug=${story.slug}>
      <p class="eyebrow">${story.company.name}${story.year ? html` · ${story.year}` : nothing}</p>
      <h3>
        <button class="open" data-open=${story.slug} @click=${() => this.#openStory(story.slug, 'list')}>
          ${story.title}
        </button>
      </h3>
      <p class="snippet">${snippet === undefined ? story.headline : this.#renderSnippet(snippet)}</p>
      ${
        metric
          ? html`<p class="metric-line">
              <strong>${formatMetric(metric)}</strong>
              <span class="muted">${metric.label}${metric.year ? ` (${metric.year})` : ''}</span>
            </p>`
          : nothing
      }
      <ul class="tags" aria-label="Practices">
        ${story.practices.map((practice) => html`<li>${practice.name}</li>`)}
      </ul>
    </li>`;
  }

  #renderSnippet(snippet: string) {
    return snippetParts(snippet).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text));
  }

  #renderSearchResults(): TemplateResult {
    const { status, data, error } = this.search;
    if (status === 'error') return this.#renderError(`The search failed. ${error}`, () => this.#loadSearch());
    if (!data) return this.#renderSkeleton(`Searching for “${this.searchTerm}”…`);
    const stories = data
      .filter((hit): hit is StoryHit => hit.node.__typename === 'Story')
      .filter((hit) => this.#matchesChips(hit.node));
    const recaps = data.filter((hit): hit is RecapHit => hit.node.__typename === 'Recap');
    const count = stories.length + recaps.length;
    const busy = status === 'loading';
    return html`<p class="status" part="status" role="status">
        ${busy ? 'Searching…' : `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'} for “${this.searchTerm}”`}
      </p>
      <ul class="cards ${busy ? 'busy' : ''}" aria-busy=${busy ? 'true' : 'false'}>
        ${stories.map((hit) => this.#renderCard(hit.node, hit.snippet))}
        ${recaps.map(
          (hit) =>
            html`<li class="card" part="card">
              <p class="eyebrow">Recap · day ${hit.node.day}</p>
              <h3><button class="open" @click=${() => this.#openRecap(hit.node.day)}>${hit.node.title}</button></h3>
              <p class="snippet">${this.#renderSnippet(hit.snippet)}</p>
            </li>`,
        )}
      </ul>`;
  }

  #renderStory(): TemplateResult {
    const backLabel = this.#storyOrigin === 'recap' ? 'Back to the recap' : 'Back to stories';
    const back = html`<button class="back" part="button" @click=${this.#back}>
      <span aria-hidden="true">←</span> ${backLabel}
    </button>`;
    const { status, data, error } = this.story;
    if (status === 'error')
      return html`<article>
        ${back}${this.#renderError(`The story could not be loaded. ${error}`, () => this.#loadStory())}
      </article>`;
    if (status === 'loading' || data === undefined)
      return html`<article aria-busy="true">${back}${this.#renderSkeleton('Loading the story…')}</article>`;
    if (data === null) {
      return html`<article>
        ${back}
        <div class="panel" role="status" part="status"><p>This story is not available.</p></div>
      </article>`;
    }
    return html`<article part="story" aria-labelledby="story-title">
      ${back}
      <p class="eyebrow">
        ${data.company.name}${data.year ? ` · ${data.year}` : ''} · ${data.readingTimeMinutes} min read
      </p>
      <h2 id="story-title" tabindex="-1">${data.title}</h2>
      <p class="summary">${data.summary}</p>
      <ul class="tags" aria-label="Practices">
        ${data.practices.map((practice) => html`<li>${practice.name}</li>`)}
      </ul>
      ${
        data.metrics.length
          ? html`<section aria-labelledby="metrics-heading">
              <h3 id="metrics-heading">Key figures</h3>
              <ul class="metrics">
                ${data.metrics.map(
                  (metric) =>
                    html`<li class="metric" part="metric">
                      <span class="value">${formatMetric(metric)}</span>
                      <span>${metric.label}${metric.year ? ` (${metric.year})` : ''}</span>
                      ${
                        metric.source
                          ? html`<a class="link" href=${metric.source.url} target="_blank" rel="noopener noreferrer"
                              >Source: ${metric.source.title}</a
                            >`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      <div class="body">${unsafeHTML(demoteHeadings(data.body))}</div>
      ${
        data.sources.length
          ? html`<section aria-labelledby="sources-heading">
              <h3 id="sources-heading">Sources</h3>
              <ul class="plain sources">
                ${data.sources.map(
                  (source) =>
                    html`<li>
                      <a class="link" href=${source.url} target="_blank" rel="noopener noreferrer">${source.title}</a>
                      <span class="muted"
                        >${[source.publisher, source.year, source.kind.toLowerCase()].filter(Boolean).join(' · ')}</span
                      >
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      ${this.#renderStoryLinks('related-heading', 'Related stories', data.related, this.#storyOrigin)}
    </article>`;
  }

  #renderRecap(): TemplateResult {
    const { status, data, error } = this.recap;
    if (status === 'error')
      return this.#renderError(`The recap could not be loaded. ${error}`, () => this.#loadRecap());
    if (data === undefined) return this.#renderSkeleton('Loading the recap…');
    if (data === null) {
      return html`<div class="panel" role="status" part="status">
        <p>
          ${this.recapDay === undefined ? 'No recap has been published yet.' : `There is no recap for day ${this.recapDay} yet.`}
        </p>
      </div>`;
    }
    return html`<article
      part="recap"
      aria-labelledby="recap-title"
      aria-busy=${status === 'loading' ? 'true' : 'false'}
    >
      <p class="eyebrow">Day ${data.day} · covers ${formatDays(data.coversDays)}</p>
      <h2 id="recap-title" tabindex="-1">${data.title}</h2>
      <ol class="points">
        ${data.points.map((point) => html`<li>${point}</li>`)}
      </ol>
      ${this.#renderStoryLinks('recap-stories-heading', 'Stories in this recap', data.stories, 'recap')}
    </article>`;
  }

  #renderStoryLinks(
    headingId: string,
    heading: string,
    stories: readonly { slug: string; title: string; company: { name: string } }[],
    origin: StoryOrigin,
  ) {
    if (!stories.length) return nothing;
    return html`<section aria-labelledby=${headingId}>
      <h3 id=${headingId}>${heading}</h3>
      <ul class="related">
        ${stories.map(
          (story) =>
            html`<li>
              <button part="button" data-open=${story.slug} @click=${() => this.#openStory(story.slug, origin)}>
                <span class="eyebrow">${story.company.name}</span><strong>${story.title}</strong>
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderSkeleton(message: string): TemplateResult {
    return html`<p class="status" part="status" role="status">${message}</p>
      <ul class="cards" aria-hidden="true">
        <li class="skeleton"></li>
        <li class="skeleton"></li>
        <li class="skeleton"></li>
      </ul>`;
  }

  #renderError(message: string, retry: () => void): TemplateResult {
    return html`<div class="panel error" part="error" role="alert">
      <p>${message}</p>
      <button class="primary" part="button" @click=${retry}>Try again</button>
    </div>`;
  }

  #listKeyNow(): string {
    return JSON.stringify([this.endpoint, this.practiceFilter, this.companyFilter, this.day, this.pageSize]);
  }

  #searchKeyNow(): string {
    return JSON.stringify([this.endpoint, this.searchTerm]);
  }

  #recapKeyNow(): string {
    return JSON.stringify([this.endpoint, this.recapDay]);
  }

  #forgetKeys(): void {
    this.#listKey = this.#facetsKey = this.#searchKey = this.#recapKey = undefined;
  }

  #filter() {
    return {
      practice: this.practiceFilter || undefined,
      company: this.companyFilter || undefined,
      day: Number.isInteger(this.day) ? this.day : undefined,
    };
  }

  #matchesChips(story: StoryCardFieldsFragment): boolean {
    if (this.companyFilter && story.company.slug !== this.companyFilter) return false;
    return !this.practiceFilter || story.practices.some((practice) => practice.slug === this.practiceFilter);
  }

  #request<T, V>(slot: LatestRequest, document: TypedDocumentString<T, V>, variables: V): Promise<T> {
    return slot.run((signal) => execute(this.endpoint, document, variables, { signal }));
  }

  #loadList(): void {
    this.#listKey = this.#listKeyNow();
    this.list = { status: 'loading', data: this.list.data };
    this.moreError = undefined;
    this.loadingMore = false;
    this.#request(this.#listRequest, storyListQuery, {
      filter: this.#filter(),
      first: clampPageSize(this.pageSize),
    }).then(
      (data) => (this.list = { status: 'ready', data: data.stories }),
      (error: unknown) => {
        if (!isAbort(error)) this.list = { status: 'error', data: this.list.data, error: explain(error) };
      },
    );
  }

  #loadMore(): void {
    const page = this.list.data;
    if (!page?.pageInfo.endCursor) return;
    this.loadingMore = true;
    this.moreError = undefined;
    const variables = { filter: this.#filter(), first: clampPageSize(this.pageSize), after: page.pageInfo.endCursor };
    this.#request(this.#listRequest, storyListQuery, variables).then(
      (data) => {
        this.loadingMore = false;
        this.list = { status: 'ready', data: { ...data.stories, nodes: [...page.nodes, ...data.stories.nodes] } };
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        this.loadingMore = false;
        this.moreError = explain(error);
      },
    );
  }

  #retryList(): void {
    if (!this.facets) this.#loadFacets();
    this.#loadList();
  }

  #loadFacets(): void {
    this.#facetsKey = this.endpoint;
    this.facetsFailed = false;
    this.#request(this.#facetsRequest, facetsQuery, {}).then(
      (data) => (this.facets = data),
      (error: unknown) => {
        if (isAbort(error)) return;
        // Chips are optional: the list reports the outage, and its retry reloads them.
        this.facetsFailed = true;
        this.#facetsKey = undefined;
      },
    );
  }

  #loadSearch(): void {
    this.#searchKey = this.#searchKeyNow();
    if (!this.searchTerm) {
      this.#searchRequest.abort();
      this.search = { status: 'ready', data: [] };
      return;
    }
    this.search = { status: 'loading', data: this.search.data?.length ? this.search.data : undefined };
    this.#request(this.#searchRequest, searchQuery, { query: this.searchTerm, first: 20 }).then(
      (data) => (this.search = { status: 'ready', data: data.search }),
      (error: unknown) => {
        if (!isAbort(error)) this.search = { status: 'error', error: explain(error) };
      },
    );
  }

  #loadStory(): void {
    const slug = this.openSlug;
    if (!slug) return;
    this.story = { status: 'loading' };
    this.#request(this.#storyRequest, storyQuery, { slug }).then(
      (data) => {
        this.story = { status: 'ready', data: data.story };
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('#story-title')?.focus({ preventScroll: true }),
        );
      },
      (error: unknown) => {
        if (!isAbort(error)) this.story = { status: 'error', error: explain(error) };
      },
    );
  }

  #loadRecap(): void {
    this.#recapKey = this.#recapKeyNow();
    this.recap = { status: 'loading', data: this.recap.data };
    const day = this.recapDay;
    const request = Number.isInteger(day)
      ? this.#request(this.#recapRequest, recapQuery, { day: day as number }).then((data) => data.recap)
      : this.#request(this.#recapRequest, recapsQuery, {}).then((data) => data.recaps.nodes.at(-1) ?? null);
    request.then(
      (recap) => (this.recap = { status: 'ready', data: recap }),
      (error: unknown) => {
        if (!isAbort(error)) this.recap = { status: 'error', error: explain(error) };
      },
    );
  }

  #onSearchInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.#commitSearch();
  }

  #commitSearch(): void {
    const term = this.query.trim();
    const next = term.length >= SEARCH_MIN_LENGTH ? term : '';
    if (next === this.searchTerm) return;
    this.searchTerm = next;
    this.#emitFilterChange();
  }

  #toggleFilter(kind: 'practice' | 'company', slug: string): void {
    if (kind === 'practice') this.practiceFilter = this.practiceFilter === slug ? '' : slug;
    else this.companyFilter = this.companyFilter === slug ? '' : slug;
    this.#emitFilterChange();
  }

  #clearFilters(): void {
    this.practiceFilter = '';
    this.companyFilter = '';
    this.#emitFilterChange();
  }

  #emitFilterChange(): void {
    const detail: FilterChangeDetail = {
      practice: this.practiceFilter || null,
      company: this.companyFilter || null,
      query: this.searchTerm,
    };
    this.dispatchEvent(new CustomEvent<FilterChangeDetail>('filter-change', { detail, bubbles: true, composed: true }));
  }

  #showView(view: DevopsStoriesView): void {
    this.openSlug = undefined;
    this.view = view;
  }

  #openRecap(day: number): void {
    this.openSlug = undefined;
    this.recapDay = day;
    this.view = 'recap';
  }

  #openStory(slug: string, origin: StoryOrigin): void {
    if (!this.openSlug) {
      this.#storyOrigin = origin;
      this.#listScrollY = window.scrollY;
    }
    this.openSlug = slug;
    this.#loadStory();
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
    this.dispatchEvent(
      new CustomEvent<StorySelectDetail>('story-select', { detail: { slug }, bubbles: true, composed: true }),
    );
  }

  async #back(): Promise<void> {
    const slug = this.openSlug;
    this.#storyRequest.abort();
    this.openSlug = undefined;
    await this.updateComplete;
    window.scrollTo({ top: this.#listScrollY, behavior: 'instant' });
    const origin =
      this.renderRoot.querySelector<HTMLElement>(`[data-open="${slug}"]`) ??
      this.renderRoot.querySelector<HTMLElement>('h2[tabindex="-1"]');
    origin?.focus({ preventScroll: true });
  }
}

function explain(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    if (error.failure === 'network') return 'The story service cannot be reached; check your connection.';
    if (error.failure === 'timeout') return 'The story service is taking too long to answer.';
    return error.message;
  }
  return 'Something went wrong.';
}

declare global {
  interface HTMLElementTagNameMap {
    'devops-stories': DevopsStories;
  }
  interface HTMLElementEventMap {
    'story-select': CustomEvent<StorySelectDetail>;
    'filter-change': CustomEvent<FilterChangeDetail>;
  }
}
