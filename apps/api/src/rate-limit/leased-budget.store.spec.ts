import { describe, expect, it } from 'vitest';
import type { BudgetStore } from './budget-store.js';
import { LeasedBudgetStore } from './leased-budget.store.js';
import { MemoryBudgetStore } from './memory-budget.store.js';

/** One shared bucket store (as PostgreSQL's is to replicas) on a hand-moved clock, counting its takes. */
function sharedStore(capacity: number) {
  let ms = 1_000_000;
  const memory = new MemoryBudgetStore({ capacity, now: () => ms });
  const takes: number[] = [];
  const store: BudgetStore = {
    policy: memory.policy,
    take: (key, points) => {
      takes.push(points);
      return memory.take(key, points);
    },
    close: () => memory.close(),
  };
  return { store, takes, now: () => ms, advance: (by: number) => (ms += by) };
}

describe('LeasedBudgetStore (charges a shared bucket in leases)', () => {
  it('asks the shared store once for many cheap charges, and spends the lease locally', async () => {
    const shared = sharedStore(10_000);
    const leased = new LeasedBudgetStore(shared.store, { leasePoints: 100, now: shared.now });
    for (let i = 0; i < 101; i++) expect((await leased.take('a', 1)).granted).toBe(true);
    // The first charge took 1 + 100; the 100 leased paid the next 100; the 102nd point needs a new lease.
    expect(shared.takes).toEqual([101]);
    expect((await leased.take('a', 1)).granted).toBe(true);
    expect(shared.takes).toEqual([101, 101]);
    // What a client is told it has: the shared level plus the lease in hand.
    expect(Math.floor((await leased.take('a', 1)).level)).toBe(10_000 - 202 + 99);
  });

  it('never grants more than the shared bucket holds, across replicas leasing from it', async () => {
    const shared = sharedStore(1_000);
    const replicas = [0, 1, 2].map(() => new LeasedBudgetStore(shared.store, { leasePoints: 50, now: shared.now }));
    let granted = 0;
    for (let round = 0; round < 200; round++) {
      for (const replica of replicas) if ((await replica.take('a', 7)).granted) granted += 7;
    }
    expect(granted).toBeLessThanOrEqual(1_000);
    // Near the end leases no longer fit, and exact charges use up all but less than one charge a replica.
    expect(granted).toBeGreaterThan(1_000 - 3 * 50 - 7);
  });

  it('near an empty bucket asks for exactly what a charge needs, so it is never refused what the bucket could pay', async () => {
    const shared = sharedStore(300);
    const leased = new LeasedBudgetStore(shared.store, { leasePoints: 100, now: shared.now });
    expect((await leased.take('a', 150)).granted).toBe(true); // 250 taken: 150 + a lease of 100
    expect((await leased.take('a', 100)).granted).toBe(true); // from the lease
    expect(await leased.take('a', 50)).toEqual({ granted: true, level: 0 }); // 50 + 100 do not fit; 50 do
    expect(shared.takes).toEqual([250, 150, 50]);
    expect(await leased.take('a', 1)).toEqual({ granted: false, level: 0 });
  });

  it('drops a lease once it is older than leaseMs, and bounds the clients it keeps leases for', async () => {
    const shared = sharedStore(10_000);
    const leased = new LeasedBudgetStore(shared.store, {
      leasePoints: 100,
      leaseMs: 1_000,
      maxClients: 3,
      now: shared.now,
    });
    await leased.take('a', 1);
    shared.advance(999);
    await leased.take('a', 1);
    expect(shared.takes).toEqual([101]);
    shared.advance(1);
    await leased.take('a', 1);
    expect(shared.takes).toEqual([101, 101]);

    for (const client of ['b', 'c', 'd', 'e']) await leased.take(client, 1);
    expect(leased.leases).toBe(3);
    // 'a' was charged least recently, so its lease went first: its next charge asks the shared store.
    await leased.take('a', 1);
    expect(shared.takes.length).toBe(2 + 4 + 1);
  });

  it('with leasePoints 0 asks the shared store for every charge', async () => {
    const shared = sharedStore(1_000);
    const leased = new LeasedBudgetStore(shared.store, { leasePoints: 0, now: shared.now });
    for (let i = 0; i < 3; i++) await leased.take('a', 2);
    expect(shared.takes).toEqual([2, 2, 2]);
  });
});
