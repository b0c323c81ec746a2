import { type z } from 'zod';
import { STORY_STATUSES } from '../content.types.js';
import { dayNumber, fields, httpUrl, int, list, markdown, oneOf, optional, plainText, slug } from './fields.js';
import { LIMITS } from './limits.js';
import { type ContentRefs, missingRef } from './refs.js';

/*
 * The schemas of companies, practices, days and recaps: each a file's front matter (the
 * Markdown body follows it) and, with the body as a field, the input of its mutations.
 */

const companyShape = { slug: slug(), name: plainText(LIMITS.name), industry: plainText(LIMITS.name) };

/** A company file's front matter; its body is the description. */
export const CompanyFrontMatterSchema = fields(companyShape);
/** A company as the API creates it. */
export const CompanyInputSchema = fields({ ...companyShape, description: markdown() });

const practiceShape = { slug: slug(), name: plainText(LIMITS.name) };

/** A practice file's front matter; its body is the description. */
export const PracticeFrontMatterSchema = fields(practiceShape);
/** A practice as the API creates it. */
export const PracticeInputSchema = fields({ ...practiceShape, description: markdown() });

const dayShape = {
  number: dayNumber(),
  title: plainText(LIMITS.title),
  topic: plainText(LIMITS.label),
  summary: plainText(LIMITS.summary),
};

/** A day file's front matter; the body follows. */
export const DayFrontMatterSchema = fields(dayShape);
/** A day as the API creates it. */
export const DayInputSchema = fields({ ...dayShape, body: markdown() });

function recapShape(refs: ContentRefs) {
  const knownDay = (schema: z.ZodType<number>) =>
    schema.refine((d) => refs.days.has(d), { error: (iss) => missingRef(refs, 'day', String(iss.input), 'days') });
  return {
    day: knownDay(dayNumber()),
    title: plainText(LIMITS.title),
    coversDays: list(knownDay(int(1, LIMITS.lastDay)), 1, LIMITS.recapStories),
    points: list(plainText(LIMITS.label), 1, LIMITS.points),
    stories: list(
      slug().refine((s) => refs.stories.has(s), {
        error: (iss) => missingRef(refs, 'story', JSON.stringify(iss.input), 'stories'),
      }),
      0,
      LIMITS.recapStories,
    ),
  };
}

/** A recap file's front matter; `status` is `published` unless it says `draft`. */
export function recapFrontMatterSchema(refs: ContentRefs) {
  return fields({
    ...recapShape(refs),
    status: optional(oneOf(STORY_STATUSES)).transform((s) => s ?? 'published'),
  });
}

/** A recap as the API creates it (a draft until `publishRecap`). */
export function recapInputSchema(refs: ContentRefs) {
  return fields({ ...recapShape(refs), body: markdown() });
}

/** `series.yaml`: the credit of the learning series the content is written from. */
export const SeriesSchema = fields({
  name: plainText(LIMITS.name),
  author: plainText(LIMITS.name),
  licence: plainText(LIMITS.name),
  licenceUrl: httpUrl(),
  url: httpUrl(),
  page: httpUrl(),
  note: plainText(LIMITS.summary),
});
