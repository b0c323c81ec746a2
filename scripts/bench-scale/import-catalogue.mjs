// One import, as its own process so that its time and peak memory are its own: reads a content
// folder and imports it into DATABASE_URL the way the api does at start (loadContent, then the
// store's importContent in one transaction), with the built libraries. `npm run bench:scale` runs it.
//
// Usage: node scripts/bench-scale/import-catalogue.mjs <content folder> <database url>
// Prints one JSON line: { loadMs, importMs, maxRssMb, result }.
import { performance } from 'node:perf_hooks';
import { loadContent } from '@devops-stories/story-content';
import { openSqliteStore } from '@devops-stories/story-store';

const [dir, url] = process.argv.slice(2);
if (!dir || !url) {
  console.error('usage: node scripts/bench-scale/import-catalogue.mjs <content folder> <database url>');
  process.exit(2);
}
const started = performance.now();
const bundle = loadContent(dir);
const loaded = performance.now();
const store = openSqliteStore({ url });
const result = await store.importContent(bundle);
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
