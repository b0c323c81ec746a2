import type { Kysely } from 'kysely';
import type { StoryDatabase } from '../db/story-database.js';
import type { StoryStore } from '../store.types.js';
import { importContent } from './import.js';
import * as reads from './reads.js';
import { search } from './sqlite-sql.js';

/** The {@link StoryStore} over a migrated SQLite database: each method one query function. */
export function createSqliteStoryStore(db: Kysely<StoryDatabase>, close: () => Promise<void>): StoryStore {
  let closed: Promise<void> | undefined;
  return {
    importContent: (bundle) => importContent(db, bundle),
    listStories: (query) => reads.listStories(db, query),
    storiesBySlugs: (slugs, view) => reads.storiesBySlugs(db, slugs, view),
    storiesByCompanyIds: (ids, view) => reads.storiesByCompanyIds(db, ids, view),
    storiesByPracticeIds: (ids, view) => reads.storiesByPracticeIds(db, ids, view),
    storiesByDays: (days, view) => reads.storiesByDays(db, days, view),
    storiesByRecapDays: (days, view) => reads.storiesByRecapDays(db, days, view),
    relatedStories: (ids, limit, view) => reads.relatedStories(db, ids, limit, view),
    listCompanies: () => reads.listCompanies(db),
    companiesByIds: (ids) => reads.companiesByIds(db, ids),
    companiesBySlugs: (slugs) => reads.companiesBySlugs(db, slugs),
    listPractices: () => reads.listPractices(db),
    practicesBySlugs: (slugs) => reads.practicesBySlugs(db, slugs),
    practicesByStoryIds: (ids) => reads.practicesByStoryIds(db, ids),
    metricsByStoryIds: (ids) => reads.metricsByStoryIds(db, ids),
    sourcesByStoryIds: (ids) => reads.sourcesByStoryIds(db, ids),
    listDays: () => reads.listDays(db),
    daysByNumbers: (numbers) => reads.daysByNumbers(db, numbers),
    listRecaps: () => reads.listRecaps(db),
    recapsByDays: (days) => reads.recapsByDays(db, days),
    search: (terms, limit, view) => search(db, terms, limit, view),
    close: () => (closed ??= close()),
  };
}
