import type { PortalDayQuery } from '../gql/graphql.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

type DayData = NonNullable<PortalDayQuery['day']>;
type StoryData = DayData['stories'][number];
type MetricData = StoryData['metrics'][number];

/** Where the page's `<devops-stories>` loads from and talks to. */
export interface ElementSource {
  /** The element's module, `/devops-stories.js` on the API's origin. */
  script: string;
  /** The GraphQL endpoint the element calls from the reader's browser. */
  endpoint: string;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** "11.6 seconds", "75%", "50 million deploys" */
export function formatMetric({ value, unit }: Pick<MetricData, 'value' | 'unit'>): string {
  const number = numberFormat.format(value);
  return unit === 'percent' ? `${number}%` : `${number} ${unit}`;
}

function storyCard(story: StoryData): SafeHtml {
  const facts = [story.company.name, story.company.industry, story.year, `${story.readingTimeMinutes} min read`];
  return html`<li class="card">
    <h3>${story.title}</h3>
    <p class="eyebrow">${facts.filter((fact) => fact !== null).join(' · ')}</p>
    <p>${story.headline}</p>
    <p>${story.summary}</p>
    ${
      story.metrics.length
        ? html`<ul class="figures" aria-label="Key figures">
            ${story.metrics.map(
              (metric) =>
                html`<li>
                  <strong>${formatMetric(metric)}</strong>: ${metric.label}${metric.year ? html` (${metric.year})` : ''}
                </li> `,
            )}
          </ul>`
        : ''
    }
    ${story.practices.length ? html`<p class="meta">Practices: ${story.practices.map((p) => p.name).join(', ')}</p>` : ''}
  </li> `;
}

/** A series day rendered on the server, with the element below for reading, filtering and searching. */
export function dayPage({ day, days }: PortalDayQuery & { day: DayData }, element: ElementSource): string {
  const index = days.findIndex((other) => other.number === day.number);
  const previous = index > 0 ? days[index - 1] : undefined;
  const next = index >= 0 && index < days.length - 1 ? days[index + 1] : undefined;
  const main = html`<p class="eyebrow">Day ${day.number} · ${day.topic}</p>
    <h1>${day.title}</h1>
    <p>${day.summary}</p>
    ${
      day.stories.length
        ? html`<h2 id="stories">The stories of Day ${day.number}</h2>
            <ul class="cards" aria-labelledby="stories">
              ${day.stories.map(storyCard)}
            </ul>`
        : ''
    }
    ${
      day.recap
        ? html`<section class="recap" aria-labelledby="recap">
            <h2 id="recap">${day.recap.title}</h2>
            <ol>
              ${day.recap.points.map((point) => html`<li>${point}</li> `)}
            </ol>
          </section>`
        : ''
    }
    <section class="explore" aria-labelledby="explore">
      <h2 id="explore">Read, filter and search</h2>
      <devops-stories id="day-stories" day="${day.number}" endpoint="${element.endpoint}" link-state="hash">
        <p>
          The interactive reader loads here: open a story for its full text and sources, filter by practice or company,
          or search.
        </p>
      </devops-stories>
    </section>
    <nav aria-label="Series days">
      <ul class="pager">
        ${previous ? html`<li><a href="/days/${previous.number}" rel="prev">← Day ${previous.number}: ${previous.title}</a></li>` : ''}
        <li><a href="/">All days</a></li>
        ${next ? html`<li><a href="/days/${next.number}" rel="next">Day ${next.number}: ${next.title} →</a></li>` : ''}
      </ul>
    </nav>`;
  return layout({
    title: `Day ${day.number}: ${day.title}`,
    description: day.summary,
    main,
    elementScript: element.script,
  });
}
