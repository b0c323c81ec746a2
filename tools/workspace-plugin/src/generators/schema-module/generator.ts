import { join } from 'node:path';
import { formatFiles, type GeneratorCallback, generateFiles, logger, readJson, type Tree } from '@nx/devkit';
import { addModuleToRegistry, API_REGISTRY, readRegistry, registerWithApi } from './api-registration.js';
import { API_SCHEMA_SDL, readExistingNames } from './existing-names.js';
import { InvalidSchemaModuleNameError, type SchemaModuleNames, schemaModuleNames } from './module-names.js';

/** Options of `nx g @devops-stories/workspace-plugin:schema-module`. */
export interface SchemaModuleGeneratorOptions {
  /** Kebab-case, without the `schema-` prefix: `release-notes` creates `libs/schema-release-notes`. */
  name: string;
  skipFormat?: boolean;
}

const FALLBACK_TYPE_GRAPHQL_VERSION = '2.0.0-rc.4';

/**
 * The scaffold, shaped like the other libraries: sources resolved through the
 * `@devops-stories/source` condition, built by `tsc -b`, tested with the shared preset.
 * `__name__` in a path and `<%= ... %>` in a file take the {@link SchemaModuleNames}.
 *
 * It depends on story-graph only; story-model joins when the module first imports a
 * model type (`@nx/dependency-checks` rejects declared but unused packages, and
 * `nx sync` adds the matching tsconfig reference). Decorators get explicit type
 * functions (`@Field(() => String)`) because the test runner emits no decorator metadata.
 * Nx loads generators as CommonJS, where `__dirname` is this folder.
 */
const TEMPLATES = join(__dirname, 'files');

/**
 * Creates `libs/schema-<name>`, a schema module with a type, a resolver and a passing
 * spec, and registers it with the API. Every check runs before the first write, so an
 * invalid name leaves the workspace untouched.
 *
 * @throws {InvalidSchemaModuleNameError} for a name that is malformed, reserved, taken,
 * or whose GraphQL type or query would collide with existing ones.
 * @throws {RegistryShapeError} when apps/api/src/schema-modules.ts cannot be edited.
 */
export async function schemaModuleGenerator(
  tree: Tree,
  options: SchemaModuleGeneratorOptions,
): Promise<GeneratorCallback> {
  const module = schemaModuleNames(options.name);
  assertModuleNameAvailable(tree, module);
  const registry = addModuleToRegistry(readRegistry(tree), module);

  const rootPackage = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  const typeGraphqlVersion: string = rootPackage.dependencies?.['type-graphql'] ?? FALLBACK_TYPE_GRAPHQL_VERSION;
  generateFiles(tree, TEMPLATES, module.projectRoot, { ...module, typeGraphqlVersion, tmpl: '' });
  registerWithApi(tree, module, registry);
  if (!options.skipFormat) await formatFiles(tree);
  return () => logger.info(nextSteps(module));
}

/**
 * Refuses a name whose library, package or module name is taken, or whose GraphQL type
 * or root query already exists in the schema or in a module's sources.
 *
 * @throws {InvalidSchemaModuleNameError} naming what is taken and where.
 */
export function assertModuleNameAvailable(tree: Tree, module: SchemaModuleNames): void {
  const taken = (why: string) =>
    new InvalidSchemaModuleNameError(`"${module.name}" is taken: ${why}. Choose another name.`);
  if (tree.exists(module.projectRoot)) throw taken(`${module.projectRoot} already exists`);
  const registry = tree.read(API_REGISTRY, 'utf-8') ?? '';
  if (registry.includes(`'${module.packageName}'`) || new RegExp(`\\b${module.moduleExport}\\b`).test(registry)) {
    throw taken(`${API_REGISTRY} already registers ${module.moduleExport} from ${module.packageName}`);
  }
  const existing = readExistingNames(tree);
  const definedIn = existing.modules.get(module.name);
  if (definedIn) throw taken(`a schema module named "${module.name}" is defined in ${definedIn}`);
  const typeIn = existing.types.get(module.typeName);
  if (typeIn) throw taken(`its GraphQL type "${module.typeName}" already exists (${typeIn})`);
  const queryIn = existing.rootFields.get(`Query.${module.queryField}`);
  if (queryIn) throw taken(`its root field "Query.${module.queryField}" already exists (${queryIn})`);
}

/** What to run after generating, in order; printed once the files are written. */
export function nextSteps(module: SchemaModuleNames): string {
  return [
    `Created ${module.projectRoot} (${module.packageName}) and registered ${module.moduleExport} in ${API_REGISTRY}.`,
    '',
    'Next steps:',
    '  1. npm install',
    `     links ${module.packageName} into node_modules.`,
    `  2. npx nx test ${module.packageName}`,
    "     runs the module's spec.",
    '  3. npx nx run @devops-stories/api:emit-schema',
    `     adds type ${module.typeName} and Query.${module.queryField} to ${API_SCHEMA_SDL}.`,
    `  4. Commit ${module.projectRoot} with ${API_SCHEMA_SDL}, the registry, package.json, package-lock.json and tsconfig files:`,
    '     CI fails when the committed schema differs from the emitted one.',
  ].join('\n');
}
