import type { Kysely } from 'kysely';
import type { ChangeListeners } from '../change/content-change.js';
import type { QueryRunner } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import { WRITE_ATTEMPTS, type Writer } from '../db/write-transaction.js';
import { readSeries } from '../db/series.js';
import { storeWrites } from '../db/store-writes.js';
import type { StoryStore, WriteProblem } from '../store.types.js';
import { importContent } from './import.js';
import type { ChangeChannel } from './notifications.js';
import { reindex } from './pg-sql.js';
import * as read from './reads.js';
import { search } from './search.js';

/**
 * The {@link StoryStore} over a migrated PostgreSQL database, each method one query function.
 * Each committed change (of an import or a write) is announced to this store's `onChange`
 * listeners after the commit, and sent in its transaction through `channel` to the other stores
 * on the database, whose listeners hear it too.
 */
export function createPostgresStoryStore(
  db: Kysely<StoryDatabase>,
  reads: QueryRunner,
  listeners: ChangeListeners,
  channel: ChangeChannel,
  close: () => Promise<void>,
  searchRankWindow?: number,
): StoryStore {
  let closed: Promise<void> | undefined;
  const writer: Writer = {
    db,
    listeners,
    reindex,
    beforeCommit: (trx, change) => channel.publish(trx, change),
    refusalOf: keyTaken,
    retryable: lostRace,
  };
  return {
    async importContent(source, options) {
      for (let attempt = 1; ; attempt++) {
        try {
          const { result, change } = await importContent(
            db,
            source,
            (trx, change) => channel.publish(trx, change),
            options,
          );
          listeners.announce(change);
          return result;
        } catch (error) {
          // A deadlock with another replica's write: the import rolled back whole; run it again.
          if (attempt >= WRITE_ATTEMPTS || !lostRace(error)) throw error;
        }
      }
    },
    listStories: (query) => read.listStories(reads, query),
    storiesBySlugs: (slugs, view) => read.storiesBySlugs(reads, slugs, view),
    storyBodiesByIds: (ids) => read.storyBodiesByIds(reads, ids),
    storyPagesByCompanyIds: (ids, page, view) => read.storyPagesByCompanyIds(reads, ids, page, view),
    storyPagesByPracticeIds: (ids, page, view) => read.storyPagesByPracticeIds(reads, ids, page, view),
    storiesByDays: (days, view) => read.storiesByDays(reads, days, view),
    storiesByRecapDays: (days, view) => read.storiesByRecapDays(reads, days, view),
    relatedStories: (ids, limit, view) => read.relatedStories(reads, ids, limit, view),
    listCompanies: () => read.listCompanies(reads),
    companiesByIds: (ids) => read.companiesByIds(reads, ids),
    companiesBySlugs: (slugs) => read.companiesBySlugs(reads, slugs),
    listPractices: () => read.listPractices(reads),
    practicesBySlugs: (slugs) => read.practicesBySlugs(reads, slugs),
    practicesByStoryIds: (ids) => read.practicesByStoryIds(reads, ids),
    metricsByStoryIds: (ids) => read.metricsByStoryIds(reads, ids),
    sourcesByStoryIds: (ids) => read.sourcesByStoryIds(reads, ids),
    listDays: () => read.listDays(reads),
    daysByNumbers: (numbers) => read.daysByNumbers(reads, numbers),
    listRecaps: (view) => read.listRecaps(reads, view),
    recapsByDays: (days, view) => read.recapsByDays(reads, days, view),
    series: () => readSeries(reads),
    search: (query) => search(reads, query, searchRankWindow),
    ...storeWrites(writer),
    onChange: (listener) => listeners.add(listener),
    hearsOthers: () => channel.listening,
    close: () => (closed ??= close()),
  };
}

/** deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back to let another through. */
export function lostRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** The field each unique key is written from, by table. */
const KEY_FIELDS: Record<string, string[]> = {
  stories: ['slug'],
  companies: ['slug'],
  practices: ['slug'],
  days: ['number'],
  recaps: ['day'],
  api_tokens: ['name'],
};

/**
 * A unique key another replica took between this write's check and its insert (SQLite's single
 * writer cannot see that race; PostgreSQL reports it as a unique violation): `SLUG_TAKEN`, as if
 * the check had seen it.
 */
function keyTaken(error: unknown): WriteProblem | null {
  const { code, table } = (error ?? {}) as { code?: string; table?: string };
  if (code !== '23505' || !table || !(table in KEY_FIELDS)) return null;
  return {
    code: 'SLUG_TAKEN',
    field: KEY_FIELDS[table],
    message: 'Someone created a record with this key a moment ago; choose another.',
  };
}
