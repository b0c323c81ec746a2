import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadContent } from '@devops-stories/story-content';
import { defineSchemaModule, type StoryContext, storyModule, toGlobalId } from '@devops-stories/story-graph';
import { glossaryModule } from '@devops-stories/schema-glossary';
import { Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';
import { documentHash } from '../trusted-documents/manifests.js';
import type { RequestInfo } from '../request-info/request-info.js';

const webManifest = JSON.parse(
  readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const webDocument = (name: string) => Object.values(webManifest).find((d) => new RegExp(`query ${name}\\b`).test(d))!;
const STORY_LIST = webDocument('StoryList');
const STORY = webDocument('Story');
const FACETS = webDocument('Facets');
const ATTRIBUTION = webDocument('Attribution');
const STORY_TERMS = Object.values(
  JSON.parse(
    readFileSync(new URL('../../../web/src/glossary/gql/persisted-documents.json', import.meta.url), 'utf8'),
  ) as Record<string, string>,
)[0];
const content = loadContent();

type Headers = Record<string, string>;

/** What the response cache did for one request: a hit, a miss (executed), or neither. */
async function cacheOutcome(server: ApiServer, request: Promise<unknown>): Promise<'hit' | 'miss' | 'bypass'> {
  const before = server.responseCache.stats();
  await request;
  const after = server.responseCache.stats();
  return after.hits > before.hits ? 'hit' : after.misses > before.misses ? 'miss' : 'bypass';
}

/** A trusted GET by `documentId`, as a persisted-documents client sends it. */
function trustedGet(server: ApiServer, text: string, variables?: object, headers: Headers = {}) {
  const search = new URLSearchParams({ documentId: `sha256:${documentHash(text)}` });
  if (variables) search.set('variables', JSON.stringify(variables));
  return server.app.inject({ method: 'GET', url: `/graphql?${search}`, headers });
}

function post(server: ApiServer, body: object, headers: Headers = {}) {
  return server.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
  });
}

describe('trusted documents and the response cache', () => {
  let server: ApiServer;
  const statements: string[] = [];
  /** `request.requestInfo` of the last request, as the request log line and metrics read it. */
  let last: RequestInfo | null = null;
  beforeAll(async () => {
    server = await createTestServer({}, { onStatement: (sql) => statements.push(sql) });
    server.app.addHook('onResponse', async (request) => {
      last = request.requestInfo;
    });
  });
  afterAll(() => server.close());

  it("trusts every consumer's manifests and the documents schema modules ship", () => {
    const sources = server.trustedDocuments.report.sources.map((s) => s.source);
    expect(sources).toEqual(
      expect.arrayContaining([
        'apps/portal/src/gql/persisted-documents.json',
        'apps/web/src/glossary/gql/persisted-documents.json',
        'apps/web/src/gql/persisted-documents.json',
        'schema module "glossary"',
      ]),
    );
    expect(server.trustedDocuments.report.skipped).toEqual([]);
    expect(server.trustedDocuments.byId(documentHash(STORY_LIST))?.operations[0].compiled).toBeDefined();
  });

  it('answers a trusted GET of StoryList {first: 20} with data, then 304 for its ETag; the response names its tags', async () => {
    const first = await trustedGet(server, STORY_LIST, { first: 20 });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.data.stories.nodes).toHaveLength(6);
    expect(body.extensions.cost).toEqual({ requested: 101, limit: 1000 });
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const tags = String(first.headers['cache-tag']).split(' ');
    expect(tags).toEqual(
      expect.arrayContaining(['stories', toGlobalId('Story', 'amazon'), toGlobalId('Company', 'amazon')]),
    );
    expect(first.headers['surrogate-key']).toBe(first.headers['cache-tag']);
    expect(String(first.headers.vary)).toMatch(/Accept-Encoding/);

    statements.length = 0;
    const again = await trustedGet(server, STORY_LIST, { first: 20 }, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(statements).toEqual([]);
    expect(last).toEqual({
      documentId: `sha256:${documentHash(STORY_LIST)}`,
      operationName: 'StoryList',
      cache: 'hit',
      cost: 101,
      errorCodes: [],
    });
  });

  it('serves a hit from the stored bytes without GraphQL execution, whatever the order of the variables', async () => {
    await trustedGet(server, STORY_LIST, { first: 3, filter: { practice: 'rollback' } });
    const before = server.responseCache.stats();
    statements.length = 0;
    const hit = await trustedGet(server, STORY_LIST, { filter: { practice: 'rollback' }, first: 3 });
    expect(hit.statusCode).toBe(200);
    expect(statements).toEqual([]);
    expect(server.responseCache.stats().hits).toBe(before.hits + 1);
    expect(hit.json().data.stories.nodes.map((n: { slug: string }) => n.slug)).toEqual(['netflix']);
  });

  it('stores br and gzip once per entry, each with its own ETag', async () => {
    const plain = await trustedGet(server, STORY, { slug: 'etsy' });
    const br = await trustedGet(server, STORY, { slug: 'etsy' }, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await trustedGet(server, STORY, { slug: 'etsy' }, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength / 2);
    expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
    const revalidated = await trustedGet(
      server,
      STORY,
      { slug: 'etsy' },
      {
        'accept-encoding': 'br',
        'if-none-match': String(br.headers.etag),
      },
    );
    expect(revalidated.statusCode).toBe(304);
  });

  it('keeps CORS headers on hits and 304s', async () => {
    const origin = { origin: 'https://learn.example.org' };
    const hit = await trustedGet(server, STORY_LIST, { first: 20 }, origin);
    expect(last?.cache).toBe('hit');
    expect(hit.headers['access-control-allow-origin']).toBe('*');
    expect(String(hit.headers['access-control-expose-headers'])).toContain('etag');
    const notModified = await trustedGet(
      server,
      STORY_LIST,
      { first: 20 },
      { ...origin, 'if-none-match': String(hit.headers.etag) },
    );
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['access-control-allow-origin']).toBe('*');
  });

  it("accepts documentId in a POST body, Apollo's persistedQuery hash, and a trusted document's exact text", async () => {
    const variables = { slug: 'target' };
    const seen: (RequestInfo | null)[] = [];
    const byId = await post(server, { documentId: `sha256:${documentHash(STORY)}`, variables });
    seen.push(last);
    const byApq = await post(server, {
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(STORY) } },
    });
    seen.push(last);
    const byText = await post(server, { query: STORY, variables });
    seen.push(last);
    for (const [answer, fields] of [byId, byApq, byText].map((a, i) => [a, seen[i]] as const)) {
      expect(fields).toMatchObject({ documentId: `sha256:${documentHash(STORY)}`, operationName: 'Story' });
      expect(answer.statusCode).toBe(200);

      expect(answer.json().data.story.slug).toBe('target');
    }
  });

  it('answers an unknown id with PERSISTED_DOCUMENT_NOT_FOUND', async () => {
    for (const documentId of [`sha256:${'0'.repeat(64)}`, 'sha256:short', 'md5:x']) {
      const answer = await post(server, { documentId });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    }
  });

  it('never stores nor serves from cache a request with an Authorization header', async () => {
    await trustedGet(server, STORY_LIST, { first: 20 });
    expect(last?.cache).toBe('hit');
    const entries = server.responseCache.stats().entries;
    statements.length = 0;
    const withCredentials = await trustedGet(server, STORY_LIST, { first: 20 }, { authorization: 'Bearer x' });
    expect(withCredentials.statusCode).toBe(200);
    expect(last?.cache).toBe('bypass');
    expect(statements.length).toBeGreaterThan(0);
    expect(withCredentials.headers['cache-control']).toBe('private, no-store');
    expect(withCredentials.headers.etag).toBeUndefined();
    await trustedGet(server, STORY_LIST, { first: 7 }, { authorization: 'Bearer x' });
    expect(server.responseCache.stats().entries).toBe(entries);
    expect(await cacheOutcome(server, trustedGet(server, STORY_LIST, { first: 7 }))).toBe('miss');
  });

  it('does not store erroneous answers: they are no-store', async () => {
    const bad = await trustedGet(server, STORY_LIST, { first: 2, after: 'forged' });
    expect(bad.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.headers['cache-control']).toBe('no-store');
    expect(await cacheOutcome(server, trustedGet(server, STORY_LIST, { first: 2, after: 'forged' }))).toBe('miss');
    const costly = await trustedGet(server, STORY_LIST, { first: 500 });
    expect(costly.statusCode).toBe(400);
    expect(costly.json().errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', measured: 2501, limit: 1000 });
    expect(costly.headers['cache-control']).toBe('no-store');
  });

  it('sends ad hoc GETs to Apollo, which keeps its CSRF rule, and marks them no-store', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ days { number } }')}`;
    const simple = await server.app.inject({ method: 'GET', url });
    expect(simple.statusCode).toBe(400);
    expect(simple.body).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await server.app.inject({
      method: 'GET',
      url,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.json().data.days).toHaveLength(6);
    expect(preflighted.headers['cache-control']).toBe('no-store');
    expect(last?.documentId).toBeUndefined();
    expect(last?.cache).toBe('bypass');
  });

  it('purges exactly what a content change touches: the edited story and the lists, not other stories', async () => {
    await trustedGet(server, STORY, { slug: 'amazon' });
    await trustedGet(server, STORY_LIST, { first: 20 });
    await trustedGet(server, STORY_TERMS, { slug: 'netflix' });
    await trustedGet(server, FACETS);
    expect(await cacheOutcome(server, trustedGet(server, STORY, { slug: 'amazon' }))).toBe('hit');

    await server.store.importContent({
      ...content,
      stories: content.stories.map((s) => (s.slug === 'amazon' ? { ...s, title: 'Amazon, retold' } : s)),
    });
    // Tagged with Amazon's story: gone, and the next read shows the edit.
    const amazon = await trustedGet(server, STORY, { slug: 'amazon' });
    expect(last?.cache).toBe('miss');
    expect(amazon.json().data.story.title).toBe('Amazon, retold');
    // Tagged with the stories list, whose page shows the story: gone too.
    const list = await trustedGet(server, STORY_LIST, { first: 20 });
    expect(last?.cache).toBe('miss');
    expect(list.json().data.stories.nodes.map((n: { title: string }) => n.title)).toContain('Amazon, retold');
    // Another story's entry, and the facets (companies and practices), stay.
    expect(await cacheOutcome(server, trustedGet(server, STORY_TERMS, { slug: 'netflix' }))).toBe('hit');
    expect(await cacheOutcome(server, trustedGet(server, FACETS))).toBe('hit');
    await server.store.importContent(content);
  });

  it('tags the credit with `series`: a changed credit is purged and served anew, other answers stay', async () => {
    const first = await trustedGet(server, ATTRIBUTION);
    expect(first.json().data.attribution).toEqual({
      name: content.series.name,
      author: content.series.author,
      licence: content.series.licence,
      licenceUrl: content.series.licenceUrl,
      url: content.series.url,
    });
    expect(String(first.headers['cache-tag']).split(' ')).toEqual(['series']);
    await trustedGet(server, FACETS);
    expect(await cacheOutcome(server, trustedGet(server, ATTRIBUTION))).toBe('hit');

    await server.store.importContent({ ...content, series: { ...content.series, author: 'Michael Cade and friends' } });
    const changed = await trustedGet(server, ATTRIBUTION);
    expect(last?.cache).toBe('miss');
    expect(changed.json().data.attribution.author).toBe('Michael Cade and friends');
    expect(await cacheOutcome(server, trustedGet(server, FACETS))).toBe('hit');
    await server.store.importContent(content);
  });
});

describe('TRUSTED_DOCUMENTS=require', () => {
  it('refuses an ad hoc query with PERSISTED_DOCUMENT_REQUIRED and runs a manifest document', async () => {
    const server = await createTestServer({ TRUSTED_DOCUMENTS: 'require' });
    try {
      const adHoc = await post(server, { query: '{ days { number } }' });
      expect(adHoc.statusCode).toBe(400);
      expect(adHoc.json().errors[0]).toMatchObject({ extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED' } });
      const trusted = await trustedGet(server, STORY_LIST, { first: 20 });
      expect(trusted.statusCode).toBe(200);
      expect(trusted.json().data.stories.totalCount).toBe(6);
      const byText = await post(server, { query: STORY_LIST, variables: { first: 2 } });
      expect(byText.json().data.stories.nodes).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("trusts the share form's submission and the glossary's documents", async () => {
    const server = await createTestServer({ TRUSTED_DOCUMENTS: 'require' });
    try {
      const sources = server.trustedDocuments.report.sources.map((s) => s.source);
      expect(sources).toContain('apps/web/src/submit/gql/persisted-documents.json');
      const share = Object.values(
        JSON.parse(
          readFileSync(new URL('../../../web/src/submit/gql/persisted-documents.json', import.meta.url), 'utf8'),
        ) as Record<string, string>,
      ).find((d) => /mutation SubmitStory\b/.test(d))!;
      const submitted = await post(server, {
        query: share,
        variables: {
          input: {
            company: 'Initech',
            title: 'Trusted share form',
            whatChanged: 'Deploys went daily.',
            outcome: 'Fewer incidents.',
            links: ['https://example.org/initech'],
          },
        },
      });
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json().data.submitStory.userErrors).toEqual([]);
      expect(submitted.headers['cache-control']).toBe('private, no-store');
      const terms = await trustedGet(server, STORY_TERMS, { slug: 'amazon' });
      expect(terms.statusCode).toBe(200);
      expect(terms.json().errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('lets a request with a live API token send ad hoc documents (the authoring tools), and no other', async () => {
    const server = await createTestServer({ TRUSTED_DOCUMENTS: 'require' });
    try {
      const tokens = await roleTokens(server.store);
      const adHoc = { query: '{ days { number } }' };
      for (const token of [tokens.editor, tokens.moderator, tokens.admin]) {
        const answer = await post(server, adHoc, { authorization: `Bearer ${token}` });
        expect(answer.statusCode).toBe(200);
        expect(answer.json().data.days).toHaveLength(6);
        expect(answer.headers['cache-control']).toBe('private, no-store');
      }
      for (const authorization of [`Bearer ${tokens.revoked}`, 'Bearer not-a-token', 'Basic abc']) {
        const refused = await post(server, adHoc, { authorization });
        expect(refused.statusCode, authorization).toBe(400);
        expect(refused.json().errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
        expect(refused.json().errors[0].message).toMatch(/live API token/);
      }
    } finally {
      await server.close();
    }
  });
});

let touched = 0;
@ObjectType()
class Preview {
  @Field(() => String)
  title!: string;
}
@Resolver()
class ReadPathTestResolver {
  @Mutation(() => Int)
  touch(): number {
    return ++touched;
  }

  @Query(() => Preview)
  preview(@Ctx() ctx: StoryContext): Preview {
    ctx.cacheScope.markPrivate();
    return { title: 'draft' };
  }
}
const testModule = defineSchemaModule({ name: 'read-path-test', resolvers: [ReadPathTestResolver], types: [Preview] });

describe('documents from TRUSTED_DOCUMENTS_DIR', () => {
  let server: ApiServer;
  let folder: string;
  const TOUCH = 'mutation Touch { touch }';
  const PREVIEW = 'query Preview { preview { title } }';
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'trusted-'));
    writeFileSync(
      join(folder, 'admin.json'),
      JSON.stringify({ [documentHash(TOUCH)]: TOUCH, [`sha256:${documentHash(PREVIEW)}`]: PREVIEW }),
    );
    server = await createTestServer(
      { TRUSTED_DOCUMENTS_DIR: folder },
      { modules: [storyModule, glossaryModule, testModule] },
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('never runs a mutation on GET: 405, and the resolver is not called', async () => {
    touched = 0;
    const get = await trustedGet(server, TOUCH);
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const adHoc = await server.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(TOUCH)}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(adHoc.statusCode).toBe(405);
    expect(touched).toBe(0);
    const viaPost = await post(server, { documentId: `sha256:${documentHash(TOUCH)}` });
    expect(viaPost.json().data).toEqual({ touch: 1 });
  });

  it('answers a response a resolver marked private with private, no-store, and does not store it', async () => {
    const first = await trustedGet(server, PREVIEW);
    expect(first.json().data.preview.title).toBe('draft');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.headers.etag).toBeUndefined();
    expect(await cacheOutcome(server, trustedGet(server, PREVIEW))).toBe('miss');
  });
});

describe('the response cache under 10,000 distinct variable sets', () => {
  it('stays within its byte budget, evicting the least recently used', async () => {
    const server = await createTestServer({ RESPONSE_CACHE_MB: '0.25', RATE_LIMIT_POINTS: '0' });
    try {
      const budget = server.responseCache.stats().maxBytes;
      let most = 0;
      for (let i = 0; i < 10_000; i++) {
        const answer = await trustedGet(server, STORY, { slug: `no-such-story-${i}` });
        expect(answer.statusCode).toBe(200);
        most = Math.max(most, server.responseCache.stats().bytes);
      }
      const stats = server.responseCache.stats();
      expect(most).toBeLessThanOrEqual(budget);
      expect(stats.misses).toBe(10_000);
      expect(stats.evictions).toBeGreaterThan(5_000);
      expect(stats.entries + stats.evictions).toBe(10_000);
      // The most recent entry is still there; the first is long gone.
      expect(await cacheOutcome(server, trustedGet(server, STORY, { slug: 'no-such-story-9999' }))).toBe('hit');
      expect(await cacheOutcome(server, trustedGet(server, STORY, { slug: 'no-such-story-0' }))).toBe('miss');
    } finally {
      await server.close();
    }
  });
});
