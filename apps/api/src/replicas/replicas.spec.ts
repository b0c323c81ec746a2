import { readFileSync } from 'node:fs';
import { launchApi, type LaunchedApi } from '@devops-stories/api-launcher';
import { loadContent } from '@devops-stories/story-content';
import { openPostgresStore } from '@devops-stories/story-store';
import { type TestDatabase, testDatabase } from '@devops-stories/test-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHash } from '../trusted-documents/manifests.js';

const content = loadContent();

const CREATE = `mutation($input: CreateStoryInput!) {
  createStory(input: $input) { story { id slug version } userErrors { code message } }
}`;
const SUBMIT = `mutation($input: SubmitStoryInput!) {
  submitStory(input: $input) { receipt status userErrors { code message } }
}`;
const PUBLISH = `mutation($input: PublishStoryInput!) {
  publishStory(input: $input) { story { version status } userErrors { code message } }
}`;
const UPDATE = `mutation($input: UpdateStoryInput!) {
  updateStory(input: $input) { story { version title } userErrors { code message } }
}`;

function storyInput(slug: string) {
  return {
    slug,
    title: `Replicated ${slug}`,
    headline: 'Written on one replica, read on another.',
    company: 'etsy',
    year: 2012,
    day: 6,
    summary: `Summary of ${slug}.`,
    practices: ['rollback'],
    sources: [{ id: 'one', title: 'One', url: `https://example.org/${slug}`, kind: 'BLOG', year: 2012 }],
    metrics: [{ label: 'Deploys a day', value: 3, unit: 'deploys', year: 2012, source: 'one' }],
    body: `The body of ${slug}.`,
  };
}

const webManifest = JSON.parse(
  readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
/** The web client's `Story` document, which replicas serve from their response cache. */
const STORY = Object.values(webManifest).find((d) => /query Story\b/.test(d))!;

/** A trusted GET of the web client's `Story` document, as the element sends it. */
async function storyAsTheElementReadsIt(api: LaunchedApi, slug: string): Promise<{ title: string }> {
  const search = new URLSearchParams({
    documentId: `sha256:${documentHash(STORY)}`,
    variables: JSON.stringify({ slug }),
  });
  const response = await fetch(`${api.base}/graphql?${search}`);
  const body = (await response.json()) as { data: { story: { title: string } } };
  return body.data.story;
}

/** A counter of a replica's `/metrics` (`response_cache_hits_total`, ...). */
async function counter(api: LaunchedApi, name: string): Promise<number> {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ')[1]);
}

/** POSTs one operation to a replica. */
async function gql(api: LaunchedApi, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}`, 'x-preview': 'true' } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** The `content imported` log line's figures of a replica. */
function imported(api: LaunchedApi): { stories: { inserted: number; unchanged: number } } {
  const line = api
    .output()
    .split('\n')
    .find((l) => l.includes('"content imported"'));
  if (!line) throw new Error(`no import was logged:\n${api.output()}`);
  return (JSON.parse(line) as { imported: { stories: { inserted: number; unchanged: number } } }).imported;
}

/**
 * Two built api processes on one PostgreSQL database, as replicas behind a load balancer run:
 * they start together, see each other's writes on their next request, and lose nothing
 * acknowledged when one dies mid-write.
 */
describe('two api replicas on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: LaunchedApi;
  let b: LaunchedApi;
  let token: string;

  beforeAll(async () => {
    database = await testDatabase('replicas');
    const env = { DATABASE_URL: database.url, RATE_LIMIT_POINTS: '0', SUBMISSIONS_PER_HOUR: '3', LOG_LEVEL: 'info' };
    // Both start at once on an empty database: both migrate and import, under the advisory locks.
    [a, b] = await Promise.all([launchApi({ env }), launchApi({ env })]);
    const store = await openPostgresStore({ url: database.url, poolSize: 1 });
    try {
      const created = await store.createToken('writer', 'editor', 'test');
      if (!created.ok) throw new Error(created.problem.message);
      token = created.record.token;
    } finally {
      await store.close();
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop('SIGTERM'), b?.stop('SIGTERM')]);
    await database?.drop();
  });

  it('imports the content once when both start together, and both report PostgreSQL', async () => {
    const counts = [imported(a), imported(b)].map((r) => r.stories.inserted).sort((x, y) => x - y);
    expect(counts).toEqual([0, content.stories.length]);
    for (const api of [a, b]) {
      const health = (await (await fetch(`${api.base}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({
        status: 'ok',
        backend: 'postgres',
        checks: { database: { status: 'ok' }, notifications: { status: 'ok' } },
      });
    }
    const { body } = await gql(b, '{ stories(first: 50) { totalCount } }');
    expect(body.data.stories.totalCount).toBe(content.stories.filter((s) => s.status === 'published').length);
  });

  it('serves a story published and edited on A from B on its next request', async () => {
    const slug = 'acme-replicated';
    const created = await gql(a, CREATE, { input: storyInput(slug) }, token);
    const { id } = created.body.data.createStory.story;
    const published = await gql(a, PUBLISH, { input: { id, expectedVersion: 1 } }, token);
    expect(published.body.data.publishStory.story).toEqual({ version: 2, status: 'PUBLISHED' });
    const read = `{ story(slug: "${slug}") { title version } }`;
    expect((await gql(b, read)).body.data.story).toEqual({ title: `Replicated ${slug}`, version: 2 });

    const edited = await gql(a, UPDATE, { input: { id, expectedVersion: 2, title: 'Edited on A' } }, token);
    expect(edited.body.data.updateStory.story).toEqual({ version: 3, title: 'Edited on A' });
    expect((await gql(b, read)).body.data.story).toEqual({ title: 'Edited on A', version: 3 });
    const search = await gql(b, '{ search(query: "replicated edited") { node { ... on Story { slug } } } }');
    expect(search.body.data.search).toEqual([{ node: { slug } }]);
  });

  it("serves A's edit from B within a second though B had the story in its response cache", async () => {
    const slug = 'acme-replicated';
    const current = (await gql(a, `{ story(slug: "${slug}") { id version } }`)).body.data.story as {
      id: string;
      version: number;
    };
    expect((await storyAsTheElementReadsIt(b, slug)).title).toBe('Edited on A');
    const hits = await counter(b, 'response_cache_hits_total');
    expect((await storyAsTheElementReadsIt(b, slug)).title).toBe('Edited on A');
    expect(await counter(b, 'response_cache_hits_total')).toBe(hits + 1);
    const purged = await counter(b, 'response_cache_purged_total');

    const edited = await gql(
      a,
      UPDATE,
      { input: { id: current.id, expectedVersion: current.version, title: 'Edited again on A' } },
      token,
    );
    expect(edited.body.data.updateStory.story.title).toBe('Edited again on A');
    const committed = Date.now();
    let seen = (await storyAsTheElementReadsIt(b, slug)).title;
    while (seen !== 'Edited again on A' && Date.now() - committed < 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = (await storyAsTheElementReadsIt(b, slug)).title;
    }
    const servedAfterMs = Date.now() - committed;
    expect(seen).toBe('Edited again on A');
    expect(servedAfterMs).toBeLessThan(1_000);
    console.log(`replica B served A's edit ${servedAfterMs} ms after A acknowledged it (B had it cached)`);
    expect(await counter(b, 'response_cache_purged_total')).toBeGreaterThan(purged);
  });

  it('counts submissions from one address across both replicas: the fourth in the hour is 429 on either', async () => {
    const submit = (api: LaunchedApi, title: string) =>
      gql(api, SUBMIT, {
        input: {
          company: 'Initech',
          title,
          whatChanged: 'Quarterly releases became daily deploys.',
          outcome: 'Outages fell by half.',
          links: ['https://initech.example/blog'],
        },
      });
    const answers = [await submit(a, 'one'), await submit(b, 'two'), await submit(a, 'three')];
    for (const answer of answers) expect(answer.body.data.submitStory).toMatchObject({ status: 'PENDING' });
    expect((await submit(b, 'four')).status).toBe(429);
    expect((await submit(a, 'five')).status).toBe(429);
  });

  it('loses no acknowledged write when A is killed (SIGKILL) mid-stream: B serves every one, whole', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const sender = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const slug = `killed-${n}-${i}`;
        try {
          const { body } = await gql(a, CREATE, { input: storyInput(slug) }, token);
          if (body.data?.createStory.story?.slug !== slug) throw new Error(`refused: ${JSON.stringify(body)}`);
          acknowledged.push(slug);
        } catch (error) {
          if (!stop) throw error;
          return; // the connection died with the server: not acknowledged
        }
      }
    };
    const senders = Array.from({ length: 6 }, (_, n) => sender(n));
    // Killed mid-stream: once writes are being acknowledged (however loaded the machine), a moment later.
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 200)));
    stop = true;
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    await Promise.allSettled(senders);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const slug of acknowledged) {
      const { body } = await gql(
        b,
        `{ story(slug: "${slug}") { slug status practices { slug } sources { url } metrics { label } } }`,
        {},
        token,
      );
      expect(body.data.story, slug).toEqual({
        slug,
        status: 'DRAFT',
        practices: [{ slug: 'rollback' }],
        sources: [{ url: `https://example.org/${slug}` }],
        metrics: [{ label: 'Deploys a day' }],
      });
    }
  });
});
