import {
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContext,
  type GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { operationCost } from '../cost/cost.plugin.js';
import { ErrorCode } from '../errors/error-codes.js';

/** The window a budget refills in, in seconds. */
export const BUDGET_WINDOW_SECONDS = 60;

/** Options of {@link ApolloServerPluginCostBudget}. */
export interface CostBudgetOptions<TContext extends BaseContext> {
  /**
   * The buckets: `points` is each client's budget per `duration` seconds. {@link memoryBudget}
   * keeps them in this process; a shared store (rate-limiter-flexible's PostgreSQL limiter, say)
   * makes replicas share them.
   */
  limiter: RateLimiterAbstract;
  /** Who a request is charged to: the client's address. */
  clientKey: (requestContext: GraphQLRequestContext<TContext>) => string;
}

/** Per-client budgets of `points` cost points a minute, held in this process's memory. */
export function memoryBudget(points: number): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'cost-budget', points, duration: BUDGET_WINDOW_SECONDS });
}

/** The outcome of {@link chargeBudget}: within budget (with where the client stands), or refused. */
export type BudgetCharge =
  | { ok: true; state: RateLimiterRes | undefined }
  | { ok: false; state: RateLimiterRes; retryAfterSeconds: number; error: GraphQLFormattedError };

/**
 * Charges `points` to `client`'s budget. Refused when over budget, with the `RATE_LIMITED`
 * error to answer (HTTP 429, `Retry-After`); served when the budget store fails (`onFailure`
 * hears why), as a broken limiter must not take the API down.
 */
export async function chargeBudget(
  limiter: RateLimiterAbstract,
  client: string,
  points: number,
  onFailure: (message: string) => void,
): Promise<BudgetCharge> {
  let state: RateLimiterRes;
  try {
    return { ok: true, state: await limiter.consume(client, points) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) {
      onFailure(`cost budget unavailable, request served: ${String(rejection)}`);
      return { ok: true, state: undefined };
    }
    state = rejection;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return {
    ok: false,
    state,
    retryAfterSeconds,
    error: {
      message:
        `This client has spent its budget of ${limiter.points.toLocaleString('en-US')} cost points per ` +
        `${limiter.duration} s (this query costs ${points.toLocaleString('en-US')}); retry in ${retryAfterSeconds} s.`,
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
    },
  };
}

/** The `RateLimit-*` headers that tell a client where it stands. */
export function budgetHeaders(limiter: RateLimiterAbstract, state: RateLimiterRes): [string, string][] {
  return [
    ['ratelimit-limit', String(limiter.points)],
    ['ratelimit-remaining', String(Math.max(0, state.remainingPoints))],
    ['ratelimit-reset', String(Math.ceil(state.msBeforeNext / 1000))],
    ['ratelimit-policy', `${limiter.points};w=${limiter.duration}`],
  ];
}

/**
 * Charges each operation's cost (from {@link ApolloServerPluginQueryCost}, at least 1 point) to its
 * client's budget before execution. A client over budget gets HTTP 429 with `Retry-After` and a
 * `RATE_LIMITED` error saying when to retry; other clients are not affected. Every response
 * carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`.
 *
 * If the budget store fails, the request is served and the failure logged: a broken limiter
 * must not take the API down.
 */
export function ApolloServerPluginCostBudget<TContext extends BaseContext>(
  options: CostBudgetOptions<TContext>,
): ApolloServerPlugin<TContext> {
  const { limiter } = options;
  return {
    async requestDidStart() {
      let state: RateLimiterRes | undefined;
      return {
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          const points = Math.max(1, operationCost(requestContext)?.requested ?? 1);
          const charge = await chargeBudget(limiter, options.clientKey(requestContext), points, (message) =>
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
          for (const [name, value] of budgetHeaders(limiter, state)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
