import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSchemaModule, storyModule } from '@devops-stories/story-graph';
import { glossaryModule } from '@devops-stories/schema-glossary';
import { Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { createTestServer } from '../test/test-server.js';
import { documentHash } from '../trusted-documents/manifests.js';

const manifest = JSON.parse(
  readFileSync(new URL('../../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const web = (name: string) => Object.values(manifest).find((d) => new RegExp(`query ${name}\\b`).test(d))!;

@ObjectType()
class Lag {
  @Field(() => Int)
  level!: number;
}
@Resolver(() => Lag)
class LagResolver {
  @Query(() => Lag)
  lag(): Lag {
    return { level: 0 };
  }

  @FieldResolver(() => Lag)
  async next(@Root() lag: Lag): Promise<Lag> {
    await new Promise((resolve) => setTimeout(resolve, 80));
    return { level: lag.level + 1 };
  }
}
const lagModule = defineSchemaModule({ name: 'lag', resolvers: [LagResolver], types: [Lag] });
const LAG = 'query Lag { lag { next { next { next { next { next { level } } } } } } }';

/**
 * The lean path (graphql-jit, no Apollo) and Apollo must answer a trusted document alike: the
 * same status and the same bytes, errors included. Apollo runs it when the text is not trusted
 * (one more space at the end makes it ad hoc).
 */
describe('the lean path answers as Apollo does', () => {
  let server: ApiServer;
  /** The same, with a deadline of 100 ms: only the deadline test uses it, as a loaded machine can take that long for any query. */
  let hurried: ApiServer;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lean-'));
    writeFileSync(join(folder, 'lag.json'), JSON.stringify({ [documentHash(LAG)]: LAG }));
    const env = { TRUSTED_DOCUMENTS_DIR: folder, RATE_LIMIT_POINTS: '0' };
    const modules = { modules: [storyModule, glossaryModule, lagModule] };
    server = await createTestServer(env, modules);
    hurried = await createTestServer({ ...env, OPERATION_TIMEOUT_MS: '100' }, modules);
  });
  afterAll(async () => {
    await server?.close();
    await hurried?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const lean = (text: string, variables: object, accept?: string, on = server) =>
    on.app.inject({
      method: 'GET',
      url: `/graphql?${new URLSearchParams({ documentId: `sha256:${documentHash(text)}`, variables: JSON.stringify(variables) })}`,
      headers: accept ? { accept } : {},
    });
  const viaApollo = (text: string, variables: object, accept?: string, on = server) =>
    on.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
      payload: JSON.stringify({ query: `${text} `, variables }),
    });

  it.each([
    ['StoryList', { first: 20 }],
    ['StoryList', { first: 5, filter: { practice: 'rollback' } }],
    ['StoryList', { first: 2, after: 'forged' }],
    ['StoryList', { first: 3, filter: { yearFrom: 2015, yearTo: 2010 } }],
    ['Story', { slug: 'amazon' }],
    ['Story', { slug: 'nobody' }],
    ['Search', { query: 'deploy', first: 20 }],
    ['Search', { query: '  ?? ', first: 5 }],
    ['RecapPage', { day: 6 }],
    ['DayPage', { day: 5 }],
    ['Recaps', {}],
    ['Facets', {}],
  ])('%s %j', async (name, variables) => {
    const text = web(name);
    const [a, b] = [await lean(text, variables), await viaApollo(text, variables)];
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.body).toBe(b.body);
  });

  it('negotiates the media type as Apollo does', async () => {
    for (const accept of [
      'application/graphql-response+json, application/json',
      'application/json;q=0.9, application/graphql-response+json',
      '*/*',
    ]) {
      const [a, b] = [await lean(web('Facets'), {}, accept), await viaApollo(web('Facets'), {}, accept)];
      expect(a.headers['content-type'], accept).toBe(b.headers['content-type']);
    }
  });

  it('stops at the deadline with one OPERATION_TIMEOUT and 503, as Apollo does', async () => {
    const [a, b] = [await lean(LAG, {}, undefined, hurried), await viaApollo(LAG, {}, undefined, hurried)];
    expect(a.statusCode).toBe(503);
    expect(b.statusCode).toBe(503);
    expect(a.json().errors).toEqual(b.json().errors);
    expect(a.headers['cache-control']).toBe('no-store');
  });
});
