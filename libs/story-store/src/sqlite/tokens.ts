import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChangeListeners } from '../change/content-change.js';
import { toToken } from '../db/records.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { TokenRecord, TokenRole, WriteResult } from '../store.types.js';
import { refuse, runWrite } from './write-transaction.js';

/*
 * API tokens: `dst_<public id>.<secret>`. The public id (12 characters) finds the row; the secret
 * (32 random bytes, base64url) is stored only as its sha256 and compared in constant time.
 */

type Db = Kysely<StoryDatabase>;

const TOKEN = /^dst_([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/;
/** Last use is written at most this often per token, so reads do not turn into writes. */
const LAST_USED_EVERY_MS = 60_000;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Creates a token named `name` (unique among live tokens); the returned `token` is its only copy. */
export function createToken(
  d: { db: Db; listeners: ChangeListeners },
  name: string,
  role: TokenRole,
  actor: string,
): Promise<WriteResult<{ record: TokenRecord; token: string }>> {
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const taken = await w.trx
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (taken)
      refuse('SLUG_TAKEN', ['name'], `A live token is named "${name}" already: revoke it or choose another name.`);
    const publicId = randomBytes(9).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const row = await w.trx
      .insertInto('api_tokens')
      .values({
        public_id: publicId,
        name,
        role,
        secret_hash: sha256(secret).toString('hex'),
        created_at: w.now,
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await w.audit({ operation: 'createToken', recordType: 'ApiToken', recordKey: row.id, before: null, after: 1 });
    return { record: toToken(row), token: `dst_${publicId}.${secret}` };
  });
}

export async function listTokens(db: Db): Promise<TokenRecord[]> {
  return (await db.selectFrom('api_tokens').selectAll().orderBy('id').execute()).map(toToken);
}

/** Revokes a live token by id, or by name. */
export function revokeToken(
  d: { db: Db; listeners: ChangeListeners },
  idOrName: number | string,
  actor: string,
): Promise<WriteResult<TokenRecord>> {
  return runWrite(d.db, d.listeners, actor, async (w) => {
    const row = await w.trx
      .selectFrom('api_tokens')
      .selectAll()
      .where(typeof idOrName === 'number' ? 'id' : 'name', '=', idOrName)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) refuse('NOT_FOUND', ['id'], `There is no live token ${JSON.stringify(idOrName)}.`);
    const revoked = await w.trx
      .updateTable('api_tokens')
      .set({ revoked_at: w.now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await w.audit({ operation: 'revokeToken', recordType: 'ApiToken', recordKey: row.id, before: 1, after: 2 });
    return toToken(revoked);
  });
}

/**
 * The token `presented` is, revoked or not (the caller refuses a revoked one), or null when it is
 * no token of ours. The secret is compared in constant time, lengths first.
 */
export async function authenticate(db: Db, presented: string): Promise<TokenRecord | null> {
  const match = TOKEN.exec(presented);
  if (!match) return null;
  const row = await db.selectFrom('api_tokens').selectAll().where('public_id', '=', match[1]).executeTakeFirst();
  if (!row) return null;
  const given = sha256(match[2]);
  const stored = Buffer.from(row.secret_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  const now = Date.now();
  if (row.revoked_at === null && (row.last_used_at ?? 0) < now - LAST_USED_EVERY_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    row.last_used_at = now;
  }
  return toToken(row);
}
