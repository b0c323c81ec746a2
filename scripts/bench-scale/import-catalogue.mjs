// One import, as its own process so that its time and peak memory are its own: reads a content
// folder and imports it into DATABASE_URL the way the api does at start (streamContent, one story
// file at a time, into the store's importContent in one transaction, with a progress line on stderr
// once it runs long), with the built libraries. `npm run bench:scale` runs it.
//
// Usage: node scripts/bench-scale/import-catalogue.mjs <content folder> <database url>
// Prints one JSON line: { loadMs, importMs, maxRssMb, result }.
import { performance } from 'node:perf_hooks';
import * as content from '@devops-stories/story-content';
import * as stores from '@devops-stories/story-store';

const [dir, url] = process.argv.slice(2);
if (!dir || !url) {
  console.error('usage: node scripts/bench-scale/import-catalogue.mjs <content folder> <database url>');
  process.exit(2);
}
const started = performance.now();
// Builds from before the streaming import (a baseline run) load the whole folder first.
const source = content.streamContent ? content.streamContent(dir) : content.loadContent(dir);
const loaded = performance.now();
// Builds from before openStore (a baseline run) had SQLite only.
const store = stores.openStore ? await stores.openStore({ url }) : stores.openSqliteStore({ url });
const onProgress = stores.importProgressReporter?.({ write: (line) => process.stderr.write(`  ${line}`) });
const result = await store.importContent(source, { onProgress });
await store.close();
const done = performance.now();
process.stdout.write(
  `${JSON.stringify({
    loadMs: loaded - started,
    importMs: done - loaded,
    maxRssMb: process.resourceUsage().maxRSS / 1024, // kilobytes on Linux
    result,
  })}\n`,
);
