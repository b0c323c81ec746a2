// `npm run bench:web`: the web client's size and speed report. Not part of `npm test`:
// sizes are measured against a budget here, and Lighthouse depends on the machine.
//
//   1. the element's JS, gzip and brotli (budget: gzip ≤ 20 kB, exit 1 above it), and its on-demand chunks;
//   2. the standalone page's total transfer in Chromium, against the real api server;
//   3. Lighthouse mobile on the standalone page (goals: performance ≥ 90, accessibility ≥ 95),
//      judged on the least busy of LIGHTHOUSE_RUNS runs (default 3); skipped, saying why, if it cannot run.
//
// Options (env): BENCH_SKIP_BUILD=1, LIGHTHOUSE_RUNS=N (0 skips Lighthouse), CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchApi } from '@devops-stories/api-launcher';
import { nx } from './nx.mjs';

const GZIP_BUDGET = 20_000;
const GOALS = { performance: 90, accessibility: 95 };
const WEB_DIST = join(process.cwd(), 'apps/web/dist');
const ELEMENT = join(WEB_DIST, 'devops-stories.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const OUT = join(process.cwd(), 'apps/web/test-output/bench');
const failures = [];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

if (!process.env.BENCH_SKIP_BUILD)
  nx('run-many', '-t', 'build', '--projects', '@devops-stories/api,@devops-stories/web', '--outputStyle=static');

// 1. Element size
const code = readFileSync(ELEMENT);
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log('\n<devops-stories> element: apps/web/dist/devops-stories.js');
console.log(`  raw     ${kB(code.length)}`);
console.log(`  gzip    ${kB(gzip)}   budget ${kB(GZIP_BUDGET)}   ${gzip <= GZIP_BUDGET ? 'OK' : 'OVER BUDGET'}`);
console.log(`  brotli  ${kB(brotli)}`);
if (gzip > GZIP_BUDGET) failures.push(`element gzip ${kB(gzip)} > ${kB(GZIP_BUDGET)}`);
// Chunks load on demand (the share form when a reader opens it), never with the element.
for (const name of readdirSync(join(WEB_DIST, 'chunks')).filter((n) => n.endsWith('.js'))) {
  const chunk = readFileSync(join(WEB_DIST, 'chunks', name));
  console.log(`  on demand: chunks/${name}  raw ${kB(chunk.length)}  gzip ${kB(gzipSync(chunk, { level: 9 }).length)}`);
}

const api = await startApi();
try {
  // 2. Standalone page transfer
  await measureTransfer(api.base);
  // 3. Lighthouse
  await runLighthouse(api.base);
} finally {
  await api.stop();
}

if (failures.length) {
  console.error(`\n✖ web bench failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\n✔ web bench within budget');

function startApi() {
  return launchApi({
    env: {
      WEB_ROOT: WEB_DIST,
      NODE_ENV: 'production',
      CURSOR_SECRET: 'bench-cursor-secret-of-at-least-32-bytes',
      LOG_LEVEL: 'warn',
    },
  });
}

async function measureTransfer(base) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map();
    cdp.on('Network.responseReceived', ({ requestId, response, type }) =>
      requests.set(requestId, {
        url: response.url,
        type,
        encoding: response.headers['content-encoding'] ?? 'identity',
        bytes: 0,
      }),
    );
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const entry = requests.get(requestId);
      if (entry) entry.bytes = encodedDataLength;
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await page.locator('devops-stories .card').first().waitFor();
    await page.waitForLoadState('networkidle');
    const entries = [...requests.values()];
    const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    console.log(
      `\nstandalone page ${base}/ (375x667, cache off): ${entries.length} requests, ${kB(total)} transferred`,
    );
    for (const entry of entries) {
      console.log(
        `  ${kB(entry.bytes).padStart(9)}  ${entry.type.padEnd(8)} ${entry.encoding.padEnd(8)} ${new URL(entry.url).pathname}`,
      );
    }
  } finally {
    await browser.close();
  }
}

async function runLighthouse(base) {
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  const cli = join(process.cwd(), 'node_modules/.bin/lighthouse');
  if (runs <= 0) return console.log('\nLighthouse: skipped (LIGHTHOUSE_RUNS=0)');
  if (!existsSync(cli)) return console.log('\nLighthouse: skipped, lighthouse is not installed (npm install)');
  if (!existsSync(CHROMIUM))
    return console.log(`\nLighthouse: skipped, no Chromium at ${CHROMIUM} (scripts/ensure-chromium.sh)`);
  mkdirSync(OUT, { recursive: true });
  const results = [];
  for (let run = 1; run <= runs; run += 1) {
    const report = join(OUT, `lighthouse-${run}.json`);
    const result = spawnSync(
      cli,
      [
        `${base}/`,
        '--quiet',
        '--form-factor=mobile',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${report}`,
        `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180_000 },
    );
    if (result.status !== 0 || !existsSync(report)) {
      console.log(
        `\nLighthouse: could not run here (exit ${result.status}): ${(result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' ')}`,
      );
      return;
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    results.push({
      performance: Math.round(json.categories.performance.score * 100),
      accessibility: Math.round(json.categories.accessibility.score * 100),
      fcp: json.audits['first-contentful-paint'].displayValue,
      lcp: json.audits['largest-contentful-paint'].displayValue,
      tbt: json.audits['total-blocking-time'].displayValue,
      cls: json.audits['cumulative-layout-shift'].displayValue,
      benchmarkIndex: json.environment.benchmarkIndex,
    });
  }
  // Other work on the machine only slows a run down; the run on the least busy CPU (highest
  // benchmarkIndex) is the one that measures the page rather than the neighbours.
  const judged = results.reduce((best, result) => (result.benchmarkIndex > best.benchmarkIndex ? result : best));
  console.log(
    `\nLighthouse ${JSON.parse(readFileSync(join(process.cwd(), 'node_modules/lighthouse/package.json'), 'utf8')).version} mobile (simulated throttling), ${runs} run(s); reports in ${OUT}`,
  );
  for (const [index, result] of results.entries()) {
    console.log(
      `  run ${index + 1}: performance ${result.performance}, accessibility ${result.accessibility}  (FCP ${result.fcp}, LCP ${result.lcp}, TBT ${result.tbt}, CLS ${result.cls}; machine benchmarkIndex ${Math.round(result.benchmarkIndex)})`,
    );
  }
  if (judged.benchmarkIndex < 500)
    console.log(
      `  note: benchmarkIndex ${Math.round(judged.benchmarkIndex)} means a busy or slow CPU; scores are pessimistic`,
    );
  for (const [category, goal] of Object.entries(GOALS)) {
    const value = judged[category];
    console.log(`  ${category} (least busy run): ${value}   goal ≥ ${goal}   ${value >= goal ? 'OK' : 'BELOW GOAL'}`);
    if (value < goal) failures.push(`Lighthouse ${category} ${value} < ${goal}`);
  }
}
