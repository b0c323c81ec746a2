// `npm run bench:api`: throughput and latency of the built api over loopback, with autocannon as
// the load generator in this process and the api in child processes. Figures only: not part of
// `npm test`, they depend on the machine. Each section is a list of rows; a later comparison
// (cache on/off, trusted GET, logging on/off, SQLite vs PostgreSQL) is one more section.
//
// Options (env): BENCH_SKIP_BUILD=1, BENCH_DURATION=seconds per row (default 5),
// BENCH_CONNECTIONS=N (default 10), BENCH_ROUNDS=N interleaved on/off rounds (default 5).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { nx } from './nx.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COST_GOAL = 0.05;

const manifest = JSON.parse(readFileSync('apps/web/src/gql/persisted-documents.json', 'utf8'));
const webOperation = (name) => Object.values(manifest).find((doc) => new RegExp(`query ${name}\\b`).test(doc));

/** The canonical operations: the web client's own documents with the variables it sends. */
const CANONICAL = {
  'StoryList (first: 20)': { query: webOperation('StoryList'), variables: { first: 20 } },
  'Story (amazon)': { query: webOperation('Story'), variables: { slug: 'amazon' } },
  'Search ("deploy", first: 20)': { query: webOperation('Search'), variables: { query: 'deploy', first: 20 } },
  'Recap (day 6)': { query: webOperation('Recap'), variables: { day: 6 } },
  Facets: { query: webOperation('Facets'), variables: {} },
};

/** Hostile documents of issue 7: each must be refused (400) fast. */
const fragmentBomb = (levels) =>
  `query Bomb { stories(first: 20) { nodes { ...F${levels} } } }\nfragment F0 on Story { slug title headline }\n` +
  Array.from(
    { length: levels },
    (_, i) => `fragment F${i + 1} on Story { related(first: 20) { ...F${i} } again: related(first: 20) { ...F${i} } }`,
  ).join('\n');
const HOSTILE = {
  '12-fragment bomb': { query: fragmentBomb(12) },
  '6-deep cousin': { query: fragmentBomb(6) },
  'related(first: 20) ten deep': {
    query: `{ story(slug: "amazon") { ${'related(first: 20) { slug '.repeat(10)}${'}'.repeat(10)} } }`,
  },
};

if (!process.env.BENCH_SKIP_BUILD) nx('build', '@devops-stories/api', '--outputStyle=static');

/** Starts the api with `env` on a free port; resolves with its /graphql URL and a stop function. */
async function startApi(env) {
  const child = spawn(process.execPath, ['scripts/bench/api-server.mjs'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite::memory:',
      WEB_ROOT: '/nonexistent',
      RATE_LIMIT_POINTS: '0', // budgets would turn a load test into 429s; their cost is in the cost-analysis row
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code) => reject(new Error(`api exited with ${code}:\n${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** One autocannon run of POST `body` against `url`. */
async function load(url, body, { duration = DURATION, connections = CONNECTIONS, amount } = {}) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
    ...(amount ? { amount } : { duration }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (name, r) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}` +
  `${String(r.ok).padStart(8)} ${String(r.refused).padStart(8)} ${String(r.errors).padStart(7)}`;
const header = `${'operation'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}${'2xx'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`;

const on = await startApi({});
const off = await startApi({ BENCH_COST_ANALYSIS: 'off' });
try {
  console.log(
    `\napi over loopback: autocannon, ${CONNECTIONS} connections, ${DURATION} s per row, after a 1 s warm-up\n`,
  );

  console.log("The canonical operations (the web client's documents), default configuration");
  console.log(header);
  for (const [name, body] of Object.entries(CANONICAL)) {
    await load(on.url, body, { duration: 1 });
    console.log(row(name, await load(on.url, body)));
  }

  console.log('\nHostile documents (issue 7), one connection, 200 each: every one refused with 400');
  console.log(header);
  for (const [name, body] of Object.entries(HOSTILE)) {
    await load(on.url, body, { connections: 1, amount: 20 });
    console.log(row(name, await load(on.url, body, { connections: 1, amount: 200 })));
  }

  const list = CANONICAL['StoryList (first: 20)'];
  console.log(
    `\nCost analysis on vs off, StoryList (first: 20): ${ROUNDS} interleaved rounds of ${DURATION} s, medians`,
  );
  console.log(header);
  await load(on.url, list, { duration: 1 });
  await load(off.url, list, { duration: 1 });
  const rounds = { on: [], off: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of i % 2 ? ['off', 'on'] : ['on', 'off']) {
      const r = await load(side === 'on' ? on.url : off.url, list);
      rounds[side].push(r);
      console.log(row(`  round ${i + 1}, cost analysis ${side}`, r));
    }
  }
  const summary = (side) => ({
    rps: median(rounds[side].map((r) => r.rps)),
    p50: median(rounds[side].map((r) => r.p50)),
    p99: median(rounds[side].map((r) => r.p99)),
    ok: rounds[side].reduce((n, r) => n + r.ok, 0),
    refused: rounds[side].reduce((n, r) => n + r.refused, 0),
    errors: rounds[side].reduce((n, r) => n + r.errors, 0),
  });
  const withCost = summary('on');
  const withoutCost = summary('off');
  console.log(row('median, cost analysis on', withCost));
  console.log(row('median, cost analysis off', withoutCost));
  const overhead = withoutCost.rps / withCost.rps - 1;
  console.log(
    `\ncost analysis overhead on StoryList (first: 20): ${(overhead * 100).toFixed(1)}% of throughput ` +
      `(goal < ${COST_GOAL * 100}%: ${overhead < COST_GOAL ? 'met' : 'NOT met'})`,
  );
} finally {
  on.stop();
  off.stop();
}
