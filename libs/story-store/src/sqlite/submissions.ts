import { createHash, randomBytes } from 'node:crypto';
import { LIMITS, type StoryInput, type SubmissionInput } from '@devops-stories/story-content';
import type { Kysely } from 'kysely';
import type { ChangeListeners } from '../change/content-change.js';
import { byKey, toSubmission } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import type {
  RecordPage,
  RecordPageQuery,
  StoryRecord,
  SubmissionRecord,
  SubmissionStatus,
  WriteResult,
} from '../store.types.js';
import { insertRecord, readRecord } from './writes.js';
import { refuse, runWrite, type WriteScope } from './write-transaction.js';

/*
 * Community submissions: stored as `pending` with a receipt (32 random bytes, kept only as its
 * sha256) for the submitter, listed for moderators, approved into a draft story or rejected.
 */

type Db = Kysely<StoryDatabase>;
type Deps = { db: Db; listeners: ChangeListeners };

/** Submissions with the slug of the story an approval created. */
function submissions(db: Db) {
  return db
    .selectFrom('submissions')
    .leftJoin('stories', 'stories.id', 'submissions.story_id')
    .selectAll('submissions')
    .select('stories.slug as story_slug');
}

function receiptHash(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex');
}

/** Stores a submission as pending; the receipt is returned once. */
export async function submit(d: Deps, input: SubmissionInput): Promise<{ record: SubmissionRecord; receipt: string }> {
  const receipt = `rcpt_${randomBytes(32).toString('base64url')}`;
  const result = await runWrite(d.db, d.listeners, 'anonymous', async (w) => {
    const { id } = await w.trx
      .insertInto('submissions')
      .values({
        receipt_hash: receiptHash(receipt),
        status: 'pending',
        company: input.company,
        title: input.title,
        what_changed: input.whatChanged,
        outcome: input.outcome,
        links: JSON.stringify(input.links),
        name: input.name,
        contact: input.contact,
        public_note: null,
        submitted_at: w.now,
        reviewed_at: null,
        reviewed_by: null,
        story_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await w.audit({ operation: 'submitStory', recordType: 'Submission', recordKey: id, before: null, after: 1 });
    return toSubmission(await submissions(w.trx).where('submissions.id', '=', id).executeTakeFirstOrThrow());
  });
  if (!result.ok) throw new Error(result.problem.message);
  return { record: result.record, receipt };
}

export async function submissionByReceipt(db: Db, receipt: string): Promise<SubmissionRecord | null> {
  if (!/^rcpt_[A-Za-z0-9_-]{43}$/.test(receipt)) return null;
  const row = await submissions(db).where('receipt_hash', '=', receiptHash(receipt)).executeTakeFirst();
  return row ? toSubmission(row) : null;
}

export async function submissionsByIds(db: Db, ids: readonly number[]): Promise<(SubmissionRecord | null)[]> {
  const rows = ids.length
    ? await submissions(db)
        .where('submissions.id', 'in', [...ids])
        .execute()
    : [];
  return byKey(ids, rows.map(toSubmission), (s) => s.id);
}

/** Submissions newest first, in one status or all, with the total under the same filter. */
export async function listSubmissions(
  db: Db,
  status: SubmissionStatus | null,
  page: RecordPageQuery,
): Promise<RecordPage<SubmissionRecord>> {
  const rows = await submissions(db)
    .$if(status !== null, (q) => q.where('submissions.status', '=', status as SubmissionStatus))
    .$if(page.afterId !== null, (q) => q.where('submissions.id', '<', Number(page.afterId)))
    .orderBy('submissions.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { n } = await db
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(status !== null, (q) => q.where('status', '=', status as SubmissionStatus))
    .executeTakeFirstOrThrow();
  return {
    rows: rows.slice(0, page.limit).map(toSubmission),
    hasMore: rows.length > page.limit,
    totalCount: Number(n),
  };
}

async function pending(w: WriteScope, id: number): Promise<SubmissionRecord> {
  const row = await submissions(w.trx).where('submissions.id', '=', id).executeTakeFirst();
  if (!row) refuse('NOT_FOUND', ['id'], `There is no submission ${id}.`);
  if (row.status !== 'pending') {
    refuse('INVALID', ['id'], `The submission was ${row.status} already, by ${row.reviewed_by ?? 'a moderator'}.`);
  }
  return toSubmission(row);
}

async function review(
  w: WriteScope,
  s: SubmissionRecord,
  status: SubmissionStatus,
  note: string | null,
  storyId: number | null,
) {
  await w.trx
    .updateTable('submissions')
    .set({
      status,
      public_note: note,
      reviewed_at: w.now,
      reviewed_by: w.actor,
      story_id: storyId,
      version: s.version + 1,
    })
    .where('id', '=', s.id)
    .execute();
  await w.audit({
    operation: status === 'approved' ? 'approveSubmission' : 'rejectSubmission',
    recordType: 'Submission',
    recordKey: s.id,
    before: s.version,
    after: s.version + 1,
  });
  return toSubmission(await submissions(w.trx).where('submissions.id', '=', s.id).executeTakeFirstOrThrow());
}

/** A lower-case kebab-case slug of `text`, at most `max` characters. */
function slugify(text: string, max: number): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'story';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The draft an approval creates: the reader's words, their links as sources; an editor completes it. */
function draftOf(s: SubmissionRecord, slug: string, company: string): StoryInput {
  return {
    slug,
    title: clip(`${s.company}: ${s.title}`, LIMITS.title),
    headline: clip(s.title, LIMITS.headline),
    company,
    year: null,
    day: null,
    summary: clip(s.outcome, LIMITS.summary),
    practices: [],
    sources: s.links.map((url, i) => ({
      id: `link-${i + 1}`,
      title: new URL(url).hostname,
      url,
      kind: 'article',
      publisher: null,
      year: null,
    })),
    metrics: [],
    body: [
      '## What changed',
      s.whatChanged,
      '## Outcome',
      s.outcome,
      `*Submitted by ${s.name ?? 'a reader'} (submission ${s.id}).*`,
    ].join('\n\n'),
  };
}

/** Approves a pending submission into a draft story (and its company, if new), linked back. */
export function approveSubmission(
  d: Deps,
  id: number,
  note: string | null,
  actor: string,
): Promise<WriteResult<{ submission: SubmissionRecord; story: StoryRecord }>> {
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const s = await pending(w, id);
    const companySlug = slugify(s.company, LIMITS.slug);
    if (!(await readRecord(w.trx, 'Company', companySlug))) {
      await insertRecord(w, 'Company', {
        slug: companySlug,
        name: s.company,
        industry: 'Not yet classified',
        description: `Submitted by a reader (submission ${s.id}); an editor will describe it.`,
      });
    }
    const base = slugify(`${s.company} ${s.title}`, 60);
    let slug = base;
    for (let n = 2; await readRecord(w.trx, 'Story', slug); n++) slug = `${base}-${n}`;
    const story = await insertRecord(w, 'Story', draftOf(s, slug, companySlug));
    const submission = await review(w, s, 'approved', note, story.rowId);
    return { submission, story };
  });
}

/** Rejects a pending submission with a reason the submitter sees. */
export function rejectSubmission(
  d: Deps,
  id: number,
  reason: string,
  actor: string,
): Promise<WriteResult<SubmissionRecord>> {
  return runWrite(d.db, d.listeners, actor, async (w) => review(w, await pending(w, id), 'rejected', reason, null));
}
