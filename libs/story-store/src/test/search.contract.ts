import { loadContent } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryStore } from '../store.types.js';
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
