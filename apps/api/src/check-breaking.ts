import 'reflect-metadata';
import { copyFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AllowedBreak } from './schema-compat.js';
import { renderSchemaSdl } from './schema-sdl.js';
import { breakingCheck } from './schema-usage/breaking-check.js';

const released = fileURLToPath(new URL('../schema.released.graphql', import.meta.url));
const allowlistFile = fileURLToPath(new URL('../schema-breaking-allowlist.json', import.meta.url));
const current = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

if (process.argv.includes('--release')) {
  copyFileSync(current, released);
  console.log(
    'apps/api/schema.released.graphql now matches schema.graphql; empty the allowlist of entries it no longer needs.',
  );
  process.exit(0);
}

const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8')) as AllowedBreak[];
const result = await breakingCheck(readFileSync(released, 'utf8'), await renderSchemaSdl(), allowlist, workspaceRoot);
for (const text of result.log) console.log(text);
for (const text of result.errors) console.error(text);
if (result.failed) process.exit(1);
