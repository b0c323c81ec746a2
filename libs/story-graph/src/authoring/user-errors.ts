import type { FieldIssue } from '@devops-stories/story-content';
import { type NodeTypename, type UserError, UserErrorCode } from '@devops-stories/story-model';
import type { WriteProblem, WriteResult } from '@devops-stories/story-store';
import type { StoryContext } from '../context/story.context.js';
import { fromGlobalId } from '../relay/global-id.js';

/** The user errors of a failed validation: one per field, at its path in the input. */
export function invalid(issues: readonly FieldIssue[]): UserError[] {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String) : null,
    code: UserErrorCode.INVALID,
    message: issue.message,
  }));
}

/** The user error of a write the store refused. */
export function refused(problem: WriteProblem): UserError {
  return {
    field: problem.field.length ? problem.field : null,
    code: UserErrorCode[problem.code],
    message: problem.message,
  };
}

/** A mutation's outcome: the node written, or why nothing was. */
export interface Outcome<N> {
  node: N | null;
  userErrors: UserError[];
}

export function failed<N>(userErrors: UserError[]): Outcome<N> {
  return { node: null, userErrors };
}

/** The outcome of a store write, with its record mapped to a node. */
export function outcome<R, N>(result: WriteResult<R>, toNode: (record: R) => N): Outcome<N> {
  return result.ok ? { node: toNode(result.record), userErrors: [] } : failed([refused(result.problem)]);
}

/** Who writes: the token's name (the audit log records it). */
export function actorOf(ctx: StoryContext): string {
  return ctx.viewer.token?.name ?? 'anonymous';
}

/**
 * The key (slug or day number) in the global id of a `typename` record, or the user error of an
 * id of another kind. An id the API never issued is BAD_USER_INPUT.
 */
export function keyOfId(id: string, typename: NodeTypename): { key: string } | { error: UserError } {
  const decoded = fromGlobalId(id);
  if (decoded.typename !== typename) {
    return {
      error: {
        field: ['id'],
        code: UserErrorCode.INVALID,
        message: `This is the id of a ${decoded.typename}; send the \`id\` of a ${typename}.`,
      },
    };
  }
  return { key: decoded.key };
}

/** The fields of a patch that were sent (absent ones keep their current value; null clears). */
export function sentFields<T extends object>(patch: T, omit: readonly string[]): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([name, value]) => value !== undefined && !omit.includes(name)),
  ) as Partial<T>;
}

/** `record` without the keys named: what a record holds besides its origin, file and version, say. */
export function omit<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const rest: Partial<T> = { ...record };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}

/** The keys of a record that are the store's, not its author's. */
export const AUTHORED_KEYS = ['origin', 'sourceFile', 'version'] as const;
