import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '@devops-stories/story-content';
import { describe, expect, it } from 'vitest';
import { describeStoryStoreContract, query } from '../test/story-store.contract.js';
import { openSqliteStore, sqliteFilename } from './sqlite-story.store.js';

const content = loadContent();
const published = content.stories.filter((s) => s.status === 'published');

describeStoryStoreContract('SQLite in memory', (onStatement) =>
  openSqliteStore({ url: 'sqlite::memory:', onStatement }),
);

describe('SQLite store on a file', () => {
  it('keeps imported content across reopen and migrates once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const url = `sqlite:${join(dir, 'nested', 'stories.db')}`;
      const first = openSqliteStore({ url });
      await first.importContent(content);
      await first.close();
      const again = openSqliteStore({ url });
      expect((await again.listStories(query())).totalCount).toBe(published.length);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sqliteFilename', () => {
  it('reads sqlite: URLs and refuses an empty one', () => {
    expect(sqliteFilename('sqlite:./data/stories.db')).toBe('./data/stories.db');
    expect(sqliteFilename('sqlite::memory:')).toBe(':memory:');
    expect(sqliteFilename('sqlite:///var/lib/stories.db')).toBe('/var/lib/stories.db');
    expect(() => sqliteFilename('sqlite:')).toThrow('names no file');
  });
});
