import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionNode,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
} from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

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

const NO_ARGUMENTS: Record<string, unknown> = Object.freeze({});

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
 * Prices an operation under the cost model: the same rules as graphql-query-complexity's
 * `getComplexity` (estimators tried in order, `@skip`/`@include` honoured, the most expensive
 * possible type of an abstract selection counted), but in one walk over the validated document
 * in which each fragment is priced once, however often it is spread: linear in the document's
 * size, where `getComplexity` re-walks every spread (a fragment bomb) and revalidates. A test
 * checks both agree on every operation of the web client and on generated documents.
 *
 * @param variables the operation's coerced variables (as {@link coerceVariables} returns them).
 * @throws the GraphQLError of an argument that cannot be coerced (validation normally prevents it).
 */
export function priceOperation(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  estimators: ComplexityEstimator[];
}): number {
  const { schema, document, operation, variables, estimators } = options;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const active = new Set<string>();
  const possibleNames = (type: GraphQLCompositeType) =>
    isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  const included = (node: SelectionNode) => {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return skip?.if !== true && include?.if !== false;
  };

  const price = (set: SelectionSetNode, type: GraphQLCompositeType): number => {
    const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
    const ownTypes = possibleNames(type);
    const totals = new Map<string, number>();
    const add = (cost: number, typeNames: readonly string[]) => {
      for (const name of typeNames) totals.set(name, (totals.get(name) ?? 0) + cost);
    };
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field =
          name === '__typename'
            ? TypeNameMetaFieldDef
            : name === '__schema'
              ? SchemaMetaFieldDef
              : name === '__type'
                ? TypeMetaFieldDef
                : fields[name];
        if (!field) continue; // validation has refused it
        const named = getNamedType(field.type);
        const childComplexity =
          selection.selectionSet && isCompositeType(named) ? price(selection.selectionSet, named) : 0;
        const args = field.args.length ? getArgumentValues(field, selection, variables) : NO_ARGUMENTS;
        for (const estimate of estimators) {
          const cost = estimate({ type, field, node: selection, args, childComplexity });
          if (typeof cost === 'number' && !Number.isNaN(cost)) {
            add(cost, ownTypes);
            break;
          }
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (!isCompositeType(condition)) continue;
        add(price(selection.selectionSet, condition), possibleNames(condition));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !isCompositeType(condition) || active.has(name)) continue; // refused by validation
        let cost = memo.get(name);
        if (cost === undefined) {
          active.add(name);
          cost = price(fragment.selectionSet, condition);
          active.delete(name);
          memo.set(name, cost);
        }
        add(cost, possibleNames(condition));
      }
    }
    return Math.max(0, ...totals.values());
  };

  const root = schema.getRootType(operation.operation);
  return root ? price(operation.selectionSet, root) : 0;
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
