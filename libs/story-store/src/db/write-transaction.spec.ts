import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ChangeListeners } from '../change/content-change.js';
import type { ContentChange } from '../store.types.js';
import type { StoryDatabase } from './story-database.js';
import { runWrite, WRITE_ATTEMPTS, type Writer } from './write-transaction.js';

/** A database whose transactions fail with `failures` (in order) before they run their body. */
function flakyDb(failures: unknown[]): { db: Kysely<StoryDatabase>; attempts: () => number } {
  let attempts = 0;
  const trx = {} as Kysely<StoryDatabase>;
  const db = {
    transaction: () => ({
      execute: async <T>(body: (trx: Kysely<StoryDatabase>) => Promise<T>) => {
        attempts++;
        const failure = failures.shift();
        const result = await body(trx);
        if (failure) throw failure;
        return result;
      },
    }),
  } as unknown as Kysely<StoryDatabase>;
  return { db, attempts: () => attempts };
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

function writer(db: Kysely<StoryDatabase>, heard: ContentChange[]): Writer {
  const listeners = new ChangeListeners();
  listeners.add((change) => heard.push(change));
  return { db, listeners, reindex: async () => undefined, retryable: (e) => e === deadlock };
}

describe('runWrite', () => {
  it('runs a write the engine rolled back to break a deadlock again, and announces it once', async () => {
    const { db, attempts } = flakyDb([deadlock]);
    const heard: ContentChange[] = [];
    const result = await runWrite(writer(db, heard), 'alice', async (w) => {
      w.changes.story('amazon');
      return 'done';
    });
    expect(result).toEqual({ ok: true, record: 'done' });
    expect(attempts()).toBe(2);
    expect(heard).toEqual([{ nodes: [{ type: 'Story', key: 'amazon' }], lists: ['stories', 'search'] }]);
  });

  it(`gives up after ${WRITE_ATTEMPTS} attempts, and never retries other errors`, async () => {
    const always = flakyDb(Array.from({ length: WRITE_ATTEMPTS }, () => deadlock));
    const heard: ContentChange[] = [];
    await expect(runWrite(writer(always.db, heard), 'alice', async () => 1)).rejects.toBe(deadlock);
    expect(always.attempts()).toBe(WRITE_ATTEMPTS);
    const other = new Error('disk full');
    const once = flakyDb([other]);
    await expect(runWrite(writer(once.db, heard), 'alice', async () => 1)).rejects.toBe(other);
    expect(once.attempts()).toBe(1);
    expect(heard).toEqual([]);
  });
});
