import { loadContent, renderMarkdown, type StoryContent } from '@devops-stories/story-content';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ContentChange,
  SearchPage,
  SearchQuery,
  SearchRecord,
  SortKey,
  StoryListFilter,
  StoryListPage,
  StoryListQuery,
  StoryStore,
} from '../store.types.js';

/** Opens an empty, migrated store of one backend; `onStatement` must see every statement it runs. */
export type OpenStore = (onStatement: (sql: string) => void) => StoryStore | Promise<StoryStore>;

const content = loadContent();
const published = content.stories.filter((s) => s.status === 'published');

/** A list query with the defaults the graph uses, overridden where a test needs. */
export function query(overrides: Partial<StoryListQuery> = {}): StoryListQuery {
  return {
    filter: {},
    sort: { field: 'publishedAt', direction: 'desc' },
    from: { direction: 'forward', after: null },
    limit: 10,
    view: 'published',
    ...overrides,
  };
}

/** A search with the defaults the graph uses, overridden where a test needs. */
export function searchQuery(terms: string[], overrides: Partial<Omit<SearchQuery, 'terms'>> = {}): SearchQuery {
  return { terms, filter: {}, after: null, limit: 10, view: 'published', ...overrides };
}

/**
 * The behaviour every StoryStore backend must show, run against the shipped content:
 * SQLite today, PostgreSQL later, one suite.
 */
export function describeStoryStoreContract(name: string, open: OpenStore): void {
  describe(`${name}: the StoryStore contract`, () => {
    let store: StoryStore;
    let statements: string[];

    beforeEach(async () => {
      statements = [];
      store = await open((sql) => statements.push(sql));
      await store.importContent(content);
      statements.length = 0;
    });
    afterEach(() => store.close());

    /** The published stories the story list shows under `filter`. */
    async function storySlugs(filter: StoryListFilter): Promise<Set<string>> {
      return new Set((await store.listStories(query({ filter, limit: 100 }))).rows.map((r) => r.story.slug));
    }

    /** The published stories a day or recap hit presents. */
    async function presentedStories(hit: SearchRecord): Promise<string[]> {
      if (hit.kind === 'Story') return [hit.key];
      const [stories] =
        hit.kind === 'Day'
          ? await store.storiesByDays([Number(hit.key)], 'published')
          : await store.storiesByRecapDays([Number(hit.key)], 'published');
      return stories.map((s) => s.slug);
    }

    /** Whether a hit belongs to series day `day`, as the `day` filter places it. */
    async function placedOn(hit: SearchRecord, day: number): Promise<boolean> {
      if (hit.kind === 'Day') return Number(hit.key) === day;
      if (hit.kind === 'Story') return (await store.storiesBySlugs([hit.key], 'published'))[0]?.day === day;
      const [recap] = await store.recapsByDays([Number(hit.key)], 'published');
      return recap!.day === day || recap!.coversDays.includes(day);
    }

    it('imports idempotently: a second import changes nothing and a changed story is updated', async () => {
      expect((await store.importContent(content)).stories).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: content.stories.length,
        removed: 0,
      });
      const changed = {
        ...content,
        stories: content.stories
          .filter((s) => s.slug !== 'etsy-deployinator')
          .map((s) => (s.slug === 'amazon' ? { ...s, title: 'Amazon, retold' } : s)),
      };
      expect((await store.importContent(changed)).stories).toMatchObject({ updated: 1, removed: 1 });
      const [amazon, draft] = await store.storiesBySlugs(['amazon', 'etsy-deployinator'], 'all');
      expect(amazon?.title).toBe('Amazon, retold');
      expect(draft).toBeNull();
    });

    it('announces nothing for an unchanged re-import', async () => {
      const changes: ContentChange[] = [];
      store.onChange((change) => changes.push(change));
      await store.importContent(content);
      expect(changes).toEqual([]);
    });

    it('keeps the series credit the import was given, and rewrites nothing when it is unchanged', async () => {
      const empty = await open(() => undefined);
      try {
        expect(await empty.series()).toBeNull();
      } finally {
        await empty.close();
      }
      expect(await store.series()).toEqual(content.series);
      await store.importContent(content);
      expect(statements.filter((s) => /^\s*(insert|update|delete)\b/i.test(s) && s.includes('"series"'))).toEqual([]);
      expect(await store.series()).toEqual(content.series);
    });

    it('announces a changed series credit as the `series` list, after the commit, and reads it back', async () => {
      const seen: { change: ContentChange; licence: string | undefined }[] = [];
      store.onChange((change) => {
        // The read runs when the listener is called: it must see the committed credit.
        void store.series().then((series) => seen.push({ change, licence: series?.licence }));
      });
      const series = { ...content.series, licence: 'CC BY-SA 4.0', licenceUrl: 'https://example.org/by-sa' };
      await store.importContent({ ...content, series });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual([{ change: { nodes: [], lists: ['series'] }, licence: 'CC BY-SA 4.0' }]);
      expect(await store.series()).toEqual(series);
    });

    it('announces one edited story and the lists that show it, after the commit', async () => {
      const seen: { change: ContentChange; title: string | undefined }[] = [];
      store.onChange((change) => {
        // The read runs when the listener is called: it must see the committed edit.
        void store
          .storiesBySlugs(['amazon'], 'published')
          .then(([story]) => seen.push({ change, title: story?.title }));
      });
      await store.importContent(editStory('amazon', { title: 'Amazon, retold' }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual([
        {
          change: { nodes: [{ type: 'Story', key: 'amazon' }], lists: ['stories', 'search'] },
          title: 'Amazon, retold',
        },
      ]);
    });

    it('names a changed company, practice, day and recap with their lists, and a removed story', async () => {
      const changes: ContentChange[] = [];
      const stop = store.onChange((change) => changes.push(change));
      const company = content.companies[0];
      const practice = content.practices[0];
      const day = content.days[0];
      const recap = content.recaps[0];
      const gone = content.stories.find((s) => !content.recaps.some((r) => r.stories.includes(s.slug)))!;
      await store.importContent({
        ...content,
        companies: content.companies.map((c) => (c === company ? { ...c, name: `${c.name} Inc.` } : c)),
        practices: content.practices.map((p) => (p === practice ? { ...p, description: 'Edited.' } : p)),
        days: content.days.map((d) => (d === day ? { ...d, title: 'Edited day' } : d)),
        recaps: content.recaps.map((r) => (r === recap ? { ...r, points: [...r.points, 'One more point.'] } : r)),
        stories: content.stories.filter((s) => s !== gone),
      });
      expect(changes).toHaveLength(1);
      expect(new Set(changes[0].nodes.map((n) => `${n.type}:${n.key}`))).toEqual(
        new Set([
          `Company:${company.slug}`,
          `Practice:${practice.slug}`,
          `Day:${day.number}`,
          `Recap:${recap.day}`,
          `Story:${gone.slug}`,
        ]),
      );
      expect(new Set(changes[0].lists)).toEqual(
        new Set(['companies', 'practices', 'days', 'recaps', 'stories', 'search']),
      );
      stop();
      await store.importContent(content);
      expect(changes).toHaveLength(1);
    });

    it("re-indexes for search only what an import changed, a story under its company's new name included", async () => {
      const company = content.companies.find((c) => c.slug === 'netflix')!;
      const gone = content.stories.find((s) => s.slug === 'etsy-deployinator')!;
      const hits = async (term: string) => (await store.search(searchQuery([term], { view: 'all' }))).hits;
      expect(await hits('Streamflix')).toEqual([]);
      await store.importContent({
        ...content,
        companies: content.companies.map((c) => (c === company ? { ...c, name: 'Streamflix' } : c)),
        stories: content.stories
          .filter((s) => s !== gone)
          .map((s) => (s.slug === 'amazon' ? { ...s, summary: 'A zanzibarian rewrite of the summary.' } : s)),
      });
      const renamed = (await hits('Streamflix')).map((h) => h.key);
      expect(renamed).toEqual(
        expect.arrayContaining(content.stories.filter((s) => s.company === 'netflix').map((s) => s.slug)),
      );
      expect((await hits('zanzibarian')).map((h) => h.key)).toEqual(['amazon']);
      expect((await hits(gone.title.split(' ')[0])).map((h) => h.key)).not.toContain(gone.slug);
    });

    it('announces nothing for an import that rolls back', async () => {
      const changes: ContentChange[] = [];
      store.onChange((change) => changes.push(change));
      const broken = {
        ...editStory('amazon', { title: 'Amazon, retold' }),
        recaps: content.recaps.map((r) => ({ ...r, stories: [...r.stories, 'nobody'] })),
      };
      await expect(store.importContent(broken)).rejects.toThrow('links story "nobody"');
      expect(changes).toEqual([]);
    });

    it('rolls back a failing import whole, naming what the bundle lacks', async () => {
      const renamed = content.stories.map((s) => (s.slug === 'amazon' ? { ...s, title: 'Amazon, retold' } : s));
      for (const [broken, message] of [
        [
          { ...content, stories: content.stories.map((s) => ({ ...s, company: 'no-such-company' })) },
          'names company "no-such-company"',
        ],
        [
          { ...content, stories: renamed.map((s) => ({ ...s, practices: [...s.practices, 'no-such-practice'] })) },
          'names practice "no-such-practice", which the import does not hold',
        ],
        [
          {
            ...content,
            stories: renamed,
            recaps: content.recaps.map((r) => ({ ...r, stories: [...r.stories, 'nobody'] })),
          },
          `recap of day ${content.recaps[0].day} links story "nobody", which the import does not hold`,
        ],
      ] as const) {
        await expect(store.importContent(broken)).rejects.toThrow(message);
      }
      const page = await store.listStories(query());
      expect(page.totalCount).toBe(published.length);
      expect((await store.storiesBySlugs(['amazon'], 'published'))[0]?.title).toBe(
        content.stories.find((s) => s.slug === 'amazon')!.title,
      );
    });

    it('walks every published story once forward and back with keyset pages', async () => {
      const seen: string[] = [];
      let after: SortKey | null = null;
      for (;;) {
        const page = await store.listStories(query({ limit: 2, from: { direction: 'forward', after } }));
        expect(page.totalCount).toBe(published.length);
        seen.push(...page.rows.map((r) => r.story.slug));
        if (!page.hasMore) break;
        after = page.rows.at(-1)!.key;
      }
      expect(seen).toHaveLength(published.length);
      expect(new Set(seen)).toEqual(new Set(published.map((s) => s.slug)));

      const back: string[] = [];
      let before: SortKey | null = null;
      for (;;) {
        const page = await store.listStories(query({ limit: 2, from: { direction: 'backward', before } }));
        back.unshift(...page.rows.map((r) => r.story.slug));
        if (!page.hasMore) break;
        before = page.rows[0].key;
      }
      expect(back).toEqual(seen);
    });

    it('continues after a key whose story was deleted, forward and back', async () => {
      const all = (await store.listStories(query({ limit: 20 }))).rows;
      const gone = all[2];
      await store.importContent(withoutStory(gone.story.slug));
      const after = await store.listStories(query({ limit: 2, from: { direction: 'forward', after: gone.key } }));
      expect(after.rows.map((r) => r.story.slug)).toEqual(all.slice(3, 5).map((r) => r.story.slug));
      const before = await store.listStories(query({ limit: 2, from: { direction: 'backward', before: gone.key } }));
      expect(before.rows.map((r) => r.story.slug)).toEqual(all.slice(0, 2).map((r) => r.story.slug));
      expect(before.hasMore).toBe(false);
    });

    it('counts under the same filter and never returns drafts', async () => {
      const page = await store.listStories(query({ filter: { practice: 'continuous-deployment' } }));
      expect(page.rows.map((r) => r.story.slug).sort()).toEqual(['amazon', 'etsy']);
      expect(page.totalCount).toBe(2);
      const all = await store.listStories(query({ filter: { practice: 'continuous-deployment' }, view: 'all' }));
      expect(all.totalCount).toBe(3);
      const empty = await store.listStories(query({ filter: { company: 'nobody' } }));
      expect(empty).toEqual({ rows: [], hasMore: false, totalCount: 0 });
    });

    it('filters by year range and industry', async () => {
      const page = await store.listStories(query({ filter: { yearFrom: 2010, yearTo: 2012 } }));
      for (const { story } of page.rows) expect(story.year).toBeGreaterThanOrEqual(2010);
      expect(page.rows.every(({ story }) => story.year! <= 2012)).toBe(true);
      expect(page.rows.some((r) => r.story.year === null)).toBe(false);
      const retail = await store.listStories(query({ filter: { industry: 'RETAIL' } }));
      expect(retail.rows.map((r) => r.story.slug).sort()).toEqual(['amazon', 'target']);
    });

    it('loads relations for many stories in one statement each', async () => {
      const ids = (await store.listStories(query({ limit: 20 }))).rows.map((r) => r.story.rowId);
      statements.length = 0;
      const [practices, metrics, sources] = await Promise.all([
        store.practicesByStoryIds(ids),
        store.metricsByStoryIds(ids),
        store.sourcesByStoryIds(ids),
      ]);
      expect(statements).toHaveLength(3);
      expect(practices).toHaveLength(ids.length);
      const amazonMetrics = metrics[ids.indexOf((await store.storiesBySlugs(['amazon'], 'published'))[0]!.rowId)];
      const interval = amazonMetrics.find((m) => m.value === 11.6)!;
      expect(interval.unit).toBe('seconds');
      expect(interval.source?.url).toMatch(/^https?:\/\//);
      expect(sources.every((list) => list.length > 0)).toBe(true);
    });

    it('stores every body rendered at import: HTML, text and reading time of stories, days and recaps', async () => {
      const amazon = content.stories.find((s) => s.slug === 'amazon')!;
      const [story] = await store.storiesBySlugs(['amazon'], 'published');
      const rendered = renderMarkdown(amazon.body);
      expect(story).toMatchObject({
        body: amazon.body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        readingTimeMinutes: rendered.readingTimeMinutes,
      });
      const [day] = await store.daysByNumbers([content.days[0].number]);
      expect(day).toMatchObject({ body: content.days[0].body, ...bodyForms(content.days[0].body) });
      const [recap] = await store.recapsByDays([content.recaps[0].day], 'published');
      expect(recap).toMatchObject({ body: content.recaps[0].body, ...bodyForms(content.recaps[0].body) });
    });

    it('lists stories without their bodies and reads the bodies by id in one statement', async () => {
      const { rows } = await store.listStories(query({ limit: 20 }));
      const [nested] = await store.storyPagesByCompanyIds(
        [rows[0].story.companyId],
        { after: null, limit: 20 },
        'published',
      );
      for (const story of [...rows.map((r) => r.story), ...nested.rows.map((r) => r.story)]) {
        expect(story).not.toHaveProperty('body');
        expect(story).not.toHaveProperty('bodyHtml');
      }
      statements.length = 0;
      const ids = rows.map((r) => r.story.rowId);
      const bodies = await store.storyBodiesByIds([...ids, 999_999]);
      expect(statements).toHaveLength(1);
      expect(bodies.at(-1)).toBeNull();
      const amazon = content.stories.find((s) => s.slug === 'amazon')!;
      const index = rows.findIndex((r) => r.story.slug === 'amazon');
      expect(bodies[index]).toEqual({ body: amazon.body, ...bodyForms(amazon.body) });
    });

    it('indexes the words readers are served: code is found, link targets and markup are not', async () => {
      const netflix = content.stories.find((s) => s.slug === 'netflix')!;
      const body = `${netflix.body}\n\n\`\`\`sh\nspinnaker zqxcanarycmd\n\`\`\`\n\nSee [the zqxvisible notes](https://example.org/zqxhidden).`;
      await store.importContent({
        ...content,
        stories: content.stories.map((s) => (s === netflix ? { ...s, body } : s)),
      });
      const [story] = await store.storiesBySlugs(['netflix'], 'published');
      expect(story!.bodyText).toContain('spinnaker zqxcanarycmd');
      expect(story!.bodyText).not.toContain('zqxhidden');
      for (const word of ['zqxcanarycmd', 'zqxvisible']) {
        expect((await store.search(searchQuery([word]))).hits).toMatchObject([{ kind: 'Story', key: 'netflix' }]);
      }
      expect(await store.search(searchQuery(['zqxhidden']))).toEqual({ hits: [], hasMore: false, totalCount: 0 });
    });

    it('ranks Netflix first for "rollback" and hides drafts from search', async () => {
      const { hits } = await store.search(searchQuery(['rollback']));
      expect(hits[0]).toMatchObject({ kind: 'Story', key: 'netflix' });
      expect(hits[0].snippet).toMatch(/«rollback»/i);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      const draft = await store.search(searchQuery(['deployinator']));
      expect(draft.hits.some((h) => h.key === 'etsy-deployinator')).toBe(false);
      const all = await store.search(searchQuery(['deployinator'], { view: 'all' }));
      expect(all.hits.some((h) => h.key === 'etsy-deployinator')).toBe(true);
      expect(all.totalCount).toBe(draft.totalCount + 1);
    });

    it('scales scores to the best hit and matches word prefixes', async () => {
      const { hits } = await store.search(searchQuery(['deploy'], { limit: 20 }));
      expect(hits.length).toBeGreaterThan(2);
      expect(hits[0].score).toBe(1);
      const scores = hits.map((h) => h.score);
      expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(hits.some((h) => /«deploy\w*»/i.test(h.snippet))).toBe(true);
    });

    it('treats search syntax in user input as text', async () => {
      await expect(store.search(searchQuery(['NEAR(', '"', 'OR', '*']))).resolves.toMatchObject({
        hits: expect.any(Array),
      });
    });

    it('pages a filtered search by keyset: every hit once, in rank order, as many as totalCount', async () => {
      const filters: StoryListFilter[] = [
        {},
        { practice: 'continuous-deployment' },
        { company: 'netflix' },
        { day: 3 },
        { yearFrom: 2010, yearTo: 2011 },
      ];
      for (const filter of filters) {
        const whole = await store.search(searchQuery(['deploy'], { filter, limit: 100 }));
        expect(whole.hasMore).toBe(false);
        expect(whole.totalCount, JSON.stringify(filter)).toBe(whole.hits.length);
        const walked: SearchRecord[] = [];
        let after: SearchRecord | null = null;
        for (;;) {
          const page: SearchPage = await store.search(searchQuery(['deploy'], { filter, limit: 2, after }));
          expect(page.totalCount).toBe(whole.totalCount);
          walked.push(...page.hits);
          if (!page.hasMore) break;
          after = page.hits.at(-1)!;
        }
        // Scores and snippets are the whole search's on every page: scaled to its best hit, not the page's.
        expect(walked, JSON.stringify(filter)).toEqual(whole.hits);
        if (whole.hits.length) expect(whole.hits[0].score).toBe(1);
      }
      expect((await store.search(searchQuery(['deploy'], { limit: 100 }))).totalCount).toBeGreaterThan(4);
    });

    it('filters story hits as the story list does, and days and recaps through the stories they present', async () => {
      const unfiltered = (await store.search(searchQuery(['devops'], { limit: 100 }))).hits;
      const kinds = new Set(unfiltered.map((h) => h.kind));
      expect(kinds).toEqual(new Set(['Story', 'Day', 'Recap']));
      const filters: StoryListFilter[] = [
        { practice: 'continuous-deployment' },
        { company: 'netflix' },
        { industry: 'retail' },
        { yearFrom: 2014 },
        { practice: 'rollback', yearTo: 2011 },
        { practice: 'devops-dojo', day: 6 },
      ];
      let presented = 0;
      for (const filter of filters) {
        const matching = await storySlugs(filter);
        const expected: SearchRecord[] = [];
        for (const hit of unfiltered) {
          const stories = await presentedStories(hit);
          if (hit.kind === 'Story' ? matching.has(hit.key) : stories.some((slug) => matching.has(slug))) {
            if (filter.day != null && hit.kind !== 'Story' && !(await placedOn(hit, filter.day))) continue;
            expected.push(hit);
          }
        }
        presented += expected.filter((h) => h.kind !== 'Story').length;
        const found = await store.search(searchQuery(['devops'], { filter, limit: 100 }));
        expect(found.hits.map(identity), JSON.stringify(filter)).toEqual(expected.map(identity));
        expect(found.totalCount).toBe(expected.length);
      }
      expect(presented, 'some day or recap hits are kept by a story-only filter').toBeGreaterThan(0);
      const none = await store.search(searchQuery(['devops'], { filter: { practice: 'rollback', yearTo: 2000 } }));
      expect(none).toEqual({ hits: [], hasMore: false, totalCount: 0 });
    });

    it('places hits by `day`: a story by its day, a day by its number, a recap by its day and the days it covers', async () => {
      const unfiltered = (await store.search(searchQuery(['devops'], { limit: 100 }))).hits;
      for (const day of [3, 6, 99]) {
        const expected: SearchRecord[] = [];
        for (const hit of unfiltered) if (await placedOn(hit, day)) expected.push(hit);
        const found = await store.search(searchQuery(['devops'], { filter: { day }, limit: 100 }));
        expect(found.hits.map(identity), `day ${day}`).toEqual(expected.map(identity));
        expect(found.totalCount).toBe(expected.length);
        if (day === 3) expect(new Set(expected.map((h) => h.kind))).toEqual(new Set(['Day', 'Recap']));
      }
    });

    it('never finds or counts a draft, nor a day or recap through a draft', async () => {
      // The draft alone on day 2, with practices no published story of day 2 has.
      await store.importContent({
        ...content,
        stories: content.stories.map((s) => (s.slug === 'etsy-deployinator' ? { ...s, day: 2 } : s)),
      });
      const filter = { practice: 'continuous-deployment' };
      const published = await store.search(searchQuery(['deploy'], { filter, limit: 100 }));
      const all = await store.search(searchQuery(['deploy'], { filter, limit: 100, view: 'all' }));
      expect(published.hits.map(identity)).not.toContain('Day:2');
      expect(published.hits.map(identity)).not.toContain('Story:etsy-deployinator');
      expect(all.hits.map(identity)).toEqual(expect.arrayContaining(['Day:2', 'Story:etsy-deployinator']));
      expect(all.totalCount).toBe(published.totalCount + 2);
    });

    it("pages every company's and practice's stories in one statement each, newest first, with their counts", async () => {
      const newest = (a: StoryContent, b: StoryContent) =>
        (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || (a.slug < b.slug ? 1 : -1);
      const parents = [
        {
          ids: (await store.listCompanies()).map((c) => ({
            id: c.rowId,
            has: (s: StoryContent) => s.company === c.slug,
          })),
          read: store.storyPagesByCompanyIds.bind(store),
        },
        {
          ids: (await store.listPractices()).map((p) => ({
            id: p.rowId,
            has: (s: StoryContent) => s.practices.includes(p.slug),
          })),
          read: store.storyPagesByPracticeIds.bind(store),
        },
      ];
      for (const { ids, read } of parents) {
        const expected = ids.map(({ has }) =>
          published
            .filter(has)
            .sort(newest)
            .map((s) => s.slug),
        );
        statements.length = 0;
        const first = await read(
          ids.map((p) => p.id),
          { after: null, limit: 1 },
          'published',
        );
        expect(statements).toHaveLength(1);
        expect(first.map((p) => p.totalCount)).toEqual(expected.map((slugs) => slugs.length));
        expect(first.map((p) => p.rows.map((r) => r.story.slug))).toEqual(expected.map((slugs) => slugs.slice(0, 1)));
        expect(first.map((p) => p.hasMore)).toEqual(expected.map((slugs) => slugs.length > 1));
        // Walked by its cursors one story at a time, each list is its stories once, in order.
        for (const [i, { id }] of ids.entries()) {
          const seen: string[] = [];
          let after: SortKey | null = null;
          for (;;) {
            const [page]: StoryListPage[] = await read([id], { after, limit: 1 }, 'published');
            seen.push(...page.rows.map((r) => r.story.slug));
            if (!page.hasMore) break;
            after = page.rows.at(-1)!.key;
          }
          expect(seen).toEqual(expected[i]);
        }
      }
    });

    it('relates stories by shared practices, published only', async () => {
      const [amazon] = await store.storiesBySlugs(['amazon'], 'published');
      const [related] = await store.relatedStories([amazon!.rowId], 3, 'published');
      expect(related.length).toBeGreaterThan(0);
      expect(related.map((s) => s.slug)).not.toContain('amazon');
      expect(related.map((s) => s.slug)).not.toContain('etsy-deployinator');
    });
  });
}

/** A hit as `Kind:key`, for comparing lists of hits. */
function identity(hit: SearchRecord): string {
  return `${hit.kind}:${hit.key}`;
}

function bodyForms(markdown: string) {
  const { html, text } = renderMarkdown(markdown);
  return { bodyHtml: html, bodyText: text };
}

/** The shipped content with one story's fields replaced. */
function editStory(slug: string, fields: Partial<(typeof content.stories)[number]>) {
  return { ...content, stories: content.stories.map((s) => (s.slug === slug ? { ...s, ...fields } : s)) };
}

/** The shipped content without one story, and without the recap links to it. */
function withoutStory(slug: string) {
  return {
    ...content,
    stories: content.stories.filter((s) => s.slug !== slug),
    recaps: content.recaps.map((r) => ({ ...r, stories: r.stories.filter((linked) => linked !== slug) })),
  };
}
