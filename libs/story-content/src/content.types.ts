import type { z } from 'zod';
import type {
  CompanyInputSchema,
  DayInputSchema,
  PracticeInputSchema,
  recapFrontMatterSchema,
  recapInputSchema,
  SeriesSchema,
} from './schemas/entity.schemas.js';
import type { MetricSchema, SourceSchema, storyFrontMatterSchema, storyInputSchema } from './schemas/story.schema.js';
import type { SubmissionInputSchema } from './schemas/submission.schema.js';

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

/** Whether a story or recap may be shown: drafts are stored but never served publicly. */
export const STORY_STATUSES = ['published', 'draft'] as const;

/** One of {@link STORY_STATUSES}. */
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Credit for the learning series the content is adapted from (`series.yaml`). */
export type SeriesCredit = z.output<typeof SeriesSchema>;

/** A company: its front matter and, as `description`, its Markdown body. */
export type CompanyContent = z.output<typeof CompanyInputSchema> & FromFile;

/** A practice: its front matter and, as `description`, its Markdown body. */
export type PracticeContent = z.output<typeof PracticeInputSchema> & FromFile;

/** A series day: its front matter and Markdown body. */
export type DayContent = z.output<typeof DayInputSchema> & FromFile;

/** A recap: its front matter and Markdown body. */
export type RecapContent = z.output<ReturnType<typeof recapFrontMatterSchema>> & { body: string } & FromFile;

/** A source a story cites (unique `id` within its story; metrics cite sources by it). */
export type SourceContent = z.output<typeof SourceSchema>;

/** A figure of a story; `qualifier` is kept in the label, `source` is the `id` of one of the story's sources. */
export type MetricContent = z.output<typeof MetricSchema>;

/** A story: its front matter and Markdown body. */
export type StoryContent = z.output<ReturnType<typeof storyFrontMatterSchema>> & { body: string } & FromFile;

/** A story as an author writes it over the API: no status or dates, which publishing sets. */
export type StoryInput = z.output<ReturnType<typeof storyInputSchema>>;
/** A company as an author writes it over the API. */
export type CompanyInput = z.output<typeof CompanyInputSchema>;
/** A practice as an author writes it over the API. */
export type PracticeInput = z.output<typeof PracticeInputSchema>;
/** A day as an author writes it over the API. */
export type DayInput = z.output<typeof DayInputSchema>;
/** A recap as an author writes it over the API (a draft until published). */
export type RecapInput = z.output<ReturnType<typeof recapInputSchema>>;
/** A reader's story as `submitStory` takes it. */
export type SubmissionInput = z.output<typeof SubmissionInputSchema>;

/** Where a record was read from, relative to the content folder (`stories/amazon.md`); absent for records built in code. */
export interface FromFile {
  file?: string;
}

/**
 * Content as an import consumes it: the small kinds whole, the stories and recaps as iterables
 * read once, stories first (a {@link ContentBundle} is one; `streamContent` reads a folder this way
 * one story file at a time, so memory stays flat however many stories it holds).
 */
export interface ContentSource {
  companies: readonly CompanyContent[];
  practices: readonly PracticeContent[];
  days: readonly DayContent[];
  /** Iterated once, before `recaps`. */
  stories: Iterable<StoryContent>;
  /** Iterated once, after `stories`. */
  recaps: Iterable<RecapContent>;
  /** The credit of the series the content is adapted from, which its licence requires wherever the content is shown. */
  series: SeriesCredit;
  /** How many stories `stories` yields at most (its files, for a folder): what progress is measured against. */
  storyCount?: number;
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
