import { defaultContentDir, streamContent } from '@devops-stories/story-content';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../store.types.js';
import { openSqliteStore } from '../sqlite/open.js';
import { importProgressLine, importProgressReporter } from './import-progress.js';

describe('import progress', () => {
  it('says the count, the rate and the time left', () => {
    expect(importProgressLine({ stories: 40_000, total: 100_000, elapsedMs: 20_000 })).toBe(
      'import: 40,000 of 100,000 stories, 2,000/s, 30 s left',
    );
    expect(importProgressLine({ stories: 500, total: undefined, elapsedMs: 1_000 })).toBe('import: 500 stories, 500/s');
  });

  it('writes nothing for a short import, then at most one line per interval', () => {
    const lines: string[] = [];
    const report = importProgressReporter({ write: (line) => lines.push(line), afterMs: 3_000, everyMs: 5_000 });
    for (const elapsedMs of [500, 1_000, 2_999]) report({ stories: elapsedMs, total: 10_000, elapsedMs });
    expect(lines).toEqual([]);
    for (const elapsedMs of [3_000, 4_000, 7_999, 8_000, 9_000])
      report({ stories: elapsedMs, total: 10_000, elapsedMs });
    expect(lines).toEqual([
      'import: 3,000 of 10,000 stories, 1,000/s, 7 s left\n',
      'import: 8,000 of 10,000 stories, 1,000/s, 2 s left\n',
    ]);
  });

  it('is told by the store how many stories of how many it has read', async () => {
    const store = openSqliteStore({ url: 'sqlite::memory:' });
    const seen: ImportProgress[] = [];
    const source = streamContent(defaultContentDir);
    const result = await store.importContent(source, { onProgress: (p) => seen.push(p) });
    await store.close();
    expect(seen.at(-1)).toMatchObject({ stories: result.stories.inserted, total: source.storyCount });
    expect(seen.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(0);
  });
});
