import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { execute } from '../client.js';
import { formatDays } from '../format.js';
import type { RecapFieldsFragment } from '../gql/graphql.js';
import type { ViewContext } from '../navigation/view-context.js';
import { recapPageQuery, recapsQuery } from '../operations.js';
import { renderError, renderNotice, renderSkeleton, renderStoryLinks } from '../panels.js';
import { type RecapRef, recapNeighbours } from './recap-neighbours.js';

/** The recap shown and every recap, for the previous/next links. */
interface RecapPage {
  recap: RecapFieldsFragment | null;
  recaps: RecapRef[];
}

/**
 * The recap view: the recap of the route's day (the latest when it has none), the days it
 * covers, its stories, and the previous and next recaps. Loads nothing until first shown.
 */
export class RecapView {
  readonly #context: ViewContext;
  #wanted = false;
  readonly page: Task<[boolean, string, number | undefined], RecapPage>;

  constructor(host: ReactiveControllerHost, context: ViewContext) {
    this.#context = context;
    this.page = new Task(host, {
      task: async ([wanted, endpoint, day], { signal }) => {
        if (!wanted) return initialState;
        if (day === undefined) {
          const { nodes } = (await execute(endpoint, recapsQuery, {}, { signal })).recaps;
          return { recap: nodes.at(-1) ?? null, recaps: nodes };
        }
        const data = await execute(endpoint, recapPageQuery, { day }, { signal });
        return { recap: data.recap, recaps: data.recaps.nodes };
      },
      args: () => [(this.#wanted ||= context.route.view === 'recap'), context.endpoint, context.route.recap],
    });
  }

  render(): TemplateResult {
    const { status, value, error } = this.page;
    const day = this.#context.route.recap;
    if (status === TaskStatus.ERROR)
      return renderError('The recap could not be loaded.', error, () => void this.page.run());
    if (!value) return renderSkeleton('Loading the recap…');
    const { recap, recaps } = value;
    if (!recap)
      return html`${renderNotice(
        day === undefined ? 'No recap has been published yet.' : `There is no recap for day ${day} yet.`,
      )}${this.#renderNeighbours(recaps, day)}`;
    const context = this.#context;
    return html`<article
      part="recap"
      aria-labelledby="recap-title"
      aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}
    >
      <p class="eyebrow">Day ${recap.day} · covers ${formatDays(recap.coversDays)}</p>
      <h2 id="recap-title" tabindex="-1">${recap.title}</h2>
      <ol class="points">
        ${recap.points.map((point) => html`<li>${point}</li>`)}
      </ol>
      <section aria-labelledby="covers-heading">
        <h3 id="covers-heading">Days it covers</h3>
        <ul class="days">
          ${recap.coversDays.map(
            (covered) =>
              html`<li>
                <button part="button" data-day=${covered} @click=${() => context.openDay(covered)}>
                  Day ${covered}
                </button>
              </li>`,
          )}
        </ul>
      </section>
      ${renderStoryLinks('recap-stories-heading', 'Stories in this recap', recap.stories, (slug) =>
        context.openStory(slug),
      )}
      ${this.#renderNeighbours(recaps, recap.day)}
    </article>`;
  }

  /** Links to the recaps before and after `day`; nothing when there are none. */
  #renderNeighbours(recaps: readonly RecapRef[], day: number | undefined) {
    if (day === undefined) return nothing;
    const { previous, next } = recapNeighbours(recaps, day);
    if (!previous && !next) return nothing;
    const link = (recap: RecapRef, rel: string, label: string) =>
      html`<button
        part="button"
        class=${rel}
        data-recap=${recap.day}
        @click=${() => this.#context.openRecap(recap.day)}
      >
        <span class="eyebrow">${label} · day ${recap.day}</span><strong>${recap.title}</strong>
      </button>`;
    return html`<nav class="recap-pager" aria-label="Other recaps">
      ${previous ? link(previous, 'previous', '← Previous recap') : nothing}
      ${next ? link(next, 'next', 'Next recap →') : nothing}
    </nav>`;
  }
}
