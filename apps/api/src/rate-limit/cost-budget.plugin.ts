import {
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContext,
  type GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { operationCost } from '../cost/cost.plugin.js';
import { ErrorCode } from '../errors/error-codes.js';
import { type BudgetStore, msUntilHolds } from './budget-store.js';
import { MemoryBudgetStore } from './memory-budget.store.js';

/** Options of {@link ApolloServerPluginCostBudget}. */
export interface CostBudgetOptions<TContext extends BaseContext> {
  /**
   * The buckets, one per client: {@link memoryBudget} keeps them in this process; a store on a
   * database replicas share makes them charge one bucket per client.
   */
  store: BudgetStore;
  /** Who a request is charged to: the client's address. */
  clientKey: (requestContext: GraphQLRequestContext<TContext>) => string;
}

/** Per-client budgets of `points` cost points a minute, refilling continuously, held in this process's memory. */
export function memoryBudget(points: number): BudgetStore {
  return new MemoryBudgetStore({ capacity: points });
}

/** Where a client's bucket stands after a charge: what the `RateLimit-*` headers say. */
export interface BudgetState {
  /** Whole points left in the bucket. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

/** The outcome of {@link chargeBudget}: within budget (with where the client stands), or refused. */
export type BudgetCharge =
  | { ok: true; state: BudgetState | undefined }
  | { ok: false; state: BudgetState; retryAfterSeconds: number; error: GraphQLFormattedError };

/**
 * Charges `points` to `client`'s bucket. Refused when the bucket holds fewer, with the
 * `RATE_LIMITED` error to answer (HTTP 429, `Retry-After`: the seconds until the bucket holds
 * `points`); served when the budget store fails (`onFailure` hears why), as a broken store must
 * not take the API down.
 */
export async function chargeBudget(
  store: BudgetStore,
  client: string,
  points: number,
  onFailure: (message: string) => void,
): Promise<BudgetCharge> {
  const { policy } = store;
  // Configuration keeps every allowed cost within the capacity; a larger one waits for a full bucket.
  const charged = Math.min(points, policy.capacity);
  let take;
  try {
    take = await store.take(client, charged);
  } catch (failure) {
    onFailure(`cost budget unavailable, request served: ${String(failure)}`);
    return { ok: true, state: undefined };
  }
  const state: BudgetState = {
    remaining: Math.floor(take.level),
    resetSeconds: Math.ceil(msUntilHolds(policy, take.level, policy.capacity) / 1000),
  };
  if (take.granted) return { ok: true, state };
  const retryAfterSeconds = Math.max(1, Math.ceil(msUntilHolds(policy, take.level, charged) / 1000));
  return {
    ok: false,
    state,
    retryAfterSeconds,
    error: {
      message:
        `This client has spent its budget of ${policy.capacity.toLocaleString('en-US')} cost points per ` +
        `${policy.windowSeconds} s, which refills continuously: ${state.remaining.toLocaleString('en-US')} ` +
        `${state.remaining === 1 ? 'point is' : 'points are'} left and this query costs ` +
        `${points.toLocaleString('en-US')}; retry in ${retryAfterSeconds} s.`,
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
    },
  };
}

/** The `RateLimit-*` headers that tell a client where it stands. */
export function budgetHeaders(store: BudgetStore, state: BudgetState): [string, string][] {
  const { capacity, windowSeconds } = store.policy;
  return [
    ['ratelimit-limit', String(capacity)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${capacity};w=${windowSeconds}`],
  ];
}

/**
 * Charges each operation's cost (from {@link ApolloServerPluginQueryCost}, at least 1 point) to its
 * client's budget before execution. A client over budget gets HTTP 429 with `Retry-After` and a
 * `RATE_LIMITED` error saying when to retry; other clients are not affected. Every response
 * carries `RateLimit-Limit` (the capacity), `RateLimit-Remaining` (whole points in the bucket),
 * `RateLimit-Reset` (seconds until it is full) and `RateLimit-Policy` (`<capacity>;w=<window>`).
 *
 * If the budget store fails, the request is served and the failure logged: a broken store
 * must not take the API down.
 */
export function ApolloServerPluginCostBudget<TContext extends BaseContext>(
  options: CostBudgetOptions<TContext>,
): ApolloServerPlugin<TContext> {
  const { store } = options;
  return {
    async requestDidStart() {
      let state: BudgetState | undefined;
      return {
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          const points = Math.max(1, operationCost(requestContext)?.requested ?? 1);
          const charge = await chargeBudget(store, options.clientKey(requestContext), points, (message) =>
            requestContext.logger.error(message),
          );
          state = charge.state;
          if (charge.ok) return null;
          return {
            http: { status: 429, headers: new HeaderMap([['retry-after', String(charge.retryAfterSeconds)]]) },
            body: { kind: 'single', singleResult: { errors: [charge.error] } },
          };
        },
        async willSendResponse({ response }) {
          if (!state) return;
          for (const [name, value] of budgetHeaders(store, state)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
