import type { StoryFilter } from '@devops-stories/story-model';
import type { StoryListFilter } from '@devops-stories/story-store';
import { badInput } from '../errors/bad-input.js';

/**
 * The store's filter for a `filter` argument (`stories`, `search`, `searchHits`): every field
 * as sent, none when it is absent.
 *
 * @throws BAD_USER_INPUT for a year range whose start is after its end.
 */
export function storyListFilter(filter: StoryFilter | null | undefined): StoryListFilter {
  const f = filter ?? {};
  if (f.yearFrom != null && f.yearTo != null && f.yearFrom > f.yearTo) {
    throw badInput(`\`yearFrom\` (${f.yearFrom}) is after \`yearTo\` (${f.yearTo}); swap them.`, 'filter');
  }
  return f;
}
