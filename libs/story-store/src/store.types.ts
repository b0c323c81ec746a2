import type { ContentBundle, SourceKindName, StoryStatus } from '@devops-stories/story-content';

/**
 * Which stories a read may see. Every read that can reach a story takes one,
 * so a draft cannot slip out through a relation that forgot to filter.
 */
export type StoryView = 'published' | 'all';

/** A Markdown body with the forms rendered from it at import, so reads never parse Markdown. */
export interface RenderedBody {
  /** Markdown source. */
  body: string;
  /** Safe HTML rendered from `body`. */
  bodyHtml: string;
  /** Plain text rendered from `body`: what readers see and the search index holds. */
  bodyText: string;
}

export interface StoryRecord extends RenderedBody {
  rowId: number;
  slug: string;
  title: string;
  headline: string;
  companyId: number;
  year: number | null;
  day: number | null;
  status: StoryStatus;
  summary: string;
  /** Minutes to read `bodyText` at 200 words a minute. */
  readingTimeMinutes: number;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface CompanyRecord {
  rowId: number;
  slug: string;
  name: string;
  industry: string;
  description: string;
}

export interface PracticeRecord {
  rowId: number;
  slug: string;
  name: string;
  description: string;
}

export interface SourceRecord {
  title: string;
  url: string;
  /** One of the content's `SOURCE_KINDS`, upper case as the GraphQL enum `SourceKind` spells it. */
  kind: Uppercase<SourceKindName>;
  publisher: string | null;
  year: number | null;
}

export interface MetricRecord {
  label: string;
  value: number;
  unit: string;
  year: number | null;
  source: SourceRecord | null;
}

export interface DayRecord extends RenderedBody {
  number: number;
  title: string;
  topic: string;
  summary: string;
}

export interface RecapRecord extends RenderedBody {
  day: number;
  title: string;
  points: string[];
  coversDays: number[];
}

export type StorySortField = 'publishedAt' | 'year' | 'title';
export type SortDirection = 'asc' | 'desc';

/** Where a page starts: the sort value and slug of the row a cursor was issued for. */
export interface SortKey {
  value: string | number;
  slug: string;
}

export interface StoryListFilter {
  company?: string | null;
  practice?: string | null;
  industry?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  day?: number | null;
}

export interface StoryListQuery {
  filter: StoryListFilter;
  sort: { field: StorySortField; direction: SortDirection };
  /** Read forward from after `after`, or backward from before `before`. */
  from: { direction: 'forward'; after: SortKey | null } | { direction: 'backward'; before: SortKey | null };
  /** How many rows to return; the store reads one more to know if there are further rows. */
  limit: number;
  view: StoryView;
}

export interface StoryListPage {
  /** In list order (also for backward reads), each with the key a cursor encodes. */
  rows: { story: StoryRecord; key: SortKey }[];
  /** More rows lie beyond the page in the read direction. */
  hasMore: boolean;
  /** Rows matching the filter, on all pages. */
  totalCount: number;
}

export type SearchKind = 'Story' | 'Recap' | 'Day';

/**
 * Where a hit sits in the ranking, and what a search cursor carries: hits are ordered by `rank`
 * (higher first), then `kind`, then `key` (both ascending in byte order, as SQLite compares text;
 * a backend with locale collations compares these with a binary one, e.g. `COLLATE "C"`).
 */
export interface SearchKey {
  /** The backend's own relevance figure, higher is better; only compared within one backend. */
  rank: number;
  kind: SearchKind;
  /** The story slug, or the day number as text for days and recaps. */
  key: string;
}

export interface SearchRecord extends SearchKey {
  /** Relevance scaled to the best hit of the same search (filter included): 1 for the best, less for the rest. */
  score: number;
  snippet: string;
}

/**
 * A full-text search under a story filter. Each field of `filter` that is set must match:
 * - a story hit matches as in {@link StoryStore.listStories};
 * - a day hit matches `day` when it is that day, and the story-only fields (company, practice,
 *   industry, yearFrom, yearTo) when at least one of the day's stories in `view` matches them all;
 * - a recap hit matches `day` when it is that day's recap or covers that day, and the story-only
 *   fields when at least one of the stories it links, in `view`, matches them all.
 */
export interface SearchQuery {
  /** Plain words: each matches as a word prefix, and all must match. */
  terms: readonly string[];
  filter: StoryListFilter;
  /** Read the hits ranked after this one (from a cursor), or from the best when null. */
  after: SearchKey | null;
  /** How many hits to return; the store reads one more to know if there are further hits. */
  limit: number;
  view: StoryView;
}

export interface SearchPage {
  /** Best first. */
  hits: SearchRecord[];
  /** More hits rank after the page. */
  hasMore: boolean;
  /** Hits matching the terms and the filter, on all pages. */
  totalCount: number;
}

export interface ImportResult {
  stories: { inserted: number; updated: number; unchanged: number; removed: number };
  companies: number;
  practices: number;
  days: number;
  recaps: number;
}

/** The kinds of record a change names, as the graph's `__typename`. */
export type ChangedNodeType = 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap';

/** Collections whose membership, order or totals a change may alter; read-side caches tag list reads with them. */
export type ChangedList = 'stories' | 'companies' | 'practices' | 'days' | 'recaps' | 'search';

/**
 * What one committed import or write changed: the records (by type and public key: a slug,
 * or a day number as text) and the collections. Caches purge the entries tagged with any of them.
 */
export interface ContentChange {
  nodes: { type: ChangedNodeType; key: string }[];
  lists: ChangedList[];
}

/**
 * The storage contract every backend (SQLite now, PostgreSQL later) fulfils.
 *
 * Batch reads take many keys and return one entry per key in the same order,
 * which is what DataLoader batch functions need; each runs one statement.
 * Methods are async so that a networked backend fits the same contract.
 */
export interface StoryStore {
  /** Replaces the stored content with `bundle` (upsert by slug, prune the rest) in one transaction. */
  importContent(bundle: ContentBundle): Promise<ImportResult>;

  listStories(query: StoryListQuery): Promise<StoryListPage>;
  storiesBySlugs(slugs: readonly string[], view: StoryView): Promise<(StoryRecord | null)[]>;
  /** Stories per company id, in default order (newest published first). */
  storiesByCompanyIds(ids: readonly number[], view: StoryView): Promise<StoryRecord[][]>;
  storiesByPracticeIds(ids: readonly number[], view: StoryView): Promise<StoryRecord[][]>;
  storiesByDays(days: readonly number[], view: StoryView): Promise<StoryRecord[][]>;
  /** The stories a recap links, per recap day, in the recap's order. */
  storiesByRecapDays(days: readonly number[], view: StoryView): Promise<StoryRecord[][]>;
  /** Per story: up to `limit` other stories ranked by shared practices, then newest first. */
  relatedStories(storyIds: readonly number[], limit: number, view: StoryView): Promise<StoryRecord[][]>;

  listCompanies(): Promise<CompanyRecord[]>;
  companiesByIds(ids: readonly number[]): Promise<(CompanyRecord | null)[]>;
  companiesBySlugs(slugs: readonly string[]): Promise<(CompanyRecord | null)[]>;
  listPractices(): Promise<PracticeRecord[]>;
  practicesBySlugs(slugs: readonly string[]): Promise<(PracticeRecord | null)[]>;
  practicesByStoryIds(ids: readonly number[]): Promise<PracticeRecord[][]>;
  metricsByStoryIds(ids: readonly number[]): Promise<MetricRecord[][]>;
  sourcesByStoryIds(ids: readonly number[]): Promise<SourceRecord[][]>;

  listDays(): Promise<DayRecord[]>;
  daysByNumbers(numbers: readonly number[]): Promise<(DayRecord | null)[]>;
  listRecaps(): Promise<RecapRecord[]>;
  recapsByDays(days: readonly number[]): Promise<(RecapRecord | null)[]>;

  /**
   * One page of a ranked full-text search over stories, days and recaps, under a story filter
   * (see {@link SearchQuery} for how it applies to days and recaps), with the count under the
   * same terms, filter and view.
   */
  search(query: SearchQuery): Promise<SearchPage>;

  /**
   * Calls `listener` after each committed import or write that changed anything, with what it
   * changed; returns a function that removes the listener.
   */
  onChange(listener: (change: ContentChange) => void): () => void;

  close(): Promise<void>;
}
