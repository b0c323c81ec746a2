import { Readable } from 'node:stream';
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import type { StoryContext } from '@devops-stories/story-graph';
import type { StoryStore } from '@devops-stories/story-store';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config.js';
import { asksAsSomeone } from '../auth/private-responses.plugin.js';
import { ErrorCode } from '../errors/error-codes.js';
import {
  addVary,
  bodyTag,
  etagOf,
  type HttpCachePolicy,
  matchesIfNoneMatch,
  NO_STORE,
  PRIVATE,
  publicCacheControl,
} from '../http-cache/cache-headers.js';
import { compress, MIN_COMPRESSED_BYTES } from '../http-cache/compression.js';
import { chooseEncoding, chooseMediaType, JSON_MEDIA_TYPE } from '../http-cache/negotiation.js';
import { coerceVariables, shorten } from '../inputs/variables.js';
import type { BudgetStore } from '../rate-limit/budget-store.js';
import { budgetHeaders, chargeBudget } from '../rate-limit/cost-budget.plugin.js';
import { cacheKey } from '../response-cache/cache-key.js';
import { RecordingStore } from '../response-cache/recording-store.js';
import type { CacheEntry, ResponseCache } from '../response-cache/response-cache.js';
import { DEADLINE, type Deadline } from '../trusted-documents/execution-schema.js';
import { documentHash } from '../trusted-documents/manifests.js';
import {
  selectOperation,
  type TrustedDocument,
  type TrustedDocuments,
  type TrustedOperation,
} from '../trusted-documents/trusted-documents.js';
import { clientKey } from '../rate-limit/client-key.js';
import type { RequestInfo } from '../request-info/request-info.js';
import { type GraphqlParams, MalformedRequest, readGraphqlParams } from './graphql-request.js';

/** `TRUSTED_DOCUMENTS`: `allow` runs ad hoc documents too; `require` runs trusted documents only. */
export type TrustedDocumentsMode = 'allow' | 'require';

/** What the `/graphql` handler is assembled from; see {@link createGraphqlHandler}. */
export interface GraphqlHandlerOptions<TContext extends StoryContext & BaseContext> {
  apollo: ApolloServer<TContext>;
  /** A fresh per-request context, reading through `store` when given (the lean path records its reads). */
  createContext(request: FastifyRequest, store?: StoryStore): Promise<TContext>;
  store: StoryStore;
  /**
   * Whether `Authorization` holds a live API token. With `TRUSTED_DOCUMENTS=require`, such a
   * request (an editor's, a moderator's or an admin's tools) may still send ad hoc documents.
   */
  hasLiveToken(authorization: string): Promise<boolean>;
  schema: GraphQLSchema;
  trusted: TrustedDocuments;
  mode: TrustedDocumentsMode;
  cache: ResponseCache;
  http: HttpCachePolicy;
  /** Limits of the cost model; null when cost analysis is off (a benchmark only), which also turns budgets off. */
  limits: Omit<QueryLimits, 'maxTokens'> | null;
  /** Per-client budgets; charged by trusted queries and hits as `ApolloServerPluginCostBudget` charges the rest. */
  budget: BudgetStore | null;
  operationTimeoutMs: number;
  /** Apollo's `formatError` (the masking of internal errors), applied to the lean path's errors too. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  hideSuggestions: boolean;
  log: FastifyBaseLogger;
}

/** Most errors of one response, as `ApolloServerPluginInputLimits` caps them. */
const MAX_ERRORS = 20;
const MAX_VARIABLE_ERRORS = 5;
const SUGGESTION = /\s*Did you mean .*$/s;
const SHA256_ID = /^sha256:([0-9a-f]{64})$/;

/**
 * The `/graphql` route: trusted documents, the response cache and HTTP caching in front of Apollo.
 *
 * - A request names a trusted document by `documentId` (`sha256:<hex>`, GET or POST), by Apollo's
 *   `extensions.persistedQuery.sha256Hash`, or by sending a trusted document's exact text. An
 *   unknown id is `PERSISTED_DOCUMENT_NOT_FOUND`; with `TRUSTED_DOCUMENTS=require` any other
 *   document is `PERSISTED_DOCUMENT_REQUIRED` unless the request carries a live API token (the
 *   authoring tools of editors, moderators and admins), else it goes to Apollo as before (ad hoc).
 * - An anonymous trusted query (no `Authorization`, no `X-Preview`) takes the lean path: a cache
 *   hit is served from the stored bytes with no GraphQL at all (charged 1 budget point); a miss
 *   checks variables, prices the operation with its plan compiled at start and charges the budget,
 *   then runs the graphql-jit compiled query and stores a clean, public answer tagged with what it
 *   read. Any refusal before execution (bad variables, over a limit) is left to Apollo, whose plugins word it.
 * - Everything else (ad hoc documents, mutations, requests with a token or a preview) runs through Apollo.
 * - Cacheable GET answers carry `Cache-Control: public, …`, a strong `ETag` (304 on `If-None-Match`),
 *   `Cache-Tag`/`Surrogate-Key` and `Vary`; other answers `no-store`. Private answers (the
 *   request's `cacheScope`: a token, a preview, a mutation, a resolver's personal answer; see
 *   `ApolloServerPluginPrivateResponses`) are `private, no-store`, never stored and carry no
 *   `ETag`. GET never runs a mutation (405).
 * - What it decided goes on `request.requestInfo` (document id, operation, cache hit/miss/bypass,
 *   cost, error codes), which the request's log line and the metrics read.
 */
export function createGraphqlHandler<TContext extends StoryContext & BaseContext>(
  options: GraphqlHandlerOptions<TContext>,
) {
  const { trusted, cache, limits, budget } = options;
  const cacheControl = publicCacheControl(options.http);
  const costExtension = (requested: number) => (limits ? { cost: { requested, limit: limits.maxCost } } : undefined);

  /** Answers from the handler itself, in GraphQL's shape, with the request's budget headers if any. */
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    message: string,
    headers: [string, string][] = [],
  ) => {
    request.requestInfo.errorCodes = [code];
    for (const [name, value] of headers) reply.header(name, value);
    return reply
      .code(status)
      .header('cache-control', NO_STORE)
      .type(JSON_MEDIA_TYPE)
      .send(`${JSON.stringify({ errors: [{ message, extensions: { code } }], extensions: costExtension(0) })}\n`);
  };

  /**
   * Charges `points` to the client's budget and sets its `RateLimit-*` headers; over budget,
   * sends the 429 (as `ApolloServerPluginCostBudget` words it) and resolves false.
   */
  const charge = async (request: FastifyRequest, reply: FastifyReply, points: number, cost: number) => {
    if (!budget) return true;
    const outcome = await chargeBudget(budget, clientKey(request.ip), points, (message) => request.log.error(message));
    if (outcome.state) for (const [name, value] of budgetHeaders(budget, outcome.state)) reply.header(name, value);
    if (outcome.ok) return true;
    request.requestInfo.errorCodes = [String(outcome.error.extensions?.code ?? ErrorCode.RATE_LIMITED)];
    await reply
      .code(429)
      .header('retry-after', String(outcome.retryAfterSeconds))
      .header('cache-control', NO_STORE)
      .type(JSON_MEDIA_TYPE)
      .send(`${JSON.stringify({ errors: [outcome.error], extensions: costExtension(cost) })}\n`);
    return false;
  };

  /** Runs a request through Apollo: as it came, or as a POST of a trusted document's text. */
  const viaApollo = async (
    request: FastifyRequest,
    reply: FastifyReply,
    document?: { text: string; params: GraphqlParams },
  ) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let httpGraphQLRequest: HTTPGraphQLRequest;
    if (document) {
      // A trusted document is known to be what it says; its operation type was checked for GET.
      headers.set('content-type', 'application/json');
      const extensions = document.params.extensions ? { ...document.params.extensions } : undefined;
      if (extensions) delete extensions.persistedQuery;
      const body: Record<string, unknown> = { query: document.text };
      if (document.params.variables) body.variables = document.params.variables;
      if (document.params.operationName) body.operationName = document.params.operationName;
      if (extensions) body.extensions = extensions;
      httpGraphQLRequest = { method: 'POST', headers, search: '', body };
    } else {
      httpGraphQLRequest = {
        method: request.method.toUpperCase(),
        headers,
        search: new URL(request.url, 'http://localhost/').search,
        body: request.body,
      };
    }
    let context: TContext | undefined;
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (context = await options.createContext(request)),
    });
    for (const [name, value] of response.headers) reply.header(name, value);
    // The scope is private for a token, a preview, a mutation or a personal answer; the headers
    // decide when no context was made (a refused token or preview).
    const personal = context?.cacheScope.isPrivate === true || asksAsSomeone((name) => request.headers[name]);
    if (personal) reply.header('cache-control', PRIVATE);
    else if (request.method === 'GET') reply.header('cache-control', NO_STORE);
    reply.code(response.status ?? 200);
    if (response.body.kind === 'complete') return reply.send(response.body.string);
    return reply.send(Readable.from(response.body.asyncIterator));
  };

  /** Sends a stored (or storable) answer: compressed as accepted, with validators and tags on GET. */
  const sendEntry = (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    entry: Omit<CacheEntry, 'size'> | CacheEntry,
  ) => {
    const get = request.method === 'GET' || request.method === 'HEAD';
    const encoding =
      entry.body.byteLength >= MIN_COMPRESSED_BYTES ? chooseEncoding(request.headers['accept-encoding']) : null;
    let bytes = entry.body;
    if (encoding) {
      const stored = entry.encoded[encoding];
      if (stored) bytes = stored;
      else {
        bytes = compress(entry.body, encoding);
        if ('size' in entry) cache.addEncoding(key, entry, encoding, bytes);
      }
      reply.header('content-encoding', encoding);
    }
    addVary(reply, 'Accept', 'Accept-Encoding', 'Authorization', 'X-Preview');
    reply.header('content-type', chooseMediaType(request.headers.accept) ?? JSON_MEDIA_TYPE);
    if (get) {
      const etag = etagOf(entry.etag, encoding);
      reply.headers({
        'cache-control': cacheControl,
        etag,
        'cache-tag': entry.tagHeader,
        'surrogate-key': entry.tagHeader,
      });
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        reply.removeHeader('content-encoding');
        return reply.code(304).send();
      }
    }
    return reply.code(200).send(bytes);
  };

  /** The lean path of an anonymous trusted query. */
  const leanQuery = async (
    request: FastifyRequest,
    reply: FastifyReply,
    fields: RequestInfo,
    document: TrustedDocument,
    operation: TrustedOperation,
    compiled: NonNullable<TrustedOperation['compiled']>,
    params: GraphqlParams,
  ) => {
    const key = cacheKey(document.id, operation.name, params.variables);
    if (cache.enabled) {
      const hit = cache.get(key);
      if (hit) {
        fields.cache = 'hit';
        fields.cost = hit.cost;
        // A hit does no GraphQL work: it costs what the cheapest request costs, one point.
        if (budget && !(await charge(request, reply, 1, hit.cost))) return reply;
        return sendEntry(request, reply, key, hit);
      }
    }
    fields.cache = cache.enabled ? 'miss' : 'bypass';
    const variables = params.variables ?? {};
    let values: Record<string, unknown> = variables;
    if (operation.definition.variableDefinitions?.length) {
      // Apollo words the refusal of variables that do not coerce.
      const coerced = coerceVariables(options.schema, operation.definition, variables, MAX_VARIABLE_ERRORS);
      if (!coerced.ok) return viaApollo(request, reply, { text: document.text, params });
      values = coerced.values;
    }
    let cost = 0;
    if (limits) {
      cost = operation.price(values);
      const shape = operation.worstShape;
      const overShape =
        shape.depth > limits.maxDepth || shape.aliases > limits.maxAliases || shape.directives > limits.maxDirectives;
      if (cost > limits.maxCost || overShape) return viaApollo(request, reply, { text: document.text, params });
    }
    fields.cost = cost;
    if (budget && !(await charge(request, reply, Math.max(1, cost), cost))) return reply;

    const reads = new RecordingStore(options.store);
    const context = await options.createContext(request, reads);
    const deadline: Deadline = { at: performance.now() + options.operationTimeoutMs, expired: false };
    (context as { [DEADLINE]?: Deadline })[DEADLINE] = deadline;
    const generation = cache.generation;
    const result = await compiled.query(undefined, context, variables);

    let status = 200;
    let errors: GraphQLFormattedError[] | undefined;
    if (result.errors?.length) {
      errors = result.errors.map((error) => {
        const extensions: Record<string, unknown> = {
          ...error.extensions,
          code: error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR,
        };
        const http = extensions.http as { status?: number } | undefined;
        if (http) {
          if (http.status) status = http.status;
          delete extensions.http;
        }
        return options.formatError({ ...(error as GraphQLError).toJSON(), extensions }, error);
      });
      const clean = (message: string) => shorten(options.hideSuggestions ? message.replace(SUGGESTION, '') : message);
      const kept = errors.slice(0, MAX_ERRORS).map((e) => ({ ...e, message: clean(e.message) }));
      if (errors.length > MAX_ERRORS) {
        kept.push({
          message: `${errors.length - MAX_ERRORS} more errors not shown; fix these and send again.`,
          extensions: { code: kept[0].extensions?.code ?? ErrorCode.BAD_USER_INPUT },
        });
      }
      errors = kept;
      if (deadline.expired) {
        const first = errors.find((e) => e.extensions?.code === ErrorCode.OPERATION_TIMEOUT);
        const others = errors.filter((e) => e.extensions?.code !== ErrorCode.OPERATION_TIMEOUT);
        errors = first ? [first, ...others] : others;
      }
      fields.errorCodes = errors.map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
    }
    const personal = context.cacheScope.isPrivate;
    if (errors || personal || result.data == null) {
      const text = `${JSON.stringify({ errors, data: result.data, extensions: costExtension(cost) })}\n`;
      reply.header('cache-control', personal ? PRIVATE : NO_STORE);
      return reply
        .code(status)
        .type(chooseMediaType(request.headers.accept) ?? JSON_MEDIA_TYPE)
        .send(text);
    }
    // `{"data":…}` by the query's compiled serializer, then the extensions, as Apollo orders them.
    const data = (operation.serializeData ?? ((d) => JSON.stringify({ data: d })))(result.data);
    const extensions = costExtension(cost);
    const text = extensions ? `${data.slice(0, -1)},"extensions":${JSON.stringify(extensions)}}\n` : `${data}\n`;
    const body = Buffer.from(text, 'utf8');
    const tags = [...reads.tags].sort();
    const entry = { body, encoded: {}, tags, tagHeader: tags.join(' '), etag: bodyTag(body), cost };
    const stored = cache.enabled ? cache.set(key, entry, generation) : undefined;
    return sendEntry(request, reply, key, stored ?? entry);
  };

  return async function graphqlHandler(request: FastifyRequest, reply: FastifyReply) {
    const fields = request.requestInfo;
    let params: GraphqlParams | null;
    try {
      params = readGraphqlParams(request);
    } catch (error) {
      if (!(error instanceof MalformedRequest)) throw error;
      return refuse(request, reply, 400, 'BAD_REQUEST', error.message);
    }
    if (!params) {
      fields.cache = 'bypass';
      return viaApollo(request, reply);
    }
    let document: TrustedDocument | undefined;
    if (params.documentId !== undefined) {
      const hash = SHA256_ID.exec(params.documentId)?.[1];
      document = hash === undefined ? undefined : trusted.byId(hash);
      if (!document) {
        return refuse(
          request,
          reply,
          400,
          ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
          `No trusted document has the id "${params.documentId.slice(0, 80)}"; send the document's text instead ` +
            `(\`query\`), or an id from a manifest this server loaded (\`sha256:\` and the hex sha256 of the text).`,
        );
      }
      if (params.query !== undefined && documentHash(params.query) !== hash) {
        return refuse(
          request,
          reply,
          400,
          ErrorCode.BAD_USER_INPUT,
          '`query` is not the document `documentId` names; send one or the other.',
        );
      }
    } else if (params.query !== undefined) {
      document = trusted.byText(params.query);
    }
    if (!document) {
      fields.cache = 'bypass';
      const authorization = request.headers.authorization;
      if (
        options.mode === 'require' &&
        params.query !== undefined &&
        !(authorization && (await options.hasLiveToken(authorization)))
      ) {
        return refuse(
          request,
          reply,
          400,
          ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
          'This server runs trusted documents only: send `documentId` ("sha256:" and the hex sha256 of a document ' +
            "in a consumer's persisted-documents manifest) instead of an ad hoc `query`; only requests with a live " +
            'API token (`Authorization: Bearer <token>`) may send ad hoc documents.',
        );
      }
      return viaApollo(request, reply);
    }
    fields.documentId = document.id;
    const operation = selectOperation(document, params.operationName);
    if (operation?.name) fields.operationName = operation.name;
    const get = request.method === 'GET' || request.method === 'HEAD';
    if (get && operation && operation.type !== 'query') {
      reply.header('allow', 'POST');
      return refuse(
        request,
        reply,
        405,
        ErrorCode.BAD_USER_INPUT,
        `GET runs queries only; send this ${operation.type} with POST.`,
      );
    }
    // Someone's request (a token, a preview) is never answered from, nor stored in, the cache.
    if (!operation?.compiled || asksAsSomeone((name) => request.headers[name])) {
      fields.cache = 'bypass';
      return viaApollo(request, reply, { text: document.text, params });
    }
    return leanQuery(request, reply, fields, document, operation, operation.compiled, params);
  };
}
