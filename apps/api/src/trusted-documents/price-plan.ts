import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  visit,
  type ASTNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

type Variables = Record<string, unknown>;
/** A price known at start, or one that depends on the request's variables. */
type Price = number | ((variables: Variables) => number);

const NO_ARGUMENTS: Record<string, unknown> = Object.freeze({});

function usesVariables(nodes: readonly ASTNode[] | undefined): boolean {
  let found = false;
  for (const node of nodes ?? []) {
    visit(node, {
      Variable() {
        found = true;
      },
    });
  }
  return found;
}

const evaluate = (price: Price, variables: Variables) => (typeof price === 'number' ? price : price(variables));

/**
 * Compiles the price of one operation under the cost model once, at start: every part of the
 * document whose price does not depend on variables is priced then, and what remains (a page
 * size given as `$first`, a `@skip(if: $x)`) is a small function of the variables. Gives the
 * same figure as `priceOperation` (which walks the whole document each time) for every
 * variables; a test compares them.
 */
export function compilePrice(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  estimators: ComplexityEstimator[];
}): (variables: Variables) => number {
  const { schema, document, operation, estimators } = options;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const compiledFragments = new Map<string, Price>();
  const active = new Set<string>();
  const possibleNames = (type: GraphQLCompositeType) =>
    isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];

  /** Whether a selection is included: `true`/`false` when known at start, else a function of the variables. */
  const inclusion = (node: { directives?: readonly DirectiveNode[] }): boolean | ((v: Variables) => boolean) => {
    if (!node.directives?.length) return true;
    const included = (variables: Variables) => {
      const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
      const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
      return skip?.if !== true && include?.if !== false;
    };
    return usesVariables(node.directives) ? included : included({});
  };

  const fieldPrice = (node: FieldNode, field: GraphQLField<unknown, unknown>, type: GraphQLCompositeType): Price => {
    const named = getNamedType(field.type);
    const child: Price = node.selectionSet && isCompositeType(named) ? compileSet(node.selectionSet, named) : 0;
    const estimate = (args: Record<string, unknown>, childComplexity: number) => {
      for (const estimator of estimators) {
        const cost = estimator({ type, field, node, args, childComplexity });
        if (typeof cost === 'number' && !Number.isNaN(cost)) return cost;
      }
      return undefined;
    };
    const constantArgs = !usesVariables(node.arguments);
    const argsOf = (variables: Variables) =>
      field.args.length ? getArgumentValues(field, node, variables) : NO_ARGUMENTS;
    if (constantArgs && typeof child === 'number') return estimate(argsOf({}), child) ?? 0;
    const args = constantArgs ? argsOf({}) : undefined;
    return (variables) => estimate(args ?? argsOf(variables), evaluate(child, variables)) ?? 0;
  };

  const compileSet = (set: SelectionSetNode, type: GraphQLCompositeType): Price => {
    const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
    const ownTypes = possibleNames(type);
    const parts: { price: Price; typeNames: readonly string[]; included: boolean | ((v: Variables) => boolean) }[] = [];
    for (const selection of set.selections) {
      const included = inclusion(selection);
      if (included === false) continue;
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
        if (!field) continue;
        parts.push({ price: fieldPrice(selection, field, type), typeNames: ownTypes, included });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (!isCompositeType(condition)) continue;
        parts.push({
          price: compileSet(selection.selectionSet, condition),
          typeNames: possibleNames(condition),
          included,
        });
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !isCompositeType(condition) || active.has(name)) continue;
        let price = compiledFragments.get(name);
        if (price === undefined) {
          active.add(name);
          price = compileSet(fragment.selectionSet, condition);
          active.delete(name);
          compiledFragments.set(name, price);
        }
        parts.push({ price, typeNames: possibleNames(condition), included });
      }
    }
    // The usual case: every part counts for the same one type, so the price is their sum.
    const oneType = parts.every((p) => p.typeNames.length === 1 && p.typeNames[0] === parts[0].typeNames[0]);
    const total = (variables: Variables) => {
      if (oneType) {
        let sum = 0;
        for (const part of parts) {
          if (typeof part.included === 'function' && !part.included(variables)) continue;
          sum += evaluate(part.price, variables);
        }
        return Math.max(0, sum);
      }
      const totals = new Map<string, number>();
      for (const part of parts) {
        if (typeof part.included === 'function' && !part.included(variables)) continue;
        const cost = evaluate(part.price, variables);
        for (const name of part.typeNames) totals.set(name, (totals.get(name) ?? 0) + cost);
      }
      return Math.max(0, ...totals.values());
    };
    const constant = parts.every((p) => p.included === true && typeof p.price === 'number');
    return constant ? total({}) : total;
  };

  const root = schema.getRootType(operation.operation);
  const price = root ? compileSet(operation.selectionSet, root) : 0;
  return typeof price === 'number' ? () => price : price;
}
