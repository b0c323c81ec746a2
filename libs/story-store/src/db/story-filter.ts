import type { StoryStatus } from '@devops-stories/story-content';
import { type Kysely, sql } from 'kysely';
import type { StoryListFilter, StoryView } from '../store.types.js';
import type { StandIns } from './prepared-query.js';
import type { StoryDatabase } from './story-database.js';

/*
 * Which stories a filter selects, in portable SQL: the story list pages them, and
 * search keeps the hits that are (or present) such stories.
 */

/** Written into the SQL, not bound: SQLite runs the page query about a tenth faster with the literal. */
export const PUBLISHED: StoryStatus = 'published';

/** The filters that describe a story itself; `day` also places days and recaps. */
export const STORY_ONLY_FILTERS = ['company', 'practice', 'industry', 'yearFrom', 'yearTo'] as const;

/** Every story with its company (`s`, `c`), before any filter. */
function storiesWithCompany(db: Kysely<StoryDatabase>) {
  return db.selectFrom('stories as s').innerJoin('companies as c', 'c.id', 's.company_id');
}

type StoryScope = ReturnType<typeof storiesWithCompany>;

/** The condition each filter adds; the type makes a new filter of StoryListFilter fail to compile until it has one. */
const FILTER_CLAUSES: {
  [K in keyof StoryListFilter]-?: (q: StoryScope, v: StandIns<StoryListFilter>) => StoryScope;
} = {
  company: (q, v) => q.where('c.slug', '=', v.company),
  practice: (q, v) =>
    q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('story_practices as sp')
          .innerJoin('practices as p', 'p.id', 'sp.practice_id')
          .whereRef('sp.story_id', '=', 's.id')
          .where('p.slug', '=', v.practice)
          .select(sql.lit(1).as('one')),
      ),
    ),
  industry: (q, v) => q.where(sql`lower(c.industry)`, '=', sql`lower(${v.industry})`),
  yearFrom: (q, v) => q.where('s.year', '>=', v.yearFrom),
  yearTo: (q, v) => q.where('s.year', '<=', v.yearTo),
  day: (q, v) => q.where('s.day_number', '=', v.day),
};

/** Every filter, in a fixed order (so that a shape's SQL text is one per combination). */
export const FILTERS = Object.keys(FILTER_CLAUSES) as (keyof StoryListFilter)[];

/** The names of the filters `filter` sets, in {@link FILTERS} order. */
export function filtersSet(filter: StoryListFilter): (keyof StoryListFilter)[] {
  return FILTERS.filter((name) => filter[name] != null);
}

/**
 * The stories (`s`, with their company `c`) that `view` shows and every one of `filters` matches,
 * ready for a `select`. `v` binds the filter values.
 */
export function filteredStories(
  db: Kysely<StoryDatabase>,
  v: StandIns<StoryListFilter>,
  filters: readonly (keyof StoryListFilter)[],
  view: StoryView,
): StoryScope {
  let q = storiesWithCompany(db);
  if (view === 'published') q = q.where('s.status', '=', sql.lit(PUBLISHED));
  for (const filter of filters) q = FILTER_CLAUSES[filter](q, v);
  return q;
}
