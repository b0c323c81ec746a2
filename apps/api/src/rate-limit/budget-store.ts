/** The window a budget refills in, in seconds: `RATE_LIMIT_POINTS` is a minute's worth. */
export const BUDGET_WINDOW_SECONDS = 60;

/**
 * A token bucket of cost points per client: it holds at most `capacity` points and refills
 * continuously at `capacity` points per `windowSeconds` (so a client that spent it all has a
 * tenth back after a tenth of the window, and all of it after the window).
 */
export interface BudgetPolicy {
  capacity: number;
  windowSeconds: number;
}

/** The outcome of {@link BudgetStore.take}. */
export interface BudgetTake {
  /** Whether the points were taken; a refused take takes nothing. */
  granted: boolean;
  /** Points in the client's bucket after the take, refilled up to now (a fraction in general). */
  level: number;
}

/**
 * Where each client's bucket is kept. {@link MemoryBudgetStore} keeps them in this process; a
 * store on a database replicas share (PostgreSQL's) makes every replica charge one bucket per client.
 */
export interface BudgetStore {
  readonly policy: BudgetPolicy;
  /**
   * Refills `key`'s bucket up to now and takes `points` from it if it holds that many, as one
   * atomic step: concurrent takes (from any process sharing the store) never take more than the
   * bucket held. A client the store has no bucket for starts full.
   */
  take(key: string, points: number): Promise<BudgetTake>;
  /** Releases what the store holds open (timers, connections). */
  close(): Promise<void>;
}

/** Points a bucket gains per millisecond. */
export function refillPerMs(policy: BudgetPolicy): number {
  return policy.capacity / (policy.windowSeconds * 1000);
}

/** `level` after `elapsedMs` of refill, at most the capacity; a clock that went back refills nothing. */
export function refilled(policy: BudgetPolicy, level: number, elapsedMs: number): number {
  return Math.min(policy.capacity, level + Math.max(0, elapsedMs) * refillPerMs(policy));
}

/** Milliseconds until a bucket at `level` holds `points` (0 if it already does). */
export function msUntilHolds(policy: BudgetPolicy, level: number, points: number): number {
  return Math.max(0, (Math.min(points, policy.capacity) - level) / refillPerMs(policy));
}
