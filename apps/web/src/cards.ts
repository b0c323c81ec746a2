import { html, nothing, type TemplateResult } from 'lit';
import { formatMetric, keyMetric, snippetParts } from './format.js';
import type { StoryCardFieldsFragment } from './gql/graphql.js';

/** A search snippet with its « » matches as `<mark>`. */
export function renderSnippet(snippet: string) {
  return snippetParts(snippet).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text));
}

/** A story card of the list or of search results; the whole card opens the story. */
export function renderStoryCard(
  story: StoryCardFieldsFragment,
  open: (slug: string) => void,
  snippet?: string,
): TemplateResult {
  const metric = keyMetric(story.title, story.metrics);
  return html`<li class="card" part="card" data-slug=${story.slug}>
    <p class="eyebrow">${story.company.name}${story.year ? html` · ${story.year}` : nothing}</p>
    <h3><button class="open" data-open=${story.slug} @click=${() => open(story.slug)}>${story.title}</button></h3>
    <p class="snippet">${snippet === undefined ? story.headline : renderSnippet(snippet)}</p>
    ${
      metric
        ? html`<p class="metric-line">
            <strong>${formatMetric(metric)}</strong>
            <span class="muted">${metric.label}${metric.year ? ` (${metric.year})` : ''}</span>
          </p>`
        : nothing
    }
    <ul class="tags" aria-label="Practices">
      ${story.practices.map((practice) => html`<li>${practice.name}</li>`)}
    </ul>
  </li>`;
}

/** A card for a search hit that is a day or a recap: what it is, its title, the snippet. */
export function renderPageCard(
  eyebrow: string,
  title: string,
  snippet: string,
  data: { day?: number; recap?: number },
  open: () => void,
): TemplateResult {
  return html`<li class="card" part="card">
    <p class="eyebrow">${eyebrow}</p>
    <h3>
      <button class="open" data-day=${data.day ?? nothing} data-recap=${data.recap ?? nothing} @click=${open}>
        ${title}
      </button>
    </h3>
    <p class="snippet">${renderSnippet(snippet)}</p>
  </li>`;
}
