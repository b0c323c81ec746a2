import {
  type CompanyContent,
  companyToMarkdown,
  type DayContent,
  dayToMarkdown,
  type PracticeContent,
  practiceToMarkdown,
  type RecapContent,
  recapToMarkdown,
  type SeriesCredit,
  type StoryContent,
  storyToMarkdown,
} from '@devops-stories/story-content';
import { stringify } from 'yaml';

/*
 * Content as the files of a content folder, each at its path; the text is story-content's
 * writers' (`storyToMarkdown` and its siblings), which its loader reads back as the same values.
 */

/** One file of a content folder: its path inside the folder, and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

const dayFileName = (day: number) => `day-${String(day).padStart(2, '0')}.md`;

/** `series.yaml`, the credit of the series. */
export function seriesFile(series: SeriesCredit): ContentFile {
  return { path: 'series.yaml', text: stringify(series, { lineWidth: 0 }) };
}

/** `companies/<slug>.md`; the body is the description. */
export function companyFile(company: CompanyContent): ContentFile {
  return { path: `companies/${company.slug}.md`, text: companyToMarkdown(company) };
}

/** `practices/<slug>.md`; the body is the description. */
export function practiceFile(practice: PracticeContent): ContentFile {
  return { path: `practices/${practice.slug}.md`, text: practiceToMarkdown(practice) };
}

/** `days/day-NN.md`. */
export function dayFile(day: DayContent): ContentFile {
  return { path: `days/${dayFileName(day.number)}`, text: dayToMarkdown(day) };
}

/** `recaps/day-NN.md`. */
export function recapFile(recap: RecapContent): ContentFile {
  return { path: `recaps/${dayFileName(recap.day)}`, text: recapToMarkdown(recap) };
}

/** `stories/<slug>.md`; a draft has no `publishedAt`, an absent year or day no field. */
export function storyFile(story: StoryContent): ContentFile {
  return { path: `stories/${story.slug}.md`, text: storyToMarkdown(story) };
}
