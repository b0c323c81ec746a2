import { html, nothing, type TemplateResult } from 'lit';
import type { DevopsStoriesView, Route } from './route.js';

/** What the element's switch shows, and what its buttons do. */
export interface NavState {
  route: Route;
  /** The share form is open. */
  sharing: boolean;
  /** The element offers the share form (`allow-submissions`). */
  allowSubmissions: boolean;
  open(view: DevopsStoriesView): void;
  share(): void;
}

/** The Stories / Recap switch, with "Share your story" when the element offers the form. */
export function renderNav(nav: NavState): TemplateResult {
  const { route, sharing } = nav;
  const tab = (view: DevopsStoriesView, label: string) =>
    html`<button
      part="tab"
      aria-current=${!sharing && route.view === view && !route.story && route.day === undefined ? 'page' : nothing}
      @click=${() => nav.open(view)}
    >
      ${label}
    </button>`;
  const share = html`<button part="tab" aria-current=${sharing ? 'page' : nothing} @click=${() => nav.share()}>
    Share your story
  </button>`;
  return html`<nav part="nav" aria-label="DevOps stories">
    ${tab('stories', 'Stories')}${tab('recap', 'Recap')}${nav.allowSubmissions ? share : nothing}
  </nav>`;
}
