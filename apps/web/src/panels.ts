import { html, nothing, type TemplateResult } from 'lit';
import { GraphQLRequestError } from './client.js';

/** A story as its links in a recap, a day or the related list show it. */
export interface StoryLink {
  slug: string;
  title: string;
  company: { name: string };
}

/** What a reader can do about a failed request, in words. */
export function explain(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    if (error.failure === 'network') return 'The story service cannot be reached; check your connection.';
    if (error.failure === 'timeout') return 'The story service is taking too long to answer.';
    return error.message;
  }
  return 'Something went wrong.';
}

/** The loading state: a status line over grey cards the height of real ones, so nothing jumps. */
export function renderSkeleton(message: string): TemplateResult {
  return html`<p class="status" part="status" role="status">${message}</p>
    <ul class="cards" aria-hidden="true">
      <li class="skeleton"></li>
      <li class="skeleton"></li>
      <li class="skeleton"></li>
    </ul>`;
}

/** The error state: what failed, why, and a retry. */
export function renderError(message: string, error: unknown, retry: () => void): TemplateResult {
  return html`<div class="panel error" part="error" role="alert">
    <p>${message} ${explain(error)}</p>
    <button class="primary" part="button" @click=${retry}>Try again</button>
  </div>`;
}

/** A status panel for something that is not there (no recap, no such story). */
export function renderNotice(message: string): TemplateResult {
  return html`<div class="panel" role="status" part="status"><p>${message}</p></div>`;
}

/** The button that closes a story or a day. */
export function renderBack(label: string, back: () => void): TemplateResult {
  return html`<button class="back" part="button" @click=${back}><span aria-hidden="true">←</span> ${label}</button>`;
}

/** A titled list of story links (a recap's stories, a day's, a story's related ones). */
export function renderStoryLinks(
  headingId: string,
  heading: string,
  stories: readonly StoryLink[],
  open: (slug: string) => void,
) {
  if (!stories.length) return nothing;
  return html`<section aria-labelledby=${headingId}>
    <h3 id=${headingId}>${heading}</h3>
    <ul class="related">
      ${stories.map(
        (story) =>
          html`<li>
            <button part="button" data-open=${story.slug} @click=${() => open(story.slug)}>
              <span class="eyebrow">${story.company.name}</span><strong>${story.title}</strong>
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}
