import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { defaultContentDir, loadContent, renderMarkdown, streamContent } from '@devops-stories/story-content';
import { describe, expect, it } from 'vitest';
import type { SearchPage, StoryListFilter, StoryStore, StoryView, WriteResult } from '../store.types.js';
import { describeAuthoringContract } from '../test/authoring.contract.js';
import { describeSearchContract, describeSearchWindowContract } from '../test/search.contract.js';
import { describeStoryStoreContract, query, searchQuery } from '../test/story-store.contract.js';
import { migrations } from './migrations.js';
import { openSqliteStore } from './open.js';

const content = loadContent();
const published = content.stories.filter((s) => s.status === 'published');

describeStoryStoreContract('SQLite in memory', (onStatement) =>
  openSqliteStore({ url: 'sqlite::memory:', onStatement }),
);

describe('SQLite store on a file', () => {
  it('keeps imported content across reopen and runs each migration once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const file = join(dir, 'nested', 'stories.db');
      const statements: string[] = [];
      const first = openSqliteStore({ url: `sqlite:${file}`, onStatement: (sql) => statements.push(sql) });
      expect(statements).toEqual(migrations);
      await first.importContent(content);
      await first.close();

      statements.length = 0;
      const again = openSqliteStore({ url: `sqlite:${file}`, onStatement: (sql) => statements.push(sql) });
      expect(statements).toEqual([]);
      expect((await again.listStories(query())).totalCount).toBe(published.length);
      await again.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing when it re-imports unchanged content: the file stays byte for byte the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const file = join(dir, 'stories.db');
      const digest = () => {
        // Closed, the WAL is checkpointed into the file and removed: the file is the whole database.
        expect(existsSync(`${file}-wal`)).toBe(false);
        return { bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
      };
      const importOnce = async (source: Parameters<StoryStore['importContent']>[0]) => {
        const store = openSqliteStore({ url: `sqlite:${file}` });
        try {
          return await store.importContent(source);
        } finally {
          await store.close();
        }
      };
      await importOnce(streamContent(defaultContentDir));
      const imported = digest();
      const again = await importOnce(streamContent(defaultContentDir));
      expect(again.stories).toEqual({ inserted: 0, updated: 0, unchanged: content.stories.length, removed: 0 });
      expect(digest()).toEqual(imported);
      // The same comparison sees a change of one story.
      await importOnce({
        ...content,
        stories: content.stories.map((s) => (s.slug === 'amazon' ? { ...s, title: 'Amazon, retold' } : s)),
      });
      expect(digest().sha256).not.toBe(imported.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database migrated by a newer build, and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const file = join(dir, 'stories.db');
      const newer = new Database(file);
      newer.pragma(`user_version = ${migrations.length + 1}`);
      newer.close();
      expect(() => openSqliteStore({ url: `sqlite:${file}` })).toThrow(
        `database is at schema version ${migrations.length + 1}, newer than this build knows (${migrations.length})`,
      );
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
      expect(db.prepare(`SELECT name FROM sqlite_master`).all()).toEqual([]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite store read during an import', () => {
  it('waits for the commit: a read issued mid-import never sees half of it', async () => {
    const midImport: Promise<SearchPage>[] = [];
    const store: StoryStore = openSqliteStore({
      url: 'sqlite::memory:',
      // Called inside the import's transaction, just after the search index was emptied.
      onStatement: (sql) => {
        if (/^INSERT INTO search_index/i.test(sql.trim()) && !midImport.length) {
          midImport.push(store.search(searchQuery(['rollback'])));
        }
      },
    });
    await store.importContent(content);
    expect(midImport).toHaveLength(1);
    expect((await midImport[0]).hits[0]).toMatchObject({ kind: 'Story', key: 'netflix' });
    await store.close();
  });
});

describe('SQLite store upgrading an older database', () => {
  it('renders the bodies a schema-1 database holds on the first import after the upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const file = join(dir, 'stories.db');
      const old = new Database(file);
      old.exec(migrations[0]);
      old.pragma('user_version = 1');
      old
        .prepare(`INSERT INTO companies (slug, name, industry, description) VALUES ('amazon', 'Amazon', 'RETAIL', 'x')`)
        .run();
      old
        .prepare(
          `INSERT INTO stories (slug, title, headline, company_id, status, summary, body, updated_at, content_hash)
           VALUES ('amazon', 'Amazon', 'h', 1, 'published', 's', 'old', 0, 'hash of schema 1')`,
        )
        .run();
      old.close();

      const store = openSqliteStore({ url: `sqlite:${file}` });
      const upgraded = new Database(file, { readonly: true });
      expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(upgraded.prepare(`SELECT content_hash, body_html FROM stories`).get()).toEqual({
        content_hash: '',
        body_html: '',
      });
      upgraded.close();
      const result = await store.importContent(content);
      expect(result.stories).toMatchObject({ updated: 1, unchanged: 0 });
      const amazon = content.stories.find((s) => s.slug === 'amazon')!;
      const [story] = await store.storiesBySlugs(['amazon'], 'published');
      expect(story!.bodyHtml).toBe(renderMarkdown(amazon.body).html);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite store keeping filtered counts and practice keys', () => {
  /**
   * What the triggers keep, next to what the tables say: each count of stories per company,
   * practice, day and year and status (zero counts left out), and each practice link with its
   * story's status and list keys.
   */
  function kept(db: Database.Database) {
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      counts: rows(`SELECT filter, key, status, n FROM story_filter_counts WHERE n != 0 ORDER BY 1, 2, 3`),
      keys: rows(`SELECT * FROM practice_story_keys ORDER BY story_id, practice_id`),
    };
  }

  function recounted(db: Database.Database) {
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      counts: rows(`SELECT * FROM (
          SELECT 'company' AS filter, company_id AS key, status, count(*) AS n FROM stories GROUP BY 2, 3
          UNION ALL SELECT 'day', day_number, status, count(*) FROM stories WHERE day_number IS NOT NULL GROUP BY 2, 3
          UNION ALL SELECT 'practice', sp.practice_id, s.status, count(*)
            FROM story_practices sp JOIN stories s ON s.id = sp.story_id GROUP BY 2, 3
          UNION ALL SELECT 'year', year, status, count(*) FROM stories WHERE year IS NOT NULL GROUP BY 2, 3
        ) ORDER BY 1, 2, 3`),
      keys: rows(`SELECT s.id AS story_id, sp.practice_id, s.status, COALESCE(s.published_at, 0) AS published_key,
          COALESCE(s.year, 0) AS year_key, lower(s.title) AS title_key, s.slug
        FROM story_practices sp JOIN stories s ON s.id = sp.story_id ORDER BY 1, 2`),
    };
  }

  /** The record a write returns; a refused write fails the test with its problem. */
  function written<T>(result: WriteResult<T>): T {
    if (!result.ok) throw new Error(`write refused: ${JSON.stringify(result.problem)}`);
    return result.record;
  }

  it('keeps them exact through writes, publishing, deletes, cascades and re-imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const file = join(dir, 'stories.db');
    const store = openSqliteStore({ url: `sqlite:${file}` });
    const db = new Database(file, { readonly: true });
    const steps: string[] = [];
    const check = (step: string) => {
      steps.push(step);
      expect(kept(db), step).toEqual(recounted(db));
    };
    const total = async (filter: StoryListFilter, view: StoryView = 'published') =>
      (await store.listStories(query({ filter, view, limit: 100 }))).totalCount;
    try {
      await store.importContent(content);
      check('import');
      const story = {
        slug: 'acme-zqxcounted',
        title: 'Acme: counted',
        headline: 'Acme counts.',
        company: 'netflix',
        year: 2020,
        day: 6,
        summary: 'Acme counts.',
        practices: ['rollback', 'canary-release'],
        sources: [],
        metrics: [],
        body: 'Acme counts.',
      };
      const netflix = await total({ company: 'netflix' });
      const rollback = await total({ practice: 'rollback' });
      const draft = await store.create('Story', story, 'alice');
      check('create a draft');
      expect(await total({ company: 'netflix' })).toBe(netflix);
      expect(await total({ company: 'netflix' }, 'all')).toBe(netflix + 1);
      expect(await total({ practice: 'rollback' }, 'all')).toBe(rollback + 1);
      const published = await store.setStatus('Story', story.slug, written(draft).version, 'published', 'alice');
      check('publish');
      expect(await total({ practice: 'rollback' })).toBe(rollback + 1);
      expect(await total({ yearFrom: 2020, yearTo: 2020 })).toBeGreaterThan(0);
      const moved = await store.update(
        'Story',
        story.slug,
        written(published).version,
        { ...story, company: 'amazon', practices: ['canary-release', 'microservices'], year: 2011, day: 3, title: 'B' },
        'alice',
      );
      check('move to another company, practices, year, day and title');
      expect(await total({ company: 'netflix' })).toBe(netflix);
      expect(await total({ practice: 'rollback' })).toBe(rollback);
      const unpublished = await store.setStatus('Story', story.slug, written(moved).version, 'draft', 'alice');
      check('unpublish');
      const again = await store.setStatus('Story', story.slug, written(unpublished).version, 'published', 'alice');
      check('publish again');
      await store.delete('Story', story.slug, written(again).version, 'alice');
      check('delete a published story (its links go by cascade)');

      const amazon = content.stories.find((s) => s.slug === 'amazon')!;
      await store.importContent({
        ...content,
        stories: content.stories
          .filter((s) => s.slug !== 'etsy-deployinator')
          .map((s) =>
            s === amazon ? { ...s, status: 'draft' as const, practices: [...s.practices.slice(1), 'rollback'] } : s,
          ),
      });
      check('re-import without one story and with another changed');
      await store.importContent(content);
      check('re-import as shipped');
      expect(await total({ company: 'netflix' })).toBe(netflix);
    } finally {
      await store.close();
      db.close();
    }
    const writer = new Database(file);
    try {
      writer.pragma('foreign_keys = ON');
      writer.prepare(`DELETE FROM practices WHERE slug = 'rollback'`).run();
      expect(kept(writer), 'delete a practice (its links go by cascade)').toEqual(recounted(writer));
      expect(steps).toHaveLength(9);
    } finally {
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeAuthoringContract('SQLite in memory', (onStatement) =>
  openSqliteStore({ url: 'sqlite::memory:', onStatement }),
);

describeSearchContract('SQLite in memory', (onStatement) => openSqliteStore({ url: 'sqlite::memory:', onStatement }));

describeSearchWindowContract('SQLite in memory', (searchRankWindow) =>
  openSqliteStore({ url: 'sqlite::memory:', searchRankWindow }),
);
