import type { Kysely } from 'kysely';
import { type ChangeListeners, ContentChangeSet } from '../change/content-change.js';
import type { AuthoredRecord, ContentChange, SearchKind, WriteProblem, WriteResult } from '../store.types.js';
import type { StoryDatabase } from './story-database.js';
import { writeProblem } from './writable.js';

type Db = Kysely<StoryDatabase>;

/**
 * What the writes need from a backend: its database, the listeners its changes are announced to,
 * and the steps whose SQL differs between engines.
 */
export interface Writer {
  db: Db;
  listeners: ChangeListeners;
  /**
   * Replaces the search index rows of some stories (by slug), days or recaps (by number) with what
   * the tables now hold, in the write's transaction: a deleted one drops out, a draft is marked unpublished.
   */
  reindex(trx: Db, kind: SearchKind, keys: readonly (string | number)[]): Promise<void>;
  /**
   * Runs last in a write's transaction, with its change: a backend shared by several processes
   * tells the others here, so that they hear of the change exactly when it commits.
   */
  beforeCommit?(trx: Db, change: ContentChange): Promise<void>;
  /** Turns an engine error into a refusal where it means one (a unique key taken meanwhile), or returns null. */
  refusalOf?(error: unknown): WriteProblem | null;
  /**
   * Whether an error means the transaction lost a race the engine broke (a deadlock between
   * processes): it rolled back whole and is run again, at most {@link WRITE_ATTEMPTS} times in all.
   */
  retryable?(error: unknown): boolean;
}

/** How many times a write runs when the engine breaks a deadlock by rolling it back. */
export const WRITE_ATTEMPTS = 3;

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
  /** The writer's {@link Writer.reindex}. */
  reindex: Writer['reindex'];
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
 * change announced to the writer's listeners after the commit. A {@link Refusal} rolls back and becomes `ok: false`;
 * an error the writer calls retryable runs the write again; any other error rolls back and is thrown.
 */
export async function runWrite<T>(
  writer: Writer,
  actor: string,
  body: (scope: WriteScope) => Promise<T>,
): Promise<WriteResult<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptWrite(writer, actor, body);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !writer.retryable?.(error)) throw error;
    }
  }
}

async function attemptWrite<T>(
  writer: Writer,
  actor: string,
  body: (scope: WriteScope) => Promise<T>,
): Promise<WriteResult<T>> {
  const changes = new ContentChangeSet();
  let record: T;
  try {
    record = await writer.db.transaction().execute(async (trx) => {
      const result = await body({
        trx,
        actor,
        now: Date.now(),
        changes,
        reindex: (db, kind, keys) => writer.reindex(db, kind, keys),
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
      });
      const change = changes.toChange();
      if (change && writer.beforeCommit) await writer.beforeCommit(trx, change);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    const problem = writer.refusalOf?.(error);
    if (problem) return { ok: false, problem };
    throw error;
  }
  writer.listeners.announce(changes.toChange());
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
