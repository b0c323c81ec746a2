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

/**
 * A story without its body: what lists of stories return (cards show no body, and the three
 * body forms are most of a row's bytes). {@link StoryStore.storyBodiesByIds} reads the bodies.
 */
export interface StorySummaryRecord {
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

/** A whole story, body included: what a lookup by slug returns. */
export interface StoryRecord extends StorySummaryRecord, RenderedBody {}

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
  rows: { story: StorySummaryRecord; key: SortKey }[];
  /** More rows lie beyond the page in the read direction. */
  hasMore: boolean;
  /** Rows matching the filter, on all pages. */
  totalCount: number;
}

export type SearchKind = 'Story' | 'Recap' | 'Day';

export interface SearchRecord {
  kind: SearchKind;
  /** The story slug, or the day number as text for days and recaps. */
  key: string;
  /** Relevance scaled to the best hit of the same search: 1 for the best, less for the rest. */
  score: number;
  snippet: string;
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
 * Lists of stories return them without bodies ({@link StorySummaryRecord}); lookups by slug
 * return them whole. Batch reads take many keys and return one entry per key in the same order,
 * which is what DataLoader batch functions need; each runs one statement.
 * Methods are async so that a networked backend fits the same contract.
 */
export interface StoryStore {
  /** Replaces the stored content with `bundle` (upsert by slug, prune the rest) in one transaction. */
  importContent(bundle: ContentBundle): Promise<ImportResult>;

  listStories(query: StoryListQuery): Promise<StoryListPage>;
  /** Whole stories, bodies included. */
  storiesBySlugs(slugs: readonly string[], view: StoryView): Promise<(StoryRecord | null)[]>;
  /** The bodies of stories a list returned without them, by row id (`null` for an unknown id). */
  storyBodiesByIds(ids: readonly number[]): Promise<(RenderedBody | null)[]>;
  /** Stories per company id, in default order (newest published first). */
  storiesByCompanyIds(ids: readonly number[], view: StoryView): Promise<StorySummaryRecord[][]>;
  storiesByPracticeIds(ids: readonly number[], view: StoryView): Promise<StorySummaryRecord[][]>;
  storiesByDays(days: readonly number[], view: StoryView): Promise<StorySummaryRecord[][]>;
  /** The stories a recap links, per recap day, in the recap's order. */
  storiesByRecapDays(days: readonly number[], view: StoryView): Promise<StorySummaryRecord[][]>;
  /** Per story: up to `limit` other stories ranked by shared practices, then newest first. */
  relatedStories(storyIds: readonly number[], limit: number, view: StoryView): Promise<StorySummaryRecord[][]>;

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

  /** Ranked full-text search over stories, days and recaps. `terms` are plain words. */
  search(terms: readonly string[], limit: number, view: StoryView): Promise<SearchRecord[]>;

  /**
   * Calls `listener` after each committed import or write that changed anything, with what it
   * changed; returns a function that removes the listener.
   */
  onChange(listener: (change: ContentChange) => void): () => void;

  close(): Promise<void>;
}
