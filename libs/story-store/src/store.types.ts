import type {
  CompanyInput,
  ContentSource,
  DayInput,
  PracticeInput,
  RecapInput,
  SeriesCredit,
  SourceKindName,
  StoryInput,
  StoryStatus,
  SubmissionInput,
} from '@devops-stories/story-content';

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

/** Where a record comes from: a file of the content folder (edited there), or the API. */
export type Origin = 'file' | 'api';

/** What every authorable record carries besides its content. */
export interface AuthoredRecord {
  origin: Origin;
  /** For `file` records, the file relative to the content folder, such as `stories/amazon.md`. */
  sourceFile: string | null;
  /** 1 when created, +1 on each change; `update*` takes the version it expects. */
  version: number;
}

/**
 * A story without its body: what lists of stories return (cards show no body, and the three
 * body forms are most of a row's bytes). {@link StoryStore.storyBodiesByIds} reads the bodies.
 */
export interface StorySummaryRecord extends AuthoredRecord {
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

export interface CompanyRecord extends AuthoredRecord {
  rowId: number;
  slug: string;
  name: string;
  industry: string;
  description: string;
}

export interface PracticeRecord extends AuthoredRecord {
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

export interface DayRecord extends RenderedBody, AuthoredRecord {
  number: number;
  title: string;
  topic: string;
  summary: string;
}

export interface RecapRecord extends RenderedBody, AuthoredRecord {
  day: number;
  status: StoryStatus;
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

/** A page of a nested story list (a company's or a practice's stories): newest first, forward only. */
export interface NestedPageQuery {
  /** Read after this key (the list's publication time and slug); null for the first page. */
  after: SortKey | null;
  /** How many rows to return; the store reads one more to know if there are further rows. */
  limit: number;
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

/** Who may do what with an API token: `admin` may do everything. */
export type TokenRole = 'editor' | 'moderator' | 'admin';

/** An API token as stored: never its secret, which only its creator saw once. */
export interface TokenRecord {
  id: number;
  name: string;
  role: TokenRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type SubmissionStatus = 'pending' | 'approved' | 'rejected';

/** A reader's story as submitted, with what moderation made of it. */
export interface SubmissionRecord {
  id: number;
  status: SubmissionStatus;
  company: string;
  title: string;
  whatChanged: string;
  outcome: string;
  links: string[];
  name: string | null;
  contact: string | null;
  /** The moderator's note to the submitter: why it was rejected, or what happens next. */
  publicNote: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  /** The draft story an approval created. */
  storyId: number | null;
  storySlug: string | null;
  version: number;
}

/** One write, as the audit log keeps it. */
export interface AuditRecord {
  id: number;
  at: Date;
  /** The token name that wrote; `anonymous` for a submission, `cli` for the token CLI. */
  actor: string;
  /** The mutation, such as `updateStory`. */
  operation: string;
  /** `Story`, `Company`, ..., `Submission`, `ApiToken`. */
  recordType: string;
  /** The record's key: a slug, a day number, or a numeric id. */
  recordKey: string;
  versionBefore: number | null;
  versionAfter: number | null;
}

/** A page of a list read in id order, newest first, with the total under the same filter. */
export interface RecordPage<T> {
  rows: T[];
  hasMore: boolean;
  totalCount: number;
}

/** Where a page of records starts: after (below) the id a cursor was issued for. */
export interface RecordPageQuery {
  afterId: number | null;
  limit: number;
}

/**
 * Why a write was refused; nothing was changed. `field` is the path of the input field the
 * author can fix (empty for the record as a whole).
 */
export interface WriteProblem {
  code: 'NOT_FOUND' | 'VERSION_CONFLICT' | 'EDIT_IN_SOURCE' | 'SLUG_TAKEN' | 'IN_USE' | 'INVALID';
  field: string[];
  message: string;
}

/** The outcome of a write: the record as committed, or why nothing changed. */
export type WriteResult<T> = { ok: true; record: T } | { ok: false; problem: WriteProblem };

/** The kinds of content record the API writes, by key: a slug, or a day number for days and recaps. */
export interface ContentKinds {
  Story: { key: string; input: StoryInput; record: StoryRecord };
  Company: { key: string; input: CompanyInput; record: CompanyRecord };
  Practice: { key: string; input: PracticeInput; record: PracticeRecord };
  Day: { key: number; input: DayInput; record: DayRecord };
  Recap: { key: number; input: RecapInput; record: RecapRecord };
}

export type ContentKind = keyof ContentKinds;

/** A story in the shape an author writes it (sources with ids, metrics citing them), with its state. */
export type StoryDocument = StoryInput &
  AuthoredRecord & {
    status: StoryStatus;
    publishedAt: Date | null;
    updatedAt: Date;
  };

/** How far an import has come: called after every few hundred stories, and once the stories are written. */
export interface ImportProgress {
  /** Stories read so far (written or found unchanged). */
  stories: number;
  /** How many the source holds, when it says. */
  total: number | undefined;
  /** Since the import started. */
  elapsedMs: number;
}

/** Options of {@link StoryStore.importContent}. */
export interface ImportOptions {
  /** Told how far the import has come; `importProgressReporter` turns it into a line on the console for long imports. */
  onProgress?: (progress: ImportProgress) => void;
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

/**
 * Collections whose membership, order or totals a change may alter; read-side caches tag list reads with them.
 * `series` is the series credit ({@link StoryStore.series}), one record without a node of its own.
 */
export type ChangedList = 'stories' | 'companies' | 'practices' | 'days' | 'recaps' | 'search' | 'series';

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
  /**
   * Replaces the stored file content with `source` (upsert by slug, prune the rest) in one transaction,
   * reading its stories one at a time; an unchanged re-import writes nothing.
   */
  importContent(source: ContentSource, options?: ImportOptions): Promise<ImportResult>;

  listStories(query: StoryListQuery): Promise<StoryListPage>;
  /** Whole stories, bodies included. */
  storiesBySlugs(slugs: readonly string[], view: StoryView): Promise<(StoryRecord | null)[]>;
  /** The bodies of stories a list returned without them, by row id (`null` for an unknown id). */
  storyBodiesByIds(ids: readonly number[]): Promise<(RenderedBody | null)[]>;
  /**
   * One page of each company's stories, newest first, with each company's count, in one
   * statement whatever the number of companies; each page is read from an index, LIMIT rows long.
   */
  storyPagesByCompanyIds(ids: readonly number[], page: NestedPageQuery, view: StoryView): Promise<StoryListPage[]>;
  /** One page of each practice's stories, as {@link StoryStore.storyPagesByCompanyIds}. */
  storyPagesByPracticeIds(ids: readonly number[], page: NestedPageQuery, view: StoryView): Promise<StoryListPage[]>;
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
  listRecaps(view: StoryView): Promise<RecapRecord[]>;
  recapsByDays(days: readonly number[], view: StoryView): Promise<(RecapRecord | null)[]>;

  /**
   * The credit of the series the content is adapted from, as the last import stored it (`null`
   * before any import): its licence requires it wherever the content is shown.
   */
  series(): Promise<SeriesCredit | null>;

  /**
   * One page of a ranked full-text search over stories, days and recaps, under a story filter
   * (see {@link SearchQuery} for how it applies to days and recaps), with the count under the
   * same terms, filter and view.
   */
  search(query: SearchQuery): Promise<SearchPage>;

  /*
   * Authoring. Each write runs in one transaction, is acknowledged only once committed, records
   * an audit entry (who, what, when, version before and after) in the same transaction, and
   * announces its change through `onChange` after the commit. A refused write changes nothing.
   * `actor` is the token name that writes.
   */

  /** Creates an API record (stories and recaps as drafts). */
  create<K extends ContentKind>(
    kind: K,
    input: ContentKinds[K]['input'],
    actor: string,
  ): Promise<WriteResult<ContentKinds[K]['record']>>;
  /**
   * Replaces an API record's content (its key stays), if its version is `expectedVersion`:
   * otherwise `VERSION_CONFLICT` stating the current one. A file record is `EDIT_IN_SOURCE`.
   */
  update<K extends ContentKind>(
    kind: K,
    key: ContentKinds[K]['key'],
    expectedVersion: number,
    input: ContentKinds[K]['input'],
    actor: string,
  ): Promise<WriteResult<ContentKinds[K]['record']>>;
  /** Deletes an API record at `expectedVersion`; a company or practice that stories use is `IN_USE`. */
  delete<K extends ContentKind>(
    kind: K,
    key: ContentKinds[K]['key'],
    expectedVersion: number,
    actor: string,
  ): Promise<WriteResult<ContentKinds[K]['record']>>;
  /** Publishes or unpublishes an API story or recap at `expectedVersion`. */
  setStatus<K extends 'Story' | 'Recap'>(
    kind: K,
    key: ContentKinds[K]['key'],
    expectedVersion: number,
    status: StoryStatus,
    actor: string,
  ): Promise<WriteResult<ContentKinds[K]['record']>>;
  /** Stories in the shape an author writes them, drafts included; `null` for unknown slugs. */
  storyDocuments(slugs: readonly string[]): Promise<(StoryDocument | null)[]>;
  /**
   * Hands API records over to the files they were exported to: from now on they are `file`
   * records, which the import owns. `NOT_FOUND` or `EDIT_IN_SOURCE` (already a file) change nothing.
   */
  handOver(
    records: { kind: 'Story' | 'Company' | 'Practice'; key: string; file: string }[],
    actor: string,
  ): Promise<WriteResult<number>>;

  /** Creates a token; the secret is in the returned `token` string only, and never stored. */
  createToken(
    name: string,
    role: TokenRole,
    actor: string,
  ): Promise<WriteResult<{ record: TokenRecord; token: string }>>;
  listTokens(): Promise<TokenRecord[]>;
  /** Revokes a token by id (or by name, for the CLI); revoking twice is `NOT_FOUND`. */
  revokeToken(idOrName: number | string, actor: string): Promise<WriteResult<TokenRecord>>;
  /**
   * The live (not revoked) token `presented` is, compared in constant time, or null; notes
   * when it was last used (at most once a minute).
   */
  authenticate(presented: string): Promise<TokenRecord | null>;

  /** Stores a reader's submission as `pending`; the receipt is returned once, stored only as a hash. */
  submit(input: SubmissionInput): Promise<{ record: SubmissionRecord; receipt: string }>;
  submissionByReceipt(receipt: string): Promise<SubmissionRecord | null>;
  submissionsByIds(ids: readonly number[]): Promise<(SubmissionRecord | null)[]>;
  /** Submissions newest first, in one status or all. */
  listSubmissions(status: SubmissionStatus | null, page: RecordPageQuery): Promise<RecordPage<SubmissionRecord>>;
  /**
   * Approves a pending submission: creates a draft API story from it (and its company, when no
   * company has the slug of its name), linked back. Anything but `pending` is `VERSION_CONFLICT`.
   */
  approveSubmission(
    id: number,
    note: string | null,
    actor: string,
  ): Promise<WriteResult<{ submission: SubmissionRecord; story: StoryRecord }>>;
  rejectSubmission(id: number, reason: string, actor: string): Promise<WriteResult<SubmissionRecord>>;

  /** The audit log, newest first. */
  listAudit(page: RecordPageQuery): Promise<RecordPage<AuditRecord>>;

  /**
   * Calls `listener` after each committed import or write that changed anything, with what it
   * changed; returns a function that removes the listener.
   */
  onChange(listener: (change: ContentChange) => void): () => void;

  /**
   * For a backend several processes share (PostgreSQL): whether this store hears the changes the
   * others commit (false while its listener reconnects, when their changes may be missed).
   * Absent where there are no others to hear.
   */
  hearsOthers?(): boolean;

  close(): Promise<void>;
}
