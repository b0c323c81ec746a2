import { validate } from '@devops-stories/story-content';
import type { NodeTypename } from '@devops-stories/story-model';
import { type AuthoredRecord, type ContentKind, type ContentKinds, writeProblem } from '@devops-stories/story-store';
import type { z } from 'zod';
import type { StoryContext } from '../context/story.context.js';
import type { UserError } from '@devops-stories/story-model';
import {
  actorOf,
  AUTHORED_KEYS,
  failed,
  invalid,
  keyOfId,
  omit,
  type Outcome,
  outcome,
  refused,
  sentFields,
} from './user-errors.js';

/*
 * The steps every content mutation shares: find the record by its global id, check it may be
 * changed at the expected version, merge a patch into what it holds, validate the result with the
 * content type's one schema, and write it through the store (which checks again, in its transaction).
 */

type Key<K extends ContentKind> = ContentKinds[K]['key'];

/** How the mutations of one kind find and describe their records. */
export interface KindAccess<K extends ContentKind> {
  kind: K;
  typename: NodeTypename;
  label(key: Key<K>): string;
  parseKey(key: string): Key<K>;
  /** The record's content in input form, with its origin and version; null when there is none. */
  current(ctx: StoryContext, key: Key<K>): Promise<(ContentKinds[K]['input'] & AuthoredRecord) | null>;
  /** The schema the content must satisfy, with its references as the store holds them. */
  schema(ctx: StoryContext, data: Record<string, unknown>): Promise<z.ZodType<ContentKinds[K]['input']>>;
}

/** `create*`: validates `data` and creates the record. */
export async function createContent<K extends ContentKind, N>(
  ctx: StoryContext,
  access: KindAccess<K>,
  data: Record<string, unknown>,
  toNode: (record: ContentKinds[K]['record']) => N,
): Promise<Outcome<N>> {
  const checked = validate(await access.schema(ctx, data), data);
  if (!checked.ok) return failed(invalid(checked.issues));
  return outcome(await ctx.store.create(access.kind, checked.value, actorOf(ctx)), toNode);
}

/** Finds the record an id names and checks it may change at `expectedVersion`. */
async function writable<K extends ContentKind>(
  ctx: StoryContext,
  access: KindAccess<K>,
  id: string,
  expectedVersion: number,
): Promise<
  { ok: false; error: UserError } | { ok: true; key: Key<K>; current: ContentKinds[K]['input'] & AuthoredRecord }
> {
  const decoded = keyOfId(id, access.typename);
  if ('error' in decoded) return { ok: false, error: decoded.error };
  const key = access.parseKey(decoded.key);
  const current = await access.current(ctx, key);
  const problem = writeProblem(current, expectedVersion, access.label(key));
  if (problem || !current)
    return {
      ok: false,
      error: refused(problem ?? { code: 'NOT_FOUND', field: ['id'], message: `There is no ${access.label(key)}.` }),
    };
  return { ok: true, key, current };
}

/** `update*`: merges the fields sent into the record, validates the whole and writes it at `expectedVersion`. */
export async function updateContent<K extends ContentKind, N>(
  ctx: StoryContext,
  access: KindAccess<K>,
  patch: { id: string; expectedVersion: number } & Record<string, unknown>,
  toData: (merged: Record<string, unknown>) => Record<string, unknown>,
  toNode: (record: ContentKinds[K]['record']) => N,
): Promise<Outcome<N>> {
  const found = await writable(ctx, access, patch.id, patch.expectedVersion);
  if (!found.ok) return failed([found.error]);
  const content = omit(found.current, AUTHORED_KEYS);
  const data = toData({ ...content, ...sentFields(patch, ['id', 'expectedVersion']) });
  const checked = validate(await access.schema(ctx, data), data);
  if (!checked.ok) return failed(invalid(checked.issues));
  const result = await ctx.store.update(access.kind, found.key, patch.expectedVersion, checked.value, actorOf(ctx));
  return outcome(result, toNode);
}

/** `delete*`: deletes the record at `expectedVersion`; the payload holds it as it was. */
export async function deleteContent<K extends ContentKind, N>(
  ctx: StoryContext,
  access: KindAccess<K>,
  ref: { id: string; expectedVersion: number },
  toNode: (record: ContentKinds[K]['record']) => N,
): Promise<Outcome<N>> {
  const found = await writable(ctx, access, ref.id, ref.expectedVersion);
  if (!found.ok) return failed([found.error]);
  return outcome(await ctx.store.delete(access.kind, found.key, ref.expectedVersion, actorOf(ctx)), toNode);
}

/**
 * `publish*` / `unpublish*`: a story or recap is published only when it satisfies its schema
 * whole (a draft from a submission has to be completed first).
 */
export async function setContentStatus<K extends 'Story' | 'Recap', N>(
  ctx: StoryContext,
  access: KindAccess<K>,
  ref: { id: string; expectedVersion: number },
  status: 'published' | 'draft',
  toNode: (record: ContentKinds[K]['record']) => N,
): Promise<Outcome<N>> {
  const found = await writable(ctx, access, ref.id, ref.expectedVersion);
  if (!found.ok) return failed([found.error]);
  if (status === 'published') {
    const data: Record<string, unknown> = omit(found.current, AUTHORED_KEYS);
    const checked = validate(await access.schema(ctx, data), data);
    if (!checked.ok) return failed(invalid(checked.issues));
  }
  const result = await ctx.store.setStatus(access.kind, found.key, ref.expectedVersion, status, actorOf(ctx));
  return outcome(result, toNode);
}
