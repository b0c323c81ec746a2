import 'reflect-metadata';
import { copyFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AllowedBreak, compareSchemas } from './schema-compat.js';
import { renderSchemaSdl } from './schema-sdl.js';

const released = fileURLToPath(new URL('../schema.released.graphql', import.meta.url));
const allowlistFile = fileURLToPath(new URL('../schema-breaking-allowlist.json', import.meta.url));
const current = fileURLToPath(new URL('../schema.graphql', import.meta.url));

if (process.argv.includes('--release')) {
  copyFileSync(current, released);
  console.log(
    'apps/api/schema.released.graphql now matches schema.graphql; empty the allowlist of entries it no longer needs.',
  );
  process.exit(0);
}

const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8')) as AllowedBreak[];
const report = await compareSchemas(readFileSync(released, 'utf8'), await renderSchemaSdl(), allowlist);
const line = (c: { type: string; path?: string; message: string }) => `  ${c.type} ${c.path ?? ''}: ${c.message}`;
console.log(
  `schema changes since the released schema: ${report.safe.length} safe, ${report.dangerous.length} dangerous, ` +
    `${report.approved.length} breaking (allowed), ${report.unapproved.length} breaking (not allowed)`,
);
for (const c of report.dangerous) console.log(`dangerous:${line(c)}`);
for (const { change, reason } of report.approved) console.log(`allowed:${line(change)} (reason: ${reason})`);
for (const a of report.unused) console.warn(`unused allowlist entry: ${a.type} ${a.path}`);
if (report.unapproved.length) {
  console.error('\nBreaking changes that consumers would notice:');
  for (const c of report.unapproved) console.error(line(c));
  console.error(
    '\nKeep the old field (deprecate it with a reason instead), or list each change in ' +
      'apps/api/schema-breaking-allowlist.json as {"type", "path", "reason"}.',
  );
  process.exit(1);
}
