import { loadContent, type StoryInput } from '@devops-stories/story-content';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentChange, StoryStore } from '../store.types.js';
import { type OpenStore, query, searchQuery } from './story-store.contract.js';

const content = loadContent();

/** A search that finds and counts nothing. */
const NO_HITS = { hits: [], hasMore: false, totalCount: 0 };

/** A new story an editor writes, with words no shipped story uses. */
export function draftStory(slug = 'acme-zqxdraftword'): StoryInput {
  return {
    slug,
    title: 'Acme: zqxdraftword canaries',
    headline: 'Acme rolls back in a minute.',
    company: 'netflix',
    year: 2020,
    day: 6,
    summary: 'Acme ships canaries.',
    practices: ['rollback', 'canary-release'],
    sources: [
      { id: 'blog', title: 'Acme blog', url: 'https://acme.example/blog', kind: 'blog', publisher: null, year: 2021 },
    ],
    metrics: [{ label: 'Rollback time', value: 1, unit: 'minutes', year: 2020, qualifier: null, source: 'blog' }],
    body: 'Acme *ships* zqxdraftword canaries.',
  };
}

/**
 * The authoring behaviour every StoryStore backend must show: versioned writes of API records
 * beside the imported file records, drafts, tokens, submissions, the audit log and change
 * announcements after commit.
 */
export function describeAuthoringContract(name: string, open: OpenStore): void {
  describe(`${name}: the authoring contract`, () => {
    let store: StoryStore;
    let changes: ContentChange[];

    beforeEach(async () => {
      store = await open(() => undefined);
      await store.importContent(content);
      changes = [];
      store.onChange((change) => changes.push(change));
    });
    afterEach(() => store.close());

    const published = async (slug: string) => (await store.storiesBySlugs([slug], 'published'))[0];
    const any = async (slug: string) => (await store.storiesBySlugs([slug], 'all'))[0];

    it('creates a story as an API draft, seen only in the "all" view, and announces it after commit', async () => {
      const created = await store.create('Story', draftStory(), 'alice');
      expect(created).toMatchObject({
        ok: true,
        record: { status: 'draft', origin: 'api', version: 1, sourceFile: null },
      });
      expect(await published('acme-zqxdraftword')).toBeNull();
      expect(await any('acme-zqxdraftword')).toMatchObject({ title: 'Acme: zqxdraftword canaries' });
      expect(await store.search(searchQuery(['zqxdraftword'], { limit: 5, view: 'published' }))).toEqual(NO_HITS);
      expect((await store.search(searchQuery(['zqxdraftword'], { limit: 5, view: 'all' }))).hits).toMatchObject([
        { kind: 'Story', key: 'acme-zqxdraftword' },
      ]);
      expect((await store.listStories(query({ filter: { company: 'netflix' } }))).totalCount).toBe(1);
      expect(changes).toHaveLength(1);
      expect(changes[0].nodes).toContainEqual({ type: 'Story', key: 'acme-zqxdraftword' });
      expect(changes[0].lists).toEqual(expect.arrayContaining(['stories', 'search']));
      const [entry] = (await store.listAudit({ afterId: null, limit: 1 })).rows;
      expect(entry).toMatchObject({
        actor: 'alice',
        operation: 'createStory',
        recordType: 'Story',
        recordKey: 'acme-zqxdraftword',
        versionBefore: null,
        versionAfter: 1,
      });
    });

    it('announces a change only after its commit, and never for a write that rolled back', async () => {
      const seen: (string | undefined)[] = [];
      store.onChange(() => void store.storiesBySlugs(['acme-zqxdraftword'], 'all').then(([s]) => seen.push(s?.slug)));
      await store.create('Story', draftStory(), 'alice');
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The listener ran after the commit: a read it started sees the story.
      expect(seen).toEqual(['acme-zqxdraftword']);
      changes.length = 0;
      // Hands the first story over, then fails on the second: the whole write rolls back, unannounced.
      const both = await store.handOver(
        [
          { kind: 'Story', key: 'acme-zqxdraftword', file: 'stories/acme-zqxdraftword.md' },
          { kind: 'Story', key: 'nobody', file: 'stories/nobody.md' },
        ],
        'cli',
      );
      expect(both).toMatchObject({ ok: false, problem: { code: 'NOT_FOUND' } });
      expect(await any('acme-zqxdraftword')).toMatchObject({ origin: 'api', version: 1 });
      expect(changes).toEqual([]);
      expect((await store.listAudit({ afterId: null, limit: 10 })).rows.map((r) => r.operation)).toEqual([
        'createStory',
      ]);
    });

    it('publishes and unpublishes: the story, its words and its counts appear and disappear', async () => {
      await store.create('Story', draftStory(), 'alice');
      const before = (await store.listStories(query())).totalCount;
      const publishedResult = await store.setStatus('Story', 'acme-zqxdraftword', 1, 'published', 'alice');
      expect(publishedResult).toMatchObject({ ok: true, record: { status: 'published', version: 2 } });
      expect((await published('acme-zqxdraftword'))?.publishedAt).toBeInstanceOf(Date);
      expect((await store.listStories(query())).totalCount).toBe(before + 1);
      expect((await store.search(searchQuery(['zqxdraftword'], { limit: 5, view: 'published' }))).hits).toHaveLength(1);
      await store.setStatus('Story', 'acme-zqxdraftword', 2, 'draft', 'alice');
      expect(await published('acme-zqxdraftword')).toBeNull();
      expect(await store.search(searchQuery(['zqxdraftword'], { limit: 5, view: 'published' }))).toEqual(NO_HITS);
      expect(changes.map((c) => c.nodes.some((n) => n.key === 'acme-zqxdraftword'))).toEqual([true, true, true]);
    });

    it('updates at the expected version only: a stale version is VERSION_CONFLICT naming the current one, and changes nothing', async () => {
      await store.create('Story', draftStory(), 'alice');
      const updated = await store.update(
        'Story',
        'acme-zqxdraftword',
        1,
        { ...draftStory(), title: 'Acme, retold' },
        'alice',
      );
      expect(updated).toMatchObject({ ok: true, record: { title: 'Acme, retold', version: 2 } });
      changes.length = 0;
      const stale = await store.update('Story', 'acme-zqxdraftword', 1, { ...draftStory(), title: 'Lost' }, 'bob');
      expect(stale).toMatchObject({ ok: false, problem: { code: 'VERSION_CONFLICT', field: ['expectedVersion'] } });
      expect(!stale.ok && stale.problem.message).toMatch(/at version 2, not 1/);
      expect((await any('acme-zqxdraftword'))?.title).toBe('Acme, retold');
      expect(changes).toEqual([]);
    });

    it('lets one of two concurrent updates at the same version win; the other is told and not applied', async () => {
      await store.create('Story', draftStory(), 'alice');
      const results = await Promise.all(
        ['alice', 'bob'].map((who) =>
          store.update('Story', 'acme-zqxdraftword', 1, { ...draftStory(), title: `Title by ${who}` }, who),
        ),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.problem.code === 'VERSION_CONFLICT')).toHaveLength(1);
      const story = await any('acme-zqxdraftword');
      expect(story).toMatchObject({ version: 2, title: winners[0].ok ? winners[0].record.title : '' });
    });

    it('refuses to edit a file record, naming its file, and a taken slug or unknown reference, changing nothing', async () => {
      const amazon = (await any('amazon'))!;
      expect(amazon).toMatchObject({ origin: 'file', sourceFile: 'stories/amazon.md' });
      const edit = await store.update('Story', 'amazon', amazon.version, { ...draftStory('amazon') }, 'alice');
      expect(edit).toMatchObject({ ok: false, problem: { code: 'EDIT_IN_SOURCE' } });
      expect(!edit.ok && edit.problem.message).toContain('stories/amazon.md');
      expect(await store.delete('Story', 'amazon', amazon.version, 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'EDIT_IN_SOURCE' },
      });
      expect(await store.create('Story', draftStory('amazon'), 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'SLUG_TAKEN', field: ['slug'] },
      });
      expect(await store.create('Story', { ...draftStory(), company: 'nobody' }, 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'INVALID', field: ['company'] },
      });
      expect(await store.create('Story', { ...draftStory(), practices: ['rollback', 'nope'] }, 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'INVALID', field: ['practices', '1'] },
      });
      expect(await store.update('Story', 'nobody', 1, draftStory('nobody'), 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'NOT_FOUND' },
      });
      expect(await any('acme-zqxdraftword')).toBeNull();
      expect(await any('amazon')).toEqual(amazon);
      expect(changes).toEqual([]);
      expect((await store.listAudit({ afterId: null, limit: 10 })).totalCount).toBe(0);
    });

    it('deletes an API story with its parts, and keeps API records through imports', async () => {
      await store.create('Story', draftStory(), 'alice');
      await store.importContent(content);
      expect(await any('acme-zqxdraftword')).not.toBeNull();
      const removed = await store.delete('Story', 'acme-zqxdraftword', 1, 'alice');
      expect(removed).toMatchObject({ ok: true, record: { slug: 'acme-zqxdraftword' } });
      expect(await any('acme-zqxdraftword')).toBeNull();
      expect(await store.search(searchQuery(['zqxdraftword'], { limit: 5, view: 'all' }))).toEqual(NO_HITS);
    });

    it('announces imports and writes to the same listeners; an import names only the file records it changed', async () => {
      const acme = { slug: 'acme', name: 'Acme', industry: 'Retail', description: 'Acme sells.' };
      await store.create('Company', acme, 'alice');
      expect(changes).toEqual([
        { nodes: [{ type: 'Company', key: 'acme' }], lists: expect.arrayContaining(['companies']) },
      ]);
      // The API company is neither pruned nor announced by a re-import of the files.
      await store.importContent(content);
      expect(changes).toHaveLength(1);
      const company = content.companies[0];
      await store.importContent({
        ...content,
        companies: content.companies.map((c) => (c === company ? { ...c, description: 'Edited.' } : c)),
      });
      expect(changes.slice(1)).toEqual([
        { nodes: [{ type: 'Company', key: company.slug }], lists: ['companies', 'stories', 'search'] },
      ]);
      expect((await store.companiesBySlugs([company.slug, 'acme'])).map((c) => c?.version)).toEqual([2, 1]);
      // A recap whose stories alone changed (their order) has changed: announced, and its version goes up.
      const recap = content.recaps.find((r) => r.stories.length > 1)!;
      await store.importContent({
        ...content,
        recaps: content.recaps.map((r) => (r === recap ? { ...r, stories: [...r.stories].reverse() } : r)),
      });
      expect(changes.slice(2)).toEqual([
        {
          nodes: expect.arrayContaining([
            { type: 'Recap', key: String(recap.day) },
            { type: 'Company', key: company.slug },
          ]),
          lists: expect.arrayContaining(['recaps', 'search']),
        },
      ]);
      expect((await store.recapsByDays([recap.day], 'all'))[0]).toMatchObject({ version: 2 });
    });

    it("refuses an import whose file uses an API record's key, naming both", async () => {
      await store.create('Story', draftStory('target-again'), 'alice');
      const target = content.stories.find((s) => s.slug === 'target')!;
      const clash = {
        ...content,
        stories: [...content.stories, { ...target, slug: 'target-again', file: 'stories/target-again.md' }],
      };
      await expect(store.importContent(clash)).rejects.toThrow(
        'stories/target-again.md and the story "target-again" created over the API use the same key',
      );
      expect(await any('target-again')).toMatchObject({ origin: 'api' });
    });

    it('versions companies, practices and days, and refuses to delete one stories use', async () => {
      const company = await store.create(
        'Company',
        { slug: 'acme', name: 'Acme', industry: 'Retail', description: 'Acme sells.' },
        'alice',
      );
      expect(company).toMatchObject({ ok: true, record: { version: 1, origin: 'api' } });
      await store.create('Story', { ...draftStory(), company: 'acme' }, 'alice');
      const renamed = await store.update(
        'Company',
        'acme',
        1,
        { slug: 'acme', name: 'Acme Corp', industry: 'Retail', description: 'x' },
        'alice',
      );
      expect(renamed).toMatchObject({ ok: true, record: { name: 'Acme Corp', version: 2 } });
      expect((await store.search(searchQuery(['corp'], { limit: 5, view: 'all' }))).hits).toMatchObject([
        { key: 'acme-zqxdraftword' },
      ]);
      expect(await store.delete('Company', 'acme', 2, 'alice')).toMatchObject({
        ok: false,
        problem: { code: 'IN_USE' },
      });
      expect(
        await store.create('Practice', { slug: 'chaos', name: 'Chaos', description: 'Break things.' }, 'alice'),
      ).toMatchObject({ ok: true });
      expect(await store.delete('Practice', 'chaos', 1, 'alice')).toMatchObject({ ok: true });
      const day = await store.create(
        'Day',
        { number: 7, title: 'Day 7', topic: 'zqxdaytopic', summary: 's', body: 'Day seven.' },
        'alice',
      );
      expect(day).toMatchObject({ ok: true, record: { number: 7, version: 1 } });
      expect((await store.search(searchQuery(['zqxdaytopic'], { limit: 5, view: 'published' }))).hits).toMatchObject([
        { kind: 'Day', key: '7' },
      ]);
      expect(
        await store.create('Day', { number: 7, title: 'x', topic: 'x', summary: 'x', body: 'x' }, 'alice'),
      ).toMatchObject({ ok: false, problem: { code: 'SLUG_TAKEN', field: ['number'] } });
      expect(changes.flatMap((c) => c.lists)).toEqual(expect.arrayContaining(['companies', 'practices', 'days']));
    });

    it('keeps a new recap a draft until published, in reads and search', async () => {
      await store.create('Day', { number: 7, title: 'Day 7', topic: 't', summary: 's', body: 'b' }, 'alice');
      const recap = await store.create(
        'Recap',
        { day: 7, title: 'Recap 7', coversDays: [7], points: ['zqxrecappoint'], stories: ['amazon'], body: 'Recap.' },
        'alice',
      );
      expect(recap).toMatchObject({ ok: true, record: { status: 'draft' } });
      expect(await store.recapsByDays([7], 'published')).toEqual([null]);
      expect((await store.listRecaps('published')).map((r) => r.day)).not.toContain(7);
      expect(await store.search(searchQuery(['zqxrecappoint'], { limit: 5, view: 'published' }))).toEqual(NO_HITS);
      await store.setStatus('Recap', 7, 1, 'published', 'alice');
      expect((await store.recapsByDays([7], 'published'))[0]).toMatchObject({ day: 7, version: 2 });
      expect(await store.storiesByRecapDays([7], 'published')).toMatchObject([[{ slug: 'amazon' }]]);
      expect((await store.search(searchQuery(['zqxrecappoint'], { limit: 5, view: 'published' }))).hits).toMatchObject([
        { kind: 'Recap', key: '7' },
      ]);
    });

    it('reads a story back as its author wrote it, and hands it over to a file', async () => {
      await store.create('Story', draftStory(), 'alice');
      const [doc] = await store.storyDocuments(['acme-zqxdraftword']);
      const { status, publishedAt, updatedAt, origin, sourceFile, version, ...input } = doc!;
      expect(input).toEqual(draftStory());
      expect({ status, publishedAt, origin, sourceFile, version }).toEqual({
        status: 'draft',
        publishedAt: null,
        origin: 'api',
        sourceFile: null,
        version: 1,
      });
      expect(updatedAt).toBeInstanceOf(Date);
      const [amazonDoc] = await store.storyDocuments(['amazon']);
      expect(amazonDoc?.metrics.find((m) => m.qualifier)).toBeDefined();
      expect(
        await store.handOver(
          [{ kind: 'Story', key: 'acme-zqxdraftword', file: 'stories/acme-zqxdraftword.md' }],
          'cli',
        ),
      ).toEqual({ ok: true, record: 1 });
      expect(await any('acme-zqxdraftword')).toMatchObject({
        origin: 'file',
        sourceFile: 'stories/acme-zqxdraftword.md',
        version: 2,
      });
      expect(await store.handOver([{ kind: 'Story', key: 'amazon', file: 'x' }], 'cli')).toMatchObject({
        ok: false,
        problem: { code: 'EDIT_IN_SOURCE' },
      });
    });

    it('keeps tokens as hashes: authenticates the secret it gave once, refuses a wrong one, sees revocation', async () => {
      const created = await store.createToken('alice', 'editor', 'cli');
      if (!created.ok) throw new Error(created.problem.message);
      const { token, record } = created.record;
      expect(token).toMatch(/^dst_[\w-]{12}\.[\w-]{43}$/);
      expect(await store.authenticate(token)).toMatchObject({
        id: record.id,
        name: 'alice',
        role: 'editor',
        revokedAt: null,
        lastUsedAt: expect.any(Date),
      });
      expect(await store.authenticate(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
      expect(await store.authenticate('dst_nonsense')).toBeNull();
      expect(await store.createToken('alice', 'admin', 'cli')).toMatchObject({
        ok: false,
        problem: { code: 'SLUG_TAKEN' },
      });
      expect(await store.revokeToken('alice', 'cli')).toMatchObject({
        ok: true,
        record: { revokedAt: expect.any(Date) },
      });
      expect((await store.authenticate(token))?.revokedAt).toBeInstanceOf(Date);
      expect(await store.revokeToken(record.id, 'cli')).toMatchObject({ ok: false, problem: { code: 'NOT_FOUND' } });
      expect(await store.createToken('alice', 'admin', 'cli')).toMatchObject({ ok: true });
      expect((await store.listTokens()).map((t) => t.name)).toEqual(['alice', 'alice']);
    });

    it('takes submissions as pending behind a receipt, and approves one into a linked draft story', async () => {
      const input = {
        company: 'Globex Corp',
        title: 'We deploy on Fridays',
        whatChanged: 'We automated.',
        outcome: 'Calm Fridays.',
        links: ['https://globex.example/post'],
        name: 'Hank',
        contact: null,
      };
      const first = await store.submit(input);
      const second = await store.submit({ ...input, title: 'Second' });
      expect(first.receipt).toMatch(/^rcpt_[\w-]{43}$/);
      expect(first.receipt).not.toBe(second.receipt);
      expect(await store.submissionByReceipt(first.receipt)).toMatchObject({ id: first.record.id, status: 'pending' });
      expect(await store.submissionByReceipt(`${first.receipt.slice(0, -2)}xx`)).toBeNull();
      expect(await store.listSubmissions('pending', { afterId: null, limit: 1 })).toMatchObject({
        totalCount: 2,
        hasMore: true,
        rows: [{ id: second.record.id }],
      });
      const approved = await store.approveSubmission(first.record.id, 'Thanks, an editor will polish it.', 'mod');
      if (!approved.ok) throw new Error(approved.problem.message);
      expect(approved.record.submission).toMatchObject({
        status: 'approved',
        storyId: approved.record.story.rowId,
        reviewedBy: 'mod',
        publicNote: 'Thanks, an editor will polish it.',
      });
      expect(approved.record.story).toMatchObject({
        slug: 'globex-corp-we-deploy-on-fridays',
        status: 'draft',
        origin: 'api',
      });
      expect(await published('globex-corp-we-deploy-on-fridays')).toBeNull();
      expect((await store.companiesBySlugs(['globex-corp']))[0]).toMatchObject({ name: 'Globex Corp', origin: 'api' });
      expect(await store.approveSubmission(first.record.id, null, 'mod')).toMatchObject({
        ok: false,
        problem: { code: 'INVALID' },
      });
      expect(await store.rejectSubmission(second.record.id, 'Please cite a public source.', 'mod')).toMatchObject({
        ok: true,
        record: { status: 'rejected' },
      });
      expect((await store.listSubmissions('pending', { afterId: null, limit: 10 })).totalCount).toBe(0);
      expect((await store.listSubmissions(null, { afterId: null, limit: 10 })).totalCount).toBe(2);
      const audit = (await store.listAudit({ afterId: null, limit: 20 })).rows.map((r) => `${r.actor} ${r.operation}`);
      expect(audit).toEqual([
        'mod rejectSubmission',
        'mod approveSubmission',
        'mod createStory',
        'mod createCompany',
        'anonymous submitStory',
        'anonymous submitStory',
      ]);
    });
  });
}
