import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemaSdl } from './schema-sdl.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const sdl = await renderSchemaSdl();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is drift like any other.
  }
  if (committed !== sdl) {
    console.error(
      `apps/api/schema.graphql is stale: run \`npx nx run @devops-stories/api:emit-schema\` and commit it.`,
    );
    process.exit(1);
  }
  console.log('apps/api/schema.graphql is up to date');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
