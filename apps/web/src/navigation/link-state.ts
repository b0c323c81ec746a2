import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readFragment, writeFragment } from './fragment.js';
import { isPageChange, type Route, routeFromParams, routeParams } from './route.js';

/** What the link state needs from its element. */
export interface LinkStateHost extends ReactiveControllerHost {
  /** Namespaces the element's fragment keys. */
  readonly id: string;
  /** `'hash'` keeps the route in the URL fragment; anything else leaves the URL alone. */
  readonly linkState?: string;
}

/** How the link state reads and changes its element's route. */
export interface LinkStateOptions {
  /** Shows a route the URL now holds (Back, Forward, an edited or followed link). */
  show(route: Route): void;
  /** The route the element's attributes give, which an empty fragment stands for. */
  initial(): Route;
}

/** The key under which pushed history entries record which element pushed them. */
const HISTORY_KEY = 'devops-stories';

/**
 * Keeps an element's route in the URL fragment, under keys prefixed with its `id`: opening a
 * story, a day, a recap or another view pushes a history entry (so Back and Forward move
 * between them), changing a filter or the search replaces the current one. Off unless the
 * element has `link-state="hash"`.
 */
export class LinkState implements ReactiveController {
  readonly #host: LinkStateHost;
  readonly #options: LinkStateOptions;

  constructor(host: LinkStateHost, options: LinkStateOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get enabled(): boolean {
    return this.#host.linkState === 'hash';
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onNavigate);
    window.addEventListener('hashchange', this.#onNavigate);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onNavigate);
    window.removeEventListener('hashchange', this.#onNavigate);
  }

  /** The route the URL holds for this element, or `undefined` when it holds none (or the state is off). */
  read(): Route | undefined {
    if (!this.enabled) return undefined;
    const params = readFragment(location.hash, this.#host.id);
    return params && routeFromParams(params);
  }

  /**
   * Records a route change: a new history entry for another page, else (and always with
   * `replace`) the current one replaced.
   */
  write(from: Route, to: Route, replace = false): void {
    if (!this.enabled) return;
    const hash = writeFragment(location.hash, this.#host.id, routeParams(to, this.#options.initial()));
    const url = `${location.href.split('#')[0]}${hash ? `#${hash}` : ''}`;
    if (url === location.href) return;
    // Opening a related story from a story replaces it, so Back returns to where the first was opened.
    const push = !replace && isPageChange(from, to) && !(from.story && to.story);
    if (push) history.pushState(this.#marked(), '', url);
    else history.replaceState(history.state, '', url);
  }

  /** True when the current history entry is one this element pushed, so `history.back()` undoes it. */
  ownsEntry(): boolean {
    if (!this.enabled) return false;
    const state: unknown = history.state;
    return (
      typeof state === 'object' && state !== null && (state as Record<string, unknown>)[HISTORY_KEY] === this.#host.id
    );
  }

  #marked(): unknown {
    const state: unknown = history.state;
    const base = typeof state === 'object' && state !== null ? state : {};
    return { ...base, [HISTORY_KEY]: this.#host.id };
  }

  #onNavigate = (): void => {
    if (this.enabled) this.#options.show(this.read() ?? this.#options.initial());
  };
}
