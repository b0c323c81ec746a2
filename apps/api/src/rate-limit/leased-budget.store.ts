import { type BudgetPolicy, type BudgetStore, type BudgetTake, refilled } from './budget-store.js';

/** Options of {@link LeasedBudgetStore}. */
export interface LeasedBudgetOptions {
  /**
   * Points taken from the shared bucket beyond what a charge needs, spent by this process's next
   * charges of the same client without asking the shared store (`RATE_LIMIT_LEASE_POINTS`).
   */
  leasePoints: number;
  /** Milliseconds an unspent lease may be spent; after that it is dropped. 1,000 by default. */
  leaseMs?: number;
  /** Clients with a lease at most (the least recently charged are dropped first); 100,000 by default. */
  maxClients?: number;
  /** The clock, in milliseconds; `Date.now` by default (tests move their own). */
  now?: () => number;
}

interface Lease {
  /** Points taken from the shared bucket and not yet spent here. */
  points: number;
  /** The shared bucket's level when the lease was taken, after taking it. */
  sharedLevel: number;
  takenAt: number;
}

/**
 * A {@link BudgetStore} that charges a shared store (PostgreSQL's, one round trip a charge) in
 * leases: a charge the lease in hand cannot pay takes what it needs plus `leasePoints` from the
 * shared bucket in one take, and the client's next charges on this process spend that lease
 * locally, until it runs out or `leaseMs` passes. Points are always taken from the shared bucket
 * before they are spent, so all replicas together still never grant a client more than its
 * budget; the price is that a lease one replica holds is not available to the others for up to
 * `leaseMs` (at most `leasePoints` a client and replica), and an unspent lease that expires is
 * spent for nothing (the bucket refills it as it refills everything). Near an empty bucket, when
 * the lease does not fit, exactly what the charge needs is asked for, so a client is never
 * refused a charge its bucket could pay.
 */
export class LeasedBudgetStore implements BudgetStore {
  readonly policy: BudgetPolicy;
  readonly #shared: BudgetStore;
  readonly #leasePoints: number;
  readonly #leaseMs: number;
  readonly #maxClients: number;
  readonly #now: () => number;
  readonly #leases = new Map<string, Lease>();

  constructor(shared: BudgetStore, options: LeasedBudgetOptions) {
    this.policy = shared.policy;
    this.#shared = shared;
    this.#leasePoints = Math.max(0, Math.min(options.leasePoints, shared.policy.capacity));
    this.#leaseMs = options.leaseMs ?? 1_000;
    this.#maxClients = options.maxClients ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** Clients holding a lease now (expired ones included until they are charged or dropped). */
  get leases(): number {
    return this.#leases.size;
  }

  async take(key: string, points: number): Promise<BudgetTake> {
    const now = this.#now();
    const held = this.#leases.get(key);
    const lease = held && now - held.takenAt < this.#leaseMs ? held : undefined;
    if (lease && lease.points >= points) {
      lease.points -= points;
      // Least recently charged last: re-inserting moves the key to the end of the map's order.
      this.#leases.delete(key);
      this.#leases.set(key, lease);
      return { granted: true, level: this.#level(lease, now) };
    }
    const inHand = lease?.points ?? 0;
    const need = points - inHand;
    let take = this.#leasePoints > 0 ? await this.#shared.take(key, need + this.#leasePoints) : undefined;
    let extra = this.#leasePoints;
    if (!take?.granted) {
      take = await this.#shared.take(key, need);
      extra = 0;
    }
    if (!take.granted) return { granted: false, level: take.level + inHand };
    this.#leases.delete(key);
    if (extra > 0) {
      this.#leases.set(key, { points: extra, sharedLevel: take.level, takenAt: this.#now() });
      this.#bound();
    }
    return { granted: true, level: take.level + extra };
  }

  async close(): Promise<void> {
    this.#leases.clear();
    await this.#shared.close();
  }

  /** What the client has, as far as this process knows: the shared level refilled since, plus the lease. */
  #level(lease: Lease, now: number): number {
    return Math.min(this.policy.capacity, refilled(this.policy, lease.sharedLevel, now - lease.takenAt) + lease.points);
  }

  /** Drops the least recently charged clients' leases while more clients than allowed hold one. */
  #bound(): void {
    for (const key of this.#leases.keys()) {
      if (this.#leases.size <= this.#maxClients) return;
      this.#leases.delete(key);
    }
  }
}
