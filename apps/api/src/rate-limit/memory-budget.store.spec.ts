import { describe, expect, it } from 'vitest';
import { msUntilHolds } from './budget-store.js';
import { chargeBudget } from './cost-budget.plugin.js';
import { MemoryBudgetStore } from './memory-budget.store.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const ignore = () => undefined;

describe('MemoryBudgetStore (a token bucket per client)', () => {
  it('refills continuously: a fraction of the window after spending it all, exactly that share is back', async () => {
    const clock = manualClock();
    const store = new MemoryBudgetStore({ capacity: 600, now: clock.now });
    expect(await store.take('a', 600)).toEqual({ granted: true, level: 0 });
    expect((await store.take('a', 1)).granted).toBe(false);

    // 600 points a minute are 10 a second: after 15 s, 150 are back, not the whole 600.
    clock.advance(15_000);
    expect(await store.take('a', 151)).toEqual({ granted: false, level: 150 });
    expect(await store.take('a', 150)).toEqual({ granted: true, level: 0 });

    clock.advance(6_000);
    expect(await store.take('a', 50)).toEqual({ granted: true, level: 10 });
    // Never more than the capacity, however long the client was away.
    clock.advance(3_600_000);
    expect(await store.take('a', 1)).toEqual({ granted: true, level: 599 });
  });

  it('a refused take takes nothing, and another client has a full bucket of its own', async () => {
    const clock = manualClock();
    const store = new MemoryBudgetStore({ capacity: 300, now: clock.now });
    await store.take('a', 250);
    expect(await store.take('a', 101)).toEqual({ granted: false, level: 50 });
    expect(await store.take('a', 101)).toEqual({ granted: false, level: 50 });
    expect(await store.take('b', 300)).toEqual({ granted: true, level: 0 });
    expect(await store.take('a', 50)).toEqual({ granted: true, level: 0 });
  });

  it('says when to retry: the bucket holds the cost exactly Retry-After later, not a second sooner', async () => {
    const clock = manualClock();
    const store = new MemoryBudgetStore({ capacity: 300, now: clock.now });
    await chargeBudget(store, 'a', 250, ignore);
    // 50 left, 101 asked: 51 points at 5 a second are 10.2 s away, so Retry-After is 11.
    const refused = await chargeBudget(store, 'a', 101, ignore);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 11, state: { remaining: 50, resetSeconds: 50 } });
    expect(msUntilHolds(store.policy, 50, 101)).toBeCloseTo(10_200);
    clock.advance(10_000);
    expect((await chargeBudget(store, 'a', 101, ignore)).ok).toBe(false);
    clock.advance(1_000);
    expect(await chargeBudget(store, 'a', 101, ignore)).toMatchObject({
      ok: true,
      state: { remaining: 4, resetSeconds: 60 },
    });
  });

  it('stays bounded: rotating addresses never tracks more than the cap, and the clients kept are the recent ones', async () => {
    const clock = manualClock();
    const store = new MemoryBudgetStore({ capacity: 100, maxClients: 1_000, now: clock.now });
    for (let i = 0; i < 20_000; i++) {
      clock.advance(1);
      await store.take(`198.51.${i >> 8}.${i & 255}`, 100);
      expect(store.trackedClients).toBeLessThanOrEqual(1_000);
    }
    expect(store.trackedClients).toBeGreaterThanOrEqual(900);
    // The 900 clients charged last are all still nearly drained (a few points refilled): their buckets were kept.
    for (let i = 20_000 - 900; i < 20_000; i++) {
      expect((await store.take(`198.51.${i >> 8}.${i & 255}`, 50)).granted).toBe(false);
    }
  });

  it('drops idle clients: a bucket charged a window ago is full, so forgetting it changes nothing', async () => {
    const clock = manualClock();
    const store = new MemoryBudgetStore({ capacity: 100, now: clock.now });
    for (let i = 0; i < 500; i++) await store.take(`client-${i}`, 60);
    clock.advance(30_000);
    await store.take('steady', 100);
    expect(store.trackedClients).toBe(501);

    clock.advance(30_000);
    await store.take('another', 1);
    // The 500 were charged 60 s ago and are full again; steady, charged 30 s ago, holds 50 points.
    expect(store.trackedClients).toBe(2);
    expect(await store.take('steady', 51)).toEqual({ granted: false, level: 50 });
    expect(await store.take('client-0', 100)).toEqual({ granted: true, level: 0 });
  });
});
