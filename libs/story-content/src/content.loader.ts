import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ContentError, type ContentIssue } from './content.error.js';
import {
  type CompanyContent,
  METRIC_QUALIFIERS,
  type ContentBundle,
  type DayContent,
  type MetricContent,
  type PracticeContent,
  type RecapContent,
  SOURCE_KINDS,
  type SeriesCredit,
  STORY_STATUSES,
  type SourceContent,
  type StoryContent,
} from './content.types.js';
import { FieldReader, isRecord } from './field-reader.js';
import { STORY_CHECKS } from './story.checks.js';

/** The content folder shipped with this library (`libs/story-content/content`). */
export const defaultContentDir = fileURLToPath(new URL('../content', import.meta.url));

interface Parsed {
  file: string;
  reader: FieldReader;
  body: string;
}

/**
 * Reads, validates and cross-checks every content file under `dir`.
 *
 * @throws {ContentError} listing every problem (file, field, what is wrong) when any file is malformed.
 */
export function loadContent(dir: string = defaultContentDir): ContentBundle {
  const issues: ContentIssue[] = [];
  const seriesFile = join(dir, 'series.yaml');
  const series = readSeries(seriesFile, relative(dir, seriesFile), issues);
  const fileOf = new Map<object, string>();
  const read = <T extends object>(folder: string, toItem: (p: Parsed) => T): T[] =>
    readFolder(dir, folder, issues).map((p) => {
      const item = toItem(p);
      fileOf.set(item, p.file);
      return item;
    });
  const bundle: ContentBundle = {
    series,
    companies: read('companies', readCompany),
    practices: read('practices', readPractice),
    days: read('days', readDay),
    recaps: read('recaps', readRecap),
    stories: read('stories', readStory),
  };
  crossCheck(bundle, (item) => fileOf.get(item) ?? '', issues);
  if (issues.length) throw new ContentError(issues);
  return bundle;
}

function readSeries(path: string, file: string, issues: ContentIssue[]): SeriesCredit {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    issues.push({ file, field: '', message: `cannot be read as YAML: ${(error as Error).message}` });
    data = {};
  }
  const r = new FieldReader(isRecord(data) ? data : {}, file, issues);
  const fields = ['name', 'author', 'licence', 'licenceUrl', 'url', 'page', 'note'] as const;
  r.rejectUnknown(fields);
  return {
    name: r.string('name'),
    author: r.string('author'),
    licence: r.string('licence'),
    licenceUrl: r.url('licenceUrl'),
    url: r.url('url'),
    page: r.url('page'),
    note: r.string('note'),
  };
}

function readFolder(dir: string, folder: string, issues: ContentIssue[]): Parsed[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, folder))
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    issues.push({ file: folder, field: '', message: 'folder is missing' });
    return [];
  }
  return names.map((name) => parseMarkdown(join(dir, folder, name), `${folder}/${name}`, issues));
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
  return { file, reader: new FieldReader(data, file, issues), body: body.trim() };
}

function requireBody(p: Parsed): string {
  if (!p.body) p.reader.fail('body', 'the Markdown body after the front matter must not be empty');
  return p.body;
}

function readCompany(p: Parsed): CompanyContent {
  const r = p.reader;
  r.rejectUnknown(['slug', 'name', 'industry']);
  return { slug: r.slug('slug'), name: r.string('name'), industry: r.string('industry'), description: requireBody(p) };
}

function readPractice(p: Parsed): PracticeContent {
  const r = p.reader;
  r.rejectUnknown(['slug', 'name']);
  return { slug: r.slug('slug'), name: r.string('name'), description: requireBody(p) };
}

function readDay(p: Parsed): DayContent {
  const r = p.reader;
  r.rejectUnknown(['number', 'title', 'topic', 'summary']);
  return {
    number: r.int('number', { min: 1, max: 90 }),
    title: r.string('title'),
    topic: r.string('topic'),
    summary: r.string('summary'),
    body: requireBody(p),
  };
}

function readRecap(p: Parsed): RecapContent {
  const r = p.reader;
  r.rejectUnknown(['day', 'title', 'coversDays', 'points', 'stories']);
  return {
    day: r.int('day', { min: 1, max: 90 }),
    title: r.string('title'),
    coversDays: r.list('coversDays', (v, at) => r.intItem(v, at), { min: 1 }),
    points: r.list('points', (v, at) => r.textItem(v, at), { min: 1 }),
    stories: r.list('stories', (v, at) => r.slugItem(v, at)),
    body: requireBody(p),
  };
}

const STORY_FIELDS = [
  'slug',
  'title',
  'headline',
  'company',
  'year',
  'day',
  'status',
  'publishedAt',
  'updatedAt',
  'summary',
  'practices',
  'sources',
  'metrics',
] as const;

function readStory(p: Parsed): StoryContent {
  const r = p.reader;
  r.rejectUnknown(STORY_FIELDS);
  const status = r.oneOf('status', STORY_STATUSES);
  const publishedAt = r.date('publishedAt', { optional: status === 'draft' });
  return {
    slug: r.slug('slug'),
    title: r.string('title', { max: 120 }),
    headline: r.string('headline', { max: 160 }),
    company: r.slug('company'),
    year: r.int('year', { optional: true, min: 1900, max: 2100 }),
    day: r.int('day', { optional: true, min: 1, max: 90 }),
    status,
    publishedAt,
    updatedAt: r.date('updatedAt') ?? new Date(0),
    summary: r.string('summary'),
    practices: r.list('practices', (v, at) => r.slugItem(v, at), { min: 1 }),
    sources: r.list('sources', (v, at) => readSource(r, v, at), { min: 1 }),
    metrics: r.list('metrics', (v, at) => readMetric(r, v, at)),
    body: requireBody(p),
  };
}

function readSource(parent: FieldReader, value: unknown, at: string): SourceContent {
  const r = parent.nested(value, at);
  if (!r) return { id: '', title: '', url: '', kind: 'article', publisher: null, year: null };
  r.rejectUnknown(['id', 'title', 'url', 'kind', 'publisher', 'year']);
  return {
    id: r.slug('id'),
    title: r.string('title'),
    url: r.url('url'),
    kind: r.oneOf('kind', SOURCE_KINDS),
    publisher: r.string('publisher', { optional: true }),
    year: r.int('year', { optional: true, min: 1900, max: 2100 }),
  };
}

function readMetric(parent: FieldReader, value: unknown, at: string): MetricContent {
  const r = parent.nested(value, at);
  if (!r) return { label: '', value: 0, unit: '', year: null, qualifier: null, source: '' };
  r.rejectUnknown(['label', 'value', 'unit', 'year', 'qualifier', 'source']);
  return {
    label: r.string('label'),
    value: r.number('value'),
    unit: r.string('unit'),
    year: r.int('year', { optional: true, min: 1900, max: 2100 }),
    qualifier: r.oneOf('qualifier', METRIC_QUALIFIERS, { optional: true }),
    source: r.slug('source'),
  };
}

/** Checks what no single file can: unique keys and references between files. */
function crossCheck(bundle: ContentBundle, fileOf: (item: object) => string, issues: ContentIssue[]): void {
  const fail = (file: string, field: string, message: string) => issues.push({ file, field, message });
  const unique = <T extends object>(items: T[], key: (t: T) => string | number, field: string) => {
    const seen = new Map<string | number, T>();
    for (const item of items) {
      const k = key(item);
      const earlier = seen.get(k);
      if (earlier) fail(fileOf(item), field, `${String(k)} is already used by ${fileOf(earlier)}`);
      else seen.set(k, item);
    }
    return new Set(seen.keys());
  };
  const companies = unique(bundle.companies, (c) => c.slug, 'slug');
  const practices = unique(bundle.practices, (p) => p.slug, 'slug');
  const days = unique(bundle.days, (d) => d.number, 'number');
  const stories = unique(bundle.stories, (s) => s.slug, 'slug');
  unique(bundle.recaps, (r) => r.day, 'day');

  for (const s of bundle.stories) {
    const file = fileOf(s);
    if (!companies.has(s.company)) fail(file, 'company', `no company "${s.company}" in companies/`);
    if (s.day !== null && !days.has(s.day)) fail(file, 'day', `no day ${s.day} in days/`);
    s.practices.forEach((slug, i) => {
      if (!practices.has(slug)) fail(file, `practices[${i}]`, `no practice "${slug}" in practices/`);
    });
    const sourceIds = new Set<string>();
    s.sources.forEach((src, i) => {
      if (sourceIds.has(src.id)) fail(file, `sources[${i}].id`, `"${src.id}" is used by another source of this story`);
      sourceIds.add(src.id);
    });
    s.metrics.forEach((m, i) => {
      if (!sourceIds.has(m.source)) {
        fail(file, `metrics[${i}].source`, `"${m.source}" is not the id of one of this story's sources`);
      }
    });
    for (const check of STORY_CHECKS) check(s, (field, message) => fail(file, field, message));
  }
  for (const r of bundle.recaps) {
    const file = fileOf(r);
    if (!days.has(r.day)) fail(file, 'day', `no day ${r.day} in days/`);
    r.coversDays.forEach((d, i) => {
      if (!days.has(d)) fail(file, `coversDays[${i}]`, `no day ${d} in days/`);
    });
    r.stories.forEach((slug, i) => {
      if (!stories.has(slug)) fail(file, `stories[${i}]`, `no story "${slug}" in stories/`);
    });
  }
}
