import type { MetricContent, SourceContent, StoryStatus } from './content.types.js';
import { METRIC_QUALIFIERS, type MetricQualifier } from './content.types.js';

/** Records a problem with one field (a path such as `['metrics', 2, 'year']`) of the story being checked. */
export type FieldProblem = (path: (string | number)[], message: string) => void;

/**
 * A story's sources and metrics as the rules below see them: each entry that is well formed on
 * its own, `undefined` where it is not (its own problems are reported already), at its index.
 */
export interface StoryParts {
  sources: readonly (SourceContent | undefined)[];
  metrics: readonly (MetricContent | undefined)[];
  /** The ids the story's sources give, the malformed sources' too. */
  sourceIds: ReadonlySet<unknown>;
}

/** No two sources of a story share an id. */
export function checkSourceIds(story: StoryParts, problem: FieldProblem): void {
  const seen = new Set<string>();
  story.sources.forEach((source, i) => {
    if (!source) return;
    if (seen.has(source.id)) problem(['sources', i, 'id'], `"${source.id}" is used by another source of this story`);
    seen.add(source.id);
  });
}

/** Every metric cites one of the story's own sources by id. */
export function checkMetricSources(story: StoryParts, problem: FieldProblem): void {
  story.metrics.forEach((metric, i) => {
    if (metric && !story.sourceIds.has(metric.source)) {
      problem(['metrics', i, 'source'], `"${metric.source}" is not the id of one of this story's sources`);
    }
  });
}

/**
 * Every metric names the year it describes, and that year is one its cited source can
 * report: not after the source's own year (a 2011 talk cannot give 2017 figures, and a
 * 2017 deck restating 2011 figures does not make them 2017's). A cited source must
 * therefore carry its year. Metrics citing an unknown source are left to {@link checkMetricSources}.
 */
export function checkMetricYears(story: StoryParts, problem: FieldProblem): void {
  const sources = new Map<string, { source: SourceContent; index: number }>();
  story.sources.forEach((source, index) => {
    if (source && !sources.has(source.id)) sources.set(source.id, { source, index });
  });
  const yearless = new Set<string>();
  story.metrics.forEach((metric, i) => {
    if (!metric) return;
    if (metric.year === null) {
      problem(['metrics', i, 'year'], 'is required: give the year the figure describes');
      return;
    }
    const cited = sources.get(metric.source);
    if (!cited) return;
    if (cited.source.year === null) {
      if (yearless.has(metric.source)) return;
      yearless.add(metric.source);
      problem(
        ['sources', cited.index, 'year'],
        `is required: metrics[${i}] cites "${metric.source}", and a metric's year is checked against its source's`,
      );
    } else if (metric.year > cited.source.year) {
      problem(
        ['metrics', i, 'year'],
        `${metric.year} is after ${cited.source.year}, the year of its source "${metric.source}": ` +
          'give the year the figure describes, which its source cannot postdate',
      );
    }
  });
}

/**
 * A metric's `qualifier` ("about", "up to", "more than") stays in its label, which is what
 * the story view shows, so an approximate figure never reads as exact; and a label that
 * names a qualifier declares it in `qualifier`, so the two cannot drift apart.
 */
export function checkMetricQualifiers(story: StoryParts, problem: FieldProblem): void {
  story.metrics.forEach((metric, i) => {
    if (!metric) return;
    const named = METRIC_QUALIFIERS.filter((qualifier) => labelSays(metric.label, qualifier));
    if (metric.qualifier && !named.includes(metric.qualifier)) {
      problem(
        ['metrics', i, 'label'],
        `must contain "${metric.qualifier}", the metric's qualifier, e.g. "${metric.label} (${metric.qualifier})"`,
      );
    } else if (!metric.qualifier && named.length) {
      problem(['metrics', i, 'qualifier'], `is missing: the label says "${named[0]}", so set qualifier: ${named[0]}`);
    }
  });
}

/** The rules every story obeys, from a file or from the API. */
export const STORY_CHECKS: readonly ((story: StoryParts, problem: FieldProblem) => void)[] = [
  checkSourceIds,
  checkMetricSources,
  checkMetricYears,
  checkMetricQualifiers,
];

/** When a story file says it was published and changed. */
export interface StoryDates {
  status: StoryStatus | undefined;
  publishedAt: Date | null | undefined;
  updatedAt: Date | undefined;
}

/** A published story has a `publishedAt`, a draft has none. */
export function checkPublication(story: StoryDates, problem: FieldProblem): void {
  if (story.status === 'published' && story.publishedAt === null) problem(['publishedAt'], 'is required');
  if (story.status === 'draft' && story.publishedAt) {
    problem(['publishedAt'], 'a draft has not been published: remove publishedAt, or set status: published');
  }
}

/** A story cannot change before it is first published. */
export function checkUpdatedNotBeforePublished(story: StoryDates, problem: FieldProblem): void {
  if (story.publishedAt && story.updatedAt && story.updatedAt.getTime() < story.publishedAt.getTime()) {
    problem(
      ['updatedAt'],
      `${story.updatedAt.toISOString()} is before publishedAt (${story.publishedAt.toISOString()}): ` +
        'a story cannot change before it is first published',
    );
  }
}

/** The rules of a story file's dates. */
export const STORY_FILE_CHECKS: readonly ((story: StoryDates, problem: FieldProblem) => void)[] = [
  checkPublication,
  checkUpdatedNotBeforePublished,
];

function labelSays(label: string, qualifier: MetricQualifier): boolean {
  return new RegExp(`\\b${qualifier.replace(/ /g, '\\s+')}\\b`, 'i').test(label);
}
