import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@devops-stories/story-store';
import { catalogueBundle } from '@devops-stories/synthetic-catalogue';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';
import { createTestServer, execute, logCollector } from './test/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'content-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CONTENT_IMPORT', () => {
  it('is on by default; off needs a database that outlives the process', () => {
    expect(readConfig({}).contentImport).toBe(true);
    expect(readConfig({ CONTENT_IMPORT: 'Off', DATABASE_URL: 'sqlite:./prepared.db' }).contentImport).toBe(false);
    expect(() => readConfig({ CONTENT_IMPORT: 'off', DATABASE_URL: 'sqlite::memory:' })).toThrow(ConfigError);
    expect(() => readConfig({ CONTENT_IMPORT: 'off', DATABASE_URL: 'sqlite::memory:' })).toThrow(
      /^CONTENT_IMPORT=off serves what the database holds, and an in-memory database starts empty/,
    );
    expect(() => readConfig({ CONTENT_IMPORT: 'no' })).toThrow('CONTENT_IMPORT must be on or off, got "no"');
  });

  it('off, serves a database another process prepared without importing the shipped content over it', async () => {
    const url = `sqlite:${join(dir, 'prepared.db')}`;
    const { bundle, summary } = catalogueBundle({ stories: 60, seed: 'content-import' });
    const store = openSqliteStore({ url });
    await store.importContent(bundle);
    await store.close();
    const query = `query ($slug: String!, $rare: String!) {
      stories(first: 1) { totalCount }
      amazon: story(slug: "amazon") { slug }
      synthetic: story(slug: $slug) { slug }
      search(query: $rare) { node { ... on Story { slug } } }
    }`;
    const variables = { slug: summary.sampleSlugs[3], rare: summary.terms.rare.term };

    const log = logCollector();
    const prepared = await createTestServer({ DATABASE_URL: url, CONTENT_IMPORT: 'off' }, { logger: log });
    try {
      const { data, errors } = await execute(prepared, query, variables);
      expect(errors).toBeUndefined();
      expect(data.stories.totalCount).toBe(summary.published);
      expect(data.amazon).toBeNull();
      expect(data.synthetic).toEqual({ slug: summary.sampleSlugs[3] });
      expect(data.search).toHaveLength(summary.terms.rare.stories);
      expect(log.lines.map((l) => l.msg)).toContain(
        'content import off (CONTENT_IMPORT=off): serving what the database holds',
      );
    } finally {
      await prepared.close();
    }

    // On (the default), the same file gets the shipped content, and the synthetic stories are pruned.
    const shipped = await createTestServer({ DATABASE_URL: url });
    try {
      const { data } = await execute(shipped, query, variables);
      expect(data.amazon).toEqual({ slug: 'amazon' });
      expect(data.synthetic).toBeNull();
      expect(data.search).toEqual([]);
      expect(data.stories.totalCount).toBeLessThan(20);
    } finally {
      await shipped.close();
    }
  });
});
