import type { ContentRefs } from '@devops-stories/story-content';
import type { StoryStore } from '@devops-stories/story-store';

/**
 * What content may point at, as the store holds it now, for the reference rules of the content
 * schemas: every company, practice and day, and those of `storySlugs` that exist (drafts too).
 */
export async function contentRefs(store: StoryStore, storySlugs: readonly string[] = []): Promise<ContentRefs> {
  const [companies, practices, days, stories] = await Promise.all([
    store.listCompanies(),
    store.listPractices(),
    store.listDays(),
    storySlugs.length ? store.storiesBySlugs(storySlugs, 'all') : Promise.resolve([]),
  ]);
  return {
    companies: new Set(companies.map((c) => c.slug)),
    practices: new Set(practices.map((p) => p.slug)),
    days: new Set(days.map((d) => d.number)),
    stories: new Set(stories.flatMap((s) => (s ? [s.slug] : []))),
    source: 'store',
  };
}
