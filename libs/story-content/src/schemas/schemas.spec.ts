import { mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentDir, loadContent } from '../content.loader.js';
import { storyToMarkdown } from '../export/content-files.js';
import { dottedPath, fieldIssues } from './issues.js';
import { LIMITS } from './limits.js';
import type { ContentRefs } from './refs.js';
import { storyInputSchema } from './story.schema.js';
import { SubmissionInputSchema } from './submission.schema.js';

const refs: ContentRefs = {
  companies: new Set(['acme']),
  practices: new Set(['rollback']),
  days: new Set([6]),
  stories: new Set(),
  source: 'store',
};

const story = {
  slug: 'acme-canaries',
  title: 'Acme: canaries',
  headline: 'Acme rolls back in a minute.',
  company: 'acme',
  year: 2020,
  day: 6,
  summary: 'Acme ships canaries.',
  practices: ['rollback'],
  sources: [{ id: 'blog', title: 'Acme blog', url: 'https://acme.example/blog', kind: 'blog', year: 2021 }],
  metrics: [{ label: 'Rollback time', value: 1, unit: 'minutes', year: 2020, source: 'blog' }],
  body: 'Acme *ships*.',
};

/** The problems of `input` as `field: message` lines. */
function problems(input: unknown): string[] {
  const result = storyInputSchema(refs).safeParse(input);
  return result.success ? [] : fieldIssues(result.error).map((i) => `${dottedPath(i.path)}: ${i.message}`);
}

describe('the story schema, as mutation inputs meet it', () => {
  it('accepts a whole story and fills what is optional', () => {
    const { data } = storyInputSchema(refs).safeParse({ ...story, year: undefined, metrics: undefined });
    expect(data).toMatchObject({ year: null, metrics: [], sources: [{ publisher: null }] });
  });

  it('names every problem at its field, quoting at most 40 characters of what was sent', () => {
    const huge = 'x'.repeat(1024 * 1024);
    expect(
      problems({
        ...story,
        title: huge,
        headline: '<script>alert(1)</script>',
        summary: undefined,
        company: 'globex',
        practices: [],
        sources: [{ ...story.sources[0], url: 'javascript:alert(1)' }],
        metrics: [{ ...story.metrics[0], year: 2030, source: 'nowhere' }],
        extra: 1,
      }),
    ).toEqual(
      expect.arrayContaining([
        `title: must be at most ${LIMITS.title} characters, got 1048576`,
        'headline: must be plain text: HTML tags such as <b> are not allowed',
        'summary: is required',
        'company: no company "globex": create it first, or name one that exists',
        'practices: must have at least 1 item, got 0',
        'sources[0].url: "javascript:alert(1)" is not an http(s) URL',
        `metrics[0].source: "nowhere" is not the id of one of this story's sources`,
        'extra: unknown field (expected one of: slug, title, headline, company, year, day, summary, practices, sources, metrics, body)',
      ]),
    );
    expect(problems({ ...story, slug: 'Not A Slug' })).toEqual([
      'slug: "Not A Slug" is not a lower-case kebab-case slug',
    ]);
    expect(problems({ ...story, metrics: [{ ...story.metrics[0], year: 2030 }] })).toEqual([
      'metrics[0].year: 2030 is after 2021, the year of its source "blog": give the year the figure describes, which its source cannot postdate',
    ]);
    for (const problem of problems({ ...story, title: huge })) expect(problem.length).toBeLessThan(200);
  });

  it('refuses data: and relative URLs, and a URL with spaces', () => {
    for (const url of ['data:text/html,hi', '/relative', 'https://exa mple.org', 'ftp://example.org']) {
      expect(problems({ ...story, sources: [{ ...story.sources[0], url }] })).toHaveLength(1);
    }
  });
});

describe('the submission schema', () => {
  const submission = {
    company: 'Acme',
    title: 'How we deploy',
    whatChanged: 'We deploy daily.',
    outcome: 'Fewer outages.',
    links: ['https://acme.example/post'],
  };

  it('takes plain text and at least one http(s) link; name and contact are optional', () => {
    expect(SubmissionInputSchema.safeParse(submission).data).toEqual({ ...submission, name: null, contact: null });
    const result = SubmissionInputSchema.safeParse({
      ...submission,
      outcome: 'Great <img src=x onerror=alert(1)>',
      links: [],
    });
    expect(fieldIssues(result.error!).map((i) => dottedPath(i.path))).toEqual(['outcome', 'links']);
  });
});

describe('storyToMarkdown', () => {
  it('writes a file the loader reads back to the same story', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    try {
      cpSync(defaultContentDir, dir, { recursive: true });
      const amazon = loadContent(dir).stories.find((s) => s.slug === 'amazon')!;
      const copy = { ...amazon, slug: 'amazon-again', status: 'draft' as const, publishedAt: null };
      writeFileSync(join(dir, 'stories/amazon-again.md'), storyToMarkdown(copy));
      const back = loadContent(dir).stories.find((s) => s.slug === 'amazon-again')!;
      expect(back).toEqual({ ...copy, file: 'stories/amazon-again.md' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
