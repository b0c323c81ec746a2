import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

describe('mutations under the cost model', () => {
  let server: ApiServer;
  let tokens: RoleTokens;

  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '1000', MAX_QUERY_COST: '1000' });
    tokens = await roleTokens(server.store);
  });
  afterAll(() => server.close());

  it('prices a mutation at 10 plus its payload selection, and charges it to the client budget', async () => {
    const submit = `mutation($input: SubmitStoryInput!) { submitStory(input: $input) { receipt status userErrors { field code message } } }`;
    const input = { company: 'Acme', title: 'T', whatChanged: 'W', outcome: 'O', links: ['https://acme.example/'] };
    const first = await gql(server, submit, { input }, { ip: '192.0.2.10' });
    // 10 for the write, 1 for the userErrors object list's selection.
    expect(first.body.extensions.cost).toEqual({ requested: 11, limit: 1000 });
    expect(first.headers['ratelimit-remaining']).toBe(String(1000 - 11));
    const second = await gql(server, submit, { input: { ...input, title: 'T2' } }, { ip: '192.0.2.10' });
    expect(second.headers['ratelimit-remaining']).toBe(String(1000 - 22));

    const update = `mutation($input: UpdateStoryInput!) {
      updateStory(input: $input) { story { slug related(first: 20) { slug } } userErrors { message } }
    }`;
    const priced = await gql(
      server,
      update,
      { input: { id: 'U3Rvcnk6YW1hem9u', expectedVersion: 1 } },
      { token: tokens.editor },
    );
    // 10 + story (1 + related: 1 + 20 × 0, its stories select scalars only) + userErrors (1 + 10 × 0).
    expect(priced.body.extensions.cost.requested).toBe(10 + (1 + (1 + 20 * 0)) + 1);
  });

  it('refuses a mutation whose payload selection is over the limit before it runs, changing nothing', async () => {
    const before = await server.store.listAudit({ afterId: null, limit: 1 });
    const costly = `mutation($input: CreateCompanyInput!) {
      createCompany(input: $input) { company { stories(first: 100) { nodes { related(first: 20) { company { name } } } } } userErrors { message } }
    }`;
    const answer = await gql(
      server,
      costly,
      { input: { slug: 'costly', name: 'Costly', industry: 'x', description: 'x' } },
      { token: tokens.editor, ip: '192.0.2.11' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect((await server.store.companiesBySlugs(['costly']))[0]).toBeNull();
    expect((await server.store.listAudit({ afterId: null, limit: 1 })).totalCount).toBe(before.totalCount);
  });
});
