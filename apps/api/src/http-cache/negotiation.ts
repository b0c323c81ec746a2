/** The content codings the api compresses to, best first. */
export type Encoding = 'br' | 'gzip';

/** The media types a GraphQL response may carry, as Apollo Server names them. */
export const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json; charset=utf-8';

interface Preference {
  value: string;
  q: number;
  order: number;
}

function preferences(header: string): Preference[] {
  return header
    .split(',')
    .map((part, order) => {
      const [value, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      return { value: value.trim().toLowerCase(), q: q ? Number(q[1]) : 1, order };
    })
    .filter((p) => p.value !== '');
}

/** Remembers the answer per header text: clients send few distinct ones. */
function memoized<T>(decide: (header: string) => T, fallback: T): (header: string | undefined) => T {
  const answers = new Map<string, T>();
  return (header) => {
    if (!header) return fallback;
    let answer = answers.get(header);
    if (answer === undefined && !answers.has(header)) {
      answer = decide(header);
      if (answers.size < 256 && header.length <= 256) answers.set(header, answer);
    }
    return answer as T;
  };
}

/**
 * The coding to send for an `Accept-Encoding` header: `br` over `gzip` at equal weight, neither
 * when the client accepts neither (or gives them `q=0`).
 */
export const chooseEncoding = memoized<Encoding | null>((header) => {
  const prefs = preferences(header);
  const weight = (coding: Encoding) =>
    prefs.find((p) => p.value === coding)?.q ?? prefs.find((p) => p.value === '*')?.q ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}, null);

/**
 * The media type of a single GraphQL result for an `Accept` header, as Apollo Server chooses it
 * (the client's preference between `application/json` and `application/graphql-response+json`,
 * its earlier one on a tie; JSON without a header), or `null` when it accepts neither (406).
 */
export const chooseMediaType = memoized<string | null>((header) => {
  const prefs = preferences(header);
  const candidates = [
    { type: 'application/json', answer: JSON_MEDIA_TYPE },
    { type: 'application/graphql-response+json', answer: GRAPHQL_RESPONSE_MEDIA_TYPE },
  ].map(({ type, answer }) => {
    const match = (p: Preference) =>
      p.value === type ? 3 : p.value === 'application/*' ? 2 : p.value === '*/*' ? 1 : 0;
    const best = prefs.filter((p) => match(p) > 0).sort((a, b) => match(b) - match(a) || a.order - b.order)[0];
    return { answer, q: best?.q ?? 0, specificity: best ? match(best) : 0, order: best?.order ?? Infinity };
  });
  const winner = candidates
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order)[0];
  return winner?.answer ?? null;
}, JSON_MEDIA_TYPE);
