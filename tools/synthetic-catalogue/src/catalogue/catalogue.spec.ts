import { describe, expect, it } from 'vitest';
import { storyAt } from './catalogue-items.js';
import { catalogueBundle, MAX_BUNDLE_STORIES } from './catalogue.js';
import { planCatalogue } from './catalogue-plan.js';

describe('catalogueBundle', () => {
  it('is the same catalogue for the same seed, and another for another seed', () => {
    const first = catalogueBundle({ stories: 300, seed: 'alpha' });
    const again = catalogueBundle({ stories: 300, seed: 'alpha' });
    const other = catalogueBundle({ stories: 300, seed: 'beta' });
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(other.bundle.stories.map((s) => s.body)).not.toEqual(first.bundle.stories.map((s) => s.body));
    expect(other.bundle.companies.map((c) => c.slug)).not.toEqual(first.bundle.companies.map((c) => c.slug));
  });

  it('generates any story alone as it comes in the whole catalogue', () => {
    const { bundle } = catalogueBundle({ stories: 200, seed: 7 });
    const plan = planCatalogue({ stories: 200, seed: 7 });
    for (const index of [199, 0, 57]) expect(storyAt(plan, index)).toEqual(bundle.stories[index]);
  });

  it('spreads stories over companies and practices as a real catalogue is, a few large and a long tail', () => {
    const { bundle, summary } = catalogueBundle({ stories: 2_000 });
    expect(bundle.companies).toHaveLength(50);
    expect(bundle.practices).toHaveLength(40);
    expect(bundle.days).toHaveLength(90);
    expect(bundle.recaps.map((r) => r.day)).toEqual([6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90]);
    const perCompany = new Map<string, number>();
    for (const s of bundle.stories) perCompany.set(s.company, (perCompany.get(s.company) ?? 0) + 1);
    const counts = [...perCompany.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(counts[Math.floor(counts.length / 2)] * 5);
    expect(summary.largestCompany.stories).toBe(
      bundle.stories.filter((s) => s.company === summary.largestCompany.slug && s.status === 'published').length,
    );
    expect(summary.drafts).toBe(bundle.stories.filter((s) => s.status === 'draft').length);
    expect(summary.drafts).toBeGreaterThan(20);
    expect(summary.drafts).toBeLessThan(160);
    expect(summary.commonPractice.stories).toBeGreaterThan(summary.published / 4);
  });

  it('writes bodies of a few hundred words in Markdown, with headings, lists, links and varied words', () => {
    const { bundle } = catalogueBundle({ stories: 500 });
    const words = new Set<string>();
    for (const story of bundle.stories) {
      const count = story.body.split(/\s+/).length;
      expect(count, story.slug).toBeGreaterThan(150);
      expect(count, story.slug).toBeLessThan(1_000);
      expect(story.body).toMatch(/^## \S/m);
      for (const word of story.body.toLowerCase().match(/[a-z]+/g) ?? []) words.add(word);
      expect(story.title.length).toBeLessThanOrEqual(120);
      expect(story.headline.length).toBeLessThanOrEqual(160);
      expect(story.summary.length).toBeLessThanOrEqual(600);
      expect(story.sources.length).toBeGreaterThan(0);
    }
    expect(bundle.stories.filter((s) => /^- \S/m.test(s.body)).length).toBeGreaterThan(100);
    expect(bundle.stories.filter((s) => /^1\. \S/m.test(s.body)).length).toBeGreaterThan(20);
    expect(bundle.stories.filter((s) => /\]\(https:\/\/[^)]+\)/.test(s.body)).length).toBeGreaterThan(300);
    expect(bundle.stories.flatMap((s) => s.metrics).filter((m) => m.qualifier).length).toBeGreaterThan(20);
    // The common vocabulary and a rare tail of made-up words, most of which only one or two stories use.
    expect(words.size).toBeGreaterThan(800);
  });

  it('has a common search term in most stories and a rare one in the same three at every size', () => {
    for (const stories of [100, 3_000]) {
      const { bundle, summary } = catalogueBundle({ stories });
      const published = bundle.stories.filter((s) => s.status === 'published');
      const using = (term: string) =>
        published.filter((s) => new RegExp(`\\b${term}`, 'i').test(`${s.title} ${s.headline} ${s.summary} ${s.body}`))
          .length;
      expect(summary.terms.common).toEqual({ term: 'deploy', stories: using('deploy') });
      expect(summary.terms.common.stories).toBeGreaterThan(published.length * 0.8);
      expect(summary.terms.rare).toEqual({ term: expect.stringMatching(/^[a-z]{6}x$/), stories: 3 });
      expect(using(summary.terms.rare.term)).toBe(3);
      expect(summary.sampleSlugs).toHaveLength(20);
      expect(new Set(summary.sampleSlugs).size).toBe(20);
    }
  });

  it('refuses sizes it cannot hold in memory, and options out of range', () => {
    expect(() => catalogueBundle({ stories: MAX_BUNDLE_STORIES + 1 })).toThrow(/at most 10000 stories.*writeCatalogue/);
    expect(() => planCatalogue({ stories: 0 })).toThrow('stories must be a whole number from 1 to 1000000, got 0');
    expect(() => planCatalogue({ stories: 10.5 })).toThrow(RangeError);
    expect(() => planCatalogue({ stories: 10, practices: 45 })).toThrow(
      'practices must be a whole number from 1 to 44',
    );
    expect(() => planCatalogue({ stories: 10, companies: 11 })).toThrow(
      'companies must be a whole number from 1 to 10',
    );
    expect(() => planCatalogue({ stories: 10, draftShare: 1 })).toThrow('draftShare must be from 0 to below 1');
  });
});
