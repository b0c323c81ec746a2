import {
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContext,
  type GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
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
          try {
            state = await limiter.consume(options.clientKey(requestContext), points);
            return null;
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) {
              requestContext.logger.error(`cost budget unavailable, request served: ${String(rejection)}`);
              return null;
            }
            state = rejection;
          }
          const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
          return {
            http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
            body: {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message:
                      `This client has spent its budget of ${limiter.points.toLocaleString('en-US')} cost points per ` +
                      `${limiter.duration} s (this query costs ${points.toLocaleString('en-US')}); retry in ${retryAfter} s.`,
                    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter },
                  },
                ],
              },
            },
          };
        },
        async willSendResponse({ response }) {
          if (!state) return;
          const headers = response.http.headers;
          headers.set('ratelimit-limit', String(limiter.points));
          headers.set('ratelimit-remaining', String(Math.max(0, state.remainingPoints)));
          headers.set('ratelimit-reset', String(Math.ceil(state.msBeforeNext / 1000)));
          headers.set('ratelimit-policy', `${limiter.points};w=${limiter.duration}`);
        },
      };
    },
  };
}
