import type { Kysely } from 'kysely';
import { type ChangeListeners, ContentChangeSet } from '../change/content-change.js';
import type { StoryDatabase } from '../db/story-database.js';
import { writeProblem } from '../db/writable.js';
import type { AuthoredRecord, WriteProblem, WriteResult } from '../store.types.js';

type Db = Kysely<StoryDatabase>;

/** Thrown inside a write's transaction to refuse it: the transaction rolls back, the caller gets the problem. */
export class Refusal extends Error {
  constructor(readonly problem: WriteProblem) {
    super(problem.message);
  }
}

/** Refuses the write with `code` at `field`. */
export function refuse(code: WriteProblem['code'], field: string[], message: string): never {
  throw new Refusal({ code, field, message });
}

/** What a write's body gets: the transaction, who writes, the time, and the change to announce. */
export interface WriteScope {
  trx: Db;
  actor: string;
  /** Epoch milliseconds, one value for the whole write. */
  now: number;
  changes: ContentChangeSet;
  /** Appends to the audit log, in this transaction. */
  audit(entry: {
    operation: string;
    recordType: string;
    recordKey: string | number;
    before: number | null;
    after: number | null;
  }): Promise<void>;
}

/**
 * Runs one write in a transaction: committed whole or not at all, its audit entries with it, its
 * change announced to `listeners` after the commit. A {@link Refusal} rolls back and becomes `ok: false`;
 * any other error rolls back and is thrown.
 */
export async function runWrite<T>(
  db: Db,
  listeners: ChangeListeners,
  actor: string,
  body: (scope: WriteScope) => Promise<T>,
): Promise<WriteResult<T>> {
  const changes = new ContentChangeSet();
  let record: T;
  try {
    record = await db.transaction().execute((trx) =>
      body({
        trx,
        actor,
        now: Date.now(),
        changes,
        audit: async (entry) => {
          await trx
            .insertInto('audit_log')
            .values({
              at: Date.now(),
              actor,
              operation: entry.operation,
              record_type: entry.recordType,
              record_key: String(entry.recordKey),
              version_before: entry.before,
              version_after: entry.after,
            })
            .execute();
        },
      }),
    );
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
  listeners.announce(changes.toChange());
  return { ok: true, record };
}

/** How a record of `what` (such as `story "amazon"`) is named in messages. */
export type Named = string;

/** Refuses the write unless `current` may be changed at `expectedVersion` (see {@link writeProblem}). */
export function assertWritable<R extends AuthoredRecord>(
  current: R | null | undefined,
  expectedVersion: number,
  what: Named,
): R {
  const problem = writeProblem(current, expectedVersion, what);
  if (problem || !current)
    throw new Refusal(problem ?? { code: 'NOT_FOUND', field: ['id'], message: `There is no ${what}.` });
  return current;
}
