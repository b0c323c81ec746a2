import { connect, type Socket } from 'node:net';
import { defineSchemaModule, storyModule } from '@devops-stories/story-graph';
import { Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { postGraphql } from '../test/http.js';
import { createTestServer } from '../test/test-server.js';

@ObjectType()
class Slow {
  @Field(() => Int)
  level!: number;
}

let slowResolved = 0;

@Resolver(() => Slow)
class SlowResolver {
  @Query(() => Slow)
  slow(): Slow {
    return { level: 0 };
  }

  @FieldResolver(() => Slow)
  async next(@Root() slow: Slow): Promise<Slow> {
    await new Promise((resolve) => setTimeout(resolve, 80));
    slowResolved += 1;
    return { level: slow.level + 1 };
  }
}
const slowModule = defineSchemaModule({ name: 'slow', resolvers: [SlowResolver], types: [Slow] });

/** Opens a raw connection, sends `text`, and resolves with what came back and when the server closed it. */
function stall(port: number, text: string): { socket: Socket; closed: Promise<{ ms: number; reply: string }> } {
  const started = performance.now();
  const socket = connect(port, '127.0.0.1');
  let reply = '';
  socket.on('data', (chunk) => (reply += chunk.toString()));
  socket.on('error', () => undefined); // the server closing the socket is what these tests expect
  socket.write(text);
  const closed = new Promise<{ ms: number; reply: string }>((resolve) =>
    socket.on('close', () => resolve({ ms: performance.now() - started, reply })),
  );
  return { socket, closed };
}

describe('HTTP limits', () => {
  let server: ApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (env: Record<string, string>, modules = [storyModule]) => {
    server = await createTestServer(env, { modules });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    return { base, port: Number(new URL(base).port) };
  };

  it('closes a request whose body stalls after its headers within the request timeout (408)', async () => {
    const { port } = await start({ REQUEST_TIMEOUT_MS: '1000' });
    const { closed } = stall(
      port,
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    const { ms, reply } = await closed;
    console.log(`stalled body closed after ${ms.toFixed(0)} ms (REQUEST_TIMEOUT_MS=1000)`);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(800);
    // Within the timeout, with 300 ms of slack for timers on a busy machine.
    expect(ms).toBeLessThan(1300);
  });

  it('closes a request whose headers stall within the headers timeout (half the request timeout)', async () => {
    const { port } = await start({ REQUEST_TIMEOUT_MS: '2000' });
    const { closed } = stall(port, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\n');
    const { ms, reply } = await closed;
    console.log(`stalled headers closed after ${ms.toFixed(0)} ms (REQUEST_TIMEOUT_MS=2000: headers within 1000 ms)`);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(1300);
  });

  it('caps concurrent connections at MAX_CONNECTIONS and serves again once they close', async () => {
    const { base, port } = await start({ MAX_CONNECTIONS: '3', REQUEST_TIMEOUT_MS: '20000' });
    const held = [1, 2, 3].map(() => stall(port, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\n'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = stall(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const refused = await extra.closed;
    expect(refused.reply).toBe('');
    expect(refused.ms).toBeLessThan(2000);
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('stops an operation at its deadline with OPERATION_TIMEOUT (503) instead of running on', async () => {
    const { base } = await start({ OPERATION_TIMEOUT_MS: '100' }, [storyModule, slowModule]);
    slowResolved = 0;
    const query = '{ slow { next { next { next { next { next { next { level } } } } } } } }';
    const { status, body } = await postGraphql(base, { query });
    expect(status).toBe(503);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      message: expect.stringMatching(/^The operation ran out of time \(100 ms\) and was stopped/),
      extensions: { code: 'OPERATION_TIMEOUT' },
    });
    // Six levels of 80 ms; answered at the deadline, before the third resolved (not after all six).
    expect(slowResolved).toBeLessThanOrEqual(2);
    const fast = await postGraphql(base, { query: '{ slow { level } }' });
    expect(fast.status).toBe(200);
    expect(fast.body.data).toEqual({ slow: { level: 0 } });
  });
});
