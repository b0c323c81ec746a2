import { request } from 'node:http';
import { connect } from 'node:net';
import { type LaunchedApi, launchApi } from '@devops-stories/api-launcher';
import { afterEach, describe, expect, it } from 'vitest';

/** Seconds of load per run; SIGTERM arrives halfway. `npm run soak:drain` runs it with 20. */
const LOAD_SECONDS = Number(process.env.DRAIN_LOAD_SECONDS ?? 4);
const DRAIN_DELAY_MS = 1_000;
const QUERY = JSON.stringify({ query: '{ stories(first: 20) { totalCount nodes { slug company { name } } } }' });

type Outcome = { status: number; complete: boolean } | { error: string };

/** One GET of `path` or POST of the query, on a new connection or a keep-alive one: refused outright, or answered in full. */
function send(port: number, path: string, agent: boolean | undefined = false): Promise<Outcome> {
  return new Promise((resolve) => {
    const post = path === '/graphql';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: post ? 'POST' : 'GET',
        ...(agent === false ? { agent: false } : {}),
        headers: post ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let complete = false;
          try {
            const body = JSON.parse(text);
            complete = post ? body.data?.stories?.totalCount > 0 : typeof body.status === 'string';
          } catch {
            // a truncated body is not complete
          }
          resolve({ status: res.statusCode ?? 0, complete });
        });
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(post ? QUERY : undefined);
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('shutdown', () => {
  let api: LaunchedApi | undefined;
  afterEach(async () => {
    await api?.stop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    `on %s under ${LOAD_SECONDS} s of load: readiness 503 first, every accepted request answered 200, exit 0 within 10 s`,
    async (signal) => {
      api = await launchApi({ env: { RATE_LIMIT_POINTS: '0', DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) } });
      const { port } = api;
      const loadEnds = Date.now() + LOAD_SECONDS * 1000;
      let exited = false;
      void api.exited.then(() => (exited = true));
      const running = () => Date.now() < loadEnds && !exited;

      // Clients: four on keep-alive connections, two opening a connection per request, and a readiness prober.
      const outcomes: Outcome[] = [];
      const probes: { at: number; outcome: Outcome }[] = [];
      const clients = [
        ...Array.from({ length: 4 }, async () => {
          while (running()) outcomes.push(await send(port, '/graphql', undefined));
        }),
        ...Array.from({ length: 2 }, async () => {
          while (running()) outcomes.push(await send(port, '/graphql'));
        }),
        (async () => {
          while (running()) {
            probes.push({ at: Date.now(), outcome: await send(port, '/readyz') });
            await sleep(50);
          }
        })(),
      ];

      await sleep((LOAD_SECONDS * 1000) / 2);
      const held = Array.from({ length: 6 }, () => inFlight(port));
      await sleep(100);
      const signalled = Date.now();
      api.child.kill(signal);
      // Still in flight when the server closes (after the delay): they must complete.
      await sleep(DRAIN_DELAY_MS + 300);
      for (const h of held) h.finish();
      const replies = await Promise.all(held.map((h) => h.done));
      expect(await api.exited).toBe(0);
      const exitMs = Date.now() - signalled;
      await Promise.all(clients);

      expect(exitMs).toBeLessThan(10_000);
      for (const reply of replies) {
        expect(reply).toMatch(/^HTTP\/1\.1 200/);
        expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)).data.stories.totalCount).toBeGreaterThan(0);
      }
      const answered = outcomes.filter((o): o is { status: number; complete: boolean } => 'status' in o);
      const errors = outcomes.filter((o): o is { error: string } => 'error' in o).map((o) => o.error);
      // Every request the server answered was a complete 200; the only failures are connections
      // it never read a request from, once it had stopped listening.
      expect(answered.length).toBeGreaterThan(50);
      expect(answered.filter((a) => a.status !== 200 || !a.complete)).toEqual([]);
      expect(errors.every((e) => e === 'ECONNREFUSED' || e === 'ECONNRESET')).toBe(true);

      // Readiness: 200 before the signal, 503 "draining" after it while still serving, then gone.
      const before = probes.filter((p) => p.at < signalled - 50);
      const after = probes.filter((p) => p.at > signalled + 50);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((p) => 'status' in p.outcome && p.outcome.status === 200)).toBe(true);
      const draining = after.filter((p) => 'status' in p.outcome && p.outcome.status === 503);
      expect(draining.length).toBeGreaterThan(0);
      expect(after.some((p) => 'status' in p.outcome && p.outcome.status === 200)).toBe(false);

      // The server's own account: one log line per request it read, every one a 200 for /graphql,
      // as many as the clients received (a request read but never answered would show here).
      const logged = api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; url?: string; statusCode?: number });
      const graphql = logged.filter((l) => l.msg === 'request completed' && l.url === '/graphql');
      expect(graphql.length).toBe(answered.length + held.length);
      expect(graphql.every((l) => l.statusCode === 200)).toBe(true);
      expect(api.output()).toMatch(new RegExp(`${signal} received, shutting down: draining in-flight requests`));
      expect(api.output()).toMatch(/drained, exiting/);
      console.log(
        `${signal}: ${answered.length + held.length} requests answered 200 (${held.length} of them held in flight across the close), ` +
          `${errors.length} connections refused once closed (${[...new Set(errors)].join(', ') || 'none'}); ` +
          `readiness ${draining.length} × 503 during the drain; exit 0 ${exitMs} ms after the signal`,
      );
    },
    LOAD_SECONDS * 1000 + 30_000,
  );
});
