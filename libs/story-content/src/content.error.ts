/** One problem in one content file. */
export interface ContentIssue {
  /** Path of the file, relative to the content folder. */
  file: string;
  /** Dotted path of the field, such as `metrics[2].source`; empty for the whole file. */
  field: string;
  message: string;
}

/** Thrown by the loader when any content file is malformed; lists every problem found. */
export class ContentError extends Error {
  constructor(readonly issues: readonly ContentIssue[]) {
    super(
      `${issues.length} content problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  ${i.file}${i.field ? ` › ${i.field}` : ''}: ${i.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}
