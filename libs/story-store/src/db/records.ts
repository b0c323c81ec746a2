import type { Selectable } from 'kysely';
import type {
  CompanyRecord,
  DayRecord,
  MetricRecord,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  SourceRecord,
  StoryRecord,
  StorySummaryRecord,
} from '../store.types.js';
import type {
  CompaniesTable,
  DaysTable,
  PracticesTable,
  RecapsTable,
  SourcesTable,
  StoriesTable,
} from './story-database.js';

/** The story columns lists select: all but the bodies and the import's content hash. */
export const STORY_SUMMARY_COLUMNS = [
  's.id',
  's.slug',
  's.title',
  's.headline',
  's.company_id',
  's.year',
  's.day_number',
  's.status',
  's.summary',
  's.reading_time_minutes',
  's.published_at',
  's.updated_at',
] as const;

/** The body columns, rendered at import. */
export const STORY_BODY_COLUMNS = ['s.body', 's.body_html', 's.body_text'] as const;

/** The story columns a lookup of whole stories selects. */
export const STORY_COLUMNS = [...STORY_SUMMARY_COLUMNS, ...STORY_BODY_COLUMNS] as const;

/** A row of {@link STORY_SUMMARY_COLUMNS}. */
export type StorySummaryRow = Omit<Selectable<StoriesTable>, 'content_hash' | 'body' | 'body_html' | 'body_text'>;

/** A row of {@link STORY_COLUMNS}. */
export type StoryRow = Omit<Selectable<StoriesTable>, 'content_hash'>;

export function toStorySummary(r: StorySummaryRow): StorySummaryRecord {
  return {
    rowId: r.id,
    slug: r.slug,
    title: r.title,
    headline: r.headline,
    companyId: r.company_id,
    year: r.year,
    day: r.day_number,
    status: r.status,
    summary: r.summary,
    readingTimeMinutes: r.reading_time_minutes,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    updatedAt: new Date(r.updated_at),
  };
}

export function toBody(r: Pick<StoryRow, 'body' | 'body_html' | 'body_text'>): RenderedBody {
  return { body: r.body, bodyHtml: r.body_html, bodyText: r.body_text };
}

export function toStory(r: StoryRow): StoryRecord {
  return {
    rowId: r.id,
    slug: r.slug,
    title: r.title,
    headline: r.headline,
    companyId: r.company_id,
    year: r.year,
    day: r.day_number,
    status: r.status,
    summary: r.summary,
    body: r.body,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    readingTimeMinutes: r.reading_time_minutes,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    updatedAt: new Date(r.updated_at),
  };
}

export function toCompany(r: Selectable<CompaniesTable>): CompanyRecord {
  return { rowId: r.id, slug: r.slug, name: r.name, industry: r.industry, description: r.description };
}

export function toPractice(r: Selectable<PracticesTable>): PracticeRecord {
  return { rowId: r.id, slug: r.slug, name: r.name, description: r.description };
}

export type SourceRow = Pick<Selectable<SourcesTable>, 'title' | 'url' | 'kind' | 'publisher' | 'year'>;

export function toSource(r: SourceRow): SourceRecord {
  return { title: r.title, url: r.url, kind: r.kind, publisher: r.publisher, year: r.year };
}

/** A metric with its source's columns, prefixed `source_`, null when it cites none. */
export interface MetricRow {
  label: string;
  value: number;
  unit: string;
  year: number | null;
  source_title: string | null;
  source_url: string | null;
  source_kind: SourceRow['kind'] | null;
  source_publisher: string | null;
  source_year: number | null;
}

export function toMetric(r: MetricRow): MetricRecord {
  const source =
    r.source_title === null || r.source_url === null || r.source_kind === null
      ? null
      : toSource({
          title: r.source_title,
          url: r.source_url,
          kind: r.source_kind,
          publisher: r.source_publisher,
          year: r.source_year,
        });
  return { label: r.label, value: r.value, unit: r.unit, year: r.year, source };
}

export function toDay(r: Selectable<DaysTable>): DayRecord {
  return {
    number: r.number,
    title: r.title,
    topic: r.topic,
    summary: r.summary,
    body: r.body,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
  };
}

export function toRecap(r: Selectable<RecapsTable>): RecapRecord {
  return {
    day: r.day,
    title: r.title,
    points: parseJson<string[]>(r.points),
    coversDays: parseJson<number[]>(r.covers_days),
    body: r.body,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
  };
}

/** JSON the import wrote from a typed value. */
function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** One entry per key, in key order; `null` where no item has that key (what a DataLoader batch returns). */
export function byKey<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): (T | null)[] {
  const map = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((k) => map.get(k) ?? null);
}

/** One list per key, in key order, keeping row order within each list. */
export function groupBy<K, R, T>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
  map: (row: R) => T,
): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(map(row));
  return keys.map((k) => groups.get(k) ?? []);
}
