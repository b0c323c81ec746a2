import { describe, expect, it } from 'vitest';
import { CursorCodec, type CursorPosition, type ListDirection, type PagePlan, pageList } from './paging.js';

const codec = new CursorCodec('test-secret');
const ORDER = 'n:asc';
const at = (n: number): CursorPosition => ({ order: ORDER, value: n, slug: `s${n}` });
const slugs = (numbers: number[], direction: ListDirection, plan: PagePlan) =>
  pageList(numbers, plan, at, codec, direction).nodes.map((n) => `s${n}`);

describe('pageList', () => {
  const ascending = [1, 2, 4, 5, 7];
  const descending = [...ascending].reverse();

  it('continues after a position whose item is gone, in either list direction', () => {
    expect(slugs(ascending, 'asc', { direction: 'forward', size: 2, start: at(3), scope: '' })).toEqual(['s4', 's5']);
    expect(slugs(descending, 'desc', { direction: 'forward', size: 2, start: at(6), scope: '' })).toEqual(['s5', 's4']);
    expect(slugs(ascending, 'asc', { direction: 'forward', size: 2, start: at(9), scope: '' })).toEqual([]);
  });

  it('reads backward from before a position whose item is gone', () => {
    expect(slugs(ascending, 'asc', { direction: 'backward', size: 2, start: at(6), scope: '' })).toEqual(['s4', 's5']);
    expect(slugs(descending, 'desc', { direction: 'backward', size: 2, start: at(3), scope: '' })).toEqual([
      's5',
      's4',
    ]);
    expect(slugs(ascending, 'asc', { direction: 'backward', size: 2, start: at(0), scope: '' })).toEqual([]);
  });

  it('breaks ties on the sort value by slug', () => {
    const tied = (item: string): CursorPosition => ({ order: ORDER, value: 1, slug: item });
    const page = pageList(
      ['a', 'c', 'd'],
      { direction: 'forward', size: 5, start: tied('b'), scope: '' },
      tied,
      codec,
      'asc',
    );
    expect(page.nodes).toEqual(['c', 'd']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
