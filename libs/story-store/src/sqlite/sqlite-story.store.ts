import type { Kysely } from 'kysely';
import { ChangeListeners } from '../change/content-change.js';
import type { QueryRunner } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { StoryStore } from '../store.types.js';
import type { Writer } from '../db/write-transaction.js';
import { readSeries } from '../db/series.js';
import { storeWrites } from '../db/store-writes.js';
import { importContent } from './import.js';
import * as pages from './pages.js';
import * as read from './reads.js';
import { reindex, search } from './sqlite-sql.js';

/**
 * The {@link StoryStore} over a migrated SQLite database, each method one query function:
 * the import and the writes go through `db`, reads run through `reads`; each committed change
 * (of an import or a write) is announced to the `onChange` listeners.
 */
export function createSqliteStoryStore(
  db: Kysely<StoryDatabase>,
  reads: QueryRunner,
  close: () => Promise<void>,
  searchRankWindow?: number,
): StoryStore {
  let closed: Promise<void> | undefined;
  const listeners = new ChangeListeners();
  const writer: Writer = { db, listeners, reindex };
  return {
    async importContent(source, options) {
      const { result, change } = await importContent(db, source, options);
      listeners.announce(change);
      return result;
    },
    listStories: (query) => pages.listStories(reads, query),
    storiesBySlugs: (slugs, view) => read.storiesBySlugs(reads, slugs, view),
    storyBodiesByIds: (ids) => read.storyBodiesByIds(reads, ids),
    storyPagesByCompanyIds: (ids, page, view) => pages.storyPagesByCompanyIds(reads, ids, page, view),
    storyPagesByPracticeIds: (ids, page, view) => pages.storyPagesByPracticeIds(reads, ids, page, view),
    storiesByDays: (days, view) => read.storiesByDays(reads, days, view),
    storiesByRecapDays: (days, view) => read.storiesByRecapDays(reads, days, view),
    relatedStories: (ids, limit, view) => pages.relatedStories(reads, ids, limit, view),
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
    close: () => (closed ??= close()),
  };
}
