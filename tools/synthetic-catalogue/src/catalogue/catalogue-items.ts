import {
  type CompanyContent,
  type DayContent,
  METRIC_QUALIFIERS,
  type MetricContent,
  type PracticeContent,
  type RecapContent,
  type SeriesCredit,
  SOURCE_KINDS,
  type SourceContent,
  type StoryContent,
} from '@devops-stories/story-content';
import { SeededRandom } from '../random/seeded-random.js';
import { paragraph, type ProseContext, shortSentence, storyBody, fill } from '../text/prose.js';
import {
  COMPANY_KINDS,
  COMPANY_PREFIXES,
  DAY_TOPICS,
  HEADINGS,
  METRICS,
  PRACTICE_NAMES,
  PUBLISHERS,
  TITLES,
} from '../text/vocabulary.js';
import type { CataloguePlan } from './catalogue-plan.js';

/*
 * Each item of a catalogue is a pure function of the plan and its index, drawn from its own
 * random stream: a story can be generated alone, in any order, and always comes out the same.
 */

/** Days a recap closes: every sixth day. */
const RECAP_EVERY = 6;
/** Most stories one recap links. */
const RECAP_STORIES = 12;

/** The credit of a synthetic catalogue, which says what it is. */
export function seriesCredit(plan: CataloguePlan): SeriesCredit {
  return {
    name: 'Synthetic catalogue',
    author: 'the devops-stories synthetic catalogue generator',
    licence: 'CC0 1.0',
    licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    url: 'https://synthetic.example/',
    page: 'https://synthetic.example/catalogue/',
    note: `Generated for benchmarks from seed "${plan.seed}": ${plan.stories} made-up stories, not real companies or figures.`,
  };
}

/** Lower-case kebab case of a name. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A company's name, slug and industry, without its description. */
export type CompanyName = Omit<CompanyContent, 'description'>;

/** Company `index`'s name (0 has the most stories): a distinct name for each index. */
export function companyName(plan: CataloguePlan, index: number): CompanyName {
  const combos = COMPANY_PREFIXES.length * COMPANY_KINDS.length;
  // 1,087 is a prime that shares no factor with 48 × 40: each name once a round, neighbours far apart.
  const q = (plan.companyNameOffset + index * 1_087) % combos;
  const round = Math.floor(index / combos);
  const [kind, industry] = COMPANY_KINDS[Math.floor(q / COMPANY_PREFIXES.length)];
  const name = `${COMPANY_PREFIXES[q % COMPANY_PREFIXES.length]} ${kind}${round ? ` ${round + 1}` : ''}`;
  return { slug: slugify(name), name, industry };
}

/** Company `index` (0 has the most stories). */
export function companyAt(plan: CataloguePlan, index: number): CompanyContent {
  const company = companyName(plan, index);
  const random = SeededRandom.of(plan.seed, 'company', index);
  return {
    ...company,
    description:
      `${company.name} is a made-up company in ${company.industry.toLowerCase()}, founded in ` +
      `${random.int(1950, 2015)}, with about ${random.int(2, 400) * 50} staff. Its stories here were generated for benchmarks.`,
  };
}

/** Practice `index`'s name and slug (0 is the one most stories name). */
export function practiceName(index: number): Omit<PracticeContent, 'description'> {
  return { slug: slugify(PRACTICE_NAMES[index]), name: PRACTICE_NAMES[index] };
}

/** Practice `index` (0 is the one most stories name). */
export function practiceAt(plan: CataloguePlan, index: number): PracticeContent {
  const practice = practiceName(index);
  const random = SeededRandom.of(plan.seed, 'practice', index);
  const context = proseContext(plan, 'A team', 'software', [practiceWords(practice.name)]);
  return {
    ...practice,
    description: `${practice.name} is one of the practices the synthetic stories name. ${paragraph(context, random, 2)}`,
  };
}

/** Series day `number` (1 to `plan.days`). */
export function dayAt(plan: CataloguePlan, number: number): DayContent {
  const random = SeededRandom.of(plan.seed, 'day', number);
  const topic = DAY_TOPICS[Math.floor(((number - 1) * DAY_TOPICS.length) / 90)];
  const context = proseContext(plan, 'A team', 'software', [practiceWords(random.pick(PRACTICE_NAMES))]);
  return {
    number,
    title: `Day ${number}: ${topic}`,
    topic,
    summary: shortSentence(context, random, 200),
    body: `${paragraph(context, random, random.int(3, 5))}\n\n${paragraph(context, random, random.int(2, 4))}`,
  };
}

/** The days a recap is written on: every sixth day of the series. */
export function recapDays(plan: CataloguePlan): number[] {
  return Array.from({ length: Math.floor(plan.days / RECAP_EVERY) }, (_, i) => (i + 1) * RECAP_EVERY);
}

/** The recap of day `day`: it covers the six days up to it and links some stories of those days. */
export function recapAt(plan: CataloguePlan, day: number): RecapContent {
  const random = SeededRandom.of(plan.seed, 'recap', day);
  const coversDays = Array.from({ length: RECAP_EVERY }, (_, i) => day - RECAP_EVERY + 1 + i);
  const context = proseContext(plan, 'The series', 'software', [practiceWords(random.pick(PRACTICE_NAMES))]);
  // Walks the stories from a point of its own and links the first ones on its days (a bounded walk).
  const stories: string[] = [];
  const start = random.int(0, plan.stories - 1);
  for (let step = 0; step < Math.min(plan.stories, 2_000) && stories.length < RECAP_STORIES; step++) {
    const head = storyHead(plan, (start + step) % plan.stories);
    if (head.day !== null && coversDays.includes(head.day)) stories.push(head.slug);
  }
  return {
    day,
    title: `Recap: days ${coversDays[0]}-${day}`,
    coversDays,
    status: 'published',
    points: Array.from({ length: random.int(3, 5) }, () => shortSentence(context, random, 220)),
    stories,
    body: paragraph(context, random, random.int(3, 5)),
  };
}

/** What a story's slug, company, day and status are: cheap, for recaps to pick stories by day. */
export interface StoryHead {
  slug: string;
  company: CompanyName;
  practices: Omit<PracticeContent, 'description'>[];
  day: number | null;
  status: StoryContent['status'];
}

/** The first draws of story `index`'s stream; {@link storyAt} continues the same stream. */
function drawHead(plan: CataloguePlan, index: number, random: SeededRandom): StoryHead {
  const company = companyName(plan, plan.companyRanks.draw(random));
  const practices = plan.practiceRanks.drawDistinct(random, random.int(1, 4)).map(practiceName);
  const day = random.chance(0.85) ? random.int(1, plan.days) : null;
  const draft = random.chance(plan.draftShare) && !plan.rareTermStories.has(index);
  return {
    slug: `${company.slug}-${practices[0].slug}-${index + 1}`,
    company,
    practices,
    day,
    status: draft ? 'draft' : 'published',
  };
}

/** Story `index`'s slug, company, practices, day and status, without the rest. */
export function storyHead(plan: CataloguePlan, index: number): StoryHead {
  return drawHead(plan, index, SeededRandom.of(plan.seed, 'story', index));
}

/** Story `index` (0 to `plan.stories - 1`), complete. */
export function storyAt(plan: CataloguePlan, index: number): StoryContent {
  const random = SeededRandom.of(plan.seed, 'story', index);
  const head = drawHead(plan, index, random);
  const { company } = head;
  const context = proseContext(
    plan,
    company.name,
    company.industry,
    head.practices.map((p) => practiceWords(p.name)),
  );
  const year = random.chance(0.9) ? random.int(2008, 2024) : null;
  const sources = Array.from({ length: random.int(1, 4) }, (_, i) => sourceOf(company, year, i, random, context));
  const metrics = random
    .sample(METRICS, random.int(0, 4))
    .map((template) => metricOf(template, random.pick(sources), year, random));
  const published = random.int(plan.publishedFrom, plan.publishedTo);
  const updated = random.chance(0.3) ? published + random.int(3_600, 200 * 86_400) : published;
  let title = '';
  for (let tries = 0; tries < 20 && !(title && title.length <= 120); tries++) {
    title = `${company.name}: ${fill(random.pick(TITLES), context, random)}`;
  }
  if (title.length > 120) title = `${company.name}: ${head.practices[0].name}`;
  const rare = plan.rareTermStories.has(index) ? plan.rareTerm : undefined;
  return {
    slug: head.slug,
    title,
    headline: shortSentence(context, random, 160),
    company: company.slug,
    year,
    day: head.day,
    status: head.status,
    publishedAt: head.status === 'published' ? new Date(published * 1000) : null,
    updatedAt: new Date(updated * 1000),
    summary: `${shortSentence(context, random, 280)} ${shortSentence(context, random, 280)}`,
    practices: head.practices.map((p) => p.slug),
    sources,
    metrics,
    body: storyBody(context, random, sources, rare),
  };
}

function sourceOf(
  company: CompanyName,
  storyYear: number | null,
  index: number,
  random: SeededRandom,
  context: ProseContext,
): SourceContent {
  const kind = random.pick(SOURCE_KINDS);
  const year = Math.min(2025, (storyYear ?? random.int(2008, 2024)) + random.int(0, 3));
  const heading = random.pick(HEADINGS);
  const title =
    kind === 'talk' || kind === 'slides' ? `${context.practices[0]} at ${company.name}` : `${company.name}: ${heading}`;
  return {
    id: `${kind}-${index + 1}`,
    title: title[0].toUpperCase() + title.slice(1),
    url: `https://${company.slug}.example/${kind}s/${year}/${slugify(heading)}-${index + 1}`,
    kind,
    publisher: random.chance(0.7) ? random.pick(PUBLISHERS) : null,
    year,
  };
}

function metricOf(
  [label, unit, min, max, decimals]: (typeof METRICS)[number],
  source: SourceContent,
  storyYear: number | null,
  random: SeededRandom,
): MetricContent {
  const scale = 10 ** decimals;
  const value = Math.round((min + random.next() * (max - min)) * scale) / scale;
  const sourceYear = source.year ?? 2025;
  const year = Math.min(sourceYear, storyYear ?? sourceYear - random.int(0, 2));
  const qualifier = random.chance(0.15) ? random.pick(METRIC_QUALIFIERS) : null;
  return {
    label: qualifier ? `${label} (${qualifier})` : label,
    value,
    unit,
    year,
    qualifier,
    source: source.id,
  };
}

function proseContext(plan: CataloguePlan, company: string, industry: string, practices: string[]): ProseContext {
  return { company, industry, practices, rareWord: plan.rareWord };
}

/** A practice's name as a sentence writes it: "GitOps" and "DevOps dojo" keep their capitals, "Canary release" does not. */
function practiceWords(name: string): string {
  return /^[A-Z][a-z]/.test(name) && !/[A-Z]/.test(name.slice(1)) ? name.toLowerCase() : name;
}
