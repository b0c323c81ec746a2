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

/** The error code with which the API says it does not know a document id. */
const UNKNOWN_DOCUMENT = 'PERSISTED_DOCUMENT_NOT_FOUND';

/**
 * Sends one generated operation to the API and resolves with its `data`: the one place the
 * portal talks to the API. It asks by id, a GET of `?documentId=sha256:<hash>&variables=…` (every
 * generated document carries its hash, and `src/gql/persisted-documents.json` lists them), which
 * the API answers from its response cache and which works when the API requires trusted
 * documents; when the API answers that it does not know the id, it sends the document's text
 * once, as a POST.
 *
 * @throws {ApiError} for a network failure, a timeout, an HTTP error or a GraphQL error.
 */
export async function executeOperation<TResult, TVariables>(
  api: ApiClientOptions,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const signal = AbortSignal.timeout(api.timeoutMs);
  const accept = 'application/graphql-response+json, application/json';
  const send = async (url: string, init: RequestInit): Promise<[Response, GraphQLResponse<TResult> | null]> => {
    const response = await fetch(url, { ...init, signal });
    const body = await (response.json() as Promise<GraphQLResponse<TResult>>).catch(() => {
      if (signal.aborted) throw signal.reason;
      return null;
    });
    return [response, body];
  };
  let response: Response;
  let body: GraphQLResponse<TResult> | null;
  try {
    const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    let answer: [Response, GraphQLResponse<TResult> | null] | undefined;
    if (typeof hash === 'string') {
      const url = new URL(api.url);
      url.searchParams.set('documentId', `sha256:${hash}`);
      const json = JSON.stringify(variables ?? {});
      if (json !== '{}') url.searchParams.set('variables', json);
      answer = await send(url.href, { headers: { accept } });
      if (answer[1]?.errors?.some((error) => error.extensions?.code === UNKNOWN_DOCUMENT)) answer = undefined;
    }
    [response, body] =
      answer ??
      (await send(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: document.toString(), variables }),
      }));
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
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
