import type { z } from 'zod';

/** One problem with one field of a value a schema checked. */
export interface FieldIssue {
  /** Where: field names and list indexes, such as `['metrics', 2, 'source']`; empty for the whole value. */
  path: (string | number)[];
  message: string;
}

/** The problems of a failed parse, one per field: an unknown field is named by its own path. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...path, key], message: issue.message }));
    return [{ path, message: issue.message }];
  });
}

/** A path as the loader prints it: `metrics[2].source`. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Validates `data` against `schema`: the parsed value, or every problem with its field path. */
export function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fieldIssues(result.error) };
}
