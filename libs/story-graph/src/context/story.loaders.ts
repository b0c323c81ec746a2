import DataLoader from 'dataloader';
import type {
  CompanyRecord,
  DayRecord,
  MetricRecord,
  NestedPageQuery,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  SourceRecord,
  StoryListPage,
  StoryRecord,
  StorySummaryRecord,
  StoryStore,
  StoryView,
} from '@devops-stories/story-store';

/** A page of one parent's nested story list, as a DataLoader key. */
export interface NestedPageKey extends NestedPageQuery {
  id: number;
}

/**
 * A loader of nested pages: the keys of one batch are grouped by page (cursor and size, the same
 * for every parent of a list in practice), and each group is one statement for all its parents.
 */
function nestedPageLoader(
  load: (ids: readonly number[], page: NestedPageQuery) => Promise<StoryListPage[]>,
): DataLoader<NestedPageKey, StoryListPage, string> {
  const pageOf = (key: NestedPageKey) => JSON.stringify([key.limit, key.after?.value ?? null, key.after?.slug ?? null]);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, NestedPageKey[]>();
      for (const key of keys) groups.set(pageOf(key), [...(groups.get(pageOf(key)) ?? []), key]);
      const pages = new Map<NestedPageKey, StoryListPage>();
      for (const group of groups.values()) {
        const { after, limit } = group[0];
        const found = await load(
          group.map((k) => k.id),
          { after, limit },
        );
        group.forEach((key, i) => pages.set(key, found[i]));
      }
      return keys.map((key) => pages.get(key) ?? new Error(`no page was read for ${key.id}`));
    },
    { cacheKeyFn: (key) => `${key.id}:${pageOf(key)}` },
  );
}

/**
 * Per-request DataLoaders for every relation, so a list of N stories costs one
 * statement per relation rather than N. Create them per request: they cache, and
 * their cache must never outlive one request's view.
 */
export class StoryLoaders {
  readonly storyBySlug: DataLoader<string, StorySummaryRecord | StoryRecord | null>;
  readonly storyBody: DataLoader<number, RenderedBody | null>;
  readonly companyById: DataLoader<number, CompanyRecord | null>;
  readonly companyBySlug: DataLoader<string, CompanyRecord | null>;
  readonly practiceBySlug: DataLoader<string, PracticeRecord | null>;
  readonly practicesByStory: DataLoader<number, PracticeRecord[]>;
  readonly metricsByStory: DataLoader<number, MetricRecord[]>;
  readonly sourcesByStory: DataLoader<number, SourceRecord[]>;
  readonly storiesByCompany: DataLoader<NestedPageKey, StoryListPage, string>;
  readonly storiesByPractice: DataLoader<NestedPageKey, StoryListPage, string>;
  readonly storiesByDay: DataLoader<number, StorySummaryRecord[]>;
  readonly storiesByRecap: DataLoader<number, StorySummaryRecord[]>;
  readonly dayByNumber: DataLoader<number, DayRecord | null>;
  readonly recapByDay: DataLoader<number, RecapRecord | null>;
  private readonly relatedBySize = new Map<number, DataLoader<number, StorySummaryRecord[]>>();

  constructor(
    private readonly store: StoryStore,
    private readonly view: StoryView,
  ) {
    this.storyBySlug = new DataLoader((slugs) => store.storiesBySlugs(slugs, view));
    this.storyBody = new DataLoader((ids) => store.storyBodiesByIds(ids));
    this.companyById = new DataLoader((ids) => store.companiesByIds(ids));
    this.companyBySlug = new DataLoader((slugs) => store.companiesBySlugs(slugs));
    this.practiceBySlug = new DataLoader((slugs) => store.practicesBySlugs(slugs));
    this.practicesByStory = new DataLoader((ids) => store.practicesByStoryIds(ids));
    this.metricsByStory = new DataLoader((ids) => store.metricsByStoryIds(ids));
    this.sourcesByStory = new DataLoader((ids) => store.sourcesByStoryIds(ids));
    this.storiesByCompany = nestedPageLoader((ids, page) => store.storyPagesByCompanyIds(ids, page, view));
    this.storiesByPractice = nestedPageLoader((ids, page) => store.storyPagesByPracticeIds(ids, page, view));
    this.storiesByDay = new DataLoader((days) => store.storiesByDays(days, view));
    this.storiesByRecap = new DataLoader((days) => store.storiesByRecapDays(days, view));
    this.dayByNumber = new DataLoader((numbers) => store.daysByNumbers(numbers));
    this.recapByDay = new DataLoader((days) => store.recapsByDays(days, view));
  }

  /** Up to `size` related stories per story; one loader per size so each batch is one statement. */
  related(size: number): DataLoader<number, StorySummaryRecord[]> {
    let loader = this.relatedBySize.get(size);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relatedStories(ids, size, this.view));
      this.relatedBySize.set(size, loader);
    }
    return loader;
  }

  /** Seeds the slug cache with stories a list already read (without bodies: {@link storyBody} loads those). */
  prime(stories: readonly StorySummaryRecord[]): void {
    for (const s of stories) this.storyBySlug.prime(s.slug, s);
  }
}
