import type { ImportProgress } from '../store.types.js';

/** Options of {@link importProgressReporter}. */
export interface ImportProgressOptions {
  /** Where the lines go, such as `process.stderr`. */
  write: (line: string) => void;
  /** No line before the import has run this long: a short import prints nothing. Default 3 s. */
  afterMs?: number;
  /** At most one line this often. Default 5 s. */
  everyMs?: number;
}

/**
 * An `onProgress` for {@link StoryStore.importContent} that writes a line for long imports only:
 * `import: 40,000 of 100,000 stories, 2,150/s, 28 s left`. Nothing for an import shorter than
 * `afterMs`, so the server's start and the tests stay quiet for small content.
 */
export function importProgressReporter(options: ImportProgressOptions): (progress: ImportProgress) => void {
  const afterMs = options.afterMs ?? 3_000;
  const everyMs = options.everyMs ?? 5_000;
  let last = -Infinity;
  return (progress) => {
    if (progress.elapsedMs < afterMs || progress.elapsedMs - last < everyMs) return;
    last = progress.elapsedMs;
    options.write(`${importProgressLine(progress)}\n`);
  };
}

/** One progress line: count, rate and, when the total is known, time left. */
export function importProgressLine({ stories, total, elapsedMs }: ImportProgress): string {
  const number = (n: number) => Math.round(n).toLocaleString('en-US');
  const rate = stories / Math.max(elapsedMs / 1000, 0.001);
  const count = total === undefined ? `${number(stories)} stories` : `${number(stories)} of ${number(total)} stories`;
  const left = total === undefined || rate === 0 ? '' : `, ${Math.ceil(Math.max(total - stories, 0) / rate)} s left`;
  return `import: ${count}, ${number(rate)}/s${left}`;
}
