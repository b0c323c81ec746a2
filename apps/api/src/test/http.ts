/** A GraphQL response as the tests read it: status, headers, body and how long it took. */
export interface PostResult {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: any[]; extensions?: any };
  ms: number;
}

/** POSTs one GraphQL request to `${base}/graphql` and reads the JSON answer. */
export async function postGraphql(
  base: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: PostResult['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  return { status: response.status, headers: response.headers, body, ms };
}
