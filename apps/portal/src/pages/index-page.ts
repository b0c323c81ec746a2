import type { PortalDaysQuery } from '../gql/graphql.js';
import { html } from './html.js';
import { layout } from './layout.js';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The portal's home: every series day with its topic, summary, stories and recap. */
export function indexPage({ days }: PortalDaysQuery): string {
  const main = html`<h1>DevOps, the real stories</h1>
    <p>
      A learning series in ${plural(days.length, 'day', 'days')}: what DevOps is, and how Amazon, Netflix, Etsy and
      others adopted it, with the figures and their sources.
    </p>
    <h2>The days</h2>
    <ol class="cards">
      ${days.map(
        (day) =>
          html`<li class="card">
            <p class="eyebrow">Day ${day.number} · ${day.topic}</p>
            <a class="day-link" href="/days/${day.number}">${day.title}</a>
            <p>${day.summary}</p>
            ${
              day.stories.length
                ? html`<p class="meta">
                    ${plural(day.stories.length, 'story', 'stories')}:
                    ${day.stories.map((story) => story.title).join('; ')}
                  </p>`
                : ''
            }
            ${day.recap ? html`<p class="meta">Recap: ${day.recap.title}</p>` : ''}
          </li> `,
      )}
    </ol>`;
  return layout({
    title: 'DevOps, the real stories',
    description: 'A learning series on DevOps and how companies adopted it.',
    main,
  });
}
