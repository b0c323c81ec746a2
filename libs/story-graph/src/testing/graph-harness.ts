import { loadContent } from '@devops-stories/story-content';
import { openSqliteStore, type StoryStore } from '@devops-stories/story-store';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { buildModularSchema, modularContextFactory } from '../module/module-registry.js';
import type { SchemaModule } from '../module/schema-module.js';
import type { StoryRequest } from '../context/story.context.js';
import { storyModule } from '../module/story.module.js';

/**
 * A schema over an in-memory store holding the shipped content, counting SQL statements:
 * what a schema module's specs use to run queries against real stories.
 */
export interface GraphHarness {
  store: StoryStore;
  schema: GraphQLSchema;
  /** SQL statements run since the last {@link GraphHarness.run} began. */
  statements: string[];
  /** Runs one operation, as an anonymous reader unless `request` says who asks. */
  run<T = Record<string, any>>(
    source: string,
    variables?: Record<string, unknown>,
    request?: StoryRequest,
  ): Promise<ExecutionResult<T>>;
}

/** Builds the harness for `modules` (the core story module alone by default). */
export async function createGraphHarness(modules: SchemaModule[] = [storyModule]): Promise<GraphHarness> {
  const statements: string[] = [];
  const store = openSqliteStore({ url: 'sqlite::memory:', onStatement: (sql) => statements.push(sql) });
  await store.importContent(loadContent());
  const schema = await buildModularSchema(modules);
  const createContext = modularContextFactory(modules, { store, cursorSecret: 'test-secret' });
  return {
    store,
    schema,
    statements,
    async run(source, variables, request) {
      statements.length = 0;
      return (await graphql({
        schema,
        source,
        variableValues: variables,
        contextValue: createContext(request),
      })) as ExecutionResult<any>;
    },
  };
}
