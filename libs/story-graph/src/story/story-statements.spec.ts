import { openPostgresStore } from '@devops-stories/story-store';
import { type TestDatabase, testDatabase } from '@devops-stories/test-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyModule } from '../module/story.module.js';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const PAGE_WITH_RELATIONS = `{
  stories(first: 20) {
    totalCount
    nodes {
      slug company { name industry } practices { slug }
      metrics { label value unit source { url } } sources { title url kind }
    }
  }
}`;

/** The statement budget of a page of stories with its relations holds on every backend, with the same answer. */
describe('stories(first: 20) with relations on SQLite and PostgreSQL', () => {
  let database: TestDatabase;
  let sqlite: GraphHarness;
  let postgres: GraphHarness;
  beforeAll(async () => {
    database = await testDatabase('story_graph');
    sqlite = await createGraphHarness();
    postgres = await createGraphHarness([storyModule], (onStatement) =>
      openPostgresStore({ url: database.url, onStatement, poolSize: 2 }),
    );
  });
  afterAll(async () => {
    await sqlite?.store.close();
    await postgres?.store.close();
    await database?.drop();
  });

  it('runs 5 statements on each, and both answer alike', async () => {
    const [a, b] = [await sqlite.run(PAGE_WITH_RELATIONS), await postgres.run(PAGE_WITH_RELATIONS)];
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(sqlite.statements).toHaveLength(5);
    expect(postgres.statements).toHaveLength(5);
    expect(b.data).toEqual(a.data);
  });
});
