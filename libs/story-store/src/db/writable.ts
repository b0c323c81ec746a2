import type { AuthoredRecord, WriteProblem } from '../store.types.js';

/**
 * Why an existing record cannot be changed at `expectedVersion`, or null when it can: it must
 * exist, come from the API (a file record is edited in its file) and be at the version the
 * author last read. `what` names it in messages (`story "amazon"`).
 */
export function writeProblem(
  current: AuthoredRecord | null | undefined,
  expectedVersion: number,
  what: string,
): WriteProblem | null {
  if (!current) return { code: 'NOT_FOUND', field: ['id'], message: `There is no ${what}; it may have been deleted.` };
  if (current.origin === 'file') {
    return {
      code: 'EDIT_IN_SOURCE',
      field: ['id'],
      message: `The ${what} comes from the file ${current.sourceFile ?? '(unknown)'} of the content folder: edit it there, then re-import.`,
    };
  }
  if (current.version !== expectedVersion) {
    return {
      code: 'VERSION_CONFLICT',
      field: ['expectedVersion'],
      message:
        `The ${what} is at version ${current.version}, not ${expectedVersion}: someone changed it since you read it. ` +
        `Reload it, re-apply your change and send expectedVersion ${current.version}.`,
    };
  }
  return null;
}
