import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ContentError } from './content.error.js';
import { defaultContentDir, loadContent, streamContent } from './content.loader.js';

describe('loadContent', () => {
  const copies: string[] = [];
  const copyContent = () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    cpSync(defaultContentDir, dir, { recursive: true });
    copies.push(dir);
    return dir;
  };
  const edit = (dir: string, file: string, change: (text: string) => string) =>
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  /** Edits a file's front matter as data, keeping its body. */
  const editFront = (dir: string, file: string, change: (front: Record<string, any>) => void) =>
    edit(dir, file, (text) => {
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const front = parseYaml(yaml) as Record<string, any>;
      change(front);
      return `---\n${stringifyYaml(front)}---\n${body}`;
    });
  const metricIndex = (front: Record<string, any>, value: number) =>
    (front.metrics as { value: number }[]).findIndex((m) => m.value === value);
  const problems = (dir: string) => {
    try {
      loadContent(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as ContentError).issues;
    }
    throw new Error('expected the content to be rejected');
  };

  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('streams the stories: each file is read when the iteration reaches it, the problems come at the end', () => {
    const dir = copyContent();
    const source = streamContent(dir);
    const names = readdirSync(join(dir, 'stories')).sort();
    expect(source.storyCount).toBe(names.length);
    const stories = source.stories[Symbol.iterator]();
    expect(stories.next().value).toMatchObject({ file: `stories/${names[0]}` });
    // Broken after the stream started, before the iteration reached it: the stream sees the broken file.
    edit(dir, `stories/${names.at(-1)}`, (text) => text.replace(/^---\n/, ''));
    const rest = [...{ [Symbol.iterator]: () => stories }];
    expect(rest).toHaveLength(names.length - 2);
    expect(() => [...source.recaps]).toThrow(ContentError);
    expect(() => [...streamContent(dir).recaps]).toThrow('streamContent: iterate the stories before the recaps');
  });

  it('loads the shipped content with the stories, days, recap and practices the product promises', () => {
    const c = loadContent();
    const slugs = c.stories.filter((s) => s.status === 'published').map((s) => s.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['amazon', 'netflix', 'etsy', 'target', 'nasa-jpl', 'hertz-kaiser-permanente-ibm']),
    );
    expect(c.days.map((d) => d.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const recap = c.recaps.find((r) => r.day === 6)!;
    expect(recap.points).toHaveLength(3);
    expect(recap.coversDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.practices.map((p) => p.slug)).toEqual(
      expect.arrayContaining([
        'cloud-migration',
        'continuous-deployment',
        'continuous-monitoring',
        'rollback',
        'immutable-infrastructure',
        'developer-ownership',
        'learning-culture',
      ]),
    );
    expect(c.series).toMatchObject({ name: '#90DaysOfDevOps', licence: 'CC BY-NC-SA 4.0' });
  });

  it('cites a source and a year for every metric', () => {
    for (const story of loadContent().stories) {
      const ids = new Set(story.sources.map((s) => s.id));
      for (const metric of story.metrics) {
        expect(ids.has(metric.source), `${story.slug}: ${metric.label}`).toBe(true);
        expect(metric.year, `${story.slug}: ${metric.label}`).not.toBeNull();
      }
    }
    const amazon = loadContent().stories.find((s) => s.slug === 'amazon')!;
    expect(amazon.metrics.some((m) => m.value === 11.6 && m.unit === 'seconds')).toBe(true);
  });

  it('names the file, the field and the problem for a malformed story', () => {
    const dir = copyContent();
    edit(dir, 'stories/amazon.md', (t) =>
      t.replace(/^year: .*$/m, 'year: soon').replace(/^company: .*$/m, 'company: acme'),
    );
    const issues = problems(dir);
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: 'year',
      message: 'must be a whole number, got "soon"',
    });
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: 'company',
      message: 'no company "acme" in companies/',
    });
  });

  it('rejects a metric citing a source the story does not have', () => {
    const dir = copyContent();
    edit(dir, 'stories/amazon.md', (t) => t.replace(/^(\s+source: ).*$/m, '$1nowhere'));
    expect(problems(dir)).toContainEqual(
      expect.objectContaining({
        file: 'stories/amazon.md',
        field: expect.stringMatching(/^metrics\[\d+\]\.source$/),
        message: `"nowhere" is not the id of one of this story's sources`,
      }),
    );
  });

  it('names the real file, whatever it is called, for cross-file problems and duplicate slugs', () => {
    const dir = copyContent();
    cpSync(join(dir, 'stories/target.md'), join(dir, 'stories/zz-target-copy.md'));
    renameSync(join(dir, 'stories/nasa-jpl.md'), join(dir, 'stories/jpl-curiosity.md'));
    edit(dir, 'stories/jpl-curiosity.md', (t) => t.replace(/^company: .*$/m, 'company: acme'));
    const issues = problems(dir);
    expect(issues).toContainEqual({
      file: 'stories/zz-target-copy.md',
      field: 'slug',
      message: 'target is already used by stories/target.md',
    });
    expect(issues).toContainEqual({
      file: 'stories/jpl-curiosity.md',
      field: 'company',
      message: 'no company "acme" in companies/',
    });
  });

  it('rejects a file without front matter, unknown fields and a bad slug', () => {
    const dir = copyContent();
    writeFileSync(join(dir, 'practices/broken.md'), 'no front matter here');
    edit(dir, 'companies/etsy.md', (t) => t.replace('slug: etsy', 'slug: Etsy Inc\nfounded: 2005'));
    const issues = problems(dir);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'practices/broken.md', field: '' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'companies/etsy.md', field: 'founded' }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'companies/etsy.md',
        field: 'slug',
        message: '"Etsy Inc" is not a lower-case kebab-case slug',
      }),
    );
  });

  it('rejects a metric dated after the source it cites, one without a year, and a cited source without one', () => {
    const dir = copyContent();
    let interval = -1;
    let outages = -1;
    editFront(dir, 'stories/amazon.md', (front) => {
      interval = metricIndex(front, 11.6);
      outages = metricIndex(front, 75);
      front.metrics[interval].year = 2012;
      delete front.metrics[outages].year;
    });
    let cites = -1;
    let source = -1;
    editFront(dir, 'stories/etsy.md', (front) => {
      cites = metricIndex(front, 456);
      source = front.sources.findIndex((s: { id: string }) => s.id === front.metrics[cites].source);
      delete front.sources[source].year;
    });
    const issues = problems(dir);
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: `metrics[${interval}].year`,
      message:
        '2012 is after 2011, the year of its source "hn-velocity-2011": ' +
        'give the year the figure describes, which its source cannot postdate',
    });
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: `metrics[${outages}].year`,
      message: 'is required: give the year the figure describes',
    });
    expect(issues.filter((i) => i.field === `sources[${source}].year`)).toEqual([
      {
        file: 'stories/etsy.md',
        field: `sources[${source}].year`,
        message: expect.stringMatching(/^is required: metrics\[\d+\] cites "allspaw-qcon-2010", and a metric's year/),
      },
    ]);
  });

  it('keeps a qualifier in the label the story view shows, and a qualifier the label names in the front matter', () => {
    const dir = copyContent();
    let stripped = -1;
    let undeclared = -1;
    let unknown = -1;
    editFront(dir, 'stories/amazon.md', (front) => {
      stripped = metricIndex(front, 75);
      front.metrics[stripped].qualifier = 'about';
      front.metrics[stripped].label = 'Fewer outages caused by deployments than in 2006';
      undeclared = metricIndex(front, 90);
      delete front.metrics[undeclared].qualifier;
      front.metrics[undeclared].label = 'Fewer minutes of outage than in 2006 (about)';
      unknown = metricIndex(front, 0.001);
      front.metrics[unknown].qualifier = 'roughly';
    });
    const issues = problems(dir).filter((i) => i.file === 'stories/amazon.md');
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: `metrics[${stripped}].label`,
      message:
        'must contain "about", the metric\'s qualifier, e.g. "Fewer outages caused by deployments than in 2006 (about)"',
    });
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: `metrics[${undeclared}].qualifier`,
      message: 'is missing: the label says "about", so set qualifier: about',
    });
    expect(issues).toContainEqual({
      file: 'stories/amazon.md',
      field: `metrics[${unknown}].qualifier`,
      message: '"roughly" is not one of: about, up to, more than',
    });
  });

  it('rejects a draft with a publication date, and an update before the first publication', () => {
    const dir = copyContent();
    editFront(dir, 'stories/etsy-deployinator.md', (front) => {
      front.publishedAt = '2026-11-27T17:20:22Z';
    });
    editFront(dir, 'stories/target.md', (front) => {
      front.updatedAt = '2020-01-01T00:00:00Z';
    });
    const issues = problems(dir);
    expect(issues).toContainEqual({
      file: 'stories/etsy-deployinator.md',
      field: 'publishedAt',
      message: 'a draft has not been published: remove publishedAt, or set status: published',
    });
    expect(issues).toContainEqual({
      file: 'stories/target.md',
      field: 'updatedAt',
      message: expect.stringMatching(
        /^2020-01-01T00:00:00\.000Z is before publishedAt \(.+\): a story cannot change before it is first published$/,
      ),
    });
  });
});
