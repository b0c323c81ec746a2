import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { execute } from '../client.js';
import { demoteHeadings, formatMetric } from '../format.js';
import { StoryTerms } from '../glossary/story-terms.js';
import type { StoryQuery } from '../gql/graphql.js';
import type { ViewContext } from '../navigation/view-context.js';
import { storyQuery } from '../operations.js';
import { renderBack, renderError, renderNotice, renderSkeleton, renderStoryLinks } from '../panels.js';

type StoryDetail = NonNullable<StoryQuery['story']>;

/** The open story: its figures with their sources, the body, the glossary terms, the sources and related stories. */
export class StoryView {
  readonly #context: ViewContext;
  readonly #terms: StoryTerms;
  readonly story: Task<[string, string | undefined], StoryDetail | null>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    this.#terms = new StoryTerms(host, context);
    this.story = new Task(host, {
      task: async ([endpoint, slug], { signal }) =>
        slug ? (await execute(endpoint, storyQuery, { slug }, { signal })).story : initialState,
      args: () => [context.endpoint, context.route.story],
    });
  }

  /** The story, or its loading, missing or error state, under a back button labelled `backLabel`. */
  render(backLabel: string): TemplateResult {
    const back = renderBack(backLabel, () => this.#context.back());
    const { status, value: story, error } = this.story;
    if (status === TaskStatus.ERROR)
      return html`<article>
        ${back}${renderError('The story could not be loaded.', error, () => void this.story.run())}
      </article>`;
    if (status !== TaskStatus.COMPLETE || story === undefined)
      return html`<article aria-busy="true">${back}${renderSkeleton('Loading the story…')}</article>`;
    if (story === null) return html`<article>${back}${renderNotice('This story is not available.')}</article>`;
    return html`<article part="story" aria-labelledby="story-title">
      ${back}
      <p class="eyebrow">
        ${story.company.name}${story.year ? ` · ${story.year}` : ''} · ${story.readingTimeMinutes} min read
      </p>
      <h2 id="story-title" tabindex="-1">${story.title}</h2>
      <p class="summary">${story.summary}</p>
      <ul class="tags" aria-label="Practices">
        ${story.practices.map((practice) => html`<li>${practice.name}</li>`)}
      </ul>
      ${this.#renderMetrics(story)}
      <div class="body">${unsafeHTML(demoteHeadings(story.body))}</div>
      ${this.#terms.render()}${this.#renderSources(story)}
      ${renderStoryLinks('related-heading', 'Related stories', story.related, (slug) => this.#context.openStory(slug))}
    </article>`;
  }

  #renderMetrics(story: StoryDetail) {
    if (!story.metrics.length) return nothing;
    return html`<section aria-labelledby="metrics-heading">
      <h3 id="metrics-heading">Key figures</h3>
      <ul class="metrics">
        ${story.metrics.map(
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
    </section>`;
  }

  #renderSources(story: StoryDetail) {
    if (!story.sources.length) return nothing;
    return html`<section aria-labelledby="sources-heading">
      <h3 id="sources-heading">Sources</h3>
      <ul class="plain sources">
        ${story.sources.map(
          (source) =>
            html`<li>
              <a class="link" href=${source.url} target="_blank" rel="noopener noreferrer">${source.title}</a>
              <span class="muted"
                >${[source.publisher, source.year, source.kind.toLowerCase()].filter(Boolean).join(' · ')}</span
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
