import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { QueryLimits } from '../config.js';
import { ErrorCode } from '../errors/error-codes.js';
import { coerceVariables } from '../inputs/variables.js';
import { costEstimators, measureOperation, priceOperation } from './query-cost.js';

/** Options of {@link ApolloServerPluginQueryCost}. */
export interface QueryCostOptions {
  /** Cost, depth, alias and directive limits (`maxTokens` is a parse option, not this plugin's). */
  limits: Omit<QueryLimits, 'maxTokens'>;
  /** How many items a list without paging arguments counts as (the default page size). */
  listSize: number;
}

/** What an operation costs and may cost; every response carries it as `extensions.cost`. */
export interface CostReport {
  /** The operation's cost; 0 when it was refused before it could be priced (a syntax or variable error). */
  requested: number;
  limit: number;
}

const reports = new WeakMap<GraphQLRequest, CostReport>();

/** The cost report of a request once {@link ApolloServerPluginQueryCost} has priced it (from `didResolveOperation` on). */
export function operationCost(
  requestContext: Pick<GraphQLRequestContext<BaseContext>, 'request'>,
): CostReport | undefined {
  return reports.get(requestContext.request);
}

const number = (n: number) => n.toLocaleString('en-US');

function limitError(code: ErrorCode, message: string, measured: number, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, measured, limit, http: { status: 400 } } });
}

/**
 * The published cost model, enforced before execution. For each operation, with its variables
 * applied and fragments expanded, it prices it with graphql-query-complexity's estimators
 * (type-graphql's `complexity` options first, then {@link costEstimators}' defaults) and measures depth, aliases and
 * directives, and refuses one over a limit with a 400 and (checked in this order) `QUERY_TOO_COSTLY`,
 * `QUERY_TOO_DEEP`, `TOO_MANY_ALIASES` or `TOO_MANY_DIRECTIVES`, whose message
 * gives the figure, the limit and how to get under it. Every response gets `extensions.cost`.
 *
 * Pricing and measuring are linear in the document's size however fragments spread into each
 * other, so a fragment bomb gets its exact (astronomical) price at once.
 */
export function ApolloServerPluginQueryCost<TContext extends BaseContext>(
  options: QueryCostOptions,
): ApolloServerPlugin<TContext> {
  const { maxCost, maxDepth, maxAliases, maxDirectives } = options.limits;
  const estimators = costEstimators(options.listSize);
  const tooCostly = (cost: number) =>
    limitError(
      ErrorCode.QUERY_TOO_COSTLY,
      `This query costs ${number(cost)} points, over the limit of ${number(maxCost)}. Ask for smaller pages ` +
        '(`first`/`last`), fewer nested lists, or split it into several queries; the README explains the cost model.',
      cost,
      maxCost,
    );
  return {
    async requestDidStart({ request }) {
      const report: CostReport = { requested: 0, limit: maxCost };
      reports.set(request, report);
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (!operation || !schema.getRootType(operation.operation)) return;
          const variables = coerceVariables(schema, operation, request.variables, 1);
          if (!variables.ok) return; // ApolloServerPluginInputLimits refuses it with the details
          const shape = measureOperation(document, operation, variables.values);
          report.requested = priceOperation({
            schema,
            document,
            operation,
            variables: variables.values,
            estimators,
          });
          if (report.requested > maxCost) throw tooCostly(report.requested);
          if (shape.depth > maxDepth) {
            throw limitError(
              ErrorCode.QUERY_TOO_DEEP,
              `This query nests fields ${shape.depth} deep, over the limit of ${maxDepth}. Select less deeply ` +
                'and fetch what lies further down in a second query, e.g. by id with `node(id:)`.',
              shape.depth,
              maxDepth,
            );
          }
          if (shape.aliases > maxAliases) {
            throw limitError(
              ErrorCode.TOO_MANY_ALIASES,
              `This query has ${number(shape.aliases)} aliased fields (fragments expanded), over the limit of ` +
                `${maxAliases}. Use fewer aliases, or split the query into several.`,
              shape.aliases,
              maxAliases,
            );
          }
          if (shape.directives > maxDirectives) {
            throw limitError(
              ErrorCode.TOO_MANY_DIRECTIVES,
              `This query has ${number(shape.directives)} directives (fragments expanded), over the limit of ` +
                `${maxDirectives}. Use fewer directives, or split the query into several.`,
              shape.directives,
              maxDirectives,
            );
          }
        },
        async willSendResponse({ response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          result.extensions = { ...result.extensions, cost: { requested: report.requested, limit: report.limit } };
        },
      };
    },
  };
}
