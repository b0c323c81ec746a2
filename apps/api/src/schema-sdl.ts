import { buildModularSchema, type SchemaModule } from '@devops-stories/story-graph';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schemaModules } from './schema-modules.js';

/** The schema's SDL with types, fields and arguments sorted, so diffs show real changes only. */
export async function renderSchemaSdl(modules: SchemaModule[] = schemaModules): Promise<string> {
  const schema = await buildModularSchema(modules);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
