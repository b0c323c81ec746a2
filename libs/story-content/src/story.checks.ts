import { METRIC_QUALIFIERS, type MetricQualifier, type StoryContent } from './content.types.js';

/** Records a problem with one field (a dotted path such as `metrics[2].year`) of the story being checked. */
export type FieldProblem = (field: string, message: string) => void;

/**
 * Every metric names the year it describes, and that year is one its cited source can
 * report: not after the source's own year (a 2011 talk cannot give 2017 figures, and a
 * 2017 deck restating 2011 figures does not make them 2017's). A cited source must
 * therefore carry its year. Metrics citing an unknown source are left to the reference check.
 */
export function checkMetricYears(story: StoryContent, problem: FieldProblem): void {
  const sources = new Map(story.sources.map((source, index) => [source.id, { source, index }]));
  const yearless = new Set<string>();
  story.metrics.forEach((metric, i) => {
    if (metric.year === null) {
      problem(`metrics[${i}].year`, 'is required: give the year the figure describes');
      return;
    }
    const cited = sources.get(metric.source);
    if (!cited) return;
    if (cited.source.year === null) {
      if (yearless.has(metric.source)) return;
      yearless.add(metric.source);
      problem(
        `sources[${cited.index}].year`,
        `is required: metrics[${i}] cites "${metric.source}", and a metric's year is checked against its source's`,
      );
    } else if (metric.year > cited.source.year) {
      problem(
        `metrics[${i}].year`,
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
export function checkMetricQualifiers(story: StoryContent, problem: FieldProblem): void {
  story.metrics.forEach((metric, i) => {
    const named = METRIC_QUALIFIERS.filter((qualifier) => labelSays(metric.label, qualifier));
    if (metric.qualifier && !named.includes(metric.qualifier)) {
      problem(
        `metrics[${i}].label`,
        `must contain "${metric.qualifier}", the metric's qualifier, e.g. "${metric.label} (${metric.qualifier})"`,
      );
    } else if (!metric.qualifier && named.length) {
      problem(`metrics[${i}].qualifier`, `is missing: the label says "${named[0]}", so set qualifier: ${named[0]}`);
    }
  });
}

/** A draft has not been published, so it carries no `publishedAt`. */
export function checkDraftHasNoPublishedAt(story: StoryContent, problem: FieldProblem): void {
  if (story.status === 'draft' && story.publishedAt) {
    problem('publishedAt', 'a draft has not been published: remove publishedAt, or set status: published');
  }
}

/** A story cannot change before it is first published. */
export function checkUpdatedNotBeforePublished(story: StoryContent, problem: FieldProblem): void {
  if (story.publishedAt && story.updatedAt.getTime() < story.publishedAt.getTime()) {
    problem(
      'updatedAt',
      `${story.updatedAt.toISOString()} is before publishedAt (${story.publishedAt.toISOString()}): ` +
        'a story cannot change before it is first published',
    );
  }
}

/** The checks the loader runs on every story once all files are read. */
export const STORY_CHECKS: readonly ((story: StoryContent, problem: FieldProblem) => void)[] = [
  checkMetricYears,
  checkMetricQualifiers,
  checkDraftHasNoPublishedAt,
  checkUpdatedNotBeforePublished,
];

function labelSays(label: string, qualifier: MetricQualifier): boolean {
  return new RegExp(`\\b${qualifier.replace(/ /g, '\\s+')}\\b`, 'i').test(label);
}
