import {
  CompanyInputSchema,
  DayInputSchema,
  PracticeInputSchema,
  recapInputSchema,
  storyInputSchema,
} from '@devops-stories/story-content';
import type { AuthoredRecord } from '@devops-stories/story-store';
import { contentRefs } from './content-refs.js';
import type { KindAccess } from './content-writes.js';
import { omit } from './user-errors.js';

/*
 * How the content mutations find each kind of record and which schema its content obeys: the
 * same zod schemas the Markdown loader validates files with.
 */

function authored(r: AuthoredRecord): AuthoredRecord {
  return { origin: r.origin, sourceFile: r.sourceFile, version: r.version };
}

const stringKey = (key: string) => key;
const numberKey = (key: string) => Number(key);

export const storyAccess: KindAccess<'Story'> = {
  kind: 'Story',
  typename: 'Story',
  label: (slug) => `story "${slug}"`,
  parseKey: stringKey,
  async current(ctx, slug) {
    const [doc] = await ctx.store.storyDocuments([slug]);
    if (!doc) return null;
    return omit(doc, ['status', 'publishedAt', 'updatedAt']);
  },
  schema: async (ctx) => storyInputSchema(await contentRefs(ctx.store)),
};

export const companyAccess: KindAccess<'Company'> = {
  kind: 'Company',
  typename: 'Company',
  label: (slug) => `company "${slug}"`,
  parseKey: stringKey,
  async current(ctx, slug) {
    const [c] = await ctx.store.companiesBySlugs([slug]);
    return c && { slug: c.slug, name: c.name, industry: c.industry, description: c.description, ...authored(c) };
  },
  schema: async () => CompanyInputSchema,
};

export const practiceAccess: KindAccess<'Practice'> = {
  kind: 'Practice',
  typename: 'Practice',
  label: (slug) => `practice "${slug}"`,
  parseKey: stringKey,
  async current(ctx, slug) {
    const [p] = await ctx.store.practicesBySlugs([slug]);
    return p && { slug: p.slug, name: p.name, description: p.description, ...authored(p) };
  },
  schema: async () => PracticeInputSchema,
};

export const dayAccess: KindAccess<'Day'> = {
  kind: 'Day',
  typename: 'Day',
  label: (number) => `day ${number}`,
  parseKey: numberKey,
  async current(ctx, number) {
    const [d] = await ctx.store.daysByNumbers([number]);
    return d && { number: d.number, title: d.title, topic: d.topic, summary: d.summary, body: d.body, ...authored(d) };
  },
  schema: async () => DayInputSchema,
};

export const recapAccess: KindAccess<'Recap'> = {
  kind: 'Recap',
  typename: 'Recap',
  label: (day) => `recap of day ${day}`,
  parseKey: numberKey,
  async current(ctx, day) {
    const [[r], [stories]] = await Promise.all([
      ctx.store.recapsByDays([day], 'all'),
      ctx.store.storiesByRecapDays([day], 'all'),
    ]);
    if (!r) return null;
    const { title, coversDays, points, body } = r;
    return { day, title, coversDays, points, stories: stories.map((s) => s.slug), body, ...authored(r) };
  },
  async schema(ctx, data) {
    const stories = Array.isArray(data['stories']) ? data['stories'].filter((s) => typeof s === 'string') : [];
    return recapInputSchema(await contentRefs(ctx.store, stories));
  },
};
