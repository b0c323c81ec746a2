import {
  type CompanyInput,
  type DayInput,
  type PracticeInput,
  type RecapInput,
  renderMarkdown,
  type StoryInput,
  type StoryStatus,
} from '@devops-stories/story-content';
import type { Kysely } from 'kysely';
import type { ChangeListeners } from '../change/content-change.js';
import { STORY_COLUMNS, toCompany, toDay, toPractice, toRecap, toStory } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import type {
  AuthoredRecord,
  CompanyRecord,
  ContentKind,
  ContentKinds,
  PracticeRecord,
  RecapRecord,
  StoryRecord,
  WriteResult,
} from '../store.types.js';
import { reindex } from './sqlite-sql.js';
import { replaceStoryParts } from './story-parts.js';
import { assertWritable, refuse, runWrite, type WriteScope } from './write-transaction.js';

/*
 * The API's writes of content records, one transaction each (see runWrite): small Kysely
 * queries that any dialect compiles; the search index is the one SQLite-specific step (reindex).
 */

type Db = Kysely<StoryDatabase>;

/** What the writes need: the database and the listeners their changes are announced to. */
export interface Writer {
  db: Db;
  listeners: ChangeListeners;
}

/** How each kind of record is read, created, replaced, deleted and (stories, recaps) published. */
interface KindWrites<K extends ContentKind> {
  label(key: ContentKinds[K]['key']): string;
  read(trx: Db, key: ContentKinds[K]['key']): Promise<ContentKinds[K]['record'] | null>;
  keyOf(input: ContentKinds[K]['input']): ContentKinds[K]['key'];
  /** The input field that holds the key. */
  keyField: string;
  insert(w: WriteScope, input: ContentKinds[K]['input']): Promise<void>;
  replace(w: WriteScope, current: ContentKinds[K]['record'], input: ContentKinds[K]['input']): Promise<void>;
  remove(w: WriteScope, current: ContentKinds[K]['record']): Promise<void>;
  /** Names the record (and what shows it) in the change to announce. */
  changed(w: WriteScope, key: ContentKinds[K]['key']): void;
}

const storyRow = async (trx: Db, slug: string) =>
  (await trx.selectFrom('stories as s').select(STORY_COLUMNS).where('s.slug', '=', slug).executeTakeFirst()) ?? null;

/** Who holds a key already, for SLUG_TAKEN messages. */
function holder(record: AuthoredRecord): string {
  return record.origin === 'file' ? `the file ${record.sourceFile}` : 'a record created over the API';
}

/** The ids of a story's company and practices, refusing names that do not exist; its day must exist too. */
async function storyRefs(trx: Db, input: StoryInput) {
  const company = await trx.selectFrom('companies').select('id').where('slug', '=', input.company).executeTakeFirst();
  if (!company) refuse('INVALID', ['company'], `There is no company "${input.company}": create it first.`);
  const rows = input.practices.length
    ? await trx.selectFrom('practices').select(['id', 'slug']).where('slug', 'in', input.practices).execute()
    : [];
  const practiceIds = new Map(rows.map((r) => [r.slug, r.id]));
  input.practices.forEach((slug, i) => {
    if (!practiceIds.has(slug)) refuse('INVALID', ['practices', String(i)], `There is no practice "${slug}".`);
  });
  if (input.day !== null) {
    const day = await trx.selectFrom('days').select('number').where('number', '=', input.day).executeTakeFirst();
    if (!day) refuse('INVALID', ['day'], `There is no day ${input.day}: create it first.`);
  }
  return { companyId: company.id, practiceIds };
}

function storyColumns(input: StoryInput, companyId: number) {
  const { html, text, readingTimeMinutes } = renderMarkdown(input.body);
  return {
    title: input.title,
    headline: input.headline,
    company_id: companyId,
    year: input.year,
    day_number: input.day,
    summary: input.summary,
    body: input.body,
    body_html: html,
    body_text: text,
    reading_time_minutes: readingTimeMinutes,
  };
}

async function companySlugOf(trx: Db, companyId: number): Promise<string | undefined> {
  return (await trx.selectFrom('companies').select('slug').where('id', '=', companyId).executeTakeFirst())?.slug;
}

/** Recaps that link a story: their lists change with it. */
async function recapsLinking(trx: Db, storyId: number): Promise<number[]> {
  const rows = await trx.selectFrom('recap_stories').select('recap_day').where('story_id', '=', storyId).execute();
  return rows.map((r) => r.recap_day);
}

/** Bumps the version of a row that is at `expected`; 0 rows means someone else got there first. */
function assertOneRow(result: { numUpdatedRows: bigint }, what: string): void {
  if (result.numUpdatedRows !== 1n)
    refuse('VERSION_CONFLICT', ['expectedVersion'], `The ${what} changed meanwhile; reload it.`);
}

const stories: KindWrites<'Story'> = {
  label: (slug) => `story "${slug}"`,
  read: async (trx, slug) => {
    const row = await storyRow(trx, slug);
    return row && toStory(row);
  },
  keyOf: (input) => input.slug,
  keyField: 'slug',
  async insert(w, input) {
    const { companyId, practiceIds } = await storyRefs(w.trx, input);
    const { id } = await w.trx
      .insertInto('stories')
      .values({
        slug: input.slug,
        ...storyColumns(input, companyId),
        status: 'draft',
        published_at: null,
        updated_at: w.now,
        content_hash: '',
        origin: 'api',
        source_file: null,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceStoryParts(w.trx, id, input, practiceIds);
    w.changes.node('Company', input.company);
    if (input.day !== null) w.changes.node('Day', input.day);
  },
  async replace(w, current, input) {
    const { companyId, practiceIds } = await storyRefs(w.trx, input);
    const result = await w.trx
      .updateTable('stories')
      .set({ ...storyColumns(input, companyId), updated_at: w.now, version: current.version + 1 })
      .where('id', '=', current.rowId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertOneRow(result, stories.label(current.slug));
    await replaceStoryParts(w.trx, current.rowId, input, practiceIds);
    w.changes.node('Company', input.company);
    if (input.day !== null) w.changes.node('Day', input.day);
    await storyNeighbours(w, current);
  },
  async remove(w, current) {
    await storyNeighbours(w, current);
    await w.trx.deleteFrom('stories').where('id', '=', current.rowId).execute();
  },
  changed(w, slug) {
    w.changes.story(slug);
  },
};

/** Names the company, day and recaps that show a story as it was before a change. */
async function storyNeighbours(w: WriteScope, current: StoryRecord): Promise<void> {
  const company = await companySlugOf(w.trx, current.companyId);
  if (company) w.changes.node('Company', company);
  if (current.day !== null) w.changes.node('Day', current.day);
  for (const day of await recapsLinking(w.trx, current.rowId)) w.changes.node('Recap', day);
}

const companies: KindWrites<'Company'> = {
  label: (slug) => `company "${slug}"`,
  read: async (trx, slug) => {
    const row = await trx.selectFrom('companies').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toCompany(row) : null;
  },
  keyOf: (input) => input.slug,
  keyField: 'slug',
  async insert(w, input: CompanyInput) {
    await w.trx
      .insertInto('companies')
      .values({ ...input, origin: 'api', source_file: null, version: 1 })
      .execute();
  },
  async replace(w, current, input) {
    const result = await w.trx
      .updateTable('companies')
      .set({ name: input.name, industry: input.industry, description: input.description, version: current.version + 1 })
      .where('id', '=', current.rowId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertOneRow(result, companies.label(current.slug));
    // Story lists show the company's name, and the search index holds it with each story.
    const shown = await w.trx.selectFrom('stories').select('slug').where('company_id', '=', current.rowId).execute();
    await reindex(
      w.trx,
      'Story',
      shown.map((s) => s.slug),
    );
    for (const s of shown) w.changes.story(s.slug);
  },
  async remove(w, current) {
    const users = await w.trx.selectFrom('stories').select('slug').where('company_id', '=', current.rowId).execute();
    if (users.length) {
      refuse(
        'IN_USE',
        ['id'],
        `The company "${current.slug}" has ${users.length} stories (${users
          .map((u) => u.slug)
          .slice(0, 5)
          .join(', ')}): ` + 'delete them or move them to another company first.',
      );
    }
    await w.trx.deleteFrom('companies').where('id', '=', current.rowId).execute();
  },
  changed(w, slug) {
    w.changes.node('Company', slug).list('companies', 'stories');
  },
};

const practices: KindWrites<'Practice'> = {
  label: (slug) => `practice "${slug}"`,
  read: async (trx, slug) => {
    const row = await trx.selectFrom('practices').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toPractice(row) : null;
  },
  keyOf: (input) => input.slug,
  keyField: 'slug',
  async insert(w, input: PracticeInput) {
    await w.trx
      .insertInto('practices')
      .values({ ...input, origin: 'api', source_file: null, version: 1 })
      .execute();
  },
  async replace(w, current, input) {
    const result = await w.trx
      .updateTable('practices')
      .set({ name: input.name, description: input.description, version: current.version + 1 })
      .where('id', '=', current.rowId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertOneRow(result, practices.label(current.slug));
    const shown = await w.trx
      .selectFrom('story_practices as sp')
      .innerJoin('stories as s', 's.id', 'sp.story_id')
      .select('s.slug')
      .where('sp.practice_id', '=', current.rowId)
      .execute();
    for (const s of shown) w.changes.node('Story', s.slug);
  },
  async remove(w, current) {
    const users = await w.trx
      .selectFrom('story_practices as sp')
      .innerJoin('stories as s', 's.id', 'sp.story_id')
      .select('s.slug')
      .where('sp.practice_id', '=', current.rowId)
      .execute();
    if (users.length) {
      refuse(
        'IN_USE',
        ['id'],
        `The practice "${current.slug}" is named by ${users.length} stories (${users
          .map((u) => u.slug)
          .slice(0, 5)
          .join(', ')}): ` + 'remove it from them first.',
      );
    }
    await w.trx.deleteFrom('practices').where('id', '=', current.rowId).execute();
  },
  changed(w, slug) {
    w.changes.node('Practice', slug).list('practices', 'stories');
  },
};

function dayColumns(input: DayInput) {
  const { html, text } = renderMarkdown(input.body);
  return {
    title: input.title,
    topic: input.topic,
    summary: input.summary,
    body: input.body,
    body_html: html,
    body_text: text,
  };
}

const days: KindWrites<'Day'> = {
  label: (number) => `day ${number}`,
  read: async (trx, number) => {
    const row = await trx.selectFrom('days').selectAll().where('number', '=', number).executeTakeFirst();
    return row ? toDay(row) : null;
  },
  keyOf: (input) => input.number,
  keyField: 'number',
  async insert(w, input: DayInput) {
    await w.trx
      .insertInto('days')
      .values({ number: input.number, ...dayColumns(input), origin: 'api', source_file: null, version: 1 })
      .execute();
  },
  async replace(w, current, input) {
    const result = await w.trx
      .updateTable('days')
      .set({ ...dayColumns(input), version: current.version + 1 })
      .where('number', '=', current.number)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertOneRow(result, days.label(current.number));
  },
  async remove(w, current) {
    const stories = await w.trx.selectFrom('stories').select('slug').where('day_number', '=', current.number).execute();
    const recap = await w.trx.selectFrom('recaps').select('day').where('day', '=', current.number).executeTakeFirst();
    if (stories.length || recap) {
      refuse(
        'IN_USE',
        ['id'],
        `Day ${current.number} has ${stories.length} stories${recap ? ' and a recap' : ''}: delete or move them first.`,
      );
    }
    await w.trx.deleteFrom('days').where('number', '=', current.number).execute();
  },
  changed(w, number) {
    w.changes.node('Day', number).list('days', 'search');
  },
};

/** The story ids a recap links, refusing slugs that name no story. */
async function recapStoryIds(trx: Db, input: RecapInput): Promise<number[]> {
  const rows = input.stories.length
    ? await trx.selectFrom('stories').select(['id', 'slug']).where('slug', 'in', input.stories).execute()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return input.stories.map(
    (slug, i) => ids.get(slug) ?? refuse('INVALID', ['stories', String(i)], `There is no story "${slug}".`),
  );
}

async function writeRecapStories(trx: Db, day: number, storyIds: number[]): Promise<void> {
  await trx.deleteFrom('recap_stories').where('recap_day', '=', day).execute();
  for (const [position, storyId] of storyIds.entries()) {
    await trx.insertInto('recap_stories').values({ recap_day: day, story_id: storyId, position }).execute();
  }
}

function recapColumns(input: RecapInput) {
  const { html, text } = renderMarkdown(input.body);
  return {
    title: input.title,
    points: JSON.stringify(input.points),
    covers_days: JSON.stringify(input.coversDays),
    body: input.body,
    body_html: html,
    body_text: text,
  };
}

const recaps: KindWrites<'Recap'> = {
  label: (day) => `recap of day ${day}`,
  read: async (trx, day) => {
    const row = await trx.selectFrom('recaps').selectAll().where('day', '=', day).executeTakeFirst();
    return row ? toRecap(row) : null;
  },
  keyOf: (input) => input.day,
  keyField: 'day',
  async insert(w, input: RecapInput) {
    const day = await w.trx.selectFrom('days').select('number').where('number', '=', input.day).executeTakeFirst();
    if (!day) refuse('INVALID', ['day'], `There is no day ${input.day}: create it first.`);
    const storyIds = await recapStoryIds(w.trx, input);
    await w.trx
      .insertInto('recaps')
      .values({ day: input.day, ...recapColumns(input), status: 'draft', origin: 'api', source_file: null, version: 1 })
      .execute();
    await writeRecapStories(w.trx, input.day, storyIds);
  },
  async replace(w, current, input) {
    const storyIds = await recapStoryIds(w.trx, input);
    const result = await w.trx
      .updateTable('recaps')
      .set({ ...recapColumns(input), version: current.version + 1 })
      .where('day', '=', current.day)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertOneRow(result, recaps.label(current.day));
    await writeRecapStories(w.trx, current.day, storyIds);
  },
  async remove(w, current) {
    await w.trx.deleteFrom('recaps').where('day', '=', current.day).execute();
  },
  changed(w, day) {
    w.changes.node('Recap', day).node('Day', day).list('recaps', 'search');
  },
};

const KINDS: { [K in ContentKind]: KindWrites<K> } = {
  Story: stories,
  Company: companies,
  Practice: practices,
  Day: days,
  Recap: recaps,
};

/** The record a write just committed, read back in its transaction. */
async function readBack<K extends ContentKind>(
  trx: Db,
  kind: K,
  key: ContentKinds[K]['key'],
): Promise<ContentKinds[K]['record']> {
  const record = await (KINDS[kind] as KindWrites<K>).read(trx, key);
  if (!record) throw new Error(`${kind} ${String(key)} is gone within its own write`);
  return record;
}

const SEARCHED: Partial<Record<ContentKind, 'Story' | 'Day' | 'Recap'>> = {
  Story: 'Story',
  Day: 'Day',
  Recap: 'Recap',
};

/** Creates an API record of `kind`; a key in use is `SLUG_TAKEN`. */
export function create<K extends ContentKind>(
  d: Writer,
  kind: K,
  input: ContentKinds[K]['input'],
  actor: string,
): Promise<WriteResult<ContentKinds[K]['record']>> {
  const k = KINDS[kind] as KindWrites<K>;
  const key = k.keyOf(input);
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const taken = await k.read(w.trx, key);
    if (taken)
      refuse('SLUG_TAKEN', [k.keyField], `The ${k.label(key)} exists already (${holder(taken)}); choose another.`);
    await k.insert(w, input);
    await afterWrite(w, kind, key);
    await w.audit({ operation: `create${kind}`, recordType: kind, recordKey: key, before: null, after: 1 });
    return readBack(w.trx, kind, key);
  });
}

/** Replaces an API record's content at `expectedVersion`. */
export function update<K extends ContentKind>(
  d: Writer,
  kind: K,
  key: ContentKinds[K]['key'],
  expectedVersion: number,
  input: ContentKinds[K]['input'],
  actor: string,
): Promise<WriteResult<ContentKinds[K]['record']>> {
  const k = KINDS[kind] as KindWrites<K>;
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const current = assertWritable(await k.read(w.trx, key), expectedVersion, k.label(key));
    if (k.keyOf(input) !== key) refuse('INVALID', [k.keyField], `The ${k.keyField} of a record cannot change.`);
    await k.replace(w, current, input);
    await afterWrite(w, kind, key);
    await w.audit({
      operation: `update${kind}`,
      recordType: kind,
      recordKey: key,
      before: current.version,
      after: current.version + 1,
    });
    return readBack(w.trx, kind, key);
  });
}

/** Deletes an API record at `expectedVersion`; returns it as it was. */
export function remove<K extends ContentKind>(
  d: Writer,
  kind: K,
  key: ContentKinds[K]['key'],
  expectedVersion: number,
  actor: string,
): Promise<WriteResult<ContentKinds[K]['record']>> {
  const k = KINDS[kind] as KindWrites<K>;
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const current = assertWritable(await k.read(w.trx, key), expectedVersion, k.label(key));
    await k.remove(w, current);
    await afterWrite(w, kind, key);
    await w.audit({
      operation: `delete${kind}`,
      recordType: kind,
      recordKey: key,
      before: current.version,
      after: null,
    });
    return current;
  });
}

/** Publishes or unpublishes a story or recap at `expectedVersion`; asking for its current status changes nothing. */
export function setStatus<K extends 'Story' | 'Recap'>(
  d: Writer,
  kind: K,
  key: ContentKinds[K]['key'],
  expectedVersion: number,
  status: StoryStatus,
  actor: string,
): Promise<WriteResult<ContentKinds[K]['record']>> {
  const k = KINDS[kind] as KindWrites<K>;
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const current = assertWritable(await k.read(w.trx, key), expectedVersion, k.label(key));
    if (current.status === status) return current;
    const version = current.version + 1;
    if (kind === 'Story') {
      const story = current as StoryRecord;
      const publishedAt = status === 'published' ? (story.publishedAt?.getTime() ?? w.now) : null;
      await w.trx
        .updateTable('stories')
        .set({ status, published_at: publishedAt, updated_at: w.now, version })
        .where('id', '=', story.rowId)
        .execute();
      await storyNeighbours(w, story);
    } else {
      await w.trx
        .updateTable('recaps')
        .set({ status, version })
        .where('day', '=', (current as RecapRecord).day)
        .execute();
    }
    await afterWrite(w, kind, key);
    const operation = `${status === 'published' ? 'publish' : 'unpublish'}${kind}`;
    await w.audit({ operation, recordType: kind, recordKey: key, before: current.version, after: version });
    return readBack(w.trx, kind, key);
  });
}

async function afterWrite<K extends ContentKind>(w: WriteScope, kind: K, key: ContentKinds[K]['key']): Promise<void> {
  const searched = SEARCHED[kind];
  if (searched) await reindex(w.trx, searched, [key]);
  (KINDS[kind] as KindWrites<K>).changed(w, key);
}

/**
 * Hands API records over to the files they were exported to: they become `file` records,
 * which the import owns from now on.
 */
export function handOver(
  d: Writer,
  records: { kind: 'Story' | 'Company' | 'Practice'; key: string; file: string }[],
  actor: string,
): Promise<WriteResult<number>> {
  const tables = { Story: 'stories', Company: 'companies', Practice: 'practices' } as const;
  return runWrite(d.db, d.listeners, actor, async (w) => {
    for (const { kind, key, file } of records) {
      const k = KINDS[kind] as KindWrites<typeof kind>;
      const current: StoryRecord | CompanyRecord | PracticeRecord | null = await k.read(w.trx, key);
      if (!current) refuse('NOT_FOUND', ['slug'], `There is no ${k.label(key)}.`);
      if (current.origin === 'file')
        refuse('EDIT_IN_SOURCE', ['slug'], `The ${k.label(key)} is already the file ${current.sourceFile}.`);
      await w.trx
        .updateTable(tables[kind])
        .set({ origin: 'file', source_file: file, version: current.version + 1 })
        .where('slug', '=', key)
        .execute();
      k.changed(w, key);
      await w.audit({
        operation: 'exportToFile',
        recordType: kind,
        recordKey: key,
        before: current.version,
        after: current.version + 1,
      });
    }
    return records.length;
  });
}

/** Creates a record inside a write that does more (an approval creates a company and a story). */
export async function insertRecord<K extends ContentKind>(
  w: WriteScope,
  kind: K,
  input: ContentKinds[K]['input'],
): Promise<ContentKinds[K]['record']> {
  const k = KINDS[kind] as KindWrites<K>;
  const key = k.keyOf(input);
  await k.insert(w, input);
  await afterWrite(w, kind, key);
  await w.audit({ operation: `create${kind}`, recordType: kind, recordKey: key, before: null, after: 1 });
  return readBack(w.trx, kind, key);
}

/** Reads a record inside a write. */
export function readRecord<K extends ContentKind>(
  trx: Db,
  kind: K,
  key: ContentKinds[K]['key'],
): Promise<ContentKinds[K]['record'] | null> {
  return (KINDS[kind] as KindWrites<K>).read(trx, key);
}
