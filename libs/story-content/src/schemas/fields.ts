import { z } from 'zod';
import { LIMITS } from './limits.js';

/*
 * The field rules every content schema is built from, each with the message the loader has always
 * given (`must be a whole number, got "soon"`), so front matter and mutation inputs read alike.
 * A message quotes at most 40 characters of what was sent.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An HTML tag or comment: `<b>`, `</p>`, `<img src=x>`, `<!-- -->`. */
const HTML_TAG = /<\/?[a-z][^>]*>|<!--/i;

/** A short description of a value for an error message: its type, and at most 40 characters of it. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const missing = (input: unknown) => input === undefined || input === null;

/** Required text, trimmed, not empty, at most `max` characters. */
export function text(max: number) {
  return z
    .string({ error: (iss) => (missing(iss.input) ? 'is required' : `must be text, got ${describe(iss.input)}`) })
    .trim()
    .min(1, 'must not be empty')
    .max(max, { error: (iss) => `must be at most ${max} characters, got ${String(iss.input).length}` });
}

/** {@link text} without markup: an HTML tag is refused, since it would be shown as typed. */
export function plainText(max: number) {
  return text(max).refine((value) => !HTML_TAG.test(value), {
    error: 'must be plain text: HTML tags such as <b> are not allowed',
  });
}

/** Markdown: raw HTML in it is escaped when served, so it is allowed but never runs. */
export function markdown(max: number = LIMITS.body) {
  return text(max);
}

/** A lower-case kebab-case slug (`continuous-deployment`). */
export function slug() {
  return z
    .string({
      error: (iss) =>
        missing(iss.input) ? 'is required' : `${describe(iss.input)} is not a lower-case kebab-case slug`,
    })
    .trim()
    .min(1, 'must not be empty')
    .max(LIMITS.slug, { error: (iss) => `must be at most ${LIMITS.slug} characters, got ${String(iss.input).length}` })
    .regex(KEBAB, { error: (iss) => `${describe(iss.input)} is not a lower-case kebab-case slug` });
}

/** An absolute http(s) URL; `javascript:`, `data:` and relative URLs are refused. */
export function httpUrl() {
  return text(LIMITS.url).refine(isHttpUrl, { error: (iss) => `${describe(iss.input)} is not an http(s) URL` });
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A whole number from `min` to `max`. */
export function int(min: number, max: number) {
  const notWhole = (input: unknown) =>
    missing(input) ? 'is required' : `must be a whole number, got ${describe(input)}`;
  return z
    .number({ error: (iss) => notWhole(iss.input) })
    .int({ error: (iss) => notWhole(iss.input) })
    .min(min, { error: (iss) => `must be at least ${min}, got ${String(iss.input)}` })
    .max(max, { error: (iss) => `must be at most ${max}, got ${String(iss.input)}` });
}

/** A finite number. */
export function number() {
  return z.number({
    error: (iss) => (missing(iss.input) ? 'is required' : `must be a number, got ${describe(iss.input)}`),
  });
}

/** A year a story, source or metric may name. */
export function year() {
  return int(LIMITS.firstYear, LIMITS.lastYear);
}

/** A series day. */
export function dayNumber() {
  return int(1, LIMITS.lastDay);
}

/** One of `values`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) => (missing(iss.input) ? 'is required' : `${describe(iss.input)} is not one of: ${values.join(', ')}`),
  });
}

/** An ISO date-time; YAML may already have read it as a date. */
export function dateTime() {
  return z.unknown().transform((value, ctx): Date => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: missing(value)
          ? 'is required'
          : `must be an ISO date-time such as 2026-11-02T09:00:00Z, got ${describe(value)}`,
      });
      return z.NEVER;
    }
    return date;
  });
}

/** `schema`, or null when absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}

/** A list of `item`, from `min` to `max` long; absent counts as empty when `min` is 0. */
export function list<T extends z.ZodType>(item: T, min: number, max: number) {
  const array = z
    .array(item, {
      error: (iss) => (missing(iss.input) ? 'is required' : `must be a list, got ${describe(iss.input)}`),
    })
    .min(min, {
      error: (iss) => `must have at least ${min} item${min === 1 ? '' : 's'}, got ${(iss.input as unknown[]).length}`,
    })
    .max(max, { error: (iss) => `must have at most ${max} items, got ${(iss.input as unknown[]).length}` });
  return min > 0 ? array : array.nullish().transform((value) => value ?? []);
}

/** A mapping of exactly `shape`'s fields; an unknown field (usually a typo) is named. */
export function fields<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown field (expected one of: ${known})`
        : `must be a mapping of fields, got ${describe(iss.input)}`,
  });
}
