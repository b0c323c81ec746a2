import type { FastifyRequest } from 'fastify';

/** The GraphQL-over-HTTP parameters of a request, from a GET query string or a POST JSON body. */
export interface GraphqlParams {
  /** `sha256:<hex>` (GraphQL over HTTP persisted documents) or Apollo's `extensions.persistedQuery.sha256Hash` as `sha256:<hex>`. */
  documentId?: string;
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** Why a request's parameters cannot be read; answered 400 like Apollo's own `BAD_REQUEST`. */
export class MalformedRequest extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonParameter(text: unknown, name: string): Record<string, unknown> | undefined {
  if (text === undefined || text === '') return undefined;
  if (typeof text !== 'string') throw new MalformedRequest(`\`${name}\` must be given once.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedRequest(`\`${name}\` in a GET request must be a JSON-encoded object`);
  }
  if (value === null) return undefined;
  if (!isObject(value)) throw new MalformedRequest(`\`${name}\` in a GET request must be a JSON-encoded object`);
  return value;
}

function stringParameter(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new MalformedRequest(`\`${name}\` must be a string.`);
  return value;
}

/**
 * Reads a GET query string or a POST body. Returns `null` for a body that is not a JSON object
 * (Apollo answers those with its own error).
 *
 * @throws {MalformedRequest} for a parameter of the wrong shape.
 */
export function readGraphqlParams(request: FastifyRequest): GraphqlParams | null {
  const get = request.method === 'GET' || request.method === 'HEAD';
  const source = get ? request.query : request.body;
  if (!isObject(source)) return null;
  const extensions = get ? jsonParameter(source.extensions, 'extensions') : source.extensions;
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) {
    throw new MalformedRequest('`extensions` must be an object.');
  }
  const variables = get ? jsonParameter(source.variables, 'variables') : source.variables;
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    throw new MalformedRequest('`variables` must be an object.');
  }
  let documentId = stringParameter(source.documentId, 'documentId');
  const persisted = isObject(extensions) ? extensions.persistedQuery : undefined;
  if (documentId === undefined && isObject(persisted) && persisted.sha256Hash !== undefined) {
    const hash = stringParameter(persisted.sha256Hash, 'extensions.persistedQuery.sha256Hash');
    if (hash !== undefined) documentId = `sha256:${hash}`;
  }
  return {
    documentId,
    query: stringParameter(source.query, 'query'),
    operationName: stringParameter(source.operationName, 'operationName'),
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}
