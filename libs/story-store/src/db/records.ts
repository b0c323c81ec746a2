import type { Selectable } from 'kysely';
import type {
  AuditRecord,
  AuthoredRecord,
  CompanyRecord,
  DayRecord,
  MetricRecord,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  SourceRecord,
  StoryRecord,
  StorySummaryRecord,
  SubmissionRecord,
  TokenRecord,
} from '../store.types.js';
import type {
  ApiTokensTable,
  AuditLogTable,
  Authored,
  CompaniesTable,
  DaysTable,
  PracticesTable,
  RecapsTable,
  SourcesTable,
  StoriesTable,
  SubmissionsTable,
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
  's.origin',
  's.source_file',
  's.version',
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
    ...authored(r),
  };
}

export function toBody(r: Pick<StoryRow, 'body' | 'body_html' | 'body_text'>): RenderedBody {
  return { body: r.body, bodyHtml: r.body_html, bodyText: r.body_text };
}

export function toStory(r: StoryRow): StoryRecord {
  return { ...toStorySummary(r), ...toBody(r) };
}

/** The origin, file and version columns as a record carries them. */
export function authored(r: Authored): AuthoredRecord {
  return { origin: r.origin, sourceFile: r.source_file, version: r.version };
}

export function toCompany(r: Selectable<CompaniesTable>): CompanyRecord {
  return {
    rowId: r.id,
    slug: r.slug,
    name: r.name,
    industry: r.industry,
    description: r.description,
    ...authored(r),
  };
}

export function toPractice(r: Selectable<PracticesTable>): PracticeRecord {
  return { rowId: r.id, slug: r.slug, name: r.name, description: r.description, ...authored(r) };
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
    ...authored(r),
  };
}

export function toRecap(r: Selectable<RecapsTable>): RecapRecord {
  return {
    day: r.day,
    status: r.status,
    title: r.title,
    points: parseJson<string[]>(r.points),
    coversDays: parseJson<number[]>(r.covers_days),
    body: r.body,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    ...authored(r),
  };
}

export function toToken(r: Selectable<ApiTokensTable>): TokenRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: new Date(r.created_at),
    lastUsedAt: date(r.last_used_at),
    revokedAt: date(r.revoked_at),
  };
}

export function toSubmission(r: Selectable<SubmissionsTable> & { story_slug: string | null }): SubmissionRecord {
  return {
    id: r.id,
    status: r.status,
    company: r.company,
    title: r.title,
    whatChanged: r.what_changed,
    outcome: r.outcome,
    links: parseJson<string[]>(r.links),
    name: r.name,
    contact: r.contact,
    publicNote: r.public_note,
    submittedAt: new Date(r.submitted_at),
    reviewedAt: date(r.reviewed_at),
    reviewedBy: r.reviewed_by,
    storyId: r.story_id,
    storySlug: r.story_slug,
    version: r.version,
  };
}

export function toAudit(r: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: r.id,
    at: new Date(r.at),
    actor: r.actor,
    operation: r.operation,
    recordType: r.record_type,
    recordKey: r.record_key,
    versionBefore: r.version_before,
    versionAfter: r.version_after,
  };
}

function date(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
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
