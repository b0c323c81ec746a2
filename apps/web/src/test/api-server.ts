import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';

/** The built web client; the api serves it at `/` and the portal demo at `/demo/portal`. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A running api server child process on loopback, with an in-memory SQLite store. */
export type RunningApi = LaunchedApi;

/**
 * Starts the built api (the web project's `test` target builds it) serving `WEB_DIST`, on a free
 * port or on `port` (to bring a stopped server back at the same address), with `env` on top (a
 * file `DATABASE_URL`, say), once it is ready.
 */
export async function startApi(port?: number, env: NodeJS.ProcessEnv = {}): Promise<RunningApi> {
  if (!existsSync(`${WEB_DIST}index.html`))
    throw new Error(`${WEB_DIST}index.html is missing: run npx nx build @devops-stories/web`);
  return launchApi({ port, env: { WEB_ROOT: WEB_DIST, ...env } });
}

/** POSTs a query to a running api and returns its JSON answer, for tests that compare the page with the API. */
export async function queryApi<T>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}
