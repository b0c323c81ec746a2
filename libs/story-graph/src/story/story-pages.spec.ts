import { type ContentBundle, loadContent, type StoryContent } from '@devops-stories/story-content';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const content = loadContent();
const amazon = content.stories.find((s) => s.slug === 'amazon')!;
const practice = amazon.practices[0];

/** Amazon and eight more Amazon stories, a day apart, so every list below spans several pages. */
const clones: StoryContent[] = Array.from({ length: 8 }, (_, i) => ({
  ...amazon,
  slug: `amazon-retold-${i + 1}`,
  publishedAt: new Date(amazon.publishedAt!.getTime() - (i + 1) * 86_400_000),
}));
const withClones: ContentBundle = { ...content, stories: [...content.stories, ...clones] };
const without = (...slugs: string[]): ContentBundle => ({
  ...withClones,
  stories: withClones.stories.filter((s) => !slugs.includes(s.slug)),
  recaps: withClones.recaps.map((r) => ({ ...r, stories: r.stories.filter((s) => !slugs.includes(s)) })),
});

type Page = { slugs: string[]; endCursor: string | null; hasNextPage: boolean };
type List = (after: string | null) => Promise<Page>;

const CONNECTION = 'nodes { slug } pageInfo { endCursor hasNextPage }';

describe('paging while stories are deleted', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  beforeEach(async () => {
    await h.store.importContent(withClones);
  });
  afterAll(() => h.store.close());

  const connection = (data: any, path: string[]) => path.reduce((value, key) => value[key], data);
  const list =
    (query: string, path: string[]): List =>
    async (after) => {
      const { data, errors } = await h.run(query, { after });
      expect(errors).toBeUndefined();
      const page = connection(data, path);
      return { slugs: page.nodes.map((n: any) => n.slug), ...page.pageInfo };
    };
  const walk = async (next: List, first: Page): Promise<string[]> => {
    const seen = [...first.slugs];
    let page = first;
    while (page.hasNextPage) {
      page = await next(page.endCursor);
      seen.push(...page.slugs);
    }
    return seen;
  };

  it.each([
    ['stories', list(`query($after: String) { stories(first: 3, after: $after) { ${CONNECTION} } }`, ['stories'])],
    [
      'Company.stories',
      list(`query($after: String) { company(slug: "amazon") { stories(first: 3, after: $after) { ${CONNECTION} } } }`, [
        'company',
        'stories',
      ]),
    ],
    [
      'Practice.stories',
      list(
        `query($after: String) { practice(slug: "${practice}") { stories(first: 3, after: $after) { ${CONNECTION} } } }`,
        ['practice', 'stories'],
      ),
    ],
  ])('%s continues after the cursor whose story is gone: no repeats, no survivor skipped', async (_name, next) => {
    const everything = await walk(next, await next(null));
    expect(everything.length).toBeGreaterThan(6);

    const first = await next(null);
    const cursorStory = first.slugs.at(-1)!;
    const unseen = everything[everything.indexOf(cursorStory) + 2];
    await h.store.importContent(without(cursorStory, unseen));
    const seen = await walk(next, first);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everything.filter((slug) => slug !== unseen));
  });
});
