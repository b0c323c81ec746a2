import { storyModule } from '@devops-stories/story-graph';
import { createGraphHarness, type GraphHarness } from '@devops-stories/story-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossaryModule } from '../glossary.module.js';
import { GLOSSARY } from './glossary.terms.js';

describe('glossary module', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness([storyModule, glossaryModule]);
  });
  afterAll(() => h.store.close());

  it('lists every term and finds one by slug, with related terms', async () => {
    const { data, errors } = await h.run(`{
      glossary { slug name }
      term(slug: "mean-time-to-recovery") { name abbreviation definition seeAlso { slug } }
      missing: term(slug: "nope") { slug }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.glossary.map((t: any) => t.slug)).toEqual(GLOSSARY.map((t) => t.slug));
    expect(data!.glossary.map((t: any) => t.slug)).toEqual(
      expect.arrayContaining([
        'continuous-integration',
        'continuous-delivery',
        'infrastructure-as-code',
        'canary-release',
        'blameless-post-mortem',
      ]),
    );
    expect(data!.term).toMatchObject({ name: 'Mean time to recovery', abbreviation: 'MTTR' });
    expect(data!.term.seeAlso.map((t: any) => t.slug)).toContain('rollback');
    expect(data!.missing).toBeNull();
  });

  it('links each story to the terms its text uses', async () => {
    const { data, errors } = await h.run(`{
      netflix: story(slug: "netflix") { terms { slug } }
      etsy: story(slug: "etsy") { terms { slug } }
      stories(first: 20) { nodes { slug terms { slug } } }
    }`);
    expect(errors).toBeUndefined();
    const netflix = data!.netflix.terms.map((t: any) => t.slug);
    expect(netflix).toEqual(
      expect.arrayContaining([
        'canary-release',
        'rollback',
        'machine-image',
        'red-black-deployment',
        'immutable-infrastructure',
      ]),
    );
    expect(netflix).not.toContain('two-pizza-team');
    expect(data!.etsy.terms.map((t: any) => t.slug)).toEqual(['blameless-post-mortem']);
    const amazon = data!.stories.nodes.find((s: any) => s.slug === 'amazon').terms.map((t: any) => t.slug);
    expect(amazon).toEqual(['continuous-deployment', 'two-pizza-team']);
  });

  it('matches abbreviations as whole words only', () => {
    const ci = GLOSSARY.find((t) => t.slug === 'continuous-integration')!;
    expect(ci.patterns.some((p) => p.test('a CI server'))).toBe(true);
    expect(ci.patterns.some((p) => p.test('the CIO said'))).toBe(false);
    const ami = GLOSSARY.find((t) => t.slug === 'machine-image')!;
    expect(ami.patterns.some((p) => p.test('Amazon Machine Image'))).toBe(true);
    expect(ami.patterns.some((p) => p.test('a dynamic team'))).toBe(false);
  });
});
