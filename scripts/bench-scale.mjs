// `npm run bench:scale`: what the API costs as the catalogue grows (issue 14). For each store and
// catalogue size: generates a synthetic catalogue (tools/synthetic-catalogue) under a temp folder,
// imports it in a process of its own (time, peak RSS, database size; then again, unchanged), starts
// the built api on that database (tools/api-launcher, CONTENT_IMPORT=off, no response cache), and
// measures the canonical queries with autocannon: p50, p99, req/s (and the api's CPU per request). Prints the tables and writes
// `bench/scale.md`, `bench/scale-latency.svg` and `bench/scale.json`. Figures only: not part of
// `npm test`, they depend on the machine.
//
// Options:
//   --sizes 1000,10000,100000   catalogue sizes (at least 600 stories: the list is read at page 50)
//   --quick                      1,000 stories, one round of 1 s per query, no re-import, report to a temp folder
//   --backends sqlite,postgres   stores to measure (scripts/bench-scale/backends.mjs; default sqlite);
//                                `postgres:10000` measures that store only at the sizes up to 10,000
//   --duration 5 --rounds 3 --warmup 1 --connections 4   autocannon: seconds per query and round
//                                (rounds interleave the queries; the report keeps their medians)
//   --import-timeout 60          minutes an import may take before it is stopped (and reported so)
//   --label current              names this run in the report (e.g. before / after a change)
//   --baseline bench/scale-before.json   draws an earlier run beside this one, with p50 ratios
//   --out bench                  where the report goes (--quick: a temp folder)
//   --seed devops-stories --keep (keep catalogues and databases) --skip-build
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { nx } from './nx.mjs';
import { BACKENDS } from './bench-scale/backends.mjs';
import { canonicalRequests, DEEP_PAGE, PAGE_SIZE, QUERIES } from './bench-scale/canonical-queries.mjs';
import { consoleTables, latencyChartSvg, markdownReport } from './bench-scale/report.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    backends: { type: 'string', default: 'sqlite' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '4' },
    rounds: { type: 'string' },
    'import-timeout': { type: 'string', default: '60' },
    label: { type: 'string', default: 'current' },
    baseline: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: 'devops-stories' },
    keep: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    reimport: { type: 'boolean' },
  },
});

const quick = args.quick;
const sizes = (args.sizes ?? (quick ? '1000' : '1000,10000,100000')).split(',').map((s) => Number(s.trim()));
for (const size of sizes) {
  if (!Number.isInteger(size) || size < 600) {
    throw new Error(`--sizes takes whole numbers of at least 600 (the list is read at page ${DEEP_PAGE}), got ${size}`);
  }
}
// `name` or `name:max`: the store, measured at the sizes up to max (a PostgreSQL import of 100,000
// stories takes half an hour on 2 cores, so a full run may stop it at 10,000).
const maxSize = new Map();
const backends = args.backends.split(',').map((entry) => {
  const [name, max] = entry.trim().split(':');
  if (!BACKENDS[name]) throw new Error(`--backends: no backend "${name}" (known: ${Object.keys(BACKENDS).join(', ')})`);
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) throw new Error(`--backends: "${entry}" takes a whole number of stories after the colon`);
    maxSize.set(name, Number(max));
  }
  return name;
});
const options = {
  sizes,
  backends,
  seed: args.seed,
  duration: Number(args.duration ?? (quick ? 1 : 5)),
  rounds: Number(args.rounds ?? (quick ? 1 : 3)),
  warmup: Number(args.warmup ?? (quick ? 0.5 : 1)),
  connections: Number(args.connections),
  importTimeoutMinutes: Number(args['import-timeout']),
  reimport: args.reimport ?? !quick,
  operationTimeoutMs: 60_000,
  pageSize: PAGE_SIZE,
  deepPage: DEEP_PAGE,
};
const outDir = resolve(args.out ?? (quick ? mkdtempSync(join(tmpdir(), 'bench-scale-report-')) : 'bench'));
const baseline = args.baseline ? JSON.parse(readFileSync(args.baseline, 'utf8')) : undefined;

if (!args['skip-build']) {
  nx(
    'run-many',
    '-t',
    'build',
    '-p',
    '@devops-stories/api',
    '@devops-stories/synthetic-catalogue',
    '--outputStyle=static',
  );
}
const { writeCatalogue } = await import('@devops-stories/synthetic-catalogue');
const { launchApi } = await import('@devops-stories/api-launcher');

const IMPORTER = fileURLToPath(new URL('bench-scale/import-catalogue.mjs', import.meta.url));
const number = (n) => Math.round(n).toLocaleString('en-US');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Peak resident memory of a live process so far (VmHWM), in MB, from /proc (Linux). */
function peakRssMb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Runs the importer on `dir` into `url` as a child process, with a progress line every 30 s; stops
 * it after the import timeout. Resolves with its time, peak RSS and what it reported.
 */
function runImport(dir, url) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(process.execPath, [IMPORTER, dir, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Progress lines pass through; the last lines are kept to say why an import failed.
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      errors = `${errors}${chunk}`.slice(-4_000);
    });
    let output = '';
    let errors = '';
    let peak = 0;
    let stopped = false;
    child.stdout.on('data', (chunk) => (output += chunk));
    const sample = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid))), 500);
    const progress = setInterval(
      () => log(`  importing: ${seconds(performance.now() - started)}, peak RSS ${number(peak)} MB so far`),
      30_000,
    );
    const limit = setTimeout(() => {
      stopped = true;
      peak = Math.max(peak, peakRssMb(child.pid));
      child.kill('SIGKILL');
    }, options.importTimeoutMinutes * 60_000);
    child.on('exit', (code) => {
      clearInterval(sample);
      clearInterval(progress);
      clearTimeout(limit);
      const ms = performance.now() - started;
      if (stopped) return resolvePromise({ finished: false, ms, peakRssMb: peak });
      if (code !== 0) {
        // A failed import is a finding (the store could not import this size): recorded, not fatal.
        const error = /^\w*Error: .*$/m.exec(errors)?.[0] ?? `exited with ${code}`;
        return resolvePromise({ finished: false, failed: error, ms, peakRssMb: peak });
      }
      const reported = JSON.parse(output);
      resolvePromise({
        finished: true,
        ms,
        loadMs: reported.loadMs,
        importMs: reported.importMs,
        peakRssMb: Math.max(peak, reported.maxRssMb),
        result: reported.result,
      });
    });
  });
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux); with `reaped`,
 * also that of its children it has waited for (a database server's ended connections).
 */
function cpuMs(pid, reaped = false) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return 0; // a server process that ended meanwhile: its time is in its parent's reaped time
  }
}

/** CPU time the api and its database server (a backend with `serverPids`) have used so far, in ms. */
function targetCpuMs({ pid, serverPids }) {
  const [main, ...children] = serverPids?.() ?? [];
  return cpuMs(pid) + (main ? cpuMs(main, true) : 0) + children.reduce((total, child) => total + cpuMs(child), 0);
}

/** The `q` quantile of sorted `values`. */
const quantile = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];

/**
 * One autocannon run of `bodies` (cycled through) against `url`. Latencies are autocannon's own
 * response times, kept to the microsecond (its histogram rounds them to whole milliseconds).
 */
async function load(target, bodies, duration) {
  const { url } = target;
  const times = [];
  const cpuBefore = targetCpuMs(target);
  const instance = autocannon({
    url,
    connections: options.connections,
    duration,
    timeout: 300,
    requests: bodies.map((body) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) times.push(responseTime);
  });
  const result = await instance;
  const cpu = targetCpuMs(target) - cpuBefore;
  times.sort((a, b) => a - b);
  const round = (n) => Math.round(n * 1000) / 1000;
  return {
    p50: round(quantile(times, 0.5) ?? NaN),
    p99: round(quantile(times, 0.99) ?? NaN),
    rps: result.requests.average,
    cpuMs: round(cpu / Math.max(1, result['2xx'] + result.non2xx)),
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A query's figures over its rounds: medians of p50, p99, req/s and CPU per request, sums of the counts. */
function medianOfRounds(rounds) {
  const sum = (field) => rounds.reduce((total, r) => total + r[field], 0);
  return {
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    rps: median(rounds.map((r) => r.rps)),
    cpuMs: median(rounds.map((r) => r.cpuMs)),
    requests: sum('requests'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    rounds: rounds.map(({ p50, p99, rps, cpuMs: cpu }) => ({ p50, p99, rps, cpuMs: cpu })),
  };
}

/** Measures one store at one catalogue size. */
async function measure(backend, workDir, stories) {
  const store = BACKENDS[backend];
  const run = { backend, stories };
  log(`${backend}, ${number(stories)} stories: generating the catalogue`);
  const generateStarted = performance.now();
  const catalogue = await writeCatalogue({
    stories,
    seed: options.seed,
    dir: join(workDir, `catalogue-${stories}`),
    progressEvery: Math.max(1_000, stories / 10),
    onProgress: (written, total) => {
      const elapsed = performance.now() - generateStarted;
      const rate = written / (elapsed / 1000);
      if (written < total) {
        log(
          `  ${number(written)} of ${number(total)} written, ${number(rate)}/s, ${seconds(((total - written) / rate) * 1000)} left`,
        );
      }
    },
  });
  const { summary } = catalogue;
  run.generate = { ms: performance.now() - generateStarted, files: catalogue.files, bytes: catalogue.bytes };
  run.catalogue = {
    published: summary.published,
    companies: summary.companies,
    largestCompany: summary.largestCompany,
    commonPractice: summary.commonPractice,
    terms: summary.terms,
  };
  log(
    `  ${number(catalogue.files)} files, ${(catalogue.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds(run.generate.ms)}`,
  );

  const url = await store.databaseUrl(workDir, stories);
  log(`  importing into ${url}`);
  run.import = await runImport(catalogue.dir, url);
  run.databaseBytes = await store.sizeBytes(url);
  log(
    run.import.finished
      ? `  imported in ${seconds(run.import.ms)} (read ${seconds(run.import.loadMs)}, write ${seconds(run.import.importMs)}), peak RSS ${number(run.import.peakRssMb)} MB, database ${(run.databaseBytes / 1024 / 1024).toFixed(1)} MB`
      : `  import ${run.import.failed ? `failed (${run.import.failed})` : 'stopped'} after ${seconds(run.import.ms)} at ${number(run.import.peakRssMb)} MB peak RSS`,
  );
  if (run.import.finished && options.reimport) {
    run.reimport = await runImport(catalogue.dir, url);
    log(`  re-imported unchanged in ${seconds(run.reimport.ms)}, peak RSS ${number(run.reimport.peakRssMb)} MB`);
  }
  if (!args.keep) rmSync(catalogue.dir, { recursive: true, force: true });
  if (!run.import.finished) return run;

  const startStarted = performance.now();
  const api = await launchApi({
    output: 'ignore',
    timeoutMs: 300_000,
    env: {
      DATABASE_URL: url,
      CONTENT_IMPORT: 'off',
      NODE_ENV: 'production',
      CURSOR_SECRET: 'bench-scale-cursor-secret-of-at-least-32-bytes',
      WEB_ROOT: '/nonexistent',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS: '0', // budgets would turn a load test into 429s
      RESPONSE_CACHE_MB: '0', // cold reads: the response cache (issue 8) off where there is one
      OPERATION_TIMEOUT_MS: String(options.operationTimeoutMs), // measure slow queries rather than cut them
    },
  });
  try {
    run.api = { startMs: performance.now() - startStarted };
    const graphql = `${api.base}/graphql`;
    const target = { url: graphql, pid: api.child.pid, serverPids: store.serverPids };
    const { requests, walkMs } = await canonicalRequests(graphql, summary);
    run.walkToDeepPageMs = walkMs;
    log(`  api ready in ${seconds(run.api.startMs)}; walked to page ${DEEP_PAGE} in ${seconds(walkMs)}`);
    // Rounds interleave the queries, so that a busy moment of the shared machine falls on all of them.
    const rounds = Object.fromEntries(QUERIES.map(([key]) => [key, []]));
    for (let round = 1; round <= options.rounds; round++) {
      for (const [key, label] of QUERIES) {
        if (round === 1 && options.warmup > 0) await load(target, requests[key], options.warmup);
        const q = await load(target, requests[key], options.duration);
        rounds[key].push(q);
        const failed = q.non2xx + q.errors ? `, ${q.non2xx + q.errors} FAILED` : '';
        log(
          `  round ${round}, ${label.padEnd(32)} p50 ${q.p50} ms, p99 ${q.p99} ms, ${number(q.rps)} req/s, ${q.cpuMs} ms CPU (${q.requests} requests${failed})`,
        );
      }
    }
    run.queries = Object.fromEntries(QUERIES.map(([key]) => [key, medianOfRounds(rounds[key])]));
    run.api.peakRssMb = peakRssMb(api.child.pid);
  } finally {
    await api.stop('SIGTERM');
  }
  if (!args.keep) await store.remove(url);
  return run;
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no']).toString().trim() !== '';
const report = {
  label: args.label,
  date: new Date().toISOString(),
  commit: `${commit}${dirty ? ' (with uncommitted changes)' : ''}`,
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  freeMemoryGbAtStart: Math.round(freemem() / 1024 ** 3),
  loadavg: { start: loadavg(), end: [] },
  options,
  runs: [],
};
const workDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
log(`work folder ${workDir}; sizes ${sizes.map(number).join(', ')}; stores ${backends.join(', ')}`);
try {
  for (const backend of backends) {
    await BACKENDS[backend].setup(workDir);
    try {
      for (const stories of sizes.filter((size) => size <= (maxSize.get(backend) ?? Infinity))) {
        report.runs.push(await measure(backend, workDir, stories));
      }
    } finally {
      await BACKENDS[backend].teardown();
    }
  }
} finally {
  if (!args.keep) rmSync(workDir, { recursive: true, force: true });
}
report.loadavg.end = loadavg();

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'scale.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'scale.md'), markdownReport(report, baseline));
writeFileSync(join(outDir, 'scale-latency.svg'), await latencyChartSvg(report, baseline));
console.log(`\n${consoleTables(report, baseline)}\n`);
log(`wrote ${join(outDir, 'scale.md')}, scale-latency.svg and scale.json`);
