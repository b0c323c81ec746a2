import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { searchTerm } from '../navigation/route.js';

const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box: it commits the trimmed text once the reader pauses typing (or submits),
 * and never a term too short to send.
 */
export class SearchBox implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #commit: (term: string) => void;
  #text = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, commit: (term: string) => void) {
    this.#host = host;
    this.#commit = commit;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Puts `term` in the box, unless the box already says it (the reader may be typing it). */
  show(term: string): void {
    if (searchTerm(this.#text) === term) return;
    this.#text = term;
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<form role="search" part="search" @submit=${this.#onSubmit}>
      <label for="search">Search stories</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        placeholder="e.g. rollback, canary, cloud"
        .value=${this.#text}
        @input=${this.#onInput}
      />
    </form>`;
  }

  #onInput = (event: InputEvent): void => {
    this.#text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#commit(searchTerm(this.#text)), SEARCH_DEBOUNCE_MS);
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#timer);
    this.#commit(searchTerm(this.#text));
  };
}
