import type {
  CompanyContent,
  DayContent,
  PracticeContent,
  RecapContent,
  SeriesCredit,
  StoryContent,
} from '@devops-stories/story-content';
import { stringify } from 'yaml';

/*
 * Content as the files of a content folder spell it (`libs/story-content`'s loader reads them):
 * YAML front matter between `---` lines, then the Markdown body. The loader reads back what
 * these write as the same values.
 */

/** One file of a content folder: its path inside the folder, and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

function markdownFile(path: string, front: Record<string, unknown>, body: string): ContentFile {
  return { path, text: `---\n${stringify(front, { lineWidth: 0 })}---\n${body.trim()}\n` };
}

const dayFileName = (day: number) => `day-${String(day).padStart(2, '0')}.md`;

/** `series.yaml`, the credit of the series. */
export function seriesFile(series: SeriesCredit): ContentFile {
  return { path: 'series.yaml', text: stringify(series, { lineWidth: 0 }) };
}

/** `companies/<slug>.md`; the body is the description. */
export function companyFile(company: CompanyContent): ContentFile {
  const { slug, name, industry } = company;
  return markdownFile(`companies/${slug}.md`, { slug, name, industry }, company.description);
}

/** `practices/<slug>.md`; the body is the description. */
export function practiceFile(practice: PracticeContent): ContentFile {
  const { slug, name } = practice;
  return markdownFile(`practices/${slug}.md`, { slug, name }, practice.description);
}

/** `days/day-NN.md`. */
export function dayFile(day: DayContent): ContentFile {
  const { number, title, topic, summary } = day;
  return markdownFile(`days/${dayFileName(number)}`, { number, title, topic, summary }, day.body);
}

/** `recaps/day-NN.md`. */
export function recapFile(recap: RecapContent): ContentFile {
  const { day, title, coversDays, points, stories } = recap;
  return markdownFile(`recaps/${dayFileName(day)}`, { day, title, coversDays, points, stories }, recap.body);
}

/** `stories/<slug>.md`; a draft has no `publishedAt`, an absent year or day no field. */
export function storyFile(story: StoryContent): ContentFile {
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
      value: m.value,
      unit: m.unit,
      ...(m.year === null ? {} : { year: m.year }),
      ...(m.qualifier === null ? {} : { qualifier: m.qualifier }),
      source: m.source,
    })),
  };
  return markdownFile(`stories/${story.slug}.md`, front, story.body);
}
