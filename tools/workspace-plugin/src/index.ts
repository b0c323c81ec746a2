export {
  addModuleToRegistry,
  API_REGISTRY,
  API_ROOT,
  RegistryShapeError,
} from './generators/schema-module/api-registration.js';
export { API_SCHEMA_SDL, type ExistingNames, readExistingNames } from './generators/schema-module/existing-names.js';
export {
  assertModuleNameAvailable,
  nextSteps,
  schemaModuleGenerator,
  type SchemaModuleGeneratorOptions,
} from './generators/schema-module/generator.js';
export {
  InvalidSchemaModuleNameError,
  RESERVED_MODULE_NAMES,
  type SchemaModuleNames,
  schemaModuleNames,
} from './generators/schema-module/module-names.js';
