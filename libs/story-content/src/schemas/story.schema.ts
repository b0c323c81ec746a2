import { type z } from 'zod';
import { METRIC_QUALIFIERS, SOURCE_KINDS, STORY_STATUSES } from '../content.types.js';
import { STORY_CHECKS, STORY_FILE_CHECKS, type StoryParts } from '../story.checks.js';
import {
  dateTime,
  dayNumber,
  fields,
  httpUrl,
  list,
  markdown,
  number,
  oneOf,
  optional,
  plainText,
  slug,
  year,
} from './fields.js';
import { LIMITS } from './limits.js';
import { type ContentRefs, missingRef } from './refs.js';

/** One source a story cites; metrics cite it by `id`. */
export const SourceSchema = fields({
  id: slug(),
  title: plainText(LIMITS.sourceTitle),
  url: httpUrl(),
  kind: oneOf(SOURCE_KINDS),
  publisher: optional(plainText(LIMITS.name)),
  year: optional(year()),
});

/** One figure of a story, with the year it describes and the `id` of the source that gives it. */
export const MetricSchema = fields({
  label: plainText(LIMITS.label),
  value: number(),
  unit: plainText(LIMITS.name),
  year: optional(year()),
  qualifier: optional(oneOf(METRIC_QUALIFIERS)),
  source: slug(),
});

/** The fields of a story an author writes, in files and over the API alike. */
function storyShape(refs: ContentRefs) {
  return {
    slug: slug(),
    title: plainText(LIMITS.title),
    headline: plainText(LIMITS.headline),
    company: slug().refine((s) => refs.companies.has(s), {
      error: (iss) => missingRef(refs, 'company', JSON.stringify(iss.input), 'companies'),
    }),
    year: optional(year()),
    day: optional(
      dayNumber().refine((d) => refs.days.has(d), {
        error: (iss) => missingRef(refs, 'day', String(iss.input), 'days'),
      }),
    ),
    summary: plainText(LIMITS.summary),
    practices: list(
      slug().refine((s) => refs.practices.has(s), {
        error: (iss) => missingRef(refs, 'practice', JSON.stringify(iss.input), 'practices'),
      }),
      1,
      LIMITS.practices,
    ),
    sources: list(SourceSchema, 1, LIMITS.sources),
    metrics: list(MetricSchema, 0, LIMITS.metrics),
  };
}

/**
 * The story's sources and metrics that are well formed on their own, at their index: the
 * rules between them run even while another field of the story is wrong, so one pass
 * reports every problem.
 */
function storyParts(value: unknown): StoryParts {
  const record = (value ?? {}) as Record<string, unknown>;
  const each = <T>(items: unknown, schema: z.ZodType<T>) =>
    Array.isArray(items) ? items.map((item) => schema.safeParse(item).data) : [];
  const sources = Array.isArray(record['sources']) ? (record['sources'] as unknown[]) : [];
  return {
    sources: each(sources, SourceSchema),
    metrics: each(record['metrics'], MetricSchema),
    sourceIds: new Set(sources.map((s) => (s as Record<string, unknown> | null)?.['id'])),
  };
}

function storyRules(value: unknown, ctx: z.RefinementCtx): void {
  const parts = storyParts(value);
  for (const check of STORY_CHECKS) check(parts, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
}

/** A story file's front matter (the body follows it): the story's fields, its status and dates. */
export function storyFrontMatterSchema(refs: ContentRefs) {
  return fields({
    ...storyShape(refs),
    status: oneOf(STORY_STATUSES),
    publishedAt: optional(dateTime()),
    updatedAt: dateTime(),
  }).superRefine(
    (value, ctx) => {
      storyRules(value, ctx);
      const dates = value as Partial<typeof value>;
      const ok = (d: unknown) => (d instanceof Date ? d : undefined);
      const story = {
        status: STORY_STATUSES.includes(dates.status as never) ? dates.status : undefined,
        publishedAt: dates.publishedAt === null ? null : ok(dates.publishedAt),
        updatedAt: ok(dates.updatedAt),
      };
      for (const check of STORY_FILE_CHECKS)
        check(story, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    },
    { when: () => true },
  );
}

/**
 * A story as an author sends it over the API: the fields of a file, with the Markdown body as
 * `body`; status and dates are the API's to set (`publishStory`).
 */
export function storyInputSchema(refs: ContentRefs) {
  return fields({ ...storyShape(refs), body: markdown() }).superRefine(storyRules, { when: () => true });
}
