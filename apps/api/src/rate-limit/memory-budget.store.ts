import {
  BUDGET_WINDOW_SECONDS,
  type BudgetPolicy,
  type BudgetStore,
  type BudgetTake,
  refilled,
} from './budget-store.js';

/** How many client addresses a {@link MemoryBudgetStore} tracks at most by default (about 25 MB of buckets). */
export const DEFAULT_MAX_TRACKED_CLIENTS = 100_000;

/** Options of {@link MemoryBudgetStore}. */
export interface MemoryBudgetStoreOptions {
  /** Points a bucket holds at most, and refills per window (`RATE_LIMIT_POINTS`). */
  capacity: number;
  /** Seconds a drained bucket takes to refill; {@link BUDGET_WINDOW_SECONDS} by default. */
  windowSeconds?: number;
  /** Clients tracked at most; {@link DEFAULT_MAX_TRACKED_CLIENTS} by default. */
  maxClients?: number;
  /** The clock, in milliseconds (tests pass their own); `performance.now` by default, which never goes back. */
  now?: () => number;
}

/** A client's bucket: its level when last charged, and when (on the store's clock). */
interface Bucket {
  level: number;
  at: number;
}

/**
 * Token buckets in this process's memory, for a single replica (replicas sharing a database
 * share a store on it instead). Memory stays bounded whatever addresses clients rotate through:
 * a bucket charged a whole window ago is full again, no different from a client never seen, so
 * once a window the store drops those; and when `maxClients` addresses were charged within the
 * window, it drops the tenth of them charged least recently (such a client starts again with a
 * full bucket, as a new address would). Both are a pass over the buckets, at most once per
 * window or per `maxClients / 10` new addresses, so a take stays O(1) on average.
 */
export class MemoryBudgetStore implements BudgetStore {
  readonly policy: BudgetPolicy;
  readonly #maxClients: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #sweptAt: number;

  constructor(options: MemoryBudgetStoreOptions) {
    this.policy = { capacity: options.capacity, windowSeconds: options.windowSeconds ?? BUDGET_WINDOW_SECONDS };
    this.#windowMs = this.policy.windowSeconds * 1000;
    this.#maxClients = Math.max(1, options.maxClients ?? DEFAULT_MAX_TRACKED_CLIENTS);
    this.#now = options.now ?? (() => performance.now());
    this.#sweptAt = this.#now();
  }

  /** How many clients have a bucket now: at most `maxClients`, and none idle for two windows. */
  get trackedClients(): number {
    return this.#buckets.size;
  }

  take(key: string, points: number): Promise<BudgetTake> {
    const now = this.#now();
    if (now - this.#sweptAt >= this.#windowMs) this.#dropFull(now);
    let bucket = this.#buckets.get(key);
    if (bucket) {
      bucket.level = refilled(this.policy, bucket.level, now - bucket.at);
    } else {
      if (this.#buckets.size >= this.#maxClients) this.#makeRoom(now);
      bucket = { level: this.policy.capacity, at: now };
      this.#buckets.set(key, bucket);
    }
    bucket.at = now;
    const granted = bucket.level >= points;
    if (granted) bucket.level -= points;
    return Promise.resolve({ granted, level: bucket.level });
  }

  close(): Promise<void> {
    this.#buckets.clear();
    return Promise.resolve();
  }

  /** Drops the buckets charged a window or more ago: each is full by now. */
  #dropFull(now: number) {
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) if (now - bucket.at >= this.#windowMs) this.#buckets.delete(key);
  }

  /** Drops full buckets, then if need be the least recently charged, down to nine tenths of `maxClients`. */
  #makeRoom(now: number) {
    this.#dropFull(now);
    const excess = this.#buckets.size - Math.floor(this.#maxClients * 0.9);
    if (excess <= 0) return;
    const charged = Float64Array.from(this.#buckets.values(), (bucket) => bucket.at).sort();
    const cutoff = charged[excess - 1];
    let dropped = 0;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.at > cutoff) continue;
      this.#buckets.delete(key);
      if (++dropped === excess) return;
    }
  }
}
