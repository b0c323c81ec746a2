import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { type GqlAnswer, gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';
import { documentHash } from '../trusted-documents/manifests.js';

const webManifest = JSON.parse(
  readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const webDocument = (name: string) => Object.values(webManifest).find((d) => new RegExp(`query ${name}\\b`).test(d))!;
const STORY = webDocument('Story');
const STORY_LIST = webDocument('StoryList');

const SLUG = 'etsy-cache-draft';
const DRAFT_TITLE = 'Etsy: a draft only editors see';
const draft = {
  slug: SLUG,
  title: DRAFT_TITLE,
  headline: 'Written over the API, not yet published.',
  company: 'etsy',
  year: 2024,
  summary: 'A summary.',
  practices: ['continuous-deployment'],
  sources: [{ id: 'src', title: 'Source', url: 'https://example.org/a', kind: 'ARTICLE', year: 2024 }],
  body: 'Words of the draft.',
};

type Who = { token?: string; preview?: boolean };

describe('the response cache beside authoring: private answers, and purges on every write', () => {
  let server: ApiServer;
  let tokens: RoleTokens;
  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    tokens = await roleTokens(server.store);
  });
  afterAll(() => server.close());

  /** A trusted GET of a web client document by id, as the element sends it, as `who`. */
  function get(text: string, variables: object, who: Who = {}, headers: Record<string, string> = {}) {
    const search = new URLSearchParams({
      documentId: `sha256:${documentHash(text)}`,
      variables: JSON.stringify(variables),
    });
    return server.app.inject({
      method: 'GET',
      url: `/graphql?${search}`,
      headers: {
        ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
        ...(who.preview ? { 'x-preview': 'true' } : {}),
        ...headers,
      },
    });
  }

  /** The answer and what the response cache did for it: a hit, a miss (executed), or neither. */
  async function read(text: string, variables: object, who: Who = {}, headers: Record<string, string> = {}) {
    const before = server.responseCache.stats();
    const answer = await get(text, variables, who, headers);
    const after = server.responseCache.stats();
    const cache = after.hits > before.hits ? 'hit' : after.misses > before.misses ? 'miss' : 'bypass';
    return { answer, cache, stored: after.entries - before.entries };
  }

  const story = () => read(STORY, { slug: SLUG });
  const list = () => read(STORY_LIST, { first: 50, filter: { company: 'etsy' } });
  const listed = (answer: { json(): any }) => answer.json().data.stories.nodes.map((n: { slug: string }) => n.slug);

  /** Reads the story and the list anonymously until both are cached (the second read of each a hit). */
  async function warm() {
    await story();
    await list();
    expect((await story()).cache).toBe('hit');
    expect((await list()).cache).toBe('hit');
  }

  async function write(mutation: string, input: object, token = tokens.editor): Promise<GqlAnswer> {
    const answer = await gql(server, mutation, { input }, { token });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('private, no-store');
    return answer;
  }

  const versionOf = async () =>
    (await gql(server, `{ story(slug: "${SLUG}") { id version } }`, {}, { token: tokens.editor, preview: true })).body
      .data.story as { id: string; version: number };

  it('never stores a draft an editor previews, nor serves it, or its ETag, to anyone else', async () => {
    const created = await write(
      'mutation($input: CreateStoryInput!) { createStory(input: $input) { story { slug status } userErrors { message } } }',
      draft,
    );
    expect(created.body.data.createStory).toEqual({ story: { slug: SLUG, status: 'DRAFT' }, userErrors: [] });

    // Anonymous: no such story, an answer that is public and cached.
    const anonymous = await story();
    expect(anonymous.cache).toBe('miss');
    expect(anonymous.answer.json().data.story).toBeNull();
    expect(anonymous.answer.headers['cache-control']).toMatch(/^public, /);
    const etag = String(anonymous.answer.headers.etag);
    expect((await story()).cache).toBe('hit');

    // The editor's preview of the same document and variables: the draft, private, past the cache.
    const entries = server.responseCache.stats().entries;
    for (const headers of [{}, { 'if-none-match': etag }] as Record<string, string>[]) {
      const preview = await read(STORY, { slug: SLUG }, { token: tokens.editor, preview: true }, headers);
      expect(preview.answer.statusCode).toBe(200);
      expect(preview.answer.json().data.story.title).toBe(DRAFT_TITLE);
      expect(preview.answer.headers['cache-control']).toBe('private, no-store');
      expect(preview.answer.headers.etag).toBeUndefined();
      expect(preview.answer.headers['cache-tag']).toBeUndefined();
      expect(preview.cache).toBe('bypass');
    }
    // A token without preview reads the published view, privately too.
    const withToken = await read(STORY, { slug: SLUG }, { token: tokens.editor });
    expect(withToken.answer.json().data.story).toBeNull();
    expect(withToken.answer.headers['cache-control']).toBe('private, no-store');
    expect(withToken.cache).toBe('bypass');
    // A preview without a token is refused, privately.
    const noToken = await read(STORY, { slug: SLUG }, { preview: true });
    expect(noToken.answer.statusCode).toBe(401);
    expect(noToken.answer.headers['cache-control']).toBe('private, no-store');
    expect(server.responseCache.stats().entries).toBe(entries);

    // Anonymous again: the public answer, still from the cache, with no trace of the draft.
    const again = await story();
    expect(again.cache).toBe('hit');
    expect(again.answer.body).not.toContain(DRAFT_TITLE);
    expect(again.answer.headers.etag).toBe(etag);
    const cards = await list();
    expect(listed(cards.answer)).not.toContain(SLUG);
    expect(cards.answer.body).not.toContain(DRAFT_TITLE);
  });

  it('purges the cached story and lists on publish, edit, unpublish and delete, each through a mutation', async () => {
    const steps: [string, () => Promise<unknown>, (story: any, slugs: string[]) => void][] = [
      [
        'publish',
        async () =>
          write('mutation($input: PublishStoryInput!) { publishStory(input: $input) { userErrors { message } } }', {
            id: (await versionOf()).id,
            expectedVersion: (await versionOf()).version,
          }),
        (s, slugs) => {
          expect(s.title).toBe(DRAFT_TITLE);
          expect(slugs).toContain(SLUG);
        },
      ],
      [
        'edit',
        async () =>
          write('mutation($input: UpdateStoryInput!) { updateStory(input: $input) { userErrors { message } } }', {
            id: (await versionOf()).id,
            expectedVersion: (await versionOf()).version,
            title: 'Etsy: edited after publishing',
          }),
        (s, slugs) => {
          expect(s.title).toBe('Etsy: edited after publishing');
          expect(slugs).toContain(SLUG);
        },
      ],
      [
        'unpublish',
        async () =>
          write('mutation($input: UnpublishStoryInput!) { unpublishStory(input: $input) { userErrors { message } } }', {
            id: (await versionOf()).id,
            expectedVersion: (await versionOf()).version,
          }),
        (s, slugs) => {
          expect(s).toBeNull();
          expect(slugs).not.toContain(SLUG);
        },
      ],
      [
        'publish again',
        async () =>
          write('mutation($input: PublishStoryInput!) { publishStory(input: $input) { userErrors { message } } }', {
            id: (await versionOf()).id,
            expectedVersion: (await versionOf()).version,
          }),
        (s) => expect(s.title).toBe('Etsy: edited after publishing'),
      ],
      [
        'delete',
        async () =>
          write('mutation($input: DeleteStoryInput!) { deleteStory(input: $input) { userErrors { message } } }', {
            id: (await versionOf()).id,
            expectedVersion: (await versionOf()).version,
          }),
        (s, slugs) => {
          expect(s).toBeNull();
          expect(slugs).not.toContain(SLUG);
        },
      ],
    ];
    for (const [name, change, check] of steps) {
      await warm();
      const purged = server.responseCache.stats().purged;
      await change();
      expect(server.responseCache.stats().purged - purged, name).toBeGreaterThanOrEqual(2);
      const [afterStory, afterList] = [await story(), await list()];
      expect([afterStory.cache, afterList.cache], name).toEqual(['miss', 'miss']);
      check(afterStory.answer.json().data.story, listed(afterList.answer));
    }
  });

  it('purges the cached answers about a story when a moderator approves a submission into it', async () => {
    const submitted = await gql(
      server,
      'mutation($input: SubmitStoryInput!) { submitStory(input: $input) { status userErrors { message } } }',
      {
        input: {
          company: 'Initech',
          title: 'Cache test',
          whatChanged: 'Deploys went from monthly to daily.',
          outcome: 'Fewer incidents.',
          links: ['https://example.org/initech'],
        },
      },
      { ip: '203.0.113.8' },
    );
    expect(submitted.body.data.submitStory).toEqual({ status: 'PENDING', userErrors: [] });
    expect(submitted.headers['cache-control']).toBe('private, no-store');
    const slug = 'initech-cache-test';
    // Readers asked for the story before it existed: a cached null.
    await read(STORY, { slug });
    expect((await read(STORY, { slug })).cache).toBe('hit');
    const [pending] = (await server.store.listSubmissions('pending', { afterId: null, limit: 10 })).rows;
    const purged = server.responseCache.stats().purged;
    const approved = await write(
      'mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { story { slug status } userErrors { message } } }',
      { id: String(pending.id) },
      tokens.moderator,
    );
    expect(approved.body.data.approveSubmission.story).toEqual({ slug, status: 'DRAFT' });
    expect(server.responseCache.stats().purged).toBeGreaterThan(purged);
    const after = await read(STORY, { slug });
    expect(after.cache).toBe('miss');
    // Still a draft: anonymous readers see nothing of it.
    expect(after.answer.json().data.story).toBeNull();
  });
});
