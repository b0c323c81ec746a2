// `npm run bench:api`: latency and throughput of the built api over HTTP on loopback.
// Figures only: not part of `npm test`, they depend on the machine. (Statement counts are asserted in tests.)
//
// Options (env): BENCH_SKIP_BUILD=1, BENCH_REQUESTS=N per query (default 300), BENCH_CONCURRENCY=N (default 8).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { nx } from './nx.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const QUERIES = {
  'stories(first: 20) + relations': `{ stories(first: 20) { totalCount nodes { slug company { name } practices { slug }
    metrics { value unit source { url } } sources { url } } } }`,
  'story(slug) + HTML body + related':
    '{ story(slug: "amazon") { title body(format: HTML) related { slug } terms { slug } } }',
  'filtered page': '{ stories(filter: { practice: "continuous-deployment" }, first: 5) { totalCount nodes { slug } } }',
  'search("deploy")': '{ search(query: "deploy") { score snippet node { __typename } } }',
  'recap(day: 6) + stories': '{ recap(day: 6) { points stories { slug company { name } } } }',
};

if (!process.env.BENCH_SKIP_BUILD) nx('build', '@devops-stories/api', '--outputStyle=static');

const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', WEB_ROOT: '/nonexistent' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const endpoint = await new Promise((resolve, reject) => {
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
    if (ready) {
      server.stdout.off('data', onData);
      server.stdout.resume();
      resolve(ready[1]);
    }
  };
  server.stdout.on('data', onData);
  server.on('exit', (code) => reject(new Error(`api exited with ${code}:\n${output}`)));
});

const post = async (query) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  console.log(
    `\napi at ${endpoint}: ${REQUESTS} requests per query, ${CONCURRENCY} at a time, after 30 warm-up requests\n`,
  );
  console.log('query                                   p50 ms   p95 ms   p99 ms   req/s');
  for (const [name, query] of Object.entries(QUERIES)) {
    for (let i = 0; i < 30; i++) await post(query);
    const times = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) {
          const t = performance.now();
          await post(query);
          times.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(38)}  ${percentile(times, 50).toFixed(1).padStart(7)}  ${percentile(times, 95).toFixed(1).padStart(7)}  ` +
        `${percentile(times, 99).toFixed(1).padStart(7)}  ${(REQUESTS / elapsed).toFixed(0).padStart(6)}`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
