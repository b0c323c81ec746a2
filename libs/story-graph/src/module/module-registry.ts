import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from '../authoring/auth-checker.js';
import {
  createStoryContext,
  type StoryContext,
  type StoryGraphOptions,
  type StoryRequest,
} from '../context/story.context.js';
import type { SchemaModule } from './schema-module.js';

/** Thrown at start when modules cannot be assembled; names the modules involved. */
export class SchemaModuleConflictError extends Error {
  constructor(readonly conflicts: readonly string[]) {
    super(`Schema modules conflict:\n${conflicts.map((c) => `  - ${c}`).join('\n')}`);
    this.name = 'SchemaModuleConflictError';
  }
}

type Owner = { module: string; what: string };

/**
 * Checks that no two modules define the same module name, type, root field or
 * type field, using type-graphql's decorator metadata.
 *
 * @throws {SchemaModuleConflictError} listing each clash with both module names.
 */
export function assertNoConflicts(modules: readonly SchemaModule[]): void {
  const storage = getMetadataStorage();
  const conflicts: string[] = [];
  const claims = new Map<string, Owner>();
  const claim = (key: string, owner: Owner) => {
    const earlier = claims.get(key);
    if (earlier && earlier.module !== owner.module) {
      conflicts.push(
        `${key} is defined by module "${earlier.module}" (${earlier.what}) and module "${owner.module}" (${owner.what})`,
      );
    } else if (!earlier) {
      claims.set(key, owner);
    }
  };
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) conflicts.push(`module name "${m.name}" is registered twice`);
    names.add(m.name);
  }
  const typeName = (target: Function) =>
    storage.objectTypes.find((t) => t.target === target)?.name ??
    storage.interfaceTypes.find((t) => t.target === target)?.name ??
    storage.inputTypes.find((t) => t.target === target)?.name;

  for (const m of modules) {
    for (const type of m.types ?? []) {
      const name = typeName(type) ?? type.name;
      claim(`type ${name}`, { module: m.name, what: `class ${type.name}` });
      for (const field of storage.fields.filter((f) => f.target === type)) {
        claim(`field ${name}.${field.schemaName}`, { module: m.name, what: `class ${type.name}` });
      }
    }
  }
  for (const m of modules) {
    const resolvers = new Set(m.resolvers);
    const roots = [
      ['Query', storage.queries],
      ['Mutation', storage.mutations],
      ['Subscription', storage.subscriptions],
    ] as const;
    for (const [root, list] of roots) {
      for (const r of list.filter((r) => resolvers.has(r.target))) {
        claim(`field ${root}.${r.schemaName}`, { module: m.name, what: `${r.target.name}.${r.methodName}` });
      }
    }
    for (const r of storage.fieldResolvers.filter((r) => resolvers.has(r.target))) {
      const owner = storage.resolverClasses.find((c) => c.target === r.target)?.getObjectType();
      const name = owner ? (typeName(owner) ?? owner.name) : '?';
      claim(`field ${name}.${r.schemaName}`, { module: m.name, what: `${r.target.name}.${r.methodName}` });
    }
  }
  if (conflicts.length) throw new SchemaModuleConflictError(conflicts);
}

/** Builds the executable schema from modules, after checking they do not clash; `@Authorized` fields are guarded. */
export async function buildModularSchema(modules: readonly SchemaModule[]): Promise<GraphQLSchema> {
  assertNoConflicts(modules);
  const resolvers = modules.flatMap((m) => m.resolvers);
  return buildSchema({
    resolvers: resolvers as [Function, ...Function[]],
    orphanedTypes: modules.flatMap((m) => m.types ?? []) as Function[],
    validate: false,
    // `@Authorized(...)` fields: UNAUTHENTICATED or FORBIDDEN before their resolver runs.
    authChecker,
    authMode: 'error',
  });
}

/**
 * Returns the per-request context factory: the core story context plus what each module adds.
 * Module context keys are checked once, here, so a clash fails at start and requests pay nothing for it.
 * A request may read through a store of its own (`store`), such as one that notes what it reads.
 *
 * @throws {SchemaModuleConflictError} when two modules add the same context key, or one shadows a core key.
 */
export function modularContextFactory(
  modules: readonly SchemaModule[],
  options: StoryGraphOptions,
): (request?: StoryRequest) => StoryContext {
  const extend = (base: StoryContext) =>
    Object.assign(base, ...modules.map((m) => m.context?.(base) ?? {})) as StoryContext;
  const probe = createStoryContext(options);
  const ownerOf = new Map<string, string>(Object.keys(probe).map((k) => [k, 'story core']));
  for (const m of modules) {
    for (const key of Object.keys(m.context?.(probe) ?? {})) {
      const earlier = ownerOf.get(key);
      if (earlier)
        throw new SchemaModuleConflictError([`context key "${key}" is added by ${earlier} and module "${m.name}"`]);
      ownerOf.set(key, `module "${m.name}"`);
    }
  }
  return (request) => extend(createStoryContext(options, request));
}
