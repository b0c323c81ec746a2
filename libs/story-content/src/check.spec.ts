import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from './content.loader.js';

const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const CHECK = fileURLToPath(new URL('./check.ts', import.meta.url));

describe('content:check', () => {
  it('counts the content with each noun in the number its figure needs ("1 recap", "6 days")', () => {
    const result = spawnSync(TSX, [CHECK], { encoding: 'utf8', timeout: 60_000 });
    const content = loadContent();
    const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const drafts = content.stories.filter((story) => story.status === 'draft').length;
    const metrics = content.stories.reduce((sum, story) => sum + story.metrics.length, 0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `content ok: ${noun(content.stories.length, 'story', 'stories')} (${noun(drafts, 'draft', 'drafts')}), ` +
        `${noun(metrics, 'metric', 'metrics')}, ${noun(content.companies.length, 'company', 'companies')}, ` +
        `${noun(content.practices.length, 'practice', 'practices')}, ${noun(content.days.length, 'day', 'days')}, ` +
        `${noun(content.recaps.length, 'recap', 'recaps')}\n`,
    );
  }, 60_000);
});
