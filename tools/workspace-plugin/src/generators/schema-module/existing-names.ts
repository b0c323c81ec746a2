import { type Tree, visitNotIgnoredFiles } from '@nx/devkit';
import { type DefinitionNode, Kind, parse } from 'graphql';
import * as ts from 'typescript';

/** The API's committed schema; the generator reads it for names already in use. */
export const API_SCHEMA_SDL = 'apps/api/schema.graphql';

/** Folders whose TypeScript may define GraphQL types, root fields or schema modules. */
const SOURCE_ROOTS = ['libs', 'apps/api/src'];

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const TYPE_DECORATORS = new Set(['ObjectType', 'InterfaceType', 'InputType']);
const NAMED_TYPE_FACTORIES = new Set(['registerEnumType', 'createUnionType']);
const SOURCE_MARKERS =
  /@(ObjectType|InterfaceType|InputType|Query|Mutation|Subscription)\b|registerEnumType|createUnionType|defineSchemaModule/;

/** Names already in use in the workspace, each mapped to the file that defines it. */
export interface ExistingNames {
  /** GraphQL type names (objects, interfaces, inputs, enums, unions, scalars). */
  types: Map<string, string>;
  /** Root fields as `Query.story`, `Mutation.x`. */
  rootFields: Map<string, string>;
  /** `SchemaModule.name`s given to `defineSchemaModule`. */
  modules: Map<string, string>;
}

/**
 * Collects the GraphQL names and module names in use, from the committed SDL and from
 * the type-graphql decorators in the sources, so that a module written but not yet
 * emitted into the SDL still counts.
 */
export function readExistingNames(tree: Tree): ExistingNames {
  const found: ExistingNames = { types: new Map(), rootFields: new Map(), modules: new Map() };
  if (tree.exists(API_SCHEMA_SDL)) collectFromSdl(tree.read(API_SCHEMA_SDL, 'utf-8') ?? '', found);
  for (const root of SOURCE_ROOTS) {
    if (!tree.exists(root)) continue;
    visitNotIgnoredFiles(tree, root, (path) => {
      if (!/\.ts$/.test(path) || /\.(spec|test|d)\.ts$/.test(path) || /(^|\/)(node_modules|dist|out-tsc)\//.test(path))
        return;
      const text = tree.read(path, 'utf-8') ?? '';
      if (SOURCE_MARKERS.test(text)) collectFromSource(path, text, found);
    });
  }
  return found;
}

function collectFromSdl(sdl: string, found: ExistingNames): void {
  const claim = (definition: DefinitionNode) => {
    if (!('name' in definition) || !definition.name) return;
    const name = definition.name.value;
    if (!found.types.has(name)) found.types.set(name, API_SCHEMA_SDL);
    const isRootObject =
      definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
    if (isRootObject && ROOT_TYPES.has(name)) {
      for (const field of definition.fields ?? []) found.rootFields.set(`${name}.${field.name.value}`, API_SCHEMA_SDL);
    }
  };
  parse(sdl, { noLocation: true }).definitions.forEach(claim);
}

function collectFromSource(path: string, text: string, found: ExistingNames): void {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      for (const call of decoratorCalls(node)) {
        if (!TYPE_DECORATORS.has(call.name)) continue;
        const explicit = call.args[0] && stringValue(call.args[0]);
        const name = explicit ?? node.name?.text;
        if (name) found.types.set(name, path);
      }
    } else if (ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node)) {
      for (const call of decoratorCalls(node)) {
        if (!ROOT_TYPES.has(call.name)) continue;
        const explicit = call.args.map((arg) => objectProperty(arg, 'name')).find((name) => name !== undefined);
        const name = explicit ?? (ts.isIdentifier(node.name) ? node.name.text : undefined);
        if (name) found.rootFields.set(`${call.name}.${name}`, path);
      }
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      if (NAMED_TYPE_FACTORIES.has(callee)) {
        const name = node.arguments.map((arg) => objectProperty(arg, 'name')).find((n) => n !== undefined);
        if (name) found.types.set(name, path);
      } else if (callee === 'defineSchemaModule' && node.arguments[0]) {
        const name = objectProperty(node.arguments[0], 'name');
        if (name) found.modules.set(name, path);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function decoratorCalls(node: ts.HasDecorators): { name: string; args: readonly ts.Expression[] }[] {
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression)
      ? [{ name: call.expression.text, args: call.arguments }]
      : [];
  });
}

function stringValue(node: ts.Expression): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function objectProperty(node: ts.Expression, key: string): string | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === key) {
      return stringValue(property.initializer);
    }
  }
  return undefined;
}
