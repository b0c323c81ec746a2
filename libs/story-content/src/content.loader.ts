import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentIssue } from './content.error.js';
import type { ContentBundle, ContentSource, SeriesCredit } from './content.types.js';
import {
  CompanyFrontMatterSchema,
  DayFrontMatterSchema,
  PracticeFrontMatterSchema,
  recapFrontMatterSchema,
  SeriesSchema,
} from './schemas/entity.schemas.js';
import { dottedPath, fieldIssues } from './schemas/issues.js';
import { LIMITS } from './schemas/limits.js';
import type { ContentRefs } from './schemas/refs.js';
import { storyFrontMatterSchema } from './schemas/story.schema.js';

/** The content folder shipped with this library (`libs/story-content/content`). */
export const defaultContentDir = fileURLToPath(new URL('../content', import.meta.url));

/** A Markdown file split into its front matter and body. */
interface Parsed {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Reads, validates and cross-checks every content file under `dir`, each kind against its
 * schema in `schemas/` (the same the API's mutations validate against).
 *
 * @throws {ContentError} listing every problem (file, field, what is wrong) when any file is malformed.
 */
export function loadContent(dir: string = defaultContentDir): ContentBundle {
  const source = streamContent(dir);
  const stories = [...source.stories];
  const recaps = [...source.recaps];
  return {
    series: source.series,
    companies: [...source.companies],
    practices: [...source.practices],
    days: [...source.days],
    recaps,
    stories,
  };
}

/**
 * Reads the content under `dir` as an import consumes it: the series, companies, practices, days
 * and recaps at once (a few files), the stories one file at a time while `stories` is iterated, so
 * that only one story's text is held however many there are. Every check {@link loadContent} makes
 * is made; the problems are collected and thrown together at the end of `recaps`, which is read after
 * `stories` (an import in one transaction then rolls back whole).
 *
 * @throws {ContentError} from the iteration of `recaps`, listing every problem, when any file is malformed.
 * @throws {Error} when `recaps` is iterated before `stories` (it needs the stories' slugs).
 */
export function streamContent(dir: string = defaultContentDir): ContentSource {
  const issues: ContentIssue[] = [];
  const seriesFile = join(dir, 'series.yaml');
  const series = readSeries(seriesFile, relative(dir, seriesFile), issues);
  const files = {
    companies: readFolder(dir, 'companies', issues),
    practices: readFolder(dir, 'practices', issues),
    days: readFolder(dir, 'days', issues),
    recaps: readFolder(dir, 'recaps', issues),
  };
  const storyFiles = listFolder(dir, 'stories', issues);
  // What the files name themselves, even those with other problems, so one broken file does
  // not make every reference to it fail too. Story slugs are added as the stories are read.
  const keys = (parsed: Parsed[], field: string) => parsed.map((p) => p.data[field]);
  const storySlugs = new Set<string>();
  const refs: ContentRefs = {
    companies: new Set(keys(files.companies, 'slug').filter(isString)),
    practices: new Set(keys(files.practices, 'slug').filter(isString)),
    days: new Set(keys(files.days, 'number').filter(isNumber)),
    stories: storySlugs,
    source: 'files',
  };
  const read = <T>(p: Parsed, schema: z.ZodType<T>): T | null => {
    const result = schema.safeParse(p.data);
    if (result.success) return result.data;
    for (const issue of fieldIssues(result.error)) {
      issues.push({ file: p.file, field: dottedPath(issue.path), message: issue.message });
    }
    return null;
  };
  const item = <T, R>(p: Parsed, schema: z.ZodType<T>, toItem: (front: T, p: Parsed) => R): R | null => {
    const front = read(p, schema);
    const body = requireBody(p, issues);
    return front && body !== null ? toItem(front, p) : null;
  };
  const each = <T, R>(parsed: Parsed[], schema: z.ZodType<T>, toItem: (front: T, p: Parsed) => R): R[] =>
    parsed.flatMap((p) => {
      const r = item(p, schema, toItem);
      return r === null ? [] : [r];
    });
  checkUnique(files.companies, 'slug', issues);
  checkUnique(files.practices, 'slug', issues);
  checkUnique(files.days, 'number', issues);
  checkUnique(files.recaps, 'day', issues);
  const storySchema = storyFrontMatterSchema(refs);
  let storiesRead = false;
  return {
    series,
    companies: each(files.companies, CompanyFrontMatterSchema, (c, p) => ({ ...c, description: p.body, file: p.file })),
    practices: each(files.practices, PracticeFrontMatterSchema, (c, p) => ({
      ...c,
      description: p.body,
      file: p.file,
    })),
    days: each(files.days, DayFrontMatterSchema, (d, p) => ({ ...d, body: p.body, file: p.file })),
    storyCount: storyFiles.length,
    stories: {
      *[Symbol.iterator]() {
        const seen = new Map<unknown, string>();
        for (const name of storyFiles) {
          const p = parseMarkdown(join(dir, 'stories', name), `stories/${name}`, issues);
          // Kept for every story read: a string of its own, not a slice that holds the whole file.
          if (isString(p.data['slug'])) p.data['slug'] = detached(p.data['slug']);
          const slug = p.data['slug'];
          if (isString(slug)) storySlugs.add(slug);
          unique(seen, p, 'slug', issues);
          const story = item(p, storySchema, (s, p) => ({ ...s, body: p.body, file: p.file }));
          if (story) yield story;
        }
        storiesRead = true;
      },
    },
    recaps: {
      *[Symbol.iterator]() {
        if (!storiesRead) throw new Error('streamContent: iterate the stories before the recaps');
        yield* each(files.recaps, recapFrontMatterSchema(refs), (r, p) => ({ ...r, body: p.body, file: p.file }));
        if (issues.length) throw new ContentError(issues);
      },
    },
  };
}

/**
 * A copy of `text` that holds no other string: the YAML parser's values are slices of the file's
 * text, so keeping a slug would keep the whole file in memory.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

function readSeries(path: string, file: string, issues: ContentIssue[]): SeriesCredit {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    issues.push({ file, field: '', message: `cannot be read as YAML: ${(error as Error).message}` });
    data = {};
  }
  const result = SeriesSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of fieldIssues(result.error))
    issues.push({ file, field: dottedPath(issue.path), message: issue.message });
  return { name: '', author: '', licence: '', licenceUrl: '', url: '', page: '', note: '' };
}

function readFolder(dir: string, folder: string, issues: ContentIssue[]): Parsed[] {
  return listFolder(dir, folder, issues).map((name) =>
    parseMarkdown(join(dir, folder, name), `${folder}/${name}`, issues),
  );
}

/** The Markdown files of a content folder, by name. */
function listFolder(dir: string, folder: string, issues: ContentIssue[]): string[] {
  try {
    return readdirSync(join(dir, folder))
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    issues.push({ file: folder, field: '', message: 'folder is missing' });
    return [];
  }
}

/** Splits a Markdown file into YAML front matter and body. */
function parseMarkdown(path: string, file: string, issues: ContentIssue[]): Parsed {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  let data: Record<string, unknown> = {};
  let body = text;
  if (!match) {
    issues.push({
      file,
      field: '',
      message: 'has no front matter: start the file with a --- line, the fields, and another --- line',
    });
  } else {
    body = match[2];
    try {
      const parsed = parseYaml(match[1]);
      if (isRecord(parsed)) data = parsed;
      else issues.push({ file, field: '', message: 'front matter must be a mapping of fields' });
    } catch (error) {
      issues.push({ file, field: '', message: `front matter is not valid YAML: ${(error as Error).message}` });
    }
  }
  return { file, data, body: body.trim() };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The body, or null (with the problem recorded) when it is empty or too long. */
function requireBody(p: Parsed, issues: ContentIssue[]): string | null {
  if (!p.body) {
    issues.push({ file: p.file, field: 'body', message: 'the Markdown body after the front matter must not be empty' });
    return null;
  }
  if (p.body.length > LIMITS.body) {
    issues.push({
      file: p.file,
      field: 'body',
      message: `must be at most ${LIMITS.body} characters, got ${p.body.length}`,
    });
    return null;
  }
  return p.body;
}

/** No two files of a kind share a key (slug, day number). */
function checkUnique(parsed: Parsed[], field: string, issues: ContentIssue[]): void {
  const seen = new Map<unknown, string>();
  for (const p of parsed) unique(seen, p, field, issues);
}

/** Records `p`'s key in `seen`, or an issue when an earlier file of its kind has it. */
function unique(seen: Map<unknown, string>, p: Parsed, field: string, issues: ContentIssue[]): void {
  const key = p.data[field];
  if (typeof key !== 'string' && typeof key !== 'number') return;
  const earlier = seen.get(key);
  if (earlier) issues.push({ file: p.file, field, message: `${String(key)} is already used by ${earlier}` });
  else seen.set(key, p.file);
}
