import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { execute } from '../client.js';
import type { DayPageQuery } from '../gql/graphql.js';
import type { ViewContext } from '../navigation/view-context.js';
import { dayQuery } from '../operations.js';
import { renderBack, renderError, renderNotice, renderSkeleton, renderStoryLinks } from '../panels.js';

type Day = NonNullable<DayPageQuery['day']>;

/** The open series day: its title, topic and summary, its stories and its recap. */
export class DayView {
  readonly #context: ViewContext;
  readonly day: Task<[string, number | undefined], Day | null>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    this.day = new Task(host, {
      task: async ([endpoint, day], { signal }) =>
        day === undefined ? initialState : (await execute(endpoint, dayQuery, { day }, { signal })).day,
      args: () => [context.endpoint, context.route.day],
    });
  }

  /** The day, or its loading, missing or error state, under a back button labelled `backLabel`. */
  render(backLabel: string): TemplateResult {
    const context = this.#context;
    const back = renderBack(backLabel, () => context.back());
    const { status, value: day, error } = this.day;
    if (status === TaskStatus.ERROR)
      return html`<article>
        ${back}${renderError('The day could not be loaded.', error, () => void this.day.run())}
      </article>`;
    if (status !== TaskStatus.COMPLETE || day === undefined)
      return html`<article aria-busy="true">${back}${renderSkeleton('Loading the day…')}</article>`;
    if (day === null)
      return html`<article>${back}${renderNotice(`There is nothing for day ${context.route.day} yet.`)}</article>`;
    return html`<article class="day" aria-labelledby="day-title" data-day=${day.number}>
      ${back}
      <p class="eyebrow">Day ${day.number} · ${day.topic}</p>
      <h2 id="day-title" tabindex="-1">${day.title}</h2>
      <p class="summary">${day.summary}</p>
      ${renderStoryLinks('day-stories-heading', 'Stories of this day', day.stories, (slug) => context.openStory(slug))}
      ${this.#renderRecapLink(day)}
    </article>`;
  }

  #renderRecapLink({ recap }: Day) {
    if (!recap) return nothing;
    return html`<button
      part="button"
      class="to-recap"
      data-recap=${recap.day}
      @click=${() => this.#context.openRecap(recap.day)}
    >
      <span class="eyebrow">The recap of day ${recap.day}</span><strong>${recap.title}</strong>
    </button>`;
  }
}
