import type { SeriesCredit } from '@devops-stories/story-content';
import type { Kysely, Selectable } from 'kysely';
import type { ContentChangeSet } from '../change/content-change.js';
import { preparedQuery, type QueryRunner } from './prepared-query.js';
import type { SeriesTable, StoryDatabase } from './story-database.js';

/*
 * The series credit, one row (`id` 1) on every engine: the import keeps it as `series.yaml`
 * gives it, and `StoryStore.series` reads it.
 */

/** The credit's row without its key. */
type SeriesValues = Omit<SeriesTable, 'id'>;

function toRow(series: SeriesCredit): SeriesValues {
  return {
    name: series.name,
    author: series.author,
    licence: series.licence,
    licence_url: series.licenceUrl,
    url: series.url,
    page: series.page,
    note: series.note,
  };
}

function toSeries(r: Selectable<SeriesTable>): SeriesCredit {
  return {
    name: r.name,
    author: r.author,
    licence: r.licence,
    licenceUrl: r.licence_url,
    url: r.url,
    page: r.page,
    note: r.note,
  };
}

/**
 * Stores `series` in the import's transaction when it differs from the stored credit (or none is
 * stored), and names the `series` list in `changes` then; an unchanged credit is not written.
 */
export async function syncSeries(
  trx: Kysely<StoryDatabase>,
  series: SeriesCredit,
  changes: ContentChangeSet,
): Promise<void> {
  const values = toRow(series);
  const before = await trx.selectFrom('series').selectAll().where('id', '=', 1).executeTakeFirst();
  if (before && Object.entries(values).every(([column, v]) => before[column as keyof SeriesValues] === v)) return;
  await trx
    .insertInto('series')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  changes.list('series');
}

const seriesQuery = preparedQuery()((db) => db.selectFrom('series').selectAll().where('id', '=', 1));

/** The stored credit, or `null` before the first import. */
export async function readSeries(runner: QueryRunner): Promise<SeriesCredit | null> {
  const [row] = await seriesQuery(runner, {});
  return row ? toSeries(row) : null;
}
