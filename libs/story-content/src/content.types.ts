/**
 * Kinds of publication a source can be, the one list: the front matter spells them in
 * lower case, the store and the GraphQL enum `SourceKind` (story-model, which imports
 * nothing of ours, mirrors it; a story-graph test checks) in upper case.
 */
export const SOURCE_KINDS = ['article', 'blog', 'talk', 'video', 'slides', 'forum'] as const;

/** One of {@link SOURCE_KINDS}. */
export type SourceKindName = (typeof SOURCE_KINDS)[number];

/**
 * Words that qualify a figure as the source gives it ("about 75%", "up to 40 a day", "600+").
 * A metric that sets one must keep it in its label, so the story view never states it as exact.
 */
export const METRIC_QUALIFIERS = ['about', 'up to', 'more than'] as const;

/** One of {@link METRIC_QUALIFIERS}. */
export type MetricQualifier = (typeof METRIC_QUALIFIERS)[number];

/** Whether a story may be shown: drafts are imported but never served publicly. */
export const STORY_STATUSES = ['published', 'draft'] as const;

/** One of {@link STORY_STATUSES}. */
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Credit for the learning series the content is written from. */
export interface SeriesCredit {
  name: string;
  author: string;
  licence: string;
  licenceUrl: string;
  url: string;
  page: string;
  note: string;
}

export interface CompanyContent {
  slug: string;
  name: string;
  industry: string;
  description: string;
}

export interface PracticeContent {
  slug: string;
  name: string;
  description: string;
}

export interface DayContent {
  number: number;
  title: string;
  topic: string;
  summary: string;
  body: string;
}

export interface RecapContent {
  day: number;
  title: string;
  coversDays: number[];
  points: string[];
  stories: string[];
  body: string;
}

export interface SourceContent {
  /** Unique within its story; metrics cite sources by it. */
  id: string;
  title: string;
  url: string;
  kind: SourceKindName;
  publisher: string | null;
  year: number | null;
}

export interface MetricContent {
  label: string;
  value: number;
  unit: string;
  year: number | null;
  /** How the source qualifies the figure, when it does; the label then contains these words. */
  qualifier: MetricQualifier | null;
  /** The `id` of one of the story's sources. */
  source: string;
}

export interface StoryContent {
  slug: string;
  title: string;
  headline: string;
  company: string;
  year: number | null;
  day: number | null;
  status: StoryStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  summary: string;
  practices: string[];
  sources: SourceContent[];
  metrics: MetricContent[];
  body: string;
}

/** Everything the content folder holds, validated and cross-checked. */
export interface ContentBundle {
  series: SeriesCredit;
  companies: CompanyContent[];
  practices: PracticeContent[];
  days: DayContent[];
  recaps: RecapContent[];
  stories: StoryContent[];
}
