// `npm run bench:store`: the store's hot read path (what one GraphQL request asks of it), per operation,
// and one GraphQL request executed through story-graph over it.
// Figures only: not part of `npm test`, they depend on the machine. (Statement counts are asserted in tests.)
//
// `--baseline <dir>` also measures another build of the store (a copy of an earlier libs/story-store/dist,
// kept inside the workspace so that its imports resolve) in the same process, rounds interleaved, and prints
// the ratio current / baseline of CPU time per request for each workload (below 1: current is cheaper). Options (env): BENCH_SKIP_BUILD=1, BENCH_ROUNDS=N (default 7),
// BENCH_MS=N per round and workload (default 300).
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { nx } from './nx.mjs';

const { values } = parseArgs({ options: { baseline: { type: 'string' } } });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_MS ?? 300);

if (!process.env.BENCH_SKIP_BUILD) nx('build', '@devops-stories/story-graph', '--outputStyle=static');

const { loadContent } = await import('@devops-stories/story-content');
const { buildModularSchema, modularContextFactory, storyModule } = await import('@devops-stories/story-graph');
const { execute, parse } = await import('graphql');
const content = loadContent();
const schema = await buildModularSchema([storyModule]);

async function openBuild(name, dir) {
  const { openSqliteStore } = await import(pathToFileURL(resolve(dir, 'index.js')).href);
  const store = openSqliteStore({ url: 'sqlite::memory:' });
  await store.importContent(content);
  store.createContext = modularContextFactory([storyModule], { store, cursorSecret: 'bench' });
  return { name, store };
}

/** Executes a parsed query against the store through the graph (no HTTP, no parsing per run). */
function graphql(document) {
  return async (store) => {
    const result = await execute({ schema, document, contextValue: store.createContext() });
    if (result.errors) throw new Error(result.errors[0].message);
  };
}

const page = (limit, after = null) => ({
  filter: {},
  sort: { field: 'publishedAt', direction: 'desc' },
  from: { direction: 'forward', after },
  limit,
  view: 'published',
});

/**
 * One page of 10 hits under `filter`. A baseline built before search took a filter (`search(terms, limit, view)`)
 * ignores it, so compare the filtered workload with the unfiltered one there.
 */
function search(store, terms, filter) {
  return store.search.length === 1
    ? store.search({ terms, filter, after: null, limit: 10, view: 'published' })
    : store.search(terms, 10, 'published');
}

/** Each workload is what the resolvers ask of the store for one request, through their DataLoaders. */
const WORKLOADS = {
  'GraphQL: stories(first: 20) + relations, executed': graphql(
    parse(`{ stories(first: 20) { totalCount nodes { slug company { name } practices { slug }
      metrics { value unit source { url } } sources { url } } } }`),
  ),
  'stories(first: 20) + company, practices, metrics, sources': async (store) => {
    const { rows } = await store.listStories(page(20));
    const ids = rows.map((r) => r.story.rowId);
    await Promise.all([
      store.companiesByIds([...new Set(rows.map((r) => r.story.companyId))]),
      store.practicesByStoryIds(ids),
      store.metricsByStoryIds(ids),
      store.sourcesByStoryIds(ids),
    ]);
  },
  'filtered page (practice, first: 5)': async (store) => {
    await store.listStories({ ...page(5), filter: { practice: 'continuous-deployment' } });
  },
  'story(slug) + related + day': async (store) => {
    const [story] = await store.storiesBySlugs(['amazon'], 'published');
    await Promise.all([store.relatedStories([story.rowId], 3, 'published'), store.daysByNumbers([story.day])]);
  },
  'search("deploy"), first 10 with the count': async (store) => {
    await search(store, ['deploy'], {});
  },
  'search("deploy") under a practice': async (store) => {
    await search(store, ['deploy'], { practice: 'continuous-deployment' });
  },
  'recap(day: 6) + stories + companies': async (store) => {
    await store.recapsByDays([6], 'published');
    const [stories] = await store.storiesByRecapDays([6], 'published');
    await store.companiesByIds([...new Set(stories.map((s) => s.companyId))]);
  },
};

/** CPU time of the process per run of `workload`, in µs: on a shared machine, wall time mostly measures the neighbours. */
async function measure(store, workload) {
  let n = 0;
  const cpu = process.cpuUsage();
  const until = performance.now() + ROUND_MS;
  while (performance.now() < until) {
    for (let i = 0; i < 20; i++) await workload(store);
    n += 20;
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

const builds = [await openBuild('current', 'libs/story-store/dist')];
if (values.baseline) builds.push(await openBuild('baseline', values.baseline));
const results = new Map(); // `${workload}|${build}` -> µs per run, one entry per round
for (const workload of Object.values(WORKLOADS)) for (const b of builds) await measure(b.store, workload); // warm up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, workload] of Object.entries(WORKLOADS)) {
    const order = round % 2 ? [...builds].reverse() : builds;
    for (const b of order) {
      const key = `${name}|${b.name}`;
      results.set(key, [...(results.get(key) ?? []), await measure(b.store, workload)]);
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = Object.keys(WORKLOADS).map((name) => {
  const current = median(results.get(`${name}|current`));
  const row = { workload: name, 'current µs': current.toFixed(0) };
  if (values.baseline) {
    const baseline = median(results.get(`${name}|baseline`));
    row['baseline µs'] = baseline.toFixed(0);
    row['current / baseline'] = (current / baseline).toFixed(2);
  }
  return row;
});
console.log(
  `store read path: CPU µs per request, median of ${ROUNDS} rounds of ${ROUND_MS} ms (node ${process.version})`,
);
console.table(rows);
for (const b of builds) await b.store.close();
