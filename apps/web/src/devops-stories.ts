import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CreditLine } from './credit/credit-line.js';
import { DayView } from './day/day-view.js';
import { StoryList } from './list/story-list.js';
import { LinkState } from './navigation/link-state.js';
import { renderNav } from './navigation/nav.js';
import {
  type DevopsStoriesView,
  isClosing,
  isPageChange,
  type Route,
  routeKey,
  sameRoute,
} from './navigation/route.js';
import type { FilterKind, ViewContext } from './navigation/view-context.js';
import { RecapView } from './recap/recap-view.js';
import { SearchBox } from './search/search-box.js';
import { SearchResultsView } from './search/search-results.js';
import { StoryView } from './story/story-view.js';
import { styles } from './styles.js';
import { ShareView } from './submit/share-view.js';

export type { DevopsStoriesView } from './navigation/route.js';

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

/**
 * The real stories of DevOps adoption, embeddable in any page: a filterable, searchable
 * story list, a story view, series days and the recaps, fetched from the devops-stories
 * GraphQL API. Everything renders in shadow DOM, so the host page's CSS and the element's
 * never mix; theme it with the `--ds-*` custom properties and parts.
 *
 * @fires story-select - The reader opened a story; `detail: { slug }`. Bubbles, composed.
 * @fires filter-change - The reader changed a practice or company chip or the search;
 *   `detail: { practice, company, query }`. Bubbles, composed.
 *
 * @csspart root - The element's box (background, padding).
 * @csspart nav - The Stories / Recap switch; hide it to pin one view.
 * @csspart tab - Each button of the switch.
 * @csspart search - The search form.
 * @csspart chip - A practice or company filter chip.
 * @csspart card - A story, day or recap card in the list or in search results.
 * @csspart button - Every other button (load more, back, retry, days, other recaps).
 * @csspart story - The story view.
 * @csspart metric - A sourced figure in the story view.
 * @csspart recap - The recap view.
 * @csspart status - The loading, empty and count lines.
 * @csspart error - The error panel with its retry button.
 * @csspart credit - The credit line at the foot: the series the content is adapted from and its licence, which
 *   requires the credit wherever the content is shown (restyle it, keep it visible).
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

  /**
   * `hash` keeps what the reader opened, filtered and searched in the URL fragment (keys
   * prefixed with the element's `id`), so the URL can be shared and Back and Forward move
   * between the list and a story. Off by default.
   */
  @property({ attribute: 'link-state' }) linkState?: string;

  /** Adds a "Share your story" tab: a form readers submit their own story with, for moderation. Off by default. */
  @property({ type: Boolean, attribute: 'allow-submissions' }) allowSubmissions = false;
  @state() private sharing = false;
  @state() private route: Route = { view: 'stories', practice: '', company: '', q: '' };

  #initial?: Route;
  /** Where the page was scrolled on each route the reader left, restored on coming back to it. */
  readonly #scrollByRoute = new Map<string, number>();
  /** What to focus once rendered: the first selector that matches; `once` gives up after one render. */
  #focus?: { selectors: string[]; once: boolean };
  #scrollTo?: number;

  readonly #context: ViewContext = ((host: DevopsStories): ViewContext => ({
    get endpoint() {
      return host.endpoint;
    },
    get pageSize() {
      return host.pageSize;
    },
    get listDay() {
      return host.day;
    },
    get route() {
      return host.route;
    },
    get renderRoot() {
      return host.renderRoot;
    },
    openStory: (slug) => host.#openStory(slug),
    openDay: (day) => host.#go({ ...host.route, story: undefined, day }),
    openRecap: (day) => host.#go({ ...host.route, view: 'recap', story: undefined, day: undefined, recap: day }),
    back: () => host.#back(),
    toggleFilter: (kind, slug) => host.#toggleFilter(kind, slug),
    clearFilters: () => host.#changeFilters({ practice: '', company: '' }),
  }))(this);

  readonly #link = new LinkState(this, { show: (route) => this.#show(route), initial: () => this.#initialRoute() });
  readonly #searchBox = new SearchBox(this, (q) => q !== this.route.q && this.#changeFilters({ q }));
  readonly #list = new StoryList(this, this.#context);
  readonly #search = new SearchResultsView(this, this.#context);
  readonly #story = new StoryView(this, this.#context);
  readonly #day = new DayView(this, this.#context);
  readonly #recap = new RecapView(this, this.#context);
  readonly #share = new ShareView(this, this.#context);
  readonly #credit = new CreditLine(this, () => this.endpoint);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this.#initial = this.#attributeRoute(this.view);
      this.#set(this.#link.read() ?? this.#initial);
      return;
    }
    const chipsChanged = changed.has('practice') || changed.has('company');
    const viewChanged = changed.has('view') && this.view !== this.route.view;
    if (chipsChanged || changed.has('day') || viewChanged) {
      const from = this.route;
      this.#initial = this.#attributeRoute(viewChanged ? this.view : this.#initialRoute().view);
      const to = { ...from };
      if (chipsChanged) Object.assign(to, { practice: this.#initial.practice, company: this.#initial.company });
      if (changed.has('day')) to.recap = this.day;
      if (viewChanged) Object.assign(to, { view: this.view, story: undefined, day: undefined });
      this.#link.write(from, to, true);
      this.#set(to);
    } else if (changed.has('linkState') && changed.get('linkState') === undefined) {
      this.#link.write(this.#initialRoute(), this.route, true);
    }
  }

  protected override updated(): void {
    this.#list.revealPressedChips();
    if (this.#scrollTo !== undefined) window.scrollTo({ top: this.#scrollTo, behavior: 'instant' });
    this.#scrollTo = undefined;
    const focus = this.#focus;
    if (!focus) return;
    const target = focus.selectors
      .map((selector) => this.renderRoot.querySelector<HTMLElement>(selector))
      .find(Boolean);
    target?.focus({ preventScroll: true });
    if (target || focus.once) this.#focus = undefined;
  }

  protected override render(): TemplateResult {
    const { route } = this;
    const toView = route.view === 'recap' ? 'Back to the recap' : 'Back to stories';
    let main: TemplateResult;
    if (this.sharing && this.allowSubmissions) main = this.#share.render();
    else if (route.story) main = this.#story.render(route.day === undefined ? toView : `Back to day ${route.day}`);
    else if (route.day !== undefined) main = this.#day.render(toView);
    else if (route.view === 'recap') main = this.#recap.render();
    else main = this.#renderList();
    const nav = renderNav({
      route,
      sharing: this.sharing,
      allowSubmissions: this.allowSubmissions,
      open: (view) => this.#go({ ...this.route, view, story: undefined, day: undefined }),
      share: () => this.#openShare(),
    });
    return html`<div class="root" part="root">${nav}${main}${this.#credit.render()}</div>`;
  }

  #renderList(): TemplateResult {
    return html`<section aria-labelledby="list-heading">
      <h2 id="list-heading" class="visually-hidden">DevOps stories</h2>
      ${this.#searchBox.render()}${this.#list.renderChips()}${this.route.q ? this.#search.render() : this.#list.renderPage()}
    </section>`;
  }

  /** The route the attributes give, with `view` as given. */
  #attributeRoute(view: DevopsStoriesView): Route {
    return { view, recap: this.day, practice: this.practice ?? '', company: this.company ?? '', q: '' };
  }

  #initialRoute(): Route {
    return (this.#initial ??= this.#attributeRoute(this.view));
  }

  /** A route change the reader asked for: recorded in the URL (with link-state) and shown. */
  #go(to: Route): void {
    this.sharing = false;
    if (sameRoute(this.route, to)) return;
    this.#link.write(this.route, to);
    this.#show(to);
  }

  /** Shows `to`, saving the scroll of the page left and restoring it and the focus on a step back. */
  #show(to: Route): void {
    const from = this.route;
    if (sameRoute(from, to)) return;
    if (isPageChange(from, to)) this.#scrollByRoute.set(routeKey(from), window.scrollY);
    if (isClosing(from, to)) {
      this.#scrollTo = this.#scrollByRoute.get(routeKey(to));
      const opener = from.story ? `[data-open="${from.story}"]` : `[data-day="${from.day}"]`;
      this.#focus = { selectors: [opener, 'h2[tabindex="-1"]'], once: true };
    } else {
      const title = to.story ? 'story' : to.day !== undefined ? 'day' : to.view === 'recap' ? 'recap' : undefined;
      const opened =
        to.story !== from.story || to.day !== from.day || (to.view === from.view && to.recap !== from.recap);
      if (title && opened) {
        this.#focus = { selectors: [`#${title}-title`], once: false };
        if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
      } else this.#focus = undefined;
    }
    this.#set(to);
  }

  #openShare(): void {
    this.sharing = true;
    this.#focus = { selectors: ['#share-heading'], once: false };
  }

  #set(route: Route): void {
    this.sharing = false;
    this.route = route;
    this.view = route.view;
    this.#searchBox.show(route.q);
  }

  #openStory(slug: string): void {
    this.#go({ ...this.route, story: slug });
    this.dispatchEvent(
      new CustomEvent<StorySelectDetail>('story-select', { detail: { slug }, bubbles: true, composed: true }),
    );
  }

  #back(): void {
    if (this.#link.ownsEntry()) history.back();
    else this.#go(this.route.story ? { ...this.route, story: undefined } : { ...this.route, day: undefined });
  }

  #toggleFilter(kind: FilterKind, slug: string): void {
    this.#changeFilters({ [kind]: this.route[kind] === slug ? '' : slug });
  }

  #changeFilters(change: Partial<Pick<Route, FilterKind | 'q'>>): void {
    this.#go({ ...this.route, ...change });
    const { practice, company, q } = this.route;
    const detail: FilterChangeDetail = { practice: practice || null, company: company || null, query: q };
    this.dispatchEvent(new CustomEvent<FilterChangeDetail>('filter-change', { detail, bubbles: true, composed: true }));
  }
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
