import { names } from '@nx/devkit';

const SCHEMA_MODULE_LIBS_DIR = 'libs';
const SCHEMA_MODULE_PREFIX = 'schema-';
const PACKAGE_SCOPE = '@devops-stories';

/**
 * Names a schema module may not take. They would read as, or collide with, a core
 * project (`story`, `api`, ...), a GraphQL root operation type, the `Node` interface
 * or a built-in scalar, whose PascalCase form becomes the module's type name.
 */
export const RESERVED_MODULE_NAMES: ReadonlySet<string> = new Set([
  'api',
  'app',
  'boolean',
  'content',
  'core',
  'float',
  'graph',
  'id',
  'int',
  'model',
  'mutation',
  'node',
  'query',
  'schema',
  'store',
  'story',
  'string',
  'subscription',
  'tools',
  'web',
]);

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;

/** Every identifier the generator derives from a module name, e.g. `release-notes`. */
export interface SchemaModuleNames {
  /** `release-notes`: the module's `name` and the GraphQL-facing stem. */
  name: string;
  /** `libs/schema-release-notes` */
  projectRoot: string;
  /** `@devops-stories/schema-release-notes` */
  packageName: string;
  /** `ReleaseNotes`: the module's object type. */
  typeName: string;
  /** `ReleaseNotesResolver` */
  resolverName: string;
  /** `releaseNotes`: the module's root query field. */
  queryField: string;
  /** `releaseNotesModule`: the `SchemaModule` the library exports. */
  moduleExport: string;
}

/** Thrown for a module name the generator refuses; the message says why and what to do. */
export class InvalidSchemaModuleNameError extends Error {
  override name = 'InvalidSchemaModuleNameError';
}

/**
 * Checks the spelling of a module name and derives its identifiers. Checks that need
 * the workspace (taken names, GraphQL collisions) are in `assertModuleNameAvailable`.
 *
 * @throws {InvalidSchemaModuleNameError} for a name that is not kebab-case, repeats the
 * `schema-` prefix or is reserved.
 */
export function schemaModuleNames(rawName: string): SchemaModuleNames {
  const name = rawName.trim();
  if (name.startsWith(SCHEMA_MODULE_PREFIX) && KEBAB_CASE.test(name)) {
    throw new InvalidSchemaModuleNameError(
      `"${name}": leave out the "${SCHEMA_MODULE_PREFIX}" prefix, the generator adds it ` +
        `(try "${name.slice(SCHEMA_MODULE_PREFIX.length)}" for ${SCHEMA_MODULE_LIBS_DIR}/${name}).`,
    );
  }
  if (!KEBAB_CASE.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new InvalidSchemaModuleNameError(
      `"${rawName}" is not a valid schema module name: use kebab-case of at most ${MAX_NAME_LENGTH} characters, ` +
        `lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. "release-notes").`,
    );
  }
  if (RESERVED_MODULE_NAMES.has(name)) {
    throw new InvalidSchemaModuleNameError(
      `"${name}" is reserved: it names a core project, a GraphQL root type, the Node interface or a built-in scalar. ` +
        `Choose a more specific name (e.g. "${name}-notes").`,
    );
  }
  const { className, propertyName } = names(name);
  return {
    name,
    projectRoot: `${SCHEMA_MODULE_LIBS_DIR}/${SCHEMA_MODULE_PREFIX}${name}`,
    packageName: `${PACKAGE_SCOPE}/${SCHEMA_MODULE_PREFIX}${name}`,
    typeName: className,
    resolverName: `${className}Resolver`,
    queryField: propertyName,
    moduleExport: `${propertyName}Module`,
  };
}
