import type { ContentIssue } from './content.error.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads typed fields out of parsed front matter, recording a {@link ContentIssue}
 * for each missing or malformed one instead of throwing, so one run reports
 * every problem in a file.
 */
export class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly file: string,
    private readonly issues: ContentIssue[],
    private readonly prefix = '',
  ) {}

  /** Records a problem with `field` (relative to this reader). */
  fail(field: string, message: string): void {
    this.issues.push({ file: this.file, field: this.prefix + field, message });
  }

  /** Reports keys the schema does not know, which are usually typos. */
  rejectUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.data)) {
      if (!known.includes(key)) this.fail(key, `unknown field (expected one of: ${known.join(', ')})`);
    }
  }

  string(field: string, opts: { optional: true; max?: number }): string | null;
  string(field: string, opts?: { optional?: false; max?: number }): string;
  string(field: string, opts: { optional?: boolean; max?: number } = {}): string | null {
    const value = this.data[field];
    if (value === undefined || value === null) {
      if (!opts.optional) this.fail(field, 'is required');
      return opts.optional ? null : '';
    }
    if (typeof value !== 'string') {
      this.fail(field, `must be text, got ${describe(value)}`);
      return '';
    }
    const text = value.trim();
    if (!text) this.fail(field, 'must not be empty');
    if (opts.max !== undefined && text.length > opts.max) {
      this.fail(field, `must be at most ${opts.max} characters, got ${text.length}`);
    }
    return text;
  }

  slug(field: string): string {
    const value = this.string(field);
    if (value && !KEBAB.test(value)) this.fail(field, `"${value}" is not a lower-case kebab-case slug`);
    return value;
  }

  url(field: string): string {
    const value = this.string(field);
    if (value && !/^https?:\/\/[^\s]+$/.test(value)) this.fail(field, `"${value}" is not an http(s) URL`);
    return value;
  }

  int(field: string, opts: { optional: true; min?: number; max?: number }): number | null;
  int(field: string, opts?: { optional?: false; min?: number; max?: number }): number;
  int(field: string, opts: { optional?: boolean; min?: number; max?: number } = {}): number | null {
    const value = this.data[field];
    if (value === undefined || value === null) {
      if (!opts.optional) this.fail(field, 'is required');
      return opts.optional ? null : 0;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, `must be a whole number, got ${describe(value)}`);
      return opts.optional ? null : 0;
    }
    if (opts.min !== undefined && value < opts.min) this.fail(field, `must be at least ${opts.min}, got ${value}`);
    if (opts.max !== undefined && value > opts.max) this.fail(field, `must be at most ${opts.max}, got ${value}`);
    return value;
  }

  number(field: string): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, value === undefined ? 'is required' : `must be a number, got ${describe(value)}`);
      return 0;
    }
    return value;
  }

  date(field: string, opts: { optional?: boolean } = {}): Date | null {
    const value = this.data[field];
    if (value === undefined || value === null) {
      if (!opts.optional) this.fail(field, 'is required');
      return null;
    }
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      this.fail(field, `must be an ISO date-time such as 2026-11-02T09:00:00Z, got ${describe(value)}`);
      return null;
    }
    return date;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], opts: { optional: true }): T | null;
  oneOf<T extends string>(field: string, allowed: readonly T[], opts?: { optional?: false }): T;
  oneOf<T extends string>(field: string, allowed: readonly T[], opts: { optional?: boolean } = {}): T | null {
    const value = opts.optional ? this.string(field, { optional: true }) : this.string(field);
    if (value && !allowed.includes(value as T)) {
      this.fail(field, `"${value}" is not one of: ${allowed.join(', ')}`);
    }
    return value as T | null;
  }

  /** A list; `item` reads each element with the element's own reader or raw value. */
  list<T>(field: string, item: (value: unknown, at: string) => T, opts: { min?: number } = {}): T[] {
    const value = this.data[field];
    if (value === undefined || value === null) {
      if (opts.min) this.fail(field, 'is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(field, `must be a list, got ${describe(value)}`);
      return [];
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.fail(field, `must have at least ${opts.min} item${opts.min === 1 ? '' : 's'}, got ${value.length}`);
    }
    return value.map((v, i) => item(v, `${field}[${i}]`));
  }

  /** A reader for a nested object at `at` (a path such as `sources[0]`), or null if it is not one. */
  nested(value: unknown, at: string): FieldReader | null {
    if (!isRecord(value)) {
      this.fail(at, `must be a mapping of fields, got ${describe(value)}`);
      return null;
    }
    return new FieldReader(value, this.file, this.issues, `${this.prefix}${at}.`);
  }

  slugItem(value: unknown, at: string): string {
    if (typeof value !== 'string' || !KEBAB.test(value)) {
      this.fail(at, `${describe(value)} is not a lower-case kebab-case slug`);
      return String(value);
    }
    return value;
  }

  textItem(value: unknown, at: string): string {
    if (typeof value !== 'string' || !value.trim()) {
      this.fail(at, `must be non-empty text, got ${describe(value)}`);
      return '';
    }
    return value.trim();
  }

  intItem(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(at, `must be a whole number, got ${describe(value)}`);
      return 0;
    }
    return value;
  }
}

/** True for a plain mapping (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}
