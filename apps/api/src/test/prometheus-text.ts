/** One sample line: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family: its `# TYPE`, `# HELP` and samples. */
export interface Family {
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
// Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes `Nan`).
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?[Ii]nf|[Nn]a[Nn])';
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL}="(?:[^"\\\\\\n]|\\\\[\\\\"n])*",?)*)\\})? (${VALUE})(?: -?\\d+)?$`,
);
const LABEL_PAIR = new RegExp(`(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`, 'g');
const SUFFIXES: Record<Family['type'], string[]> = {
  counter: ['', '_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_sum', '_count', '_created'],
  summary: ['', '_sum', '_count', '_created'],
  untyped: [''],
};

/**
 * Parses Prometheus text exposition format (version 0.0.4) strictly, and throws on the first line
 * that breaks it: a malformed `# HELP`/`# TYPE` or sample line, a sample whose family has no
 * `# TYPE` before it or whose name does not fit its type, a family declared twice, a histogram
 * whose buckets are not cumulative or whose `+Inf` bucket differs from its `_count`.
 */
export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (sample: string) => {
    for (const [name, family] of families) {
      if (sample.startsWith(name) && SUFFIXES[family.type].includes(sample.slice(name.length))) return family;
    }
    return undefined;
  };
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  text.split('\n').forEach((line, index) => {
    const fail = (why: string) => {
      throw new Error(`line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    if (line === '') return;
    if (line.startsWith('#')) {
      const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!meta) {
        if (/^# (HELP|TYPE)\b/.test(line)) fail('malformed metadata');
        return; // a plain comment
      }
      const [, kind, name, rest] = meta;
      if (!new RegExp(`^${NAME}$`).test(name)) fail('invalid metric name');
      const family = families.get(name) ?? { type: 'untyped', help: '', samples: [] };
      if (kind === 'TYPE') {
        if (!(rest in SUFFIXES)) fail('unknown type');
        if (families.has(name) && family.type !== 'untyped') fail('family typed twice');
        family.type = rest as Family['type'];
      } else {
        family.help = rest;
      }
      families.set(name, family);
      return;
    }
    const match = SAMPLE.exec(line);
    if (!match) return fail('malformed sample');
    const [, name, labelText = '', valueText] = match;
    const family = familyOf(name);
    if (!family) return fail('sample of an undeclared family');
    const labels: Record<string, string> = {};
    for (const [, label, value] of labelText.matchAll(LABEL_PAIR)) {
      if (label in labels) fail(`label ${label} repeated`);
      labels[label] = value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    const value = /inf$/i.test(valueText)
      ? valueText.startsWith('-')
        ? -Infinity
        : Infinity
      : /nan/i.test(valueText)
        ? NaN
        : Number(valueText);
    family.samples.push({ name, labels, value });
  });
  for (const [name, family] of families) {
    if (family.type === 'histogram') checkHistogram(name, family);
  }
  return families;
}

function checkHistogram(name: string, family: Family): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name === `${name}_bucket`) {
      if (le === undefined) throw new Error(`${name}: a bucket without le`);
      entry.buckets.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    } else if (sample.name === `${name}_count`) {
      entry.count = sample.value;
    }
  }
  for (const [key, { buckets, count }] of series) {
    const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([, value], i) => {
      if (i > 0 && value < sorted[i - 1][1]) throw new Error(`${name}${key}: buckets are not cumulative`);
    });
    if (sorted.at(-1)?.[0] !== Infinity || sorted.at(-1)?.[1] !== count) {
      throw new Error(`${name}${key}: the +Inf bucket must exist and equal _count`);
    }
  }
}

/** The sum of a family's samples named `sample` whose labels include `labels`. */
export function sumOf(
  families: Map<string, Family>,
  family: string,
  sample: string,
  labels: Record<string, string> = {},
): number {
  return (families.get(family)?.samples ?? [])
    .filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
