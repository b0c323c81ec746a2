import { type GraphQLFieldResolver, type GraphQLSchema, isAbstractType, isObjectType } from 'graphql';
import { operationTimeoutError } from '../deadline/operation-deadline.plugin.js';

/** Where the lean path keeps a request's execution deadline on its context. */
export const DEADLINE = Symbol('deadline');

/** A request's deadline, on its context under {@link DEADLINE}. */
export interface Deadline {
  /** `performance.now()` after which fields fail. */
  at: number;
  /** Set once a field has failed for it. */
  expired: boolean;
}

/**
 * Readies a schema build of its own for graphql-jit, once at start:
 * - every union and interface resolves its type synchronously from the value's `__typename`
 *   (every node the graph returns carries one): type-graphql wraps `resolveType` in an async
 *   function, which graphql-jit cannot use;
 * - every field with a resolver of its own first checks the request's {@link Deadline}, as
 *   `ApolloServerPluginOperationDeadline` does through `willResolveField` for Apollo: once it
 *   has passed, each field that starts fails with `OPERATION_TIMEOUT`, so execution winds down.
 *   Fields without resolvers (plain properties, inlined by graphql-jit) are left alone.
 */
export function prepareExecutionSchema(schema: GraphQLSchema, timeoutMs: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isAbstractType(type)) {
      const original = type.resolveType;
      type.resolveType = (value, context, info, abstractType) =>
        typeof (value as { __typename?: unknown } | null)?.__typename === 'string'
          ? (value as { __typename: string }).__typename
          : original?.(value, context, info, abstractType);
    } else if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const resolve = field.resolve;
        if (!resolve) continue;
        field.resolve = withDeadline(resolve, timeoutMs);
      }
    }
  }
  return schema;
}

function withDeadline(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  timeoutMs: number,
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const deadline = (context as { [DEADLINE]?: Deadline })[DEADLINE];
    if (deadline && (deadline.expired || performance.now() > deadline.at)) {
      deadline.expired = true;
      throw operationTimeoutError(timeoutMs);
    }
    return resolve(source, args, context, info);
  };
}
