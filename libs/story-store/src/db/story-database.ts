import type { StoryStatus } from '@devops-stories/story-content';
import type { Generated } from 'kysely';
import type { SearchKind, SourceRecord } from '../store.types.js';

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
}

export interface CompaniesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  industry: string;
  description: string;
}

export interface PracticesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
}

export interface DaysTable {
  number: number;
  title: string;
  topic: string;
  summary: string;
  body: string;
  body_html: string;
  body_text: string;
}

export interface StoriesTable {
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
  source_id: number | null;
  position: number;
}

export interface RecapsTable {
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
export interface SearchIndexTable {
  title: string;
  body: string;
  kind: SearchKind;
  /** The story slug, or the day number as text. */
  key: string;
  /** 1 when the row may be shown publicly. */
  published: number;
}
