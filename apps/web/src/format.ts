/** A piece of a search snippet; `match` pieces were wrapped in « and » by the server. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** A metric as a reader says it: "11.6 seconds", "1,644 deploys", "75%". */
export function formatMetric({ value, unit }: { value: number; unit: string }): string {
  const number = NUMBER.format(value);
  return unit === 'percent' ? `${number}%` : `${number} ${unit}`;
}

/**
 * The figure a card leads with: one the title quotes ("a deploy every 11.6 seconds"),
 * else the first the story lists.
 */
export function keyMetric<T extends { value: number }>(title: string, metrics: readonly T[]): T | undefined {
  return metrics.find((metric) => title.includes(NUMBER.format(metric.value))) ?? metrics[0];
}

/** Splits a search snippet into plain and matched parts, dropping the « » markers. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = /«([^»]*)»/g;
  let last = 0;
  for (const found of snippet.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: snippet.slice(last, found.index), match: false });
    parts.push({ text: found[1], match: true });
    last = found.index + found[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** "days 1–6" for a contiguous run, "days 1, 3, 5" otherwise, "day 4" for one. */
export function formatDays(days: readonly number[]): string {
  if (days.length === 0) return '';
  if (days.length === 1) return `day ${days[0]}`;
  const contiguous = days.every((day, index) => index === 0 || day === days[index - 1] + 1);
  return contiguous ? `days ${days[0]}–${days[days.length - 1]}` : `days ${days.join(', ')}`;
}

/**
 * Moves the headings of a story body one level down (h2 → h3 ...), so they sit under the
 * story's own h2 title in the outline. The HTML is the server's sanitised output; only
 * tag names change.
 */
export function demoteHeadings(html: string): string {
  return html.replace(
    /<(\/?)h([1-5])(?=[\s>])/gi,
    (_tag, slash: string, level: string) => `<${slash}h${Number(level) + 1}`,
  );
}

/**
 * The API's page sizes, as apps/api/schema.graphql states them in the `first` argument
 * descriptions. The client may not import server code, so it keeps this copy; a test
 * fails when the schema states other limits.
 */
export const PAGE_SIZE = { default: 10, max: 100 } as const;

/** A page size the API accepts (1 to {@link PAGE_SIZE}.max); anything else falls back to `fallback`. */
export function clampPageSize(value: number | undefined, fallback: number = PAGE_SIZE.default): number {
  if (value === undefined || !Number.isInteger(value) || value < 1) return fallback;
  return Math.min(value, PAGE_SIZE.max);
}
