import type { TypedDocumentString } from '../gql/graphql.js';

/** Why a request to the API failed; the portal answers 503 for the first two, 502 for the others. */
export type ApiFailure = 'unreachable' | 'timeout' | 'http' | 'graphql';

/** A failed request to the devops-stories API, with what went wrong in words for the log. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly failure: ApiFailure,
    readonly status?: number,
  ) {
    super(message);
  }

  /** True when the API could not be reached in time, as opposed to answering badly. */
  get unavailable(): boolean {
    return this.failure === 'unreachable' || this.failure === 'timeout';
  }
}

/** Where and how the portal's server talks to the API. */
export interface ApiClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** Gives up after this long, in milliseconds. */
  timeoutMs: number;
}

/** The longest error text from the API that goes into the portal's log. */
const MAX_LOGGED = 300;

/**
 * Sends one generated operation to the API and resolves with its `data`: the one place the
 * portal talks to the API. Today it POSTs the document text; when the API requires trusted
 * documents, sending `{ documentId: 'sha256:' + document.__meta__.hash }` instead is a change
 * here only (every document carries its hash, and `src/gql/persisted-documents.json` lists them).
 *
 * @throws {ApiError} for a network failure, a timeout, an HTTP error or a GraphQL error.
 */
export async function executeOperation<TResult, TVariables>(
  api: ApiClientOptions,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const signal = AbortSignal.timeout(api.timeoutMs);
  let response: Response;
  let body: GraphQLResponse<TResult> | null;
  try {
    response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
    body = await (response.json() as Promise<GraphQLResponse<TResult>>).catch(() => {
      if (signal.aborted) throw signal.reason;
      return null;
    });
  } catch (error) {
    if (signal.aborted) throw new ApiError(`no answer from ${api.url} within ${api.timeoutMs} ms`, 'timeout');
    throw new ApiError(`${api.url} cannot be reached (${describe(error)})`, 'unreachable');
  }
  if (body?.errors?.length) {
    const messages = body.errors.map((error) => String(error.message)).join('; ');
    throw new ApiError(`the API answered with errors: ${messages.slice(0, MAX_LOGGED)}`, 'graphql', response.status);
  }
  if (!response.ok || !body?.data)
    throw new ApiError(`the API answered ${response.status} without data`, 'http', response.status);
  return body.data;
}

/** What a GraphQL server answers, as far as the portal reads it. */
interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: { message?: unknown }[];
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
