import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { ChangeListeners } from '../change/content-change.js';
import type { StoryDatabase } from '../db/story-database.js';
import type { ChangedList, ContentChange } from '../store.types.js';

/*
 * Cross-replica freshness: each committed change is sent with NOTIFY from inside its own
 * transaction (PostgreSQL delivers it on commit, never for a rollback), and every store LISTENs
 * on a client of its own and re-announces the changes of the others through its onChange.
 */

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a change is sent in parts below this. */
export const PAYLOAD_LIMIT_BYTES = 7900;

const ALL_LISTS: ChangedList[] = ['stories', 'companies', 'practices', 'days', 'recaps', 'search', 'series'];

/** One NOTIFY payload: the sending store, and (part of) a change. */
interface Notice {
  from: string;
  change: ContentChange;
}

/**
 * The payloads that carry `change` for the store `from`, each under {@link PAYLOAD_LIMIT_BYTES}:
 * one in the common case; a change naming many records (a first import) is split by its nodes,
 * the lists going with the first part. Receivers announce each part; together they name everything.
 */
export function noticePayloads(from: string, change: ContentChange, limit = PAYLOAD_LIMIT_BYTES): string[] {
  const whole = JSON.stringify({ from, change } satisfies Notice);
  if (Buffer.byteLength(whole) < limit) return [whole];
  const payloads: string[] = [];
  let part: ContentChange = { nodes: [], lists: change.lists };
  const size = (c: ContentChange) => Buffer.byteLength(JSON.stringify({ from, change: c } satisfies Notice));
  for (const node of change.nodes) {
    const grown = { nodes: [...part.nodes, node], lists: part.lists };
    if (size(grown) >= limit && part.nodes.length + part.lists.length > 0) {
      payloads.push(JSON.stringify({ from, change: part }));
      part = { nodes: [node], lists: [] };
    } else {
      part = grown;
    }
  }
  if (part.nodes.length + part.lists.length > 0) payloads.push(JSON.stringify({ from, change: part }));
  return payloads;
}

/** Options of {@link ChangeChannel}. */
export interface ChangeChannelOptions {
  /** The pg client settings of the store's pool (the listener connects with the same). */
  client: pg.ClientConfig;
  /** The channel: one per schema, so that stores of different schemas on one database stay apart. */
  channel: string;
  listeners: ChangeListeners;
  /** What to announce when the link was down a while: every record, since changes may have been missed. */
  everything: () => Promise<ContentChange>;
  /** First wait before reconnecting a dropped listener; doubles up to 5 s. */
  retryMs?: number;
  log?: (message: string) => void;
}

/**
 * The store's side of LISTEN/NOTIFY: {@link ChangeChannel.publish} sends a change in a write's
 * transaction, the listener re-announces other stores' changes. A dropped listener reconnects
 * (backing off), then announces {@link ChangeChannelOptions.everything}, since changes sent
 * meanwhile were not heard.
 */
export class ChangeChannel {
  /** This store's id, so that it does not announce its own changes twice. */
  readonly id = randomUUID();
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private connected = false;

  constructor(private readonly options: ChangeChannelOptions) {}

  /** Whether the listener is connected and listening. */
  get listening(): boolean {
    return this.connected;
  }

  /** Sends `change` in `trx`: the other stores hear it when (and only if) the transaction commits. */
  async publish(trx: Kysely<StoryDatabase>, change: ContentChange): Promise<void> {
    for (const payload of noticePayloads(this.id, change)) {
      await sql`SELECT pg_notify(${this.options.channel}, ${payload})`.execute(trx);
    }
  }

  /** Connects the listener; resolves once it listens. */
  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(resumed: boolean): Promise<void> {
    const client = new pg.Client(this.options.client);
    client.on('notification', (message) => this.receive(message));
    const dropped = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.connected = false;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (!this.closed) this.schedule(this.options.retryMs ?? 100);
    };
    client.on('error', dropped);
    client.on('end', dropped);
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.options.channel)}`);
    } catch (error) {
      if (this.client === client) this.client = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.connected = true;
    if (resumed) this.options.listeners.announce(await this.options.everything());
  }

  private schedule(waitMs: number): void {
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.closed) return;
      this.connect(true).catch((error: unknown) => {
        this.options.log?.(`story-store: change listener reconnect failed: ${String(error)}`);
        if (!this.closed) this.schedule(Math.min(waitMs * 2, 5_000));
      });
    }, waitMs);
    this.retry.unref();
  }

  private receive(message: pg.Notification): void {
    if (message.channel !== this.options.channel || !message.payload) return;
    let notice: Notice;
    try {
      notice = JSON.parse(message.payload) as Notice;
    } catch {
      return;
    }
    if (notice.from === this.id) return;
    this.options.listeners.announce(notice.change);
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    if (client) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
    }
  }
}

/** Every record the store holds and every list: what to announce after changes may have been missed. */
export async function everything(db: Kysely<StoryDatabase>): Promise<ContentChange> {
  const [stories, companies, practices, days, recaps] = await Promise.all([
    db.selectFrom('stories').select('slug').execute(),
    db.selectFrom('companies').select('slug').execute(),
    db.selectFrom('practices').select('slug').execute(),
    db.selectFrom('days').select('number').execute(),
    db.selectFrom('recaps').select('day').execute(),
  ]);
  return {
    nodes: [
      ...stories.map((r) => ({ type: 'Story' as const, key: r.slug })),
      ...companies.map((r) => ({ type: 'Company' as const, key: r.slug })),
      ...practices.map((r) => ({ type: 'Practice' as const, key: r.slug })),
      ...days.map((r) => ({ type: 'Day' as const, key: String(r.number) })),
      ...recaps.map((r) => ({ type: 'Recap' as const, key: String(r.day) })),
    ],
    lists: ALL_LISTS,
  };
}
