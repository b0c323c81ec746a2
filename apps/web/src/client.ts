import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** Why a request failed: the element words its error state and offers a retry from this. */
export type RequestFailure = 'network' | 'timeout' | 'http' | 'graphql';

/** A failed GraphQL request, with a message a reader can act on. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly failure: RequestFailure,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A typed operation as graphql-codegen generates it (`src/gql/`, `src/glossary/gql/`): the
 * document text, its result and variable types, and `__meta__.hash`, its sha256 in the
 * persisted-documents manifest.
 */
export interface Operation<TResult, TVariables> extends DocumentTypeDecoration<TResult, TVariables> {
  toString(): string;
  __meta__?: Record<string, unknown>;
}

/** Per-request settings for {@link execute}. */
export interface RequestOptions {
  /** Aborts the request, e.g. when a newer query replaces it. */
  signal?: AbortSignal;
  /** Gives up after this long, in milliseconds (default 10 s). */
  timeoutMs?: number;
}

/** The error code with which the API says it does not know a document id. */
const UNKNOWN_DOCUMENT = 'PERSISTED_DOCUMENT_NOT_FOUND';

type Answer<TResult> = {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
} | null;

/**
 * Sends one typed operation to a GraphQL endpoint and resolves with its `data`: the one place
 * the element talks to the API. A query goes as a persisted-document GET
 * (`?documentId=sha256:…&variables=…`, no custom header, so no CORS preflight), which browsers
 * and CDNs can cache; when the server answers that it does not know the document, it is sent
 * once more as a POST with its full text.
 * Rejects with a {@link GraphQLRequestError} for a network failure, a timeout, an HTTP
 * error or a GraphQL error, and with the signal's `AbortError` when aborted.
 */
export async function execute<TResult, TVariables>(
  endpoint: string,
  document: Operation<TResult, TVariables>,
  variables: TVariables,
  { signal, timeoutMs = 10_000 }: RequestOptions = {},
): Promise<TResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new GraphQLRequestError(`No answer within ${timeoutMs / 1000} s`, 'timeout')),
    timeoutMs,
  );
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const accept = 'application/graphql-response+json, application/json';
  const send = async (url: string, init: RequestInit): Promise<[Response, Answer<TResult>]> => {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return [response, (await response.json().catch(() => null)) as Answer<TResult>];
  };
  try {
    const text = document.toString();
    const hash = document.__meta__?.hash;
    let answer: [Response, Answer<TResult>] | undefined;
    if (typeof hash === 'string' && !/^\s*(mutation|subscription)\b/m.test(text)) {
      const json = JSON.stringify(variables ?? {});
      const query = `documentId=sha256:${hash}${json === '{}' ? '' : `&variables=${encodeURIComponent(json)}`}`;
      answer = await send(`${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`, { headers: { accept } });
      if (answer[1]?.errors?.some((error) => error.extensions?.code === UNKNOWN_DOCUMENT)) answer = undefined;
    }
    const [response, body] =
      answer ??
      (await send(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: text, variables }),
      }));
    if (body?.errors?.length)
      throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '), 'graphql', response.status);
    if (!response.ok || !body?.data)
      throw new GraphQLRequestError(
        `The server answered ${response.status} ${response.statusText}`.trim(),
        'http',
        response.status,
      );
    return body.data;
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error instanceof GraphQLRequestError) throw error;
    throw new GraphQLRequestError('The story service cannot be reached', 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** True for the rejection of a request that a newer one (or a disconnect) aborted on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
