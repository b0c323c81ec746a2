import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';

/** Most field selections a document may expand to (fragments spread into each other) before it is refused unpriced. */
export const MAX_EXPANDED_SELECTIONS = 10_000;

/** What a document asks for, fragments expanded: the figures the limits apply to. */
export interface DocumentShape {
  /** Deepest field nesting. */
  depth: number;
  /** Aliased fields. */
  aliases: number;
  /** Directives, on fields and fragments. */
  directives: number;
  /** Field selections. */
  selections: number;
}

/**
 * The default prices of the cost model, for fields without a `complexity` of their own: an object
 * field costs 1 plus what is selected in it, times `listSize` when it is a list; a scalar costs 0.
 * Introspection (`__schema`, `__type`) is free: it is off in production and bounded by the schema.
 */
export function defaultFieldCost(listSize: number): ComplexityEstimator {
  return ({ field, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    if (!isCompositeType(getNamedType(field.type))) return 0;
    return 1 + (isListType(getNullableType(field.type)) ? listSize : 1) * childComplexity;
  };
}

/** The cost model's estimators, first match wins: a field's own `complexity` (type-graphql), then the defaults. */
export function costEstimators(listSize: number): ComplexityEstimator[] {
  return [fieldExtensionsEstimator(), defaultFieldCost(listSize)];
}

/**
 * Prices an operation: the cost model applied to the document with its variables, fragments
 * expanded. Throws what graphql-query-complexity throws for an invalid document or variables;
 * call it on validated documents with coerced-clean variables.
 */
export function priceOperation(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  estimators: ComplexityEstimator[];
}): number {
  return getComplexity({
    schema: options.schema,
    query: options.document,
    operationName: options.operationName ?? undefined,
    variables: options.variables,
    estimators: options.estimators,
    maxQueryNodes: 4 * MAX_EXPANDED_SELECTIONS,
  });
}

/**
 * Measures an operation of a validated document, fragments expanded, in time linear in the
 * document's size (each fragment is measured once, however often it is spread).
 * `@skip`/`@include` with a literal or variable condition are honoured, as execution would.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, DocumentShape>();
  const active = new Set<string>();
  const empty = (): DocumentShape => ({ depth: 0, aliases: 0, directives: 0, selections: 0 });
  const add = (into: DocumentShape, part: DocumentShape, depthOffset: number) => {
    into.depth = Math.max(into.depth, part.depth + depthOffset);
    into.aliases += part.aliases;
    into.directives += part.directives;
    into.selections += part.selections;
  };
  const excluded = (directives: readonly { name: { value: string }; arguments?: readonly any[] }[] = []) =>
    directives.some((d) => {
      const condition = d.arguments?.find((a) => a.name.value === 'if')?.value as ValueNode | undefined;
      const value =
        condition?.kind === Kind.BOOLEAN
          ? condition.value
          : condition?.kind === Kind.VARIABLE
            ? variables[condition.name.value]
            : undefined;
      return (d.name.value === 'skip' && value === true) || (d.name.value === 'include' && value === false);
    });

  const measure = (set: SelectionSetNode): DocumentShape => {
    const shape = empty();
    for (const selection of set.selections) {
      shape.directives += selection.directives?.length ?? 0;
      if (excluded(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        shape.selections += 1;
        if (selection.alias) shape.aliases += 1;
        if (selection.selectionSet) {
          add(shape, measure(selection.selectionSet), 1);
        } else {
          shape.depth = Math.max(shape.depth, 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(shape, measure(selection.selectionSet), 0);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || active.has(name)) continue; // unknown or cyclic: validation has refused it
        let part = memo.get(name);
        if (!part) {
          active.add(name);
          part = measure(fragment.selectionSet);
          part.directives += fragment.directives?.length ?? 0;
          active.delete(name);
          memo.set(name, part);
        }
        add(shape, part, 0);
      }
    }
    return shape;
  };
  return measure(operation.selectionSet);
}
