import { loadContent } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchRecord, StoryStore } from '../store.types.js';
import { type OpenStore, searchQuery } from './story-store.contract.js';

const content = loadContent();

/**
 * The ranking every backend must agree on, whatever its scoring function: the best hit of the
 * words readers search most, and the properties of scores and snippets the API documents.
 */
export const TOP_HITS: Record<string, { kind: string; key: string }> = {
  rollback: { kind: 'Story', key: 'netflix' },
  deploy: { kind: 'Story', key: 'etsy' },
  canary: { kind: 'Story', key: 'netflix' },
};

/** The search behaviour every StoryStore backend must show on the shipped content. */
export function describeSearchContract(name: string, open: OpenStore): void {
  describe(`${name}: the search contract`, () => {
    let store: StoryStore;
    beforeAll(async () => {
      store = await open(() => undefined);
      await store.importContent(content);
    });
    afterAll(() => store.close());

    it.each(Object.entries(TOP_HITS))('ranks %s first as every backend does', async (word, top) => {
      const { hits, totalCount } = await store.search(searchQuery([word], { limit: 50 }));
      expect(hits[0]).toMatchObject({ ...top, score: 1 });
      expect(hits[0].snippet).toMatch(new RegExp(`«${word}\\w*»`, 'i'));
      expect(hits.length).toBe(totalCount);
      for (const hit of hits.slice(1)) expect(hit.score).toBeLessThanOrEqual(1);
    });

    it('matches words by prefix, all of them required, and reads syntax in the terms as text', async () => {
      const prefix = await store.search(searchQuery(['roll'], { limit: 50 }));
      expect(prefix.hits.map((h) => h.key)).toContain('netflix');
      const both = await store.search(searchQuery(['rollback', 'deploy'], { limit: 50 }));
      const rollback = new Set((await store.search(searchQuery(['rollback'], { limit: 50 }))).hits.map((h) => h.key));
      expect(both.hits.length).toBeGreaterThan(0);
      for (const hit of both.hits) expect(rollback.has(hit.key)).toBe(true);
      for (const terms of [
        ['rollback', '&', '!'],
        ["rollback')", '|', 'deploy:*'],
        ['(rollback', '<->'],
      ]) {
        const page = await store.search(searchQuery(terms, { limit: 50 }));
        expect(page.hits[0]).toMatchObject({ kind: 'Story', key: 'netflix' });
      }
      expect(await store.search(searchQuery(['zqxnothing']))).toEqual({ hits: [], hasMore: false, totalCount: 0 });
    });
  });
}

/** The ranking window the bounded-ranking contract sets: far below the matches of {@link WINDOW_TERM}. */
const SMALL_WINDOW = 2;
/** A word most of the shipped stories, days and recaps contain. */
const WINDOW_TERM = 'deploy';

/**
 * Bounded ranking (`SEARCH_RANK_WINDOW`) on the shipped content, with a window small enough that
 * most matches fall past it: `open` opens an empty store ranking at most that many matches
 * (the default when not given).
 */
export function describeSearchWindowContract(
  name: string,
  open: (searchRankWindow?: number) => StoryStore | Promise<StoryStore>,
): void {
  describe(`${name}: search ranks a bounded window and pages every other match after it`, () => {
    let bounded: StoryStore;
    let full: StoryStore;
    beforeAll(async () => {
      [bounded, full] = await Promise.all([open(SMALL_WINDOW), open()]);
      await bounded.importContent(content);
      await full.importContent(content);
    });
    afterAll(() => Promise.all([bounded.close(), full.close()]));

    /** Every hit of a search, page after page through the cursors, with the count each page gave. */
    async function allPages(store: StoryStore, filter: SearchQuery['filter'], limit: number) {
      const hits: SearchRecord[] = [];
      const counts = new Set<number>();
      let after: SearchQuery['after'] = null;
      for (let pages = 0; pages < 100; pages++) {
        const page = await store.search(searchQuery([WINDOW_TERM], { filter, after, limit }));
        hits.push(...page.hits);
        counts.add(page.totalCount);
        if (!page.hasMore) return { hits, counts };
        const last = page.hits.at(-1)!;
        after = { rank: last.rank, kind: last.kind, key: last.key };
      }
      throw new Error('more than 100 pages');
    }

    it.each([
      ['no filter', {}],
      ['a filter', { yearTo: 2012 }],
    ] as const)('with %s, counts every match and reaches each exactly once, however it pages', async (_, filter) => {
      const everything = await full.search(searchQuery([WINDOW_TERM], { filter, limit: 50 }));
      expect(everything.totalCount).toBeGreaterThan(SMALL_WINDOW);
      expect(everything.hits).toHaveLength(everything.totalCount);
      const expected = everything.hits.map((h) => `${h.kind}:${h.key}`).sort();
      for (const limit of [1, SMALL_WINDOW, 50]) {
        const { hits, counts } = await allPages(bounded, filter, limit);
        expect([...counts]).toEqual([everything.totalCount]);
        expect(hits.map((h) => `${h.kind}:${h.key}`).sort()).toEqual(expected);
      }
    });

    it('ranks the newest matches best first, as an unbounded ranking orders them, and the rest newest first unranked', async () => {
      const { hits } = await bounded.search(searchQuery([WINDOW_TERM], { limit: 50 }));
      expect(hits.length).toBeGreaterThan(SMALL_WINDOW + 2);
      const ranked = hits.slice(0, SMALL_WINDOW);
      const unranked = hits.slice(SMALL_WINDOW);
      expect(ranked[0].score).toBe(1);
      for (const hit of ranked) expect(hit.score).toBeGreaterThan(0);
      for (const hit of unranked) expect(hit).toMatchObject({ score: 0, rank: expect.any(Number) });
      // Past the window, the rank is the place in index order: below every ranked hit, strictly falling.
      for (const [i, hit] of unranked.entries()) {
        expect(hit.rank).toBeLessThan(i === 0 ? ranked.at(-1)!.rank : unranked[i - 1].rank);
      }
      // The ranked hits keep the order a ranking of every match gives them.
      const keys = new Set(ranked.map((h) => `${h.kind}:${h.key}`));
      const everything = await full.search(searchQuery([WINDOW_TERM], { limit: 50 }));
      expect(ranked.map((h) => `${h.kind}:${h.key}`)).toEqual(
        everything.hits.filter((h) => keys.has(`${h.kind}:${h.key}`)).map((h) => `${h.kind}:${h.key}`),
      );
      // A catalogue under the window is ranked whole: every score above 0, best first.
      expect(everything.hits.every((h) => h.score > 0)).toBe(true);
      const ranks = everything.hits.map((h) => h.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    });
  });
}
