import { readFileSync } from 'node:fs';
import { toGlobalId } from '@devops-stories/story-graph';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { type Asker, fingerprint, gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

type Role = 'editor' | 'moderator' | 'admin';

interface Call {
  name: string;
  /** The weakest role allowed; admin is allowed everything. */
  role: Role;
  /** Who makes the successful call. */
  by?: Role;
  document: string;
  variables: () => Record<string, unknown>;
}

const payload = (field: string) => `{ ${field} { id version } userErrors { field code message } }`;
const mutation = (name: string, input: string, field: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) ${payload(field)} }`;
const ref = (
  type: 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap',
  key: string | number,
  expectedVersion: number,
) => ({
  input: { id: toGlobalId(type, key), expectedVersion },
});

const story = {
  slug: 'acme-canaries',
  title: 'Acme: canaries',
  headline: 'Acme rolls back in a minute.',
  company: 'acme',
  year: 2020,
  day: 7,
  summary: 'Acme ships canaries.',
  practices: ['chaos'],
  sources: [{ id: 'blog', title: 'Acme blog', url: 'https://acme.example/blog', kind: 'BLOG', year: 2021 }],
  metrics: [{ label: 'Rollback time', value: 1, unit: 'minutes', year: 2020, source: 'blog' }],
  body: 'Acme *ships* canaries.',
};
const submission = {
  company: 'Globex',
  title: 'Fridays',
  whatChanged: 'We automated.',
  outcome: 'Calm.',
  links: ['https://globex.example/post'],
};

/** Every protected mutation and query, in an order in which each succeeds once allowed. */
const calls: Call[] = [
  {
    name: 'createCompany',
    role: 'editor',
    document: mutation('createCompany', 'CreateCompanyInput', 'company'),
    variables: () => ({ input: { slug: 'acme', name: 'Acme', industry: 'Retail', description: 'Acme sells.' } }),
  },
  {
    name: 'updateCompany',
    role: 'editor',
    by: 'admin',
    document: mutation('updateCompany', 'UpdateCompanyInput', 'company'),
    variables: () => ({ input: { ...ref('Company', 'acme', 1).input, name: 'Acme Corp' } }),
  },
  {
    name: 'createPractice',
    role: 'editor',
    document: mutation('createPractice', 'CreatePracticeInput', 'practice'),
    variables: () => ({ input: { slug: 'chaos', name: 'Chaos', description: 'Break things.' } }),
  },
  {
    name: 'updatePractice',
    role: 'editor',
    document: mutation('updatePractice', 'UpdatePracticeInput', 'practice'),
    variables: () => ({ input: { ...ref('Practice', 'chaos', 1).input, name: 'Chaos engineering' } }),
  },
  {
    name: 'createDay',
    role: 'editor',
    document: mutation('createDay', 'CreateDayInput', 'day'),
    variables: () => ({
      input: { number: 7, title: 'Day 7', topic: 'Chaos', summary: 'Break things.', body: 'Day 7.' },
    }),
  },
  {
    name: 'updateDay',
    role: 'editor',
    document: mutation('updateDay', 'UpdateDayInput', 'day'),
    variables: () => ({ input: { ...ref('Day', 7, 1).input, title: 'Day seven' } }),
  },
  {
    name: 'createStory',
    role: 'editor',
    document: mutation('createStory', 'CreateStoryInput', 'story'),
    variables: () => ({ input: story }),
  },
  {
    name: 'updateStory',
    role: 'editor',
    document: mutation('updateStory', 'UpdateStoryInput', 'story'),
    variables: () => ({ input: { ...ref('Story', 'acme-canaries', 1).input, title: 'Acme: canaries, retold' } }),
  },
  {
    name: 'publishStory',
    role: 'editor',
    document: mutation('publishStory', 'PublishStoryInput', 'story'),
    variables: () => ref('Story', 'acme-canaries', 2),
  },
  {
    name: 'unpublishStory',
    role: 'editor',
    document: mutation('unpublishStory', 'UnpublishStoryInput', 'story'),
    variables: () => ref('Story', 'acme-canaries', 3),
  },
  {
    name: 'createRecap',
    role: 'editor',
    document: mutation('createRecap', 'CreateRecapInput', 'recap'),
    variables: () => ({
      input: {
        day: 7,
        title: 'Recap 7',
        coversDays: [7],
        points: ['Chaos helps.'],
        stories: ['acme-canaries'],
        body: 'R.',
      },
    }),
  },
  {
    name: 'updateRecap',
    role: 'editor',
    document: mutation('updateRecap', 'UpdateRecapInput', 'recap'),
    variables: () => ({ input: { ...ref('Recap', 7, 1).input, points: ['Chaos helps.', 'So do canaries.'] } }),
  },
  {
    name: 'publishRecap',
    role: 'editor',
    document: mutation('publishRecap', 'PublishRecapInput', 'recap'),
    variables: () => ref('Recap', 7, 2),
  },
  {
    name: 'unpublishRecap',
    role: 'editor',
    document: mutation('unpublishRecap', 'UnpublishRecapInput', 'recap'),
    variables: () => ref('Recap', 7, 3),
  },
  {
    name: 'deleteRecap',
    role: 'editor',
    document: mutation('deleteRecap', 'DeleteRecapInput', 'recap'),
    variables: () => ref('Recap', 7, 4),
  },
  {
    name: 'deleteStory',
    role: 'editor',
    document: mutation('deleteStory', 'DeleteStoryInput', 'story'),
    variables: () => ref('Story', 'acme-canaries', 4),
  },
  {
    name: 'deleteDay',
    role: 'editor',
    document: mutation('deleteDay', 'DeleteDayInput', 'day'),
    variables: () => ref('Day', 7, 2),
  },
  {
    name: 'deletePractice',
    role: 'editor',
    document: mutation('deletePractice', 'DeletePracticeInput', 'practice'),
    variables: () => ref('Practice', 'chaos', 2),
  },
  {
    name: 'deleteCompany',
    role: 'editor',
    document: mutation('deleteCompany', 'DeleteCompanyInput', 'company'),
    variables: () => ref('Company', 'acme', 2),
  },
  {
    name: 'approveSubmission',
    role: 'moderator',
    document: `mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { submission { id status } story { slug status } userErrors { code message } } }`,
    variables: () => ({ input: { id: '1', note: 'Thanks!' } }),
  },
  {
    name: 'rejectSubmission',
    role: 'moderator',
    by: 'admin',
    document: `mutation($input: RejectSubmissionInput!) { rejectSubmission(input: $input) { submission { id status } userErrors { code message } } }`,
    variables: () => ({ input: { id: '2', reason: 'Please cite a public source.' } }),
  },
  {
    name: 'submissions',
    role: 'moderator',
    document: `{ submissions(first: 5) { totalCount nodes { id status } } }`,
    variables: () => ({}),
  },
  {
    name: 'createApiToken',
    role: 'admin',
    document: `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id name role } secret userErrors { code message } } }`,
    variables: () => ({ input: { name: 'carol', role: 'EDITOR' } }),
  },
  {
    name: 'revokeApiToken',
    role: 'admin',
    document: `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { name revokedAt } userErrors { code message } } }`,
    // carol, whom createApiToken just made (1-4 are the tokens of the test).
    variables: () => ({ input: { id: '5' } }),
  },
  { name: 'apiTokens', role: 'admin', document: '{ apiTokens { name role } }', variables: () => ({}) },
  {
    name: 'auditLog',
    role: 'admin',
    document:
      '{ auditLog(first: 3) { totalCount nodes { actor operation recordType recordKey versionBefore versionAfter } } }',
    variables: () => ({}),
  },
];

const WEAKER: Record<Role, Role[]> = { editor: ['moderator'], moderator: ['editor'], admin: ['editor', 'moderator'] };

describe('who may call what', () => {
  let server: ApiServer;
  let tokens: RoleTokens;

  beforeAll(async () => {
    server = await createTestServer();
    tokens = await roleTokens(server.store);
    for (const title of ['Fridays', 'Mondays']) {
      const answer = await gql(
        server,
        'mutation($input: SubmitStoryInput!) { submitStory(input: $input) { receipt userErrors { message } } }',
        { input: { ...submission, title } },
      );
      expect(answer.body.data.submitStory.receipt).toMatch(/^rcpt_/);
    }
  });
  afterAll(() => server.close());

  it('covers every mutation of the schema but submitStory, which needs no token', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    const mutations = Object.keys(schema.getMutationType()!.getFields()).filter((f) => f !== 'submitStory');
    expect(mutations.sort()).toEqual(
      calls
        .map((c) => c.name)
        .filter((name) => schema.getMutationType()!.getFields()[name])
        .sort(),
    );
    expect(calls.map((c) => c.name).filter((name) => !mutations.includes(name))).toEqual([
      'submissions',
      'apiTokens',
      'auditLog',
    ]);
  });

  it.each(calls.map((c) => [c.name, c] as const))(
    '%s: UNAUTHENTICATED without a live token, FORBIDDEN for a weaker role, changing nothing; allowed for its role',
    async (_name, call) => {
      const refusedWith = async (asker: Asker, code: string) => {
        const before = await fingerprint(server.store);
        const answer = await gql(server, call.document, call.variables(), asker);
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        expect(
          answer.body.errors?.map((e: any) => e.extensions.code),
          JSON.stringify(answer.body),
        ).toEqual([code]);
        expect(await fingerprint(server.store)).toBe(before);
      };
      await refusedWith({}, 'UNAUTHENTICATED');
      await refusedWith({ authorization: `Basic ${tokens.editor}` }, 'UNAUTHENTICATED');
      await refusedWith({ token: `${tokens.admin.slice(0, -4)}AAAA` }, 'UNAUTHENTICATED');
      await refusedWith({ token: 'dst_nonsense' }, 'UNAUTHENTICATED');
      await refusedWith({ token: tokens.revoked }, 'UNAUTHENTICATED');
      for (const weaker of WEAKER[call.role]) await refusedWith({ token: tokens[weaker] }, 'FORBIDDEN');

      const answer = await gql(server, call.document, call.variables(), { token: tokens[call.by ?? call.role] });
      expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
      const result = answer.body.data[call.name];
      expect(result.userErrors ?? [], JSON.stringify(result)).toEqual([]);
    },
  );

  it('says why in the error message, and records who did what in the audit log', async () => {
    const none = await gql(server, '{ apiTokens { name } }');
    expect(none.body.errors[0].message).toBe('This needs an API token: send `Authorization: Bearer <token>`.');
    const weak = await gql(server, '{ apiTokens { name } }', {}, { token: tokens.editor });
    expect(weak.body.errors[0].message).toBe('`apiTokens` needs a token with the role admin; "ed" is an editor token.');
    const revoked = await gql(server, '{ apiTokens { name } }', {}, { token: tokens.revoked });
    expect(revoked.body.errors[0].message).toBe('The token was revoked; ask an admin for a new one.');
    const audit = await gql(
      server,
      '{ auditLog(first: 100) { totalCount nodes { actor operation recordType recordKey versionBefore versionAfter } } }',
      {},
      { token: tokens.admin },
    );
    const entries = audit.body.data.auditLog.nodes;
    expect(entries).toContainEqual({
      actor: 'ed',
      operation: 'updateStory',
      recordType: 'Story',
      recordKey: 'acme-canaries',
      versionBefore: 1,
      versionAfter: 2,
    });
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: 'ad', operation: 'updateCompany', versionAfter: 2 }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'mo', operation: 'approveSubmission' }));
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'anonymous', operation: 'submitStory' }));
    expect(audit.body.data.auditLog.totalCount).toBe(entries.length);
  });
});
