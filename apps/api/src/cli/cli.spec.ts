import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContentDir, loadContent } from '@devops-stories/story-content';
import { openSqliteStore, type StoryStore } from '@devops-stories/story-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportStory } from './content-export.js';
import { runTokenCommand } from './token.js';

describe('the CLIs', () => {
  let store: StoryStore;
  let dir: string;
  let lines: string[];
  const out = (line: string) => lines.push(line);

  beforeEach(async () => {
    store = openSqliteStore({ url: 'sqlite::memory:' });
    await store.importContent(loadContent());
    dir = mkdtempSync(join(tmpdir(), 'export-'));
    cpSync(defaultContentDir, dir, { recursive: true });
    lines = [];
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('token: creates (printing the token once), lists and revokes; the store keeps only a hash', async () => {
    expect(await runTokenCommand(store, ['create', '--name', 'alice', '--role', 'editor'], out)).toBe(0);
    const token = /Bearer (\S+)/.exec(lines.join('\n'))![1];
    expect(await store.authenticate(token)).toMatchObject({ name: 'alice', role: 'editor' });
    expect(await runTokenCommand(store, ['create', '--name', 'bob', '--role', 'root'], out)).toBe(2);
    expect(await runTokenCommand(store, ['list'], out)).toBe(0);
    expect(lines.at(-1)).toMatch(/^\s+1 {2}alice\s+editor\s+created \S+\s+last used \S+\s+live$/);
    expect(lines.at(-1)).not.toContain(token.split('.')[1].slice(0, 8));
    expect(await runTokenCommand(store, ['revoke', '--name', 'alice'], out)).toBe(0);
    expect((await store.authenticate(token))?.revokedAt).toBeInstanceOf(Date);
    expect(await runTokenCommand(store, ['revoke', '--id', '1'], out)).toBe(1);
  });

  it('content:export writes an API story, its company and practice as files the loader accepts, and hands them over', async () => {
    for (const result of [
      await store.create(
        'Company',
        { slug: 'acme', name: 'Acme', industry: 'Retail', description: 'Acme sells.' },
        'ed',
      ),
      await store.create('Practice', { slug: 'chaos', name: 'Chaos', description: 'Break things.' }, 'ed'),
      await store.create(
        'Story',
        {
          slug: 'acme-chaos',
          title: 'Acme: chaos',
          headline: 'Acme breaks things on purpose.',
          company: 'acme',
          year: 2020,
          day: 6,
          summary: 'Acme runs chaos experiments.',
          practices: ['chaos', 'rollback'],
          sources: [
            {
              id: 'talk',
              title: 'Talk',
              url: 'https://acme.example/talk',
              kind: 'talk',
              publisher: 'Conf',
              year: 2021,
            },
          ],
          metrics: [
            {
              label: 'Experiments a week (about)',
              value: 12,
              unit: 'experiments',
              year: 2020,
              qualifier: 'about',
              source: 'talk',
            },
          ],
          body: 'Acme *breaks* things.',
        },
        'ed',
      ),
    ]) {
      expect(result.ok).toBe(true);
    }
    expect(await store.setStatus('Story', 'acme-chaos', 1, 'published', 'ed')).toMatchObject({ ok: true });

    expect(await exportStory(store, 'acme-chaos', dir, out)).toBe(0);
    for (const file of ['stories/acme-chaos.md', 'companies/acme.md', 'practices/chaos.md']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(readFileSync(join(dir, 'stories/acme-chaos.md'), 'utf8')).toMatch(
      /^---\nslug: acme-chaos\n[\s\S]*status: published\n/,
    );
    const bundle = loadContent(dir);
    const exported = bundle.stories.find((s) => s.slug === 'acme-chaos')!;
    expect(exported).toMatchObject({ company: 'acme', practices: ['chaos', 'rollback'], status: 'published' });
    expect(await store.storiesBySlugs(['acme-chaos'], 'published')).toMatchObject([
      { origin: 'file', sourceFile: 'stories/acme-chaos.md', version: 3 },
    ]);
    expect((await store.companiesBySlugs(['acme']))[0]).toMatchObject({
      origin: 'file',
      sourceFile: 'companies/acme.md',
    });

    // The import owns it now: it takes the files without a clash, and a mutation is refused naming the file.
    await store.importContent(bundle);
    expect((await store.storiesBySlugs(['acme-chaos'], 'published'))[0]).toMatchObject({ title: 'Acme: chaos' });
    const edit = await store.update('Story', 'acme-chaos', 4, { ...exported, title: 'x' }, 'ed');
    expect(edit).toMatchObject({
      ok: false,
      problem: { code: 'EDIT_IN_SOURCE', message: expect.stringContaining('stories/acme-chaos.md') },
    });

    expect(await exportStory(store, 'acme-chaos', dir, out)).toBe(1);
    expect(lines.at(-1)).toBe('The story "acme-chaos" is the file stories/acme-chaos.md already.');
    expect(await exportStory(store, 'nobody', dir, out)).toBe(1);
  });

  it('content:export refuses to overwrite a file and exports nothing the loader would reject', async () => {
    const created = await store.create(
      'Story',
      {
        slug: 'target-again',
        title: 'x',
        headline: 'x',
        company: 'target',
        year: null,
        day: null,
        summary: 'x',
        practices: ['rollback'],
        sources: [{ id: 's', title: 'S', url: 'https://s.example/', kind: 'blog', publisher: null, year: null }],
        metrics: [],
        body: 'x',
      },
      'ed',
    );
    expect(created.ok).toBe(true);
    writeFileSync(join(dir, 'stories/target-again.md'), 'someone else wrote this');
    expect(await exportStory(store, 'target-again', dir, out)).toBe(1);
    expect(lines.at(-1)).toBe('Not overwriting stories/target-again.md: move it away or choose another slug.');
    expect(readFileSync(join(dir, 'stories/target-again.md'), 'utf8')).toBe('someone else wrote this');
    // A draft from a submission: no practices yet, which a file may not lack.
    await store.submit({
      company: 'Globex',
      title: 'Fridays',
      whatChanged: 'w',
      outcome: 'o',
      links: ['https://g.example/'],
      name: null,
      contact: null,
    });
    const approved = await store.approveSubmission(1, null, 'mo');
    const slug = approved.ok ? approved.record.story.slug : '';
    expect(await exportStory(store, slug, dir, out)).toBe(1);
    expect(lines.at(-1)).toMatch(
      /^The exported files would not load, so nothing was exported:\n.*practices: must have at least 1 item/s,
    );
    expect(existsSync(join(dir, `stories/${slug}.md`))).toBe(false);
    expect((await store.storiesBySlugs([slug], 'all'))[0]).toMatchObject({ origin: 'api' });
  });
});
