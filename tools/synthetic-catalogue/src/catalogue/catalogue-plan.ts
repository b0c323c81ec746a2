import { SeededRandom, ZipfTable } from '../random/seeded-random.js';
import { COMPANY_KINDS, COMPANY_PREFIXES, PRACTICE_NAMES, RARE_WORDS, rareWord } from '../text/vocabulary.js';

/** What catalogue to generate; the same options always give the same catalogue, byte for byte. */
export interface CatalogueOptions {
  /** How many stories, 1 to {@link MAX_STORIES}. */
  stories: number;
  /** How many companies the stories are spread over (Zipf's law: a few have many); default one per 40 stories, at least 5. */
  companies?: number;
  /** How many practices stories name (1 to 4 each, Zipf's law); default 40, at most 44. */
  practices?: number;
  /** How many series days (1 to 90); default 90. A recap closes every sixth day. */
  days?: number;
  /** Anything printable; default `devops-stories`. */
  seed?: string | number;
  /** Share of stories that are drafts (imported, never served); default 0.04. */
  draftShare?: number;
}

/** The largest catalogue the generator makes. */
export const MAX_STORIES = 1_000_000;

/** The word search finds in most stories (as a prefix: deploys, deployed, deployment). */
export const COMMON_TERM = 'deploy';

/** How many stories carry the rare term: at every size the same few. */
const RARE_TERM_STORIES = 3;

/** The options resolved, and the tables every item is drawn with. */
export interface CataloguePlan {
  stories: number;
  companies: number;
  practices: number;
  days: number;
  seed: string;
  draftShare: number;
  /** Companies by rank: company 0 has the most stories. */
  companyRanks: ZipfTable;
  practiceRanks: ZipfTable;
  /** The made-up word that exactly the stories of {@link rareTermStories} use. */
  rareTerm: string;
  rareTermStories: ReadonlySet<number>;
  /** Draws a word of the rare tail other than {@link rareTerm}. */
  rareWord(random: SeededRandom): string;
  /** Where this seed starts in the list of company names. */
  companyNameOffset: number;
  /** Seconds since the epoch of the first and last possible `publishedAt`. */
  publishedFrom: number;
  publishedTo: number;
}

/**
 * Checks `options` and resolves its defaults.
 *
 * @throws {RangeError} naming the option and what it accepts.
 */
export function planCatalogue(options: CatalogueOptions): CataloguePlan {
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
    }
    return value;
  };
  const stories = whole('stories', options.stories, 1, MAX_STORIES);
  const companies = whole('companies', options.companies ?? Math.max(5, Math.ceil(stories / 40)), 1, stories);
  const practices = whole('practices', options.practices ?? 40, 1, PRACTICE_NAMES.length);
  const days = whole('days', options.days ?? 90, 1, 90);
  const draftShare = options.draftShare ?? 0.04;
  if (!(draftShare >= 0 && draftShare < 1))
    throw new RangeError(`draftShare must be from 0 to below 1, got ${draftShare}`);
  const seed = String(options.seed ?? 'devops-stories');

  // The rare tail holds about two words per story, so a rare word is in one or two stories at any size.
  const tail = Math.min(RARE_WORDS - 1, Math.max(500, stories * 2));
  const shuffle = SeededRandom.of(seed, 'rare-words');
  const offset = shuffle.int(0, RARE_WORDS - 1);
  const stride = 104_729; // a prime that shares no factor with RARE_WORDS (2^3 5^3 7^3): a permutation
  const word = (k: number) => rareWord(offset + stride * k);
  const rareTermStories = new Set(
    Array.from({ length: RARE_TERM_STORIES }, (_, i) => Math.floor(((i + 1) * stories) / (RARE_TERM_STORIES + 1))),
  );
  return {
    stories,
    companies,
    practices,
    days,
    seed,
    draftShare,
    companyRanks: new ZipfTable(companies, 1),
    practiceRanks: new ZipfTable(practices, 1),
    rareTerm: word(0),
    rareTermStories,
    rareWord: (random) => word(random.int(1, tail)),
    companyNameOffset: SeededRandom.of(seed, 'company-names').int(
      0,
      COMPANY_PREFIXES.length * COMPANY_KINDS.length - 1,
    ),
    publishedFrom: Date.UTC(2015, 0, 1) / 1000,
    publishedTo: Date.UTC(2025, 11, 31) / 1000,
  };
}
