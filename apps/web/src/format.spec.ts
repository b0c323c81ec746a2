import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PAGE_SIZE,
  clampPageSize,
  demoteHeadings,
  formatDays,
  formatMetric,
  keyMetric,
  snippetParts,
} from './format.js';

describe('format', () => {
  it('says metrics as a reader would', () => {
    expect(formatMetric({ value: 11.6, unit: 'seconds' })).toBe('11.6 seconds');
    expect(formatMetric({ value: 1644, unit: 'deploys' })).toBe('1,644 deploys');
    expect(formatMetric({ value: 0.001, unit: 'percent' })).toBe('0.001%');
  });

  it('leads a card with the figure its title quotes, else the first one', () => {
    const metrics = [
      { value: 75, unit: 'percent' },
      { value: 11.6, unit: 'seconds' },
    ];
    expect(keyMetric('a deploy every 11.6 seconds', metrics)).toBe(metrics[1]);
    expect(keyMetric('every engineer deploys', metrics)).toBe(metrics[0]);
    expect(keyMetric('no figures', [])).toBeUndefined();
  });

  it('splits a snippet into plain and «marked» parts', () => {
    expect(snippetParts('a failing canary triggers an automatic «rollback» to «the» old…')).toEqual([
      { text: 'a failing canary triggers an automatic ', match: false },
      { text: 'rollback', match: true },
      { text: ' to ', match: false },
      { text: 'the', match: true },
      { text: ' old…', match: false },
    ]);
    expect(snippetParts('no match')).toEqual([{ text: 'no match', match: false }]);
  });

  it('words the days a recap covers', () => {
    expect(formatDays([1, 2, 3, 4, 5, 6])).toBe('days 1–6');
    expect(formatDays([1, 3])).toBe('days 1, 3');
    expect(formatDays([4])).toBe('day 4');
  });

  it('moves body headings one level down, leaving other tags alone', () => {
    expect(
      demoteHeadings(
        '<h2 id="a">What 11.6 seconds measures</h2>\n<p>x <strong>h2</strong></p><H3>b</H3><h6>c</h6><header>d</header>',
      ),
    ).toBe(
      '<h3 id="a">What 11.6 seconds measures</h3>\n<p>x <strong>h2</strong></p><h4>b</h4><h6>c</h6><header>d</header>',
    );
  });

  it('holds the page sizes the API schema states', () => {
    const sdl = readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8');
    const stated = [...sdl.matchAll(/"""Page size: 1 to (\d+), default (\d+)\."""/g)];
    expect(stated.length).toBeGreaterThan(0);
    for (const [, max, fallback] of stated) expect({ max: Number(max), default: Number(fallback) }).toEqual(PAGE_SIZE);
    const fromTheEnd = [...sdl.matchAll(/"""Page size from the end: 1 to (\d+)\./g)].map(([, max]) => Number(max));
    expect(fromTheEnd).toEqual([PAGE_SIZE.max]);
  });

  it('keeps page sizes within what the API accepts', () => {
    expect(clampPageSize(4)).toBe(4);
    expect(clampPageSize(0)).toBe(10);
    expect(clampPageSize(Number.NaN)).toBe(10);
    expect(clampPageSize(2.5)).toBe(10);
    expect(clampPageSize(500)).toBe(100);
    expect(clampPageSize(undefined)).toBe(10);
  });
});
