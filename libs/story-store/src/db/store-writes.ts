import type { StoryStore } from '../store.types.js';
import { listAudit } from './audit.js';
import { storyDocuments } from './documents.js';
import * as submissions from './submissions.js';
import * as tokens from './tokens.js';
import type { Writer } from './write-transaction.js';
import * as write from './writes.js';

/** The methods of a {@link StoryStore} that are the same on every engine: writes, tokens, submissions, the audit log. */
export type StoreWrites = Pick<
  StoryStore,
  | 'create'
  | 'update'
  | 'delete'
  | 'setStatus'
  | 'storyDocuments'
  | 'handOver'
  | 'createToken'
  | 'listTokens'
  | 'revokeToken'
  | 'authenticate'
  | 'submit'
  | 'submissionByReceipt'
  | 'submissionsByIds'
  | 'listSubmissions'
  | 'approveSubmission'
  | 'rejectSubmission'
  | 'listAudit'
>;

/** {@link StoreWrites} over an engine's `writer` (its database, listeners and search reindexing). */
export function storeWrites(writer: Writer): StoreWrites {
  const { db } = writer;
  return {
    create: (kind, input, actor) => write.create(writer, kind, input, actor),
    update: (kind, key, expectedVersion, input, actor) =>
      write.update(writer, kind, key, expectedVersion, input, actor),
    delete: (kind, key, expectedVersion, actor) => write.remove(writer, kind, key, expectedVersion, actor),
    setStatus: (kind, key, expectedVersion, status, actor) =>
      write.setStatus(writer, kind, key, expectedVersion, status, actor),
    storyDocuments: (slugs) => storyDocuments(db, slugs),
    handOver: (records, actor) => write.handOver(writer, records, actor),
    createToken: (name, role, actor) => tokens.createToken(writer, name, role, actor),
    listTokens: () => tokens.listTokens(db),
    revokeToken: (idOrName, actor) => tokens.revokeToken(writer, idOrName, actor),
    authenticate: (presented) => tokens.authenticate(db, presented),
    submit: (input) => submissions.submit(writer, input),
    submissionByReceipt: (receipt) => submissions.submissionByReceipt(db, receipt),
    submissionsByIds: (ids) => submissions.submissionsByIds(db, ids),
    listSubmissions: (status, page) => submissions.listSubmissions(db, status, page),
    approveSubmission: (id, note, actor) => submissions.approveSubmission(writer, id, note, actor),
    rejectSubmission: (id, reason, actor) => submissions.rejectSubmission(writer, id, reason, actor),
    listAudit: (page) => listAudit(db, page),
  };
}
