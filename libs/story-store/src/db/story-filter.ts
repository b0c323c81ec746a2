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

/** Every story (`s`), before any filter. */
function allStories(db: Kysely<StoryDatabase>) {
  return db.selectFrom('stories as s');
}

type StoryScope = ReturnType<typeof allStories>;

/**
 * The condition each filter adds; the type makes a new filter of StoryListFilter fail to compile
 * until it has one. Each is a lookup by key (a company's id, a story's practice link), never a
 * join that every story of the list pays for, so that the list is read in its order's index.
 */
const FILTER_CLAUSES: {
  [K in keyof StoryListFilter]-?: (q: StoryScope, v: StandIns<StoryListFilter>, purpose: FilterPurpose) => StoryScope;
} = {
  company: (q, v) =>
    q.where('s.company_id', '=', (eb) =>
      eb.selectFrom('companies as c').select('c.id').where('c.slug', '=', v.company),
    ),
  // A page walks its order's index and looks each story's link up; a count reads the practice's links.
  practice: (q, v, purpose) =>
    purpose === 'count'
      ? q.where('s.id', 'in', (eb) =>
          eb
            .selectFrom('story_practices as sp')
            .select('sp.story_id')
            .where('sp.practice_id', '=', (eb) =>
              eb.selectFrom('practices as p').select('p.id').where('p.slug', '=', v.practice),
            ),
        )
      : q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('story_practices as sp')
              .whereRef('sp.story_id', '=', 's.id')
              .where('sp.practice_id', '=', (eb) =>
                eb.selectFrom('practices as p').select('p.id').where('p.slug', '=', v.practice),
              )
              .select(sql.lit(1).as('one')),
          ),
        ),
  industry: (q, v) =>
    q.where('s.company_id', 'in', (eb) =>
      eb
        .selectFrom('companies as c')
        .select('c.id')
        .where(sql`lower(c.industry)`, '=', sql`lower(${v.industry})`),
    ),
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

/** What the filtered stories are read for: a page in its order, or a count. */
export type FilterPurpose = 'page' | 'count';

/**
 * The stories (`s`) that `view` shows and every one of `filters` matches, ready for a `select`.
 * `v` binds the filter values; `purpose` picks the form each filter is fastest in.
 */
export function filteredStories(
  db: Kysely<StoryDatabase>,
  v: StandIns<StoryListFilter>,
  filters: readonly (keyof StoryListFilter)[],
  view: StoryView,
  purpose: FilterPurpose = 'page',
): StoryScope {
  let q = allStories(db);
  if (view === 'published') q = q.where('s.status', '=', sql.lit(PUBLISHED));
  for (const filter of filters) q = FILTER_CLAUSES[filter](q, v, purpose);
  return q;
}
