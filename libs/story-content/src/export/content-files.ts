import { stringify } from 'yaml';
import type { CompanyContent, DayContent, PracticeContent, RecapContent, StoryContent } from '../content.types.js';

/*
 * Content as the files of the content folder spell it: YAML front matter between `---` lines,
 * then the Markdown body. What these write, the loader reads back to the same values.
 */

function file(front: Record<string, unknown>, body: string): string {
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body.trim()}\n`;
}

/** A story file (`stories/<slug>.md`); a draft has no `publishedAt`. */
export function storyToMarkdown(story: Omit<StoryContent, 'file'>): string {
  const front: Record<string, unknown> = {
    slug: story.slug,
    title: story.title,
    headline: story.headline,
    company: story.company,
    ...(story.year === null ? {} : { year: story.year }),
    ...(story.day === null ? {} : { day: story.day }),
    status: story.status,
    ...(story.publishedAt ? { publishedAt: story.publishedAt.toISOString() } : {}),
    updatedAt: story.updatedAt.toISOString(),
    summary: story.summary,
    practices: story.practices,
    sources: story.sources.map((s) => ({
      id: s.id,
      title: s.title,
      url: s.url,
      kind: s.kind,
      ...(s.publisher === null ? {} : { publisher: s.publisher }),
      ...(s.year === null ? {} : { year: s.year }),
    })),
    metrics: story.metrics.map((m) => ({
      label: m.label,
      ...(m.qualifier === null ? {} : { qualifier: m.qualifier }),
      value: m.value,
      unit: m.unit,
      ...(m.year === null ? {} : { year: m.year }),
      source: m.source,
    })),
  };
  return file(front, story.body);
}

/** A company file (`companies/<slug>.md`). */
export function companyToMarkdown(company: Omit<CompanyContent, 'file'>): string {
  return file({ slug: company.slug, name: company.name, industry: company.industry }, company.description);
}

/** A practice file (`practices/<slug>.md`). */
export function practiceToMarkdown(practice: Omit<PracticeContent, 'file'>): string {
  return file({ slug: practice.slug, name: practice.name }, practice.description);
}

/** A day file (`days/day-NN.md`). */
export function dayToMarkdown(day: Omit<DayContent, 'file'>): string {
  return file({ number: day.number, title: day.title, topic: day.topic, summary: day.summary }, day.body);
}

/** A recap file (`recaps/day-NN.md`). */
export function recapToMarkdown(recap: Omit<RecapContent, 'file'>): string {
  const { day, title, coversDays, points, stories } = recap;
  return file({ day, title, coversDays, points, stories }, recap.body);
}
