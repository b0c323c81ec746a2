import type { StoryContext } from '../context/story.context.js';

/**
 * A slice of the schema that a library contributes: the core story module and
 * every extension are assembled into one schema by {@link buildModularSchema}.
 *
 * A module can add root fields (`@Query` in its resolvers) and fields on types
 * other modules own (`@FieldResolver` in a `@Resolver(() => Story)` class),
 * without touching their libraries.
 */
export interface SchemaModule<TExtra extends object = object> {
  /** Kebab-case and unique; errors name the module by it. */
  name: string;
  /** The resolver classes of the module. */
  resolvers: readonly Function[];
  /**
   * Every object, interface and input type the module defines. Types listed here
   * are in the schema even if no resolver returns them, and conflicts are checked
   * against them.
   */
  types?: readonly Function[];
  /**
   * Adds per-request services or loaders to the context. Called once per request
   * after the core context exists; the keys it returns must be unique across modules.
   */
  context?: (base: StoryContext) => TExtra;
  /**
   * Operations the module ships for its consumers to send by id (`documentId: "sha256:<hex of
   * the text>"`): the api trusts them like a consumer's persisted-documents manifest, parsed and
   * validated once at start.
   */
  trustedDocuments?: readonly string[];
}

/** Declares a module with its context type inferred, for resolvers to use as `StoryContext & TExtra`. */
export function defineSchemaModule<TExtra extends object = object>(module: SchemaModule<TExtra>): SchemaModule<TExtra> {
  return module;
}
