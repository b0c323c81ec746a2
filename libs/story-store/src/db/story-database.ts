import type { MetricQualifier, StoryStatus } from '@devops-stories/story-content';
import type { Generated } from 'kysely';
import type { Origin, SearchKind, SourceRecord, SubmissionStatus, TokenRole } from '../store.types.js';

/**
 * The tables as the migrations create them, for Kysely: column names as stored
 * (snake case), types as a driver returns them (times are epoch milliseconds, lists
 * are JSON text). Every backend of the store holds these tables.
 */
export interface StoryDatabase {
  companies: CompaniesTable;
  practices: PracticesTable;
  days: DaysTable;
  stories: StoriesTable;
  story_practices: StoryPracticesTable;
  sources: SourcesTable;
  metrics: MetricsTable;
  recaps: RecapsTable;
  recap_stories: RecapStoriesTable;
  search_index: SearchIndexTable;
  story_counts: StoryCountsTable;
  api_tokens: ApiTokensTable;
  submissions: SubmissionsTable;
  audit_log: AuditLogTable;
  series: SeriesTable;
}

/** Columns every authorable record has: where it comes from and its version. */
export interface Authored {
  origin: Origin;
  /** For `file` records, the file relative to the content folder (`stories/amazon.md`). */
  source_file: string | null;
  /** 1 when created, +1 on each change. */
  version: number;
}

export interface CompaniesTable extends Authored {
  id: Generated<number>;
  slug: string;
  name: string;
  industry: string;
  description: string;
}

export interface PracticesTable extends Authored {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
}

export interface DaysTable extends Authored {
  number: number;
  title: string;
  topic: string;
  summary: string;
  body: string;
  body_html: string;
  body_text: string;
}

export interface StoriesTable extends Authored {
  id: Generated<number>;
  slug: string;
  title: string;
  headline: string;
  company_id: number;
  year: number | null;
  day_number: number | null;
  status: StoryStatus;
  summary: string;
  body: string;
  body_html: string;
  body_text: string;
  reading_time_minutes: number;
  /** Epoch milliseconds. */
  published_at: number | null;
  /** Epoch milliseconds. */
  updated_at: number;
  /** Of the imported content and its renderer version: an unchanged story is not rewritten. */
  content_hash: string;
}

export interface StoryPracticesTable {
  story_id: number;
  practice_id: number;
  position: number;
}

export interface SourcesTable {
  id: Generated<number>;
  story_id: number;
  /** The source's `id` in the story's front matter. */
  key: string;
  title: string;
  url: string;
  kind: SourceRecord['kind'];
  publisher: string | null;
  year: number | null;
  position: number;
}

export interface MetricsTable {
  id: Generated<number>;
  story_id: number;
  label: string;
  value: number;
  unit: string;
  year: number | null;
  /** "about", "up to" or "more than", as the source qualifies the figure. */
  qualifier: MetricQualifier | null;
  source_id: number | null;
  position: number;
}

export interface RecapsTable extends Authored {
  status: StoryStatus;
  day: number;
  title: string;
  /** JSON array of strings. */
  points: string;
  /** JSON array of day numbers. */
  covers_days: string;
  body: string;
  body_html: string;
  body_text: string;
}

export interface RecapStoriesTable {
  recap_day: number;
  story_id: number;
  position: number;
}

/** The full-text index (an FTS5 table on SQLite); rebuilt from the tables above on each import. */
/** How many stories have each status, kept by triggers (SQLite), for the unfiltered totals. */
export interface StoryCountsTable {
  status: StoryStatus;
  n: number;
}

export interface SearchIndexTable {
  title: string;
  body: string;
  kind: SearchKind;
  /** The story slug, or the day number as text. */
  key: string;
  /** 1 when the row may be shown publicly. */
  published: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  /** The public half of a token, which finds its row; the secret half is stored only as a hash. */
  public_id: string;
  name: string;
  role: TokenRole;
  /** sha256 of the secret half, hex. */
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  /** sha256 of the receipt, hex: the receipt itself is only the submitter's. */
  receipt_hash: string;
  status: SubmissionStatus;
  company: string;
  title: string;
  what_changed: string;
  outcome: string;
  /** JSON array of URLs. */
  links: string;
  name: string | null;
  contact: string | null;
  public_note: string | null;
  submitted_at: number;
  reviewed_at: number | null;
  reviewed_by: string | null;
  /** The draft story an approval created. */
  story_id: number | null;
  version: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  /** The token name that wrote, `anonymous` for a submission, `cli` for the token CLI. */
  actor: string;
  operation: string;
  record_type: string;
  record_key: string;
  version_before: number | null;
  version_after: number | null;
}

/** The one row (`id` 1) of the series credit the import keeps, as `series.yaml` gives it. */
export interface SeriesTable {
  id: number;
  name: string;
  author: string;
  licence: string;
  licence_url: string;
  url: string;
  page: string;
  note: string;
}
