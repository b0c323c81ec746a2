// `npm run bench:api`: throughput and latency of the built api over loopback, with autocannon as
// the load generator in this process and the api in child processes; `cpu ms` is the api process's
// CPU time per answered request (from /proc). Figures only: not part of
// `npm test`, they depend on the machine. Each section is a list of rows; a later comparison
// (SQLite vs PostgreSQL) is one more section, as cost analysis, and logging and metrics, on/off are.
//
// The read path section compares, in interleaved rounds of the same run: the api cold (trusted GET,
// response cache off), mercurius + graphql-jit executing the api's own resolvers on the same store
// (scripts/bench/mercurius-server.mjs), the api warm (trusted GET answered from the cache) and a raw
// Node `http` server replaying the warm answer's bytes and headers (scripts/bench/raw-server.mjs).
// The other sections run with the response cache off, so each request does the work measured.
//
// Options (env): BENCH_SKIP_BUILD=1, BENCH_DURATION=seconds per row (default 5),
// BENCH_CONNECTIONS=N (default 10), BENCH_ROUNDS=N interleaved on/off rounds (default 5),
// BENCH_WARMUP=seconds of load on each side before a comparison (default 5: the JIT settles first),
// BENCH_READ_ROUNDS=N interleaved rounds of the read path section (default 3),
// BENCH_SECTIONS=read,canonical,hostile,cost,observability,backends,budgets (default all; backends: SQLite
// vs PostgreSQL; budgets: response-cache hits on PostgreSQL with budgets off, shared and charged on
// every request, and shared in leases), BENCH_BACKEND=sqlite (default) or postgres: the database of the other sections' apis
// (PostgreSQL: the tests' throwaway server, tools/test-postgres, or TEST_POSTGRES_URL).
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchApi } from '@devops-stories/api-launcher';
import autocannon from 'autocannon';
import { createDatabase, startTestPostgres } from '@devops-stories/test-postgres/server';
import { compareBackends } from './bench/backend-comparison.mjs';
import { nx } from './nx.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const READ_ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 3);
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? 'read,canonical,hostile,cost,observability,backends,budgets').split(','),
);
const COST_GOAL = 0.05;
const OBSERVABILITY_GOAL = 0.1;
const WARM_GOAL = 0.5;
const COLD_GOAL = 1.0;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** Resident memory of a process, in MB, from /proc (Linux). */
function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

const manifest = JSON.parse(readFileSync('apps/web/src/gql/persisted-documents.json', 'utf8'));
const webOperation = (name) => Object.values(manifest).find((doc) => new RegExp(`query ${name}\\b`).test(doc));
const webHash = (name) => Object.keys(manifest).find((hash) => new RegExp(`query ${name}\\b`).test(manifest[hash]));

/** The canonical operations: the web client's own documents with the variables it sends. */
const CANONICAL = {
  'StoryList (first: 20)': { query: webOperation('StoryList'), variables: { first: 20 } },
  'Story (amazon)': { query: webOperation('Story'), variables: { slug: 'amazon' } },
  'Search ("deploy", first: 20)': { query: webOperation('Search'), variables: { query: 'deploy', first: 20 } },
  'RecapPage (day 6)': { query: webOperation('RecapPage'), variables: { day: 6 } },
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

const BACKEND = process.env.BENCH_BACKEND ?? 'sqlite';
if (!['sqlite', 'postgres'].includes(BACKEND))
  throw new Error(`BENCH_BACKEND must be sqlite or postgres, got "${BACKEND}"`);
if (!process.env.BENCH_SKIP_BUILD) {
  nx('run-many', '-t', 'build', '-p', '@devops-stories/api,@devops-stories/test-postgres', '--outputStyle=static');
}

/** The read path's operations: the web client's documents by id, with the variables it sends. */
const READ_PATH = {
  'StoryList (first: 20)': { name: 'StoryList', variables: { first: 20 } },
  'Story (amazon, HTML body)': { name: 'Story', variables: { slug: 'amazon' } },
  'Search ("deploy", first: 20)': { name: 'Search', variables: { query: 'deploy', first: 20 } },
  'Facets (companies, practices)': { name: 'Facets', variables: {} },
};
const trustedPath = ({ name, variables }) => {
  const json = JSON.stringify(variables);
  return `/graphql?documentId=sha256:${webHash(name)}${json === '{}' ? '' : `&variables=${encodeURIComponent(json)}`}`;
};

const BENCH_SERVER = fileURLToPath(new URL('bench/api-server.mjs', import.meta.url));

/** With BENCH_BACKEND=postgres, the database every api of the bench shares (apart from the backends section's). */
const benchPostgres = BACKEND === 'postgres' ? await startTestPostgres() : undefined;
const benchDatabase = benchPostgres ? await createDatabase(benchPostgres.url, 'bench_api') : undefined;

/**
 * Starts the api with `env` on a free port (the one launcher the tests use, polling /readyz); its
 * output goes to /dev/null, as a production log goes to a collector, so log lines cost their write.
 */
async function startApi(env) {
  const api = await launchApi({
    main: BENCH_SERVER,
    output: 'ignore',
    env: {
      NODE_ENV: 'production',
      CURSOR_SECRET: 'bench-cursor-secret-of-at-least-32-bytes',
      WEB_ROOT: '/nonexistent',
      RATE_LIMIT_POINTS: '0', // budgets would turn a load test into 429s; their cost is in the cost-analysis row
      ...(benchDatabase ? { DATABASE_URL: benchDatabase.url } : {}),
      ...env,
    },
  });
  return { url: `${api.base}/graphql`, pid: api.child.pid, stop: () => api.stop('SIGTERM') };
}

/** Starts one of the bench's comparison servers (mercurius, raw http); resolves once it prints its ready line. */
async function startServer(script, stdin) {
  const child = spawn(process.execPath, [script], {
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
  });
  if (stdin !== undefined) child.stdin.end(stdin);
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/**
 * One autocannon run against `api`: POST `body`, or GET `path` when given; `cpu` is the server's
 * CPU time per answered request, in ms.
 */
async function load(api, body, { duration = DURATION, connections = CONNECTIONS, amount, path } = {}) {
  const cpuBefore = cpuMs(api.pid);
  const request = path
    ? { url: new URL(path, api.url).href, method: 'GET' }
    : { url: api.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const result = await autocannon({
    ...request,
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
    cpu: (cpuMs(api.pid) - cpuBefore) / Math.max(1, result['2xx'] + result.non2xx),
  };
}

/** CPU ms the cost plugin's work takes for one request of `body`, timed in this process on the built code. */
async function analysisCpuMs(body) {
  await import('reflect-metadata');
  const { parse, getOperationAST } = await import('graphql');
  const { buildModularSchema, DEFAULT_PAGE_SIZE } = await import('@devops-stories/story-graph');
  const { schemaModules } = await import('../apps/api/dist/schema-modules.js');
  const { coerceVariables } = await import('../apps/api/dist/inputs/variables.js');
  const { costEstimators, measureOperation, priceOperation } = await import('../apps/api/dist/cost/query-cost.js');
  const schema = await buildModularSchema(schemaModules);
  const document = parse(body.query);
  const operation = getOperationAST(document);
  const estimators = costEstimators(DEFAULT_PAGE_SIZE);
  const once = () => {
    const variables = coerceVariables(schema, operation, body.variables, 1);
    measureOperation(document, operation, variables.values);
    priceOperation({ schema, document, operation, variables: variables.values, estimators });
  };
  for (let i = 0; i < 5_000; i++) once();
  const started = process.cpuUsage();
  for (let i = 0; i < 20_000; i++) once();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / 20_000;
}

/**
 * CPU ms per StoryList request with logging (info, one line per request, written synchronously to
 * /dev/null) and metrics on, and with both off: two servers in this process, driven by Fastify's
 * `inject` one request at a time (no network, no concurrency), in 40 alternating batches of 250, so
 * that whatever else the machine runs weighs on both alike; medians of the batches.
 */
async function observabilityCpuMs(body) {
  await import('reflect-metadata');
  const { readConfig } = await import('../apps/api/dist/config.js');
  const { createApiServer } = await import('../apps/api/dist/server.js');
  const devNull = openSync('/dev/null', 'w');
  const env = {
    DATABASE_URL: 'sqlite::memory:',
    NODE_ENV: 'production',
    CURSOR_SECRET: 'bench-cursor-secret-of-at-least-32-bytes',
    RATE_LIMIT_POINTS: '0',
    WEB_ROOT: '/nonexistent',
    // Each request executes: the cost measured is logging's and metrics' beside a real execution.
    RESPONSE_CACHE_MB: '0',
  };
  const servers = {
    on: await createApiServer(readConfig(env), { logger: { write: (line) => writeSync(devNull, line) } }),
    off: await createApiServer(readConfig({ ...env, METRICS: 'off' }), { logger: false }),
  };
  const payload = JSON.stringify(body);
  const batch = async (server, n) => {
    const started = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      if (response.statusCode !== 200) throw new Error(`StoryList answered ${response.statusCode}`);
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / n;
  };
  await batch(servers.on, 2_000);
  await batch(servers.off, 2_000);
  const samples = { on: [], off: [] };
  for (let i = 0; i < 40; i++) {
    for (const side of i % 2 ? ['off', 'on'] : ['on', 'off']) samples[side].push(await batch(servers[side], 250));
  }
  await Promise.all([servers.on.close(), servers.off.close()]);
  closeSync(devNull);
  return { on: median(samples.on), off: median(samples.off) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The medians of rounds' rates, latencies and CPU, with their answers summed. */
const medianRun = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  cpu: median(runs.map((r) => r.cpu)),
  ok: runs.reduce((n, r) => n + r.ok, 0),
  refused: runs.reduce((n, r) => n + r.refused, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
});
const row = (name, r) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}` +
  `${r.cpu.toFixed(3).padStart(9)}${String(r.ok).padStart(8)} ${String(r.refused).padStart(8)} ${String(r.errors).padStart(7)}`;
const header =
  `${'operation'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}` +
  `${'cpu ms'.padStart(9)}${'2xx'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`;

/** `ROUNDS` interleaved rounds of `body` on `withIt` and `without` (order alternating), printed; returns both medians. */
async function interleaved(what, withIt, without, body) {
  await load(withIt, body, { duration: WARMUP });
  await load(without, body, { duration: WARMUP });
  const rounds = { on: [], off: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of i % 2 ? ['off', 'on'] : ['on', 'off']) {
      const r = await load(side === 'on' ? withIt : without, body);
      rounds[side].push(r);
      console.log(row(`  round ${i + 1}, ${what} ${side}`, r));
    }
  }
  const on = medianRun(rounds.on);
  const off = medianRun(rounds.off);
  console.log(row(`median, ${what} on`, on));
  console.log(row(`median, ${what} off`, off));
  return { on, off };
}

const signed = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** The verdict line of an on/off comparison: CPU per request against `goal`, and throughput. */
function verdict(what, { on, off }, goal) {
  const cpuOverhead = on.cpu / off.cpu - 1;
  const throughputChange = on.rps / off.rps - 1;
  console.log(
    `\n${what}, StoryList (first: 20): api CPU per request ${signed(cpuOverhead)} ` +
      `(${off.cpu.toFixed(3)} -> ${on.cpu.toFixed(3)} ms; goal < +${goal * 100}%: ` +
      `${cpuOverhead < goal ? 'met' : 'NOT met'}), throughput ${signed(throughputChange)} ` +
      `(${off.rps.toFixed(0)} -> ${on.rps.toFixed(0)} req/s), p50 ${off.p50.toFixed(1)} -> ${on.p50.toFixed(1)} ms. ` +
      'Wall-clock figures swing with whatever else runs on the machine; CPU time per request much less.',
  );
}

console.log(
  `\napi over loopback (NODE_ENV=production): autocannon, ${CONNECTIONS} connections, ${DURATION} s per row, after a 1 s warm-up\n`,
);
if (SECTIONS.has('read')) await readPathSection();

// `on` is the default configuration (cost analysis, logging at info to /dev/null, metrics), with the
// response cache off so that each request does the work measured.
const on = await startApi({ RESPONSE_CACHE_MB: '0' });
const off = await startApi({ RESPONSE_CACHE_MB: '0', BENCH_COST_ANALYSIS: 'off' });
const quiet = await startApi({ RESPONSE_CACHE_MB: '0', BENCH_LOGGING: 'off', METRICS: 'off' });
try {
  if (SECTIONS.has('canonical')) {
    console.log(
      "\nThe canonical operations (the web client's documents, POST of their text), default configuration, response cache off",
    );
    console.log(header);
    for (const [name, body] of Object.entries(CANONICAL)) {
      await load(on, body, { duration: 1 });
      console.log(row(name, await load(on, body)));
    }
  }

  if (SECTIONS.has('hostile')) {
    console.log('\nHostile documents (issue 7), one connection, 200 each: every one refused with 400');
    console.log(`${header}  api RSS MB before -> after`);
    for (const [name, body] of Object.entries(HOSTILE)) {
      await load(on, body, { connections: 1, amount: 20 });
      const before = rssMb(on.pid);
      const result = await load(on, body, { connections: 1, amount: 200 });
      console.log(`${row(name, result)}  ${before.toFixed(0)} -> ${rssMb(on.pid).toFixed(0)}`);
    }
  }

  const list = CANONICAL['StoryList (first: 20)'];
  if (SECTIONS.has('cost')) {
    console.log(
      `\nCost analysis on vs off, StoryList (first: 20): ${ROUNDS} interleaved rounds of ${DURATION} s after ${WARMUP} s of warm-up each, medians`,
    );
    console.log(header);
    const cost = await interleaved('cost analysis', on, off, list);
    verdict('cost analysis on vs off', cost, COST_GOAL);
    const analysis = await analysisCpuMs(list);
    const share = analysis / cost.off.cpu;
    console.log(
      `the analysis itself (variables, shape, price) takes ${(analysis * 1000).toFixed(1)} µs of CPU per StoryList request ` +
        `(timed over 20,000 runs in this process): ${(share * 100).toFixed(1)}% of the ${cost.off.cpu.toFixed(3)} ms ` +
        `the api spends per request without it (goal < ${COST_GOAL * 100}%: ${share < COST_GOAL ? 'met' : 'NOT met'})`,
    );
  }

  if (SECTIONS.has('observability')) {
    console.log(
      `\nLogging and metrics on (LOG_LEVEL=info, one line per request, to /dev/null; METRICS=on) vs off (no logger, METRICS=off), ` +
        `StoryList (first: 20), response cache off: ${ROUNDS} interleaved rounds of ${DURATION} s after ${WARMUP} s of warm-up each, medians`,
    );
    console.log(header);
    verdict('logging and metrics on vs off', await interleaved('logging+metrics', on, quiet, list), OBSERVABILITY_GOAL);
    const inProcess = await observabilityCpuMs(list);
    const added = inProcess.on / inProcess.off - 1;
    console.log(
      `in one process (Fastify inject, one request at a time, 40 alternating batches of 250, medians): ` +
        `${inProcess.off.toFixed(3)} ms of CPU per StoryList request without logging and metrics, ` +
        `${inProcess.on.toFixed(3)} ms with them: ${signed(added)} (goal < +${OBSERVABILITY_GOAL * 100}%: ` +
        `${added < OBSERVABILITY_GOAL ? 'met' : 'NOT met'}). The figure to judge by on a shared machine.`,
    );
  }
  if (SECTIONS.has('backends')) {
    console.log(
      `\nSQLite vs PostgreSQL, the canonical list and search, cold (response cache off: every request reaches ` +
        `the database): ${ROUNDS} interleaved rounds of ${DURATION} s after ${WARMUP} s of warm-up each, medians`,
    );
    await compareBackends({
      startApi,
      load,
      row,
      header,
      operations: {
        StoryList: CANONICAL['StoryList (first: 20)'],
        'Search "deploy"': CANONICAL['Search ("deploy", first: 20)'],
      },
      rounds: ROUNDS,
      warmupSeconds: WARMUP,
      env: { RESPONSE_CACHE_MB: '0' },
    });
  }
  if (SECTIONS.has('budgets')) await budgetsSection();
} finally {
  await Promise.all([on.stop(), off.stop(), quiet.stop()]);
  await benchDatabase?.drop();
  await benchPostgres?.stop();
}

/**
 * What PostgreSQL-shared budgets cost where a request is cheapest: trusted `StoryList` GETs
 * answered from the response cache (1 point each), from one client, with budgets off, shared and
 * charged on the database every request (`RATE_LIMIT_LEASE_POINTS=0`), and shared in leases of
 * 100 points (the default lease of the default 10,000-point budget). The budget is large enough
 * that nothing is refused, so every row measures the charging alone; interleaved rounds, medians.
 */
async function budgetsSection() {
  const server = benchPostgres ? undefined : await startTestPostgres();
  const database = benchDatabase ?? (await createDatabase(server.url, 'bench_budgets'));
  const budget = { RATE_LIMIT_POINTS: '100000000', DATABASE_URL: database.url };
  const apis = {
    'budgets off': await startApi({ DATABASE_URL: database.url }),
    'shared, every request': await startApi({ ...budget, RATE_LIMIT_LEASE_POINTS: '0' }),
    'shared, leases of 100': await startApi({ ...budget, RATE_LIMIT_LEASE_POINTS: '100' }),
  };
  const path = trustedPath(READ_PATH['StoryList (first: 20)']);
  try {
    console.log(
      `\nBudgets on PostgreSQL: trusted StoryList response-cache hits, one client; ${READ_ROUNDS} interleaved rounds ` +
        `of ${DURATION} s after ${WARMUP} s of warm-up each, medians`,
    );
    console.log(header);
    for (const api of Object.values(apis)) await load(api, undefined, { path, duration: WARMUP });
    const rounds = Object.fromEntries(Object.keys(apis).map((name) => [name, []]));
    for (let i = 0; i < READ_ROUNDS; i++) {
      const names = Object.keys(apis);
      for (const name of i % 2 ? names.reverse() : names)
        rounds[name].push(await load(apis[name], undefined, { path }));
    }
    const medians = Object.fromEntries(Object.entries(rounds).map(([name, runs]) => [name, medianRun(runs)]));
    const off = medians['budgets off'].rps;
    for (const [name, r] of Object.entries(medians)) {
      console.log(`${row(`  ${name}`, r)}  ${(r.rps / off).toFixed(2)}x budgets off`);
    }
  } finally {
    await Promise.all(Object.values(apis).map((api) => api.stop()));
    if (!benchDatabase) await database.drop();
    await server?.stop();
  }
}

/**
 * Cold (trusted GET, response cache off) against mercurius + graphql-jit on the same resolvers
 * and store, warm (trusted GET, a cache hit) against a raw Node `http` server replaying the warm
 * answer: each operation in interleaved rounds, medians, the goal beside each ratio.
 */
async function readPathSection() {
  const cold = await startApi({ RESPONSE_CACHE_MB: '0' });
  const warm = await startApi({});
  const mercurius = await startServer('scripts/bench/mercurius-server.mjs');
  const targets = { cold, mercurius, warm };
  const recorded = {};
  const rawPaths = {};
  const requests = {};
  let legacy = false;
  try {
    for (const [label, op] of Object.entries(READ_PATH)) {
      const path = trustedPath(op);
      let answer = await fetch(new URL(path, warm.url));
      const body = { query: webOperation(op.name), variables: op.variables };
      if (answer.status !== 200) {
        // A build without trusted documents: its clients POST the document text, uncached.
        legacy = true;
        answer = await fetch(warm.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      }
      const headers = {};
      for (const [name, value] of answer.headers)
        if (!['date', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
      const raw = `/raw/${Object.keys(recorded).length}`;
      recorded[raw] = { headers, body: Buffer.from(await answer.arrayBuffer()).toString('base64') };
      rawPaths[label] = raw;
      requests[label] = { path: legacy ? undefined : path, body };
    }
    const raw = await startServer('scripts/bench/raw-server.mjs', JSON.stringify(recorded));
    targets.raw = raw;
    const kind = legacy ? 'POST of the document text (this build has no trusted documents)' : 'trusted GET';
    console.log(
      `The read path: api cold (${kind}, response cache off), mercurius + graphql-jit (POST, the api's own resolvers and ` +
        `store), api warm (${kind}, ${legacy ? 'no response cache in this build' : 'a cache hit'}), raw Node http ` +
        `replaying the warm answer's bytes; ${READ_ROUNDS} interleaved rounds of ${DURATION} s, medians`,
    );
    console.log(`${header}  ratio (goal)`);
    const summary = [];
    for (const [label] of Object.entries(READ_PATH)) {
      const run = (side, duration = DURATION) =>
        side === 'mercurius'
          ? load(mercurius, requests[label].body, { duration })
          : side === 'raw'
            ? load(raw, undefined, { path: rawPaths[label], duration })
            : load(targets[side], requests[label].body, { path: requests[label].path, duration });
      const sides = ['cold', 'mercurius', 'warm', 'raw'];
      // A 1 s warm-up each: graphql-jit compiles, the cache fills, V8 optimises.
      for (const side of sides) await run(side, 1);
      const rounds = Object.fromEntries(sides.map((side) => [side, []]));
      for (let i = 0; i < READ_ROUNDS; i++) {
        const order = sides.map((_, k) => sides[(k + i) % sides.length]);
        for (const side of order) rounds[side].push(await run(side));
      }
      const med = Object.fromEntries(sides.map((side) => [side, medianRun(rounds[side])]));
      const coldRatio = med.cold.rps / med.mercurius.rps;
      const warmRatio = med.warm.rps / med.raw.rps;
      console.log(label);
      console.log(
        `${row('  api cold', med.cold)}  ${coldRatio.toFixed(2)}x mercurius+jit (goal >= ${COLD_GOAL.toFixed(1)}x: ${coldRatio >= COLD_GOAL ? 'met' : 'NOT met'})`,
      );
      console.log(row('  mercurius + graphql-jit', med.mercurius));
      console.log(
        `${row('  api warm', med.warm)}  ${warmRatio.toFixed(2)}x raw http (goal >= ${WARM_GOAL.toFixed(1)}x: ${warmRatio >= WARM_GOAL ? 'met' : 'NOT met'})`,
      );
      console.log(row('  raw Node http, same bytes', med.raw));
      summary.push({ label, coldRatio, warmRatio, med });
    }
    console.log('\nsummary (req/s, medians)');
    for (const { label, coldRatio, warmRatio, med } of summary) {
      console.log(
        `  ${label.padEnd(32)} cold ${med.cold.rps.toFixed(0).padStart(6)} / mercurius ${med.mercurius.rps.toFixed(0).padStart(6)} = ${coldRatio.toFixed(2)}x (goal >= ${COLD_GOAL}x)` +
          `   warm ${med.warm.rps.toFixed(0).padStart(6)} / raw ${med.raw.rps.toFixed(0).padStart(6)} = ${warmRatio.toFixed(2)}x (goal >= ${WARM_GOAL}x)`,
      );
    }
  } finally {
    for (const target of Object.values(targets)) target.stop();
  }
}
