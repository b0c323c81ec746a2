import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleTab, readmeExamples } from './readme-examples.js';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

describe('readmeExamples', () => {
  it("reads the README's numbered examples, titles and queries", () => {
    const examples = readmeExamples(README);
    const numbered = README.match(/^\*\*\d+\. /gm) ?? [];
    expect(numbered.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((e) => e.title.split(' ')[0])).toEqual(numbered.map((_, i) => `${i + 1}.`));
    expect(examples[0]).toEqual({
      title:
        '1. The first page of stories, newest first (the six were published together, so ties go by slug, descending)',
      query:
        '{ stories(first: 3) { totalCount edges { node { slug company { name } } } pageInfo { hasNextPage endCursor } } }',
    });
    expect(examples[4].query).toContain('search(query: "deploy", first: 3)');
    expect(exampleTab(examples[3]).query).toBe(
      '# 4. The Day 6 recap (points shortened)\n{ recap(day: 6) { title coversDays points stories { slug } } }\n',
    );
  });

  it('refuses a README without the section or without examples', () => {
    expect(() => readmeExamples('# Title\n\n## Other\n')).toThrow(/no "## Example queries" section/);
    expect(() => readmeExamples('## Example queries\n\nNothing here.\n\n## Next\n')).toThrow(/has no/);
  });
});
