import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { renderSchemaSdl } from './schema-sdl.js';
import { collectConsumerOperations } from './schema-usage/consumer-operations.js';
import { formatSchemaUsage, schemaUsage } from './schema-usage/usage-report.js';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const found = collectConsumerOperations(workspaceRoot);
for (const problem of found.problems) console.warn(`cannot read: ${problem}`);
const report = schemaUsage(buildSchema(await renderSchemaSdl()), found);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, (_key, value) => (value instanceof Map ? Object.fromEntries(value) : value), 2));
} else {
  process.stdout.write(formatSchemaUsage(report));
}
