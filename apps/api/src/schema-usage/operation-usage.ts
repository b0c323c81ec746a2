import {
  type DocumentNode,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { ConsumerOperation } from './consumer-operations.js';

/** The schema coordinates one operation touches. */
export interface OperationUsage {
  /** `Type.field`, `Type.field.argument`, `Input.field`, `Enum.VALUE` and `@directive`, as written in the document. */
  coordinates: Set<string>;
  /** Every named type the operation selects, spreads on, or takes as an argument or variable. */
  types: Set<string>;
  /**
   * Input and enum types its variables can carry (`$filter: StoryFilter` reaches `StoryFilter`
   * and the types of its fields): what values it sends there is only known at run time.
   */
  variableTypes: Set<string>;
}

/** Input object and enum types reachable from `type` through input fields. */
function reachableInputTypes(type: GraphQLNamedType, into: Set<string>): void {
  if (into.has(type.name)) return;
  if (isEnumType(type)) into.add(type.name);
  if (!isInputObjectType(type)) return;
  into.add(type.name);
  for (const field of Object.values(type.getFields())) reachableInputTypes(getNamedType(field.type), into);
}

/**
 * What `document` uses of `schema`. Coordinates are recorded as written even when `schema`
 * lacks them (a field added since), as long as their parent type is known.
 */
export function operationUsage(schema: GraphQLSchema, document: DocumentNode): OperationUsage {
  const usage: OperationUsage = { coordinates: new Set(), types: new Set(), variableTypes: new Set() };
  const typeInfo = new TypeInfo(schema);
  const addType = (type: GraphQLNamedType | null | undefined) => type && usage.types.add(type.name);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        usage.coordinates.add(`${parent.name}.${node.name.value}`);
        const field = typeInfo.getFieldDef();
        if (field) addType(getNamedType(field.type));
      },
      Argument(node) {
        if (typeInfo.getDirective()) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) usage.coordinates.add(`${parent.name}.${field.name}.${node.name.value}`);
        const argument = typeInfo.getArgument();
        if (argument) addType(getNamedType(argument.type));
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (!parent) return;
        const named = getNamedType(parent);
        usage.coordinates.add(`${named.name}.${node.name.value}`);
        addType(named);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        if (type) usage.coordinates.add(`${getNamedType(type).name}.${node.value}`);
      },
      Directive(node) {
        usage.coordinates.add(`@${node.name.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (!type) return;
        addType(getNamedType(type));
        reachableInputTypes(getNamedType(type), usage.variableTypes);
      },
      InlineFragment(node) {
        if (node.typeCondition) addType(schema.getType(node.typeCondition.name.value));
      },
      FragmentDefinition(node) {
        addType(schema.getType(node.typeCondition.name.value));
      },
    }),
  );
  return usage;
}

/** One use of a coordinate: which operation, and what it touches there. */
export interface CoordinateUse {
  operation: ConsumerOperation;
  /** The coordinate the operation uses, or `$variable: Type` when it may pass it at run time. */
  uses: string;
}

const kindOf = (schema: GraphQLSchema, name: string) => schema.getType(name);

/**
 * The operations a schema change at `path` (a graphql-inspector path such as `Story.headline`,
 * `Query.search.locale`, `SourceKind.TALK` or `Term`) can break, judged on the schema the
 * operations were written against. Conservative where a document cannot tell: an argument
 * change counts for every use of its field, an input field or enum value change for every
 * operation whose variables can carry that type, and a change without a path for every operation.
 */
export function operationsAffectedBy(
  schema: GraphQLSchema,
  path: string | undefined,
  operations: { operation: ConsumerOperation; usage: OperationUsage }[],
): CoordinateUse[] {
  const uses: CoordinateUse[] = [];
  for (const { operation, usage } of operations) {
    const use = affectedUse(schema, path, operation, usage);
    if (use) uses.push({ operation, uses: use });
  }
  return uses;
}

function affectedUse(
  schema: GraphQLSchema,
  path: string | undefined,
  operation: ConsumerOperation,
  usage: OperationUsage,
): string | undefined {
  if (!path) return `the whole schema (${operation.name})`;
  if (path.startsWith('@')) {
    const directive = path.split('.')[0];
    return usage.coordinates.has(directive) ? directive : undefined;
  }
  const [typeName, member, argument] = path.split('.');
  if (member === undefined) return usage.types.has(typeName) ? typeName : undefined;
  if (argument !== undefined) {
    const field = `${typeName}.${member}`;
    return usage.coordinates.has(path) ? path : usage.coordinates.has(field) ? field : undefined;
  }
  if (usage.coordinates.has(path)) return path;
  const type = kindOf(schema, typeName);
  if (type && (isInputObjectType(type) || isEnumType(type))) {
    if (usage.variableTypes.has(typeName)) {
      const variable = operation.document.definitions
        .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []))
        .find((v) => {
          const reached = new Set<string>();
          const declared = typeFromAST(schema, v.type);
          if (declared) reachableInputTypes(getNamedType(declared), reached);
          return reached.has(typeName);
        });
      return variable ? `$${variable.variable.name.value} (may carry ${path})` : `a variable that may carry ${path}`;
    }
    // An output enum: an operation that selects a field of that enum type can receive the value.
    if (isEnumType(type) && usage.types.has(typeName)) return `a field of type ${typeName}`;
    return undefined;
  }
  if (type && !isObjectType(type) && !isInterfaceType(type)) return usage.types.has(typeName) ? typeName : undefined;
  return undefined;
}
