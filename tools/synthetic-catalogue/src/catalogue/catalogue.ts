import type { ContentBundle, StoryContent } from '@devops-stories/story-content';
import { companyAt, dayAt, practiceAt, recapAt, recapDays, seriesCredit, storyAt } from './catalogue-items.js';
import { COMMON_TERM, type CatalogueOptions, type CataloguePlan, planCatalogue } from './catalogue-plan.js';

/** A count of published stories under a slug. */
export interface SlugCount {
  slug: string;
  stories: number;
}

/** A search term and how many published stories use it (as a word prefix, as search matches). */
export interface TermCount {
  term: string;
  stories: number;
}

/**
 * What a generated catalogue holds, for benchmarks to choose their arguments from: counts, the
 * biggest company and practice, a common and a rare search term, and stories spread over it.
 */
export interface CatalogueSummary {
  seed: string;
  stories: number;
  published: number;
  drafts: number;
  companies: number;
  practices: number;
  days: number;
  recaps: number;
  /** The company with the most published stories. */
  largestCompany: SlugCount;
  /** The practice the most published stories name. */
  commonPractice: SlugCount;
  terms: {
    /** `deploy`: in most stories. */
    common: TermCount;
    /** A made-up word in the same three stories or fewer at every size. */
    rare: TermCount;
  };
  /** Slugs of published stories spread evenly over the catalogue (up to 20). */
  sampleSlugs: string[];
}

/** Everything of a catalogue, one item at a time: what both the files and the bundle are made of. */
export type CatalogueItem =
  | { kind: 'series'; value: ContentBundle['series'] }
  | { kind: 'company'; value: ContentBundle['companies'][number] }
  | { kind: 'practice'; value: ContentBundle['practices'][number] }
  | { kind: 'day'; value: ContentBundle['days'][number] }
  | { kind: 'recap'; value: ContentBundle['recaps'][number] }
  | { kind: 'story'; value: StoryContent };

/** The items of the catalogue `plan` describes, generated as they are asked for: stories last. */
export function* catalogueItems(plan: CataloguePlan): Generator<CatalogueItem> {
  yield { kind: 'series', value: seriesCredit(plan) };
  for (let i = 0; i < plan.companies; i++) yield { kind: 'company', value: companyAt(plan, i) };
  for (let i = 0; i < plan.practices; i++) yield { kind: 'practice', value: practiceAt(plan, i) };
  for (let n = 1; n <= plan.days; n++) yield { kind: 'day', value: dayAt(plan, n) };
  for (const day of recapDays(plan)) yield { kind: 'recap', value: recapAt(plan, day) };
  for (let i = 0; i < plan.stories; i++) yield { kind: 'story', value: storyAt(plan, i) };
}

const SAMPLES = 20;

/** Counts what a {@link CatalogueSummary} reports while the stories go by, in memory that does not grow with them. */
export class SummaryCounter {
  private published = 0;
  private readonly byCompany = new Map<string, number>();
  private readonly byPractice = new Map<string, number>();
  private common = 0;
  private rare = 0;
  private index = 0;
  private readonly samples: string[] = [];
  private readonly commonPattern = new RegExp(`\\b${COMMON_TERM}`, 'i');
  private readonly rarePattern: RegExp;

  constructor(private readonly plan: CataloguePlan) {
    this.rarePattern = new RegExp(`\\b${plan.rareTerm}`, 'i');
  }

  /** Counts story number `this.index`, the next in catalogue order. */
  add(story: StoryContent): void {
    const index = this.index++;
    if (story.status !== 'published') return;
    this.published++;
    this.byCompany.set(story.company, (this.byCompany.get(story.company) ?? 0) + 1);
    for (const slug of story.practices) this.byPractice.set(slug, (this.byPractice.get(slug) ?? 0) + 1);
    const text = `${story.title}\n${story.headline}\n${story.summary}\n${story.body}`;
    if (this.commonPattern.test(text)) this.common++;
    if (this.rarePattern.test(text)) this.rare++;
    // The first published story at or after each of SAMPLES evenly spaced points.
    if (this.samples.length < SAMPLES && index >= Math.floor((this.samples.length * this.plan.stories) / SAMPLES)) {
      this.samples.push(story.slug);
    }
  }

  summary(): CatalogueSummary {
    const top = (counts: Map<string, number>): SlugCount => {
      let best: SlugCount = { slug: '', stories: 0 };
      for (const [slug, stories] of counts) if (stories > best.stories) best = { slug, stories };
      return best;
    };
    return {
      seed: this.plan.seed,
      stories: this.plan.stories,
      published: this.published,
      drafts: this.plan.stories - this.published,
      companies: this.plan.companies,
      practices: this.plan.practices,
      days: this.plan.days,
      recaps: recapDays(this.plan).length,
      largestCompany: top(this.byCompany),
      commonPractice: top(this.byPractice),
      terms: {
        common: { term: COMMON_TERM, stories: this.common },
        rare: { term: this.plan.rareTerm, stories: this.rare },
      },
      sampleSlugs: this.samples,
    };
  }
}

/** The most stories {@link catalogueBundle} holds in memory; write larger catalogues with `writeCatalogue`. */
export const MAX_BUNDLE_STORIES = 10_000;

/**
 * A small catalogue as a bundle in memory, equal to what `loadContent` reads from the folder
 * `writeCatalogue` writes for the same options: for tests that import it without files.
 *
 * @throws {RangeError} above {@link MAX_BUNDLE_STORIES} stories, or for options `planCatalogue` refuses.
 */
export function catalogueBundle(options: CatalogueOptions): { bundle: ContentBundle; summary: CatalogueSummary } {
  const plan = planCatalogue(options);
  if (plan.stories > MAX_BUNDLE_STORIES) {
    throw new RangeError(
      `catalogueBundle holds at most ${MAX_BUNDLE_STORIES} stories in memory, got ${plan.stories}: write larger catalogues to a folder with writeCatalogue`,
    );
  }
  const counter = new SummaryCounter(plan);
  const bundle: ContentBundle = {
    series: seriesCredit(plan),
    companies: [],
    practices: [],
    days: [],
    recaps: [],
    stories: [],
  };
  for (const item of catalogueItems(plan)) {
    if (item.kind === 'company') bundle.companies.push(item.value);
    else if (item.kind === 'practice') bundle.practices.push(item.value);
    else if (item.kind === 'day') bundle.days.push(item.value);
    else if (item.kind === 'recap') bundle.recaps.push(item.value);
    else if (item.kind === 'story') {
      bundle.stories.push(item.value);
      counter.add(item.value);
    }
  }
  return { bundle, summary: counter.summary() };
}
