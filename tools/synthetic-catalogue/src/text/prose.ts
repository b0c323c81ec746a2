import type { SeededRandom } from '../random/seeded-random.js';
import { FREQUENCIES, HEADINGS, LIST_ITEMS, SENTENCES, SYSTEMS, TEAMS, TOOLS } from './vocabulary.js';

/** What a story's sentences may name: its company, its practices, and where rare words come from. */
export interface ProseContext {
  company: string;
  industry: string;
  /** Names of the story's practices, as written in a sentence. */
  practices: readonly string[];
  /** A word of the rare tail, drawn afresh each time. */
  rareWord(random: SeededRandom): string;
}

/** A link the body may cite, the story's own sources. */
export interface ProseLink {
  title: string;
  url: string;
  year: number | null;
}

/** Fills the `{slot}`s of `template`; a capitalised slot (`{Team}`) capitalises its value. */
export function fill(template: string, context: ProseContext, random: SeededRandom): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const value = slotValue(slot.toLowerCase(), context, random);
    return slot[0] === slot[0].toUpperCase() ? value[0].toUpperCase() + value.slice(1) : value;
  });
}

function slotValue(slot: string, context: ProseContext, random: SeededRandom): string {
  switch (slot) {
    case 'team':
    case 'team2':
      return random.pick(TEAMS);
    case 'system':
      return random.pick(SYSTEMS);
    case 'tool':
      return random.pick(TOOLS);
    case 'practice':
      return random.pick(context.practices);
    case 'company':
      return context.company;
    case 'industry':
      return context.industry.toLowerCase();
    case 'freq':
      return FREQUENCIES[random.int(0, 3)];
    case 'oldfreq':
      return FREQUENCIES[random.int(5, FREQUENCIES.length - 1)];
    case 'n':
      return String(random.int(4, 40));
    case 'm':
      return String(random.int(2, 45));
    case 'h':
      return String(random.int(2, 12));
    case 'k':
      return String(random.int(2, 9));
    case 'p':
      return String(random.int(1, 10));
    case 'x':
      return String(random.int(3, 40));
    case 'y':
      return String(random.int(2, 6));
    case 'w':
      return String(random.int(4, 8));
    case 'period':
      return random.pick(['week', 'month', 'quarter', 'sprint']);
    case 'rare':
      return context.rareWord(random);
    default:
      throw new Error(`unknown slot {${slot}} in a sentence template`);
  }
}

/** One sentence of body prose. */
export function sentence(context: ProseContext, random: SeededRandom): string {
  return fill(random.pick(SENTENCES), context, random);
}

/** A sentence of at most `max` characters (a headline, a recap point). */
export function shortSentence(context: ProseContext, random: SeededRandom, max: number): string {
  for (let tries = 0; tries < 20; tries++) {
    const text = sentence(context, random);
    if (text.length <= max) return text;
  }
  return `${context.company} changed how it ships software.`;
}

/** `count` sentences, each from a different template, as one paragraph. */
export function paragraph(context: ProseContext, random: SeededRandom, count: number): string {
  return random
    .sample(SENTENCES, count)
    .map((template) => fill(template, context, random))
    .join(' ');
}

/**
 * A story body of a few hundred words in Markdown: an introduction, then three or four sections
 * under `##` headings, with bulleted and numbered lists, some emphasis, and links to `links`.
 * `mustSay` (the rare term, for the few stories that carry it) is written into the first section.
 */
export function storyBody(
  context: ProseContext,
  random: SeededRandom,
  links: readonly ProseLink[],
  mustSay?: string,
): string {
  const blocks = [paragraph(context, random, random.int(3, 5))];
  const headings = random.sample(HEADINGS, random.int(3, 4));
  headings.forEach((heading, section) => {
    blocks.push(`## ${heading}`);
    let text = paragraph(context, random, random.int(3, 6));
    if (section === 0 && mustSay) text += ` The team still calls that first release the ${mustSay} release.`;
    if (random.chance(0.3)) text = text.replace(/^(\S+ \S+ \S+)/, '**$1**');
    blocks.push(text);
    if (random.chance(0.5)) {
      const ordered = random.chance(0.3);
      const items = random.sample(LIST_ITEMS, random.int(3, 5)).map((item, i) => {
        const line = fill(item, context, random);
        return `${ordered ? `${i + 1}.` : '-'} ${line[0].toUpperCase()}${line.slice(1)}`;
      });
      blocks.push(`What that looked like in practice:\n\n${items.join('\n')}`);
    }
    if (links.length && random.chance(0.6)) {
      const link = random.pick(links);
      const when = link.year === null ? '' : ` (${link.year})`;
      blocks.push(
        `The details are in [${link.title}](${link.url})${when}. ${paragraph(context, random, random.int(1, 3))}`,
      );
    }
  });
  return blocks.join('\n\n');
}
