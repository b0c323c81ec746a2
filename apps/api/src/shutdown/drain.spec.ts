import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type LaunchedApi, launchApi } from '../test/launch.js';

const QUERY = JSON.stringify({ query: '{ stories(first: 20) { totalCount nodes { slug company { name } } } }' });

/** One POST on a new connection (no keep-alive): refused outright, or accepted and answered in full. */
function post(port: number): Promise<{ status: number; complete: boolean } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let complete = false;
          try {
            complete = JSON.parse(text).data?.stories?.totalCount > 0;
          } catch {
            // a truncated body is not complete
          }
          resolve({ status: res.statusCode ?? 0, complete });
        });
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(QUERY);
  });
}

/** A request whose headers and half its body are sent: accepted and in flight until `finish()`. */
function inFlight(port: number) {
  const body = Buffer.from(QUERY);
  const socket = connect(port, '127.0.0.1');
  let reply = '';
  socket.on('data', (chunk) => (reply += chunk.toString()));
  socket.on('error', () => undefined); // the server closing the socket is what these tests expect
  const done = new Promise<string>((resolve) => socket.on('close', () => resolve(reply)));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(body.subarray(0, 20));
  return { finish: () => socket.write(body.subarray(20)), done };
}

describe('shutdown', () => {
  let api: LaunchedApi | undefined;
  afterEach(async () => {
    await api?.stop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s under load, drains every accepted request and exits 0',
    async (signal) => {
      api = await launchApi({ RATE_LIMIT_POINTS: '0' });
      const port = Number(new URL(api.base).port);
      const held = Array.from({ length: 6 }, () => inFlight(port));
      let stopping = false;
      const outcomes: Awaited<ReturnType<typeof post>>[] = [];
      const load = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 400 && !(stopping && outcomes.length > 0 && 'error' in outcomes.at(-1)!); i++) {
          outcomes.push(await post(port));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      api.child.kill(signal);
      stopping = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const h of held) h.finish();
      const replies = await Promise.all(held.map((h) => h.done));
      await Promise.all(load);
      expect(await api.exited).toBe(0);

      for (const reply of replies) {
        expect(reply).toMatch(/^HTTP\/1\.1 200/);
        expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)).data.stories.totalCount).toBeGreaterThan(0);
      }
      const answered = outcomes.filter((o): o is { status: number; complete: boolean } => 'status' in o);
      const errors = outcomes.filter((o): o is { error: string } => 'error' in o).map((o) => o.error);
      console.log(
        `${signal}: ${held.length} in-flight requests completed; load: ${answered.length} answered ` +
          `(${answered.filter((a) => a.status === 200).length} × 200, ${answered.filter((a) => a.status === 503).length} × 503 while draining), ` +
          `${errors.length} connections refused before a request was read (${[...new Set(errors)].join(', ') || 'none'}); exit 0`,
      );
      expect(answered.filter((a) => a.status === 200).length).toBeGreaterThan(0);
      for (const a of answered) {
        expect([200, 503]).toContain(a.status);
        if (a.status === 200) expect(a.complete).toBe(true);
      }
      // Connections the closing server never read a request from are refused or reset ...
      expect(errors.every((e) => e === 'ECONNREFUSED' || e === 'ECONNRESET')).toBe(true);
      // ... and every request it did accept (logged as incoming) was answered (logged as completed).
      const logged = api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
      const incoming = new Set(logged.filter((l) => l.msg === 'incoming request').map((l) => l.reqId));
      const completed = new Set(logged.filter((l) => l.msg === 'request completed').map((l) => l.reqId));
      expect(incoming.size).toBeGreaterThan(answered.length);
      expect([...incoming].filter((id) => !completed.has(id))).toEqual([]);
      expect(api.output()).toMatch(new RegExp(`${signal} received, draining in-flight requests`));
      expect(api.output()).toMatch(/drained, exiting/);
    },
    30_000,
  );
});
