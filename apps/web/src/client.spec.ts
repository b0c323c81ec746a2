import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, GraphQLRequestError, isAbort } from './client.js';
import { TypedDocumentString } from './gql/graphql.js';

const document = new TypedDocumentString<{ hello: string }, { name: string }>(
  'query Hello($name: String!) { hello(name: $name) }',
);

const persisted = new TypedDocumentString<{ hello: string }, { name: string }>(
  'query Hello($name: String!) { hello(name: $name) }',
  { hash: 'ab'.repeat(32) },
);

type Handler = (
  body: { query: string; variables: unknown },
  response: ServerResponse,
  request: IncomingMessage,
) => void;

describe('execute: the typed fetch wrapper', () => {
  let server: Server;
  let endpoint: string;
  let handler: Handler;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => handler(JSON.parse(text || '{}'), response, request));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  it('POSTs the document string and variables as JSON and resolves with data', async () => {
    let seen: { method?: string; contentType?: string; body?: unknown } = {};
    handler = (body, response, request) => {
      seen = { method: request.method, contentType: request.headers['content-type'], body };
      json(response, 200, { data: { hello: 'Ada' } });
    };
    await expect(execute(endpoint, document, { name: 'Ada' })).resolves.toEqual({ hello: 'Ada' });
    expect(seen).toEqual({
      method: 'POST',
      contentType: 'application/json',
      body: { query: 'query Hello($name: String!) { hello(name: $name) }', variables: { name: 'Ada' } },
    });
  });

  it('sends a persisted query as a simple GET by documentId, with compact variables and no custom header', async () => {
    const seen: { method?: string; url?: string; headers?: Record<string, unknown> }[] = [];
    handler = (_body, response, request) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers });
      json(response, 200, { data: { hello: 'Ada' } });
    };
    await expect(execute(endpoint, persisted, { name: 'Ada' })).resolves.toEqual({ hello: 'Ada' });
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('GET');
    expect(seen[0].url).toBe(`/graphql?documentId=sha256:${'ab'.repeat(32)}&variables=%7B%22name%22%3A%22Ada%22%7D`);
    expect(seen[0].headers).not.toHaveProperty('content-type');
    expect(seen[0].headers!.accept).toBe('application/graphql-response+json, application/json');
  });

  it('falls back once to a POST of the whole document when the server does not know the id', async () => {
    const seen: { method?: string; body?: unknown }[] = [];
    handler = (body, response, request) => {
      seen.push({ method: request.method, body: request.method === 'POST' ? body : undefined });
      if (request.method === 'GET') {
        json(response, 400, { errors: [{ message: 'unknown', extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' } }] });
      } else json(response, 200, { data: { hello: 'Ada' } });
    };
    await expect(execute(endpoint, persisted, { name: 'Ada' })).resolves.toEqual({ hello: 'Ada' });
    expect(seen).toEqual([
      { method: 'GET', body: undefined },
      { method: 'POST', body: { query: persisted.toString(), variables: { name: 'Ada' } } },
    ]);
  });

  it('does not fall back on other errors of a GET', async () => {
    let calls = 0;
    handler = (_body, response) => {
      calls++;
      json(response, 400, {
        errors: [{ message: '`first` must be between 1 and 100, got 0.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
    };
    await expect(execute(endpoint, persisted, { name: 'x' })).rejects.toMatchObject({
      failure: 'graphql',
      status: 400,
    });
    expect(calls).toBe(1);
  });

  it('rejects with the GraphQL error messages, whatever the HTTP status', async () => {
    handler = (_body, response) =>
      json(response, 400, { errors: [{ message: '`first` must be between 1 and 100, got 0.' }] });
    const error = await execute(endpoint, document, { name: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({
      failure: 'graphql',
      status: 400,
      message: '`first` must be between 1 and 100, got 0.',
    });
  });

  it('rejects with an HTTP failure for a non-JSON error page', async () => {
    handler = (_body, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>Bad gateway</h1>');
    };
    await expect(execute(endpoint, document, { name: 'x' })).rejects.toMatchObject({ failure: 'http', status: 502 });
  });

  it('rejects with a timeout when the server does not answer in time', async () => {
    handler = (_body, response) => setTimeout(() => json(response, 200, { data: { hello: 'late' } }), 1_000);
    await expect(execute(endpoint, document, { name: 'x' }, { timeoutMs: 100 })).rejects.toMatchObject({
      failure: 'timeout',
    });
  });

  it('rejects with a network failure when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(execute(`http://127.0.0.1:${port}/graphql`, document, { name: 'x' })).rejects.toMatchObject({
      failure: 'network',
    });
  });

  it('rejects with the AbortError when its signal aborts (as a newer @lit/task run does), not with the late answer', async () => {
    handler = (_body, response) => setTimeout(() => json(response, 200, { data: { hello: 'late' } }), 300);
    const controller = new AbortController();
    const pending = execute(endpoint, document, { name: 'old' }, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(isAbort(error)).toBe(true);
    expect(error).not.toBeInstanceOf(GraphQLRequestError);
  });
});
