import { applyChangesToString, ChangeType, type StringInsertion, type Tree, updateJson } from '@nx/devkit';
import * as ts from 'typescript';
import type { SchemaModuleNames } from './module-names.js';

/** The API project that serves every schema module. */
export const API_ROOT = 'apps/api';
/** The module registry the API assembles its schema from. */
export const API_REGISTRY = `${API_ROOT}/src/schema-modules.ts`;
const REGISTRY_ARRAY = 'schemaModules';

/** Thrown when the API registry is missing or no longer has the shape the generator edits. */
export class RegistryShapeError extends Error {
  override name = 'RegistryShapeError';
}

/**
 * Returns the registry source with the module imported and appended to the
 * `schemaModules` array. Returns the source unchanged when both are already there,
 * so running it twice adds nothing.
 *
 * @throws {RegistryShapeError} when there is no `schemaModules` array literal to append to.
 */
export function addModuleToRegistry(
  source: string,
  module: Pick<SchemaModuleNames, 'packageName' | 'moduleExport'>,
): string {
  const file = ts.createSourceFile(API_REGISTRY, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const array = findRegistryArray(file);
  if (!array) {
    throw new RegistryShapeError(
      `Cannot register the module: ${API_REGISTRY} must declare \`export const ${REGISTRY_ARRAY}: SchemaModule[] = [...]\` ` +
        `with an array literal. Restore that shape, or register ${module.moduleExport} by hand.`,
    );
  }
  const edits: StringInsertion[] = [];
  const imports = file.statements.filter(ts.isImportDeclaration);
  const importsIt = imports.some(
    (declaration) =>
      ts.isStringLiteral(declaration.moduleSpecifier) &&
      declaration.moduleSpecifier.text === module.packageName &&
      namedImports(declaration).includes(module.moduleExport),
  );
  if (!importsIt) {
    const line = `import { ${module.moduleExport} } from '${module.packageName}';`;
    const next = imports.find(
      (d) => ts.isStringLiteral(d.moduleSpecifier) && d.moduleSpecifier.text > module.packageName,
    );
    if (next) edits.push(insert(next.getStart(file), `${line}\n`));
    else if (imports.length) edits.push(insert(imports[imports.length - 1].getEnd(), `\n${line}`));
    else edits.push(insert(0, `${line}\n\n`));
  }
  const elements = array.elements;
  if (!elements.some((e) => ts.isIdentifier(e) && e.text === module.moduleExport)) {
    if (!elements.length) {
      edits.push(insert(array.getStart(file) + 1, module.moduleExport));
    } else {
      const last = elements[elements.length - 1];
      const multiline = source.slice(array.getStart(file), array.getEnd()).includes('\n');
      const lineStart = source.lastIndexOf('\n', last.getStart(file)) + 1;
      const indent = source.slice(lineStart, last.getStart(file)).replace(/\S.*$/, '');
      edits.push(insert(last.getEnd(), multiline ? `,\n${indent}${module.moduleExport}` : `, ${module.moduleExport}`));
    }
  }
  return applyChangesToString(source, edits);
}

function insert(index: number, text: string): StringInsertion {
  return { type: ChangeType.Insert, index, text };
}

/**
 * Registers the module with the API: the registry entry, the package dependency
 * (linked by `npm install`) and the TypeScript project reference `tsc -b` follows.
 */
export function registerWithApi(tree: Tree, module: SchemaModuleNames, registrySource: string): void {
  tree.write(API_REGISTRY, registrySource);
  updateJson(tree, `${API_ROOT}/package.json`, (json) => {
    const dependencies: Record<string, string> = { ...json.dependencies, [module.packageName]: '*' };
    json.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
    return json;
  });
  addReference(tree, `${API_ROOT}/tsconfig.app.json`, `../../${module.projectRoot}/tsconfig.lib.json`);
  addReference(tree, 'tsconfig.json', `./${module.projectRoot}`);
}

/** Reads the registry source, failing with a clear message when the API is not where the generator expects it. */
export function readRegistry(tree: Tree): string {
  const source = tree.read(API_REGISTRY, 'utf-8');
  if (source === null) {
    throw new RegistryShapeError(`Cannot register the module: ${API_REGISTRY} does not exist.`);
  }
  if (!tree.exists(`${API_ROOT}/package.json`)) {
    throw new RegistryShapeError(`Cannot register the module: ${API_ROOT}/package.json does not exist.`);
  }
  return source;
}

function addReference(tree: Tree, tsconfigPath: string, referencePath: string): void {
  if (!tree.exists(tsconfigPath)) return;
  updateJson(tree, tsconfigPath, (json) => {
    const references: { path: string }[] = json.references ?? [];
    if (references.some((r) => r.path === referencePath)) return json;
    // Libraries stay listed before apps, the order `nx sync` keeps.
    const firstApp = references.findIndex((r) => /^(\.\/)?apps\//.test(r.path));
    references.splice(firstApp === -1 ? references.length : firstApp, 0, { path: referencePath });
    json.references = references;
    return json;
  });
}

function findRegistryArray(file: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== REGISTRY_ARRAY) continue;
      let init = declaration.initializer;
      while (
        init &&
        (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
      ) {
        init = init.expression;
      }
      return init && ts.isArrayLiteralExpression(init) ? init : undefined;
    }
  }
  return undefined;
}

function namedImports(declaration: ts.ImportDeclaration): string[] {
  const bindings = declaration.importClause?.namedBindings;
  return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
}
