import type { Kysely } from 'kysely';
import { ChangeListeners } from '../change/content-change.js';
import type { QueryRunner } from '../db/prepared-query.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { StoryStore } from '../store.types.js';
import { importContent } from './import.js';
import * as read from './reads.js';
import { search } from './sqlite-sql.js';

/**
 * The {@link StoryStore} over a migrated SQLite database, each method one query function:
 * the import writes through `db`, reads run through `reads`; each committed change is
 * announced to the `onChange` listeners.
 */
export function createSqliteStoryStore(
  db: Kysely<StoryDatabase>,
  reads: QueryRunner,
  close: () => Promise<void>,
): StoryStore {
  let closed: Promise<void> | undefined;
  const listeners = new ChangeListeners();
  return {
    async importContent(bundle) {
      const { result, change } = await importContent(db, bundle);
      listeners.announce(change);
      return result;
    },
    listStories: (query) => read.listStories(reads, query),
    storiesBySlugs: (slugs, view) => read.storiesBySlugs(reads, slugs, view),
    storyBodiesByIds: (ids) => read.storyBodiesByIds(reads, ids),
    storiesByCompanyIds: (ids, view) => read.storiesByCompanyIds(reads, ids, view),
    storiesByPracticeIds: (ids, view) => read.storiesByPracticeIds(reads, ids, view),
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
    listRecaps: () => read.listRecaps(reads),
    recapsByDays: (days) => read.recapsByDays(reads, days),
    search: (terms, limit, view) => search(reads, terms, limit, view),
    onChange: (listener) => listeners.add(listener),
    close: () => (closed ??= close()),
  };
}
