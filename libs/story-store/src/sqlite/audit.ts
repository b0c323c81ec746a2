import type { Kysely } from 'kysely';
import { toAudit } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { AuditRecord, RecordPage, RecordPageQuery } from '../store.types.js';

/** The audit log, newest first, from below `afterId`, with the total. */
export async function listAudit(db: Kysely<StoryDatabase>, page: RecordPageQuery): Promise<RecordPage<AuditRecord>> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(page.afterId !== null, (q) => q.where('id', '<', Number(page.afterId)))
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { n } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.slice(0, page.limit).map(toAudit), hasMore: rows.length > page.limit, totalCount: Number(n) };
}
