import { loadContent } from '@devops-stories/story-content';
import { type TestDatabase, testDatabase } from '@devops-stories/test-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../sqlite/open.js';
import type { ContentChange, StoryStore } from '../store.types.js';
import { describeAuthoringContract, draftStory } from '../test/authoring.contract.js';
import { describeSearchContract, describeSearchWindowContract, TOP_HITS } from '../test/search.contract.js';
import { describeStoryStoreContract, query, searchQuery } from '../test/story-store.contract.js';
import { migrations } from './migrations.js';
import { noticePayloads, PAYLOAD_LIMIT_BYTES } from './notifications.js';
import { DatabaseUnreachableError, openPostgresStore } from './open.js';

const content = loadContent();

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase('story_store');
});
afterAll(() => database.drop());

let schemas = 0;
/** A store on a schema of its own: each contract test starts from an empty, migrated database. */
function freshStore(onStatement?: (sql: string) => void, schema = `store_${++schemas}`) {
  return openPostgresStore({ url: database.url, schema, onStatement, poolSize: 3 });
}

describeStoryStoreContract('PostgreSQL', (onStatement) => freshStore(onStatement));
describeAuthoringContract('PostgreSQL', (onStatement) => freshStore(onStatement));
describeSearchContract('PostgreSQL', (onStatement) => freshStore(onStatement));
describeSearchWindowContract('PostgreSQL', (searchRankWindow) =>
  openPostgresStore({ url: database.url, schema: `store_${++schemas}`, poolSize: 3, searchRankWindow }),
);

/** Runs one statement on the test database, outside any store. */
async function admin<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until `check` passes, or fails with its last error after `ms`. */
async function eventually(check: () => void | Promise<void>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('PostgreSQL store: search as SQLite ranks it', () => {
  it('finds the same top hit as SQLite for the words readers search most', async () => {
    const postgres = await freshStore();
    const sqlite = openSqliteStore({ url: 'sqlite::memory:' });
    try {
      await Promise.all([postgres.importContent(content), sqlite.importContent(content)]);
      for (const word of Object.keys(TOP_HITS)) {
        const [a, b] = await Promise.all([postgres.search(searchQuery([word])), sqlite.search(searchQuery([word]))]);
        expect({ word, kind: a.hits[0]?.kind, key: a.hits[0]?.key }).toEqual({
          word,
          kind: b.hits[0]?.kind,
          key: b.hits[0]?.key,
        });
      }
    } finally {
      await postgres.close();
      await sqlite.close();
    }
  });
});

describe('PostgreSQL store: replicas starting together', () => {
  it('migrates and imports once when several stores open on one empty database at once', async () => {
    const schema = 'together';
    const stores = await Promise.all([1, 2, 3].map(() => freshStore(undefined, schema)));
    try {
      const results = await Promise.all(stores.map((store) => store.importContent(content)));
      const inserted = results.map((r) => r.stories.inserted).sort();
      expect(inserted).toEqual([0, 0, content.stories.length]);
      expect(results.filter((r) => r.stories.unchanged === content.stories.length)).toHaveLength(2);
      const [{ version }] = await admin<{ version: number }>(`SELECT version FROM together.story_store_schema`);
      expect(version).toBe(migrations.length);
      const [{ n }] = await admin<{ n: string }>(`SELECT count(*) AS n FROM together.stories`);
      expect(Number(n)).toBe(content.stories.length);
      const [{ max }] = await admin<{ max: number }>(`SELECT max(version) AS max FROM together.stories`);
      expect(max).toBe(1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('refuses a database migrated by a newer build, and leaves it alone', async () => {
    const schema = 'newer';
    await admin(`CREATE SCHEMA newer; CREATE TABLE newer.story_store_schema (version integer NOT NULL);
      INSERT INTO newer.story_store_schema VALUES (${migrations.length + 1})`);
    await expect(freshStore(undefined, schema)).rejects.toThrow(
      `database is at schema version ${migrations.length + 1}, newer than this build knows (${migrations.length})`,
    );
    expect(await admin(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'newer'`)).toEqual([
      { table_name: 'story_store_schema' },
    ]);
  });

  it('says in one line that a server cannot be reached, without the password', async () => {
    const error = await openPostgresStore({ url: 'postgres://me:secret@127.0.0.1:1/stories', connectTimeoutMs: 2_000 })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toMatch(/^cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/stories: .+$/);
    expect((error as Error).message).not.toContain('secret');
  });
});

describe('PostgreSQL store: changes across stores', () => {
  let a: StoryStore;
  let b: StoryStore;
  let heardByB: ContentChange[];
  beforeAll(async () => {
    a = await freshStore(undefined, 'replicas');
    await a.importContent(content);
    b = await freshStore(undefined, 'replicas');
    heardByB = [];
    b.onChange((change) => heardByB.push(change));
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it("announces a write on one store through the other's onChange, once, after the commit", async () => {
    const heardByA: ContentChange[] = [];
    const stop = a.onChange((change) => heardByA.push(change));
    const created = await a.create('Story', draftStory('acme-notified'), 'alice');
    expect(created.ok).toBe(true);
    await eventually(() => expect(heardByB).toHaveLength(1));
    expect(heardByB[0].nodes).toContainEqual({ type: 'Story', key: 'acme-notified' });
    expect(heardByB[0].lists).toEqual(expect.arrayContaining(['stories', 'search']));
    expect(heardByA).toEqual(heardByB);
    expect((await b.storiesBySlugs(['acme-notified'], 'all'))[0]?.title).toBe(draftStory().title);
    stop();
  });

  it('sends nothing for a refused write', async () => {
    heardByB.length = 0;
    const refused = await a.update('Story', 'acme-notified', 99, draftStory('acme-notified'), 'alice');
    expect(refused).toMatchObject({ ok: false, problem: { code: 'VERSION_CONFLICT' } });
    await a.create('Company', { slug: 'marker', name: 'Marker', industry: 'X', description: 'x' }, 'alice');
    await eventually(() => expect(heardByB).toHaveLength(1));
    expect(heardByB[0].nodes).toEqual([{ type: 'Company', key: 'marker' }]);
  });

  it('keeps listening after its connection is cut, announcing every record once it is back', async () => {
    heardByB.length = 0;
    expect(b.hearsOthers?.()).toBe(true);
    await admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    await eventually(() => expect(heardByB.length).toBeGreaterThan(0));
    const everything = heardByB[0];
    expect(everything.lists).toEqual(expect.arrayContaining(['stories', 'companies', 'days', 'recaps', 'search']));
    expect(everything.nodes).toContainEqual({ type: 'Story', key: 'amazon' });
    expect(b.hearsOthers?.()).toBe(true);
    heardByB.length = 0;
    await a.create('Company', { slug: 'after-cut', name: 'After', industry: 'X', description: 'x' }, 'alice');
    await eventually(() =>
      expect(heardByB.flatMap((c) => c.nodes)).toContainEqual({ type: 'Company', key: 'after-cut' }),
    );
  });

  it('turns a key another store took meanwhile into SLUG_TAKEN, not an error', async () => {
    const results = await Promise.all(
      [a, b, a, b].map((store) => store.create('Story', draftStory('acme-raced'), 'alice')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok))
      expect(r).toMatchObject({ ok: false, problem: { code: 'SLUG_TAKEN' } });
  });

  it('sends a change naming many records in parts, each under the payload limit', () => {
    const change: ContentChange = {
      nodes: Array.from({ length: 2_000 }, (_, i) => ({ type: 'Story' as const, key: `story-number-${i}` })),
      lists: ['stories', 'search'],
    };
    const payloads = noticePayloads('me', change);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const parts = payloads.map((p) => (JSON.parse(p) as { change: ContentChange }).change);
    expect(parts.flatMap((p) => p.nodes)).toEqual(change.nodes);
    expect(parts.flatMap((p) => p.lists)).toEqual(change.lists);
    expect(noticePayloads('me', { nodes: [{ type: 'Day', key: '3' }], lists: ['days'] })).toHaveLength(1);
  });

  it('hears a first import on another store whole, though it names more than one payload holds', async () => {
    const c = await freshStore(undefined, 'big_import');
    const d = await freshStore(undefined, 'big_import');
    try {
      const heard: ContentChange[] = [];
      d.onChange((change) => heard.push(change));
      await c.importContent(content);
      const expected = content.stories.length + content.days.length + content.recaps.length;
      await eventually(() =>
        expect(heard.flatMap((h) => h.nodes).filter((n) => ['Story', 'Day', 'Recap'].includes(n.type))).toHaveLength(
          expected,
        ),
      );
      expect((await d.listStories(query())).totalCount).toBeGreaterThan(0);
    } finally {
      await c.close();
      await d.close();
    }
  });
});

describe('PostgreSQL store: totals kept by triggers', () => {
  /**
   * The totals the store answers in both views (the list's, unfiltered and filtered by each
   * company and practice; each company's and practice's nested list's), and what counting every
   * story and link says.
   */
  async function totals(store: StoryStore, schema: string) {
    const companies = await store.listCompanies();
    const practices = await store.listPractices();
    const kept: Record<string, number> = {};
    const counted: Record<string, number> = {};
    for (const view of ['published', 'all'] as const) {
      kept[`${view}`] = (await store.listStories(query({ view }))).totalCount;
      for (const c of companies) {
        kept[`${view} ${c.slug}`] = (await store.listStories(query({ view, filter: { company: c.slug } }))).totalCount;
      }
      for (const p of practices) {
        kept[`${view} ${p.slug}`] = (await store.listStories(query({ view, filter: { practice: p.slug } }))).totalCount;
      }
      const nested = [
        ...(await store.storyPagesByCompanyIds(
          companies.map((c) => c.rowId),
          { after: null, limit: 1 },
          view,
        )),
        ...(await store.storyPagesByPracticeIds(
          practices.map((p) => p.rowId),
          { after: null, limit: 1 },
          view,
        )),
      ];
      for (const [i, record] of [...companies, ...practices].entries()) {
        kept[`${view} nested ${record.slug}`] = nested[i].totalCount;
      }
      const shown = view === 'published' ? `s.status = 'published'` : 'true';
      const rows = await admin<{ key: string; n: string }>(
        `SELECT '' AS key, count(*) AS n FROM ${schema}.stories s WHERE ${shown}
         UNION ALL SELECT c.slug, count(s.id) FROM ${schema}.companies c
           LEFT JOIN ${schema}.stories s ON s.company_id = c.id AND ${shown} GROUP BY c.slug
         UNION ALL SELECT p.slug, count(s.id) FROM ${schema}.practices p
           LEFT JOIN ${schema}.story_practices sp ON sp.practice_id = p.id
           LEFT JOIN ${schema}.stories s ON s.id = sp.story_id AND ${shown} GROUP BY p.slug`,
      );
      for (const { key, n } of rows) {
        counted[key ? `${view} ${key}` : view] = Number(n);
        if (key) counted[`${view} nested ${key}`] = Number(n);
      }
    }
    return { kept, counted };
  }

  it('stays exact under concurrent writers on two stores and an import beside them', async () => {
    const schema = 'counted';
    const a = await freshStore(undefined, schema);
    const b = await freshStore(undefined, schema);
    try {
      await a.importContent(content);
      const start = await totals(a, schema);
      expect(start.kept).toEqual(start.counted);
      expect(start.kept.all).toBe(content.stories.length);
      expect(start.kept['published netflix']).toBeGreaterThan(0);

      // Each writer creates a draft, publishes it, and every third one deletes it again, on
      // either store, all at once; meanwhile an import removes one file story and puts it back.
      const slugs = Array.from({ length: 24 }, (_, i) => `acme-counted-${i}`);
      const writes = slugs.map(async (slug, i) => {
        const store = i % 2 ? a : b;
        // Half name their practices in the other order: the writers lock the counts in different orders.
        const input = draftStory(slug);
        if (i % 4 < 2) input.practices.reverse();
        const created = await store.create('Story', input, 'alice');
        if (!created.ok) throw new Error(created.problem.message);
        const published = await store.setStatus('Story', slug, created.record.version, 'published', 'alice');
        if (!published.ok) throw new Error(published.problem.message);
        if (i % 3 === 0) {
          const removed = await store.delete('Story', slug, published.record.version, 'alice');
          if (!removed.ok) throw new Error(removed.problem.message);
        }
      });
      const linked = new Set(content.recaps.flatMap((r) => r.stories));
      const unlinked = content.stories.find((s) => !linked.has(s.slug))!;
      const withoutOne = { ...content, stories: content.stories.filter((s) => s !== unlinked) };
      const imports = (async () => {
        expect((await b.importContent(withoutOne)).stories.removed).toBe(1);
        expect((await a.importContent(content)).stories.inserted).toBe(1);
      })();
      await Promise.all([...writes, imports]);

      const end = await totals(b, schema);
      expect(end.kept).toEqual(end.counted);
      expect(end.kept.all).toBe(content.stories.length + 16);
      expect(end.kept.published).toBe(start.kept.published + 16);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("counts a write an import's recount waits for", async () => {
    const schema = 'counted_race';
    const store = await freshStore(undefined, schema);
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      await store.importContent(content);
      const linked = new Set(content.recaps.flatMap((r) => r.stories));
      const removed = content.stories.find((s) => !linked.has(s.slug))!;
      const unpublished = content.stories.find((s) => s !== removed && s.status === 'published')!;
      // A write whose counted change is not yet committed when the import counts.
      await writer.query('BEGIN');
      await writer.query(`UPDATE ${schema}.stories SET status = 'draft' WHERE slug = $1`, [unpublished.slug]);
      const importing = store.importContent({ ...content, stories: content.stories.filter((s) => s !== removed) });
      await eventually(async () => {
        const waiting = await admin(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%story_counts%'`,
        );
        expect(waiting).toHaveLength(1);
      });
      await writer.query('COMMIT');
      expect((await importing).stories.removed).toBe(1);
      const { kept, counted } = await totals(store, schema);
      expect(kept).toEqual(counted);
      expect(kept.all).toBe(content.stories.length - 1);
    } finally {
      await writer.end();
      await store.close();
    }
  });

  it('counts the rows of a database migrated before the counts existed', async () => {
    const COUNTS_MIGRATION = migrations.findIndex((m) => m.includes('CREATE TABLE story_counts')) + 1;
    expect(COUNTS_MIGRATION).toBeGreaterThan(0);
    const schema = 'counted_later';
    const store = await freshStore(undefined, schema);
    await store.importContent(content);
    await store.close();
    await admin(`DROP TABLE ${schema}.story_counts, ${schema}.company_story_counts, ${schema}.practice_story_counts;
      DROP FUNCTION ${schema}.stories_counted, ${schema}.story_practices_counted, ${schema}.count_story CASCADE;
      UPDATE ${schema}.story_store_schema SET version = ${COUNTS_MIGRATION - 1}`);
    const again = await freshStore(undefined, schema);
    try {
      const { kept, counted } = await totals(again, schema);
      expect(kept).toEqual(counted);
      expect(kept.all).toBe(content.stories.length);
    } finally {
      await again.close();
    }
  });
});
