import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { renderError, renderSkeleton } from '../panels.js';
import type { ShareContext, ShareForm } from './share-form.js';

/**
 * The "Share your story" view as the element holds it: the form's module is a separate chunk,
 * fetched the first time a reader opens the form, so the element's own module stays small.
 */
export class ShareView {
  #form?: ShareForm;
  #requested = false;
  #failure?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: ShareContext,
  ) {}

  render(): TemplateResult {
    if (this.#form) return this.#form.render();
    if (this.#failure) {
      return renderError('The form could not be loaded.', this.#failure, () => {
        this.#failure = undefined;
        this.host.requestUpdate();
      });
    }
    if (!this.#requested) {
      this.#requested = true;
      import('./share-form.js')
        .then(({ ShareForm }) => {
          this.#form = new ShareForm(this.host, this.context);
        })
        .catch((error: unknown) => {
          this.#failure = error;
          this.#requested = false;
        })
        .finally(() => this.host.requestUpdate());
    }
    return renderSkeleton('Loading the form…');
  }
}
