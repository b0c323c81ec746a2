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

/**
 * Sends one typed operation to a GraphQL endpoint and resolves with its `data`: the one place
 * the element talks to the API (today a POST with the full document).
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
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: controller.signal,
    });
    const body = (await response.json().catch(() => null)) as {
      data?: TResult | null;
      errors?: { message: string }[];
    } | null;
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
