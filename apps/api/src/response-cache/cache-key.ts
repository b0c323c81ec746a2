/**
 * The key a response is stored under: the document, the operation and the variables in
 * canonical JSON (object keys sorted at every level), so that `{"first":20,"filter":null}` and
 * `{"filter":null,"first":20}` share one entry.
 */
export function cacheKey(documentHash: string, operationName: string | null, variables: unknown): string {
  return `${documentHash}|${operationName ?? ''}|${canonicalJson(variables ?? {})}`;
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const fields: string[] = [];
  for (const key of keys) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) fields.push(`${JSON.stringify(key)}:${canonicalJson(field)}`);
  }
  return `{${fields.join(',')}}`;
}
