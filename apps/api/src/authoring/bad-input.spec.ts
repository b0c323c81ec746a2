import { toGlobalId } from '@devops-stories/story-graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { fingerprint, gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

const MB = 'x'.repeat(1024 * 1024);
/** Long, but under the 64 KB body limit: the content rules answer it. */
const LONG = 'y'.repeat(60_000);
const HTML = '<img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';

const story = {
  slug: 'api-story',
  title: 'API story',
  headline: 'Written over the API.',
  company: 'api-co',
  year: 2020,
  day: 7,
  summary: 'A summary.',
  practices: ['api-pr'],
  sources: [{ id: 'src', title: 'Source', url: 'https://example.org/a', kind: 'ARTICLE', year: 2021 }],
  metrics: [{ label: 'Deploys a day', value: 3, unit: 'deploys', year: 2020, source: 'src' }],
  body: 'Body.',
};
const company = { slug: 'api-co', name: 'API Co', industry: 'Software', description: 'Makes APIs.' };
const practice = { slug: 'api-pr', name: 'API practice', description: 'Practise.' };
const day = { number: 7, title: 'Day 7', topic: 'Topic', summary: 'Summary.', body: 'Body.' };
const recap = {
  day: 7,
  title: 'Recap 7',
  coversDays: [7],
  points: ['A point.'],
  stories: ['api-story'],
  body: 'Recap.',
};
const submission = {
  company: 'Globex',
  title: 'Fridays',
  whatChanged: 'We automated.',
  outcome: 'Calm.',
  links: ['https://globex.example/post'],
};

type Expect = 'userErrors' | 'BAD_USER_INPUT' | 413;
type Case = [what: string, input: unknown, expected: Expect, field?: string];

const id = (type: 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap', key: string | number) => toGlobalId(type, key);
const stale = (type: 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap', key: string | number) => ({
  id: id(type, key),
  expectedVersion: 1,
});
const unknown = (type: 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap', key: string | number): Case => [
  'an unknown id',
  { id: id(type, key), expectedVersion: 1 },
  'userErrors',
  'id',
];
const garbageId: Case = ['an id this API never issued', { id: 'not-an-id', expectedVersion: 1 }, 'BAD_USER_INPUT'];
const refCases = (
  type: 'Story' | 'Company' | 'Practice' | 'Day' | 'Recap',
  key: string | number,
  none: string | number,
): Case[] => [
  ['a missing expectedVersion', { id: id(type, key) }, 'BAD_USER_INPUT'],
  unknown(type, none),
  garbageId,
  [
    'a file record',
    {
      id: id(
        type === 'Day' || type === 'Recap' ? type : type,
        type === 'Story' ? 'amazon' : type === 'Company' ? 'amazon' : type === 'Practice' ? 'rollback' : 6,
      ),
      expectedVersion: 1,
    },
    'userErrors',
    'id',
  ],
  [
    'an id of another type',
    { id: id(type === 'Story' ? 'Company' : 'Story', 'api-story'), expectedVersion: 1 },
    'userErrors',
    'id',
  ],
  ['a 1 MB id', { id: MB, expectedVersion: 1 }, 413],
];

/** Every mutation, with the bad inputs an author or an attacker might send. */
const MUTATIONS: Record<string, { type: string; cases: Case[] }> = {
  createStory: {
    type: 'CreateStoryInput',
    cases: [
      ['missing fields', { slug: 'new-story' }, 'BAD_USER_INPUT'],
      ['a 1 MB body', { ...story, slug: 'new-story', body: MB }, 413],
      ['a 60 KB title', { ...story, slug: 'new-story', title: LONG }, 'userErrors', 'title'],
      [
        'a javascript: source URL',
        { ...story, slug: 'new-story', sources: [{ ...story.sources[0], url: JS_URL }] },
        'userErrors',
        'sources.0.url',
      ],
      ['HTML in the headline', { ...story, slug: 'new-story', headline: HTML }, 'userErrors', 'headline'],
      ['an unknown company', { ...story, slug: 'new-story', company: 'nobody' }, 'userErrors', 'company'],
      ['a duplicate slug of an API story', story, 'userErrors', 'slug'],
      ['a duplicate slug of a file story', { ...story, slug: 'amazon' }, 'userErrors', 'slug'],
      ['a bad slug', { ...story, slug: 'Not a slug' }, 'userErrors', 'slug'],
      [
        'a metric citing no source',
        { ...story, slug: 'new-story', metrics: [{ ...story.metrics[0], source: 'nope' }] },
        'userErrors',
        'metrics.0.source',
      ],
      ['a wrongly typed field', { ...story, slug: 'new-story', year: 'soon' }, 'BAD_USER_INPUT'],
    ],
  },
  updateStory: {
    type: 'UpdateStoryInput',
    cases: [
      ...refCases('Story', 'api-story', 'nobody'),
      ['a 60 KB summary', { ...stale('Story', 'api-story'), summary: LONG }, 'userErrors', 'summary'],
      ['HTML in the title', { ...stale('Story', 'api-story'), title: HTML }, 'userErrors', 'title'],
      [
        'a javascript: URL',
        { ...stale('Story', 'api-story'), sources: [{ ...story.sources[0], url: JS_URL }] },
        'userErrors',
        'sources.0.url',
      ],
      ['an emptied required field', { ...stale('Story', 'api-story'), title: '   ' }, 'userErrors', 'title'],
      ['no practices', { ...stale('Story', 'api-story'), practices: [] }, 'userErrors', 'practices'],
      [
        'a stale version',
        { ...stale('Story', 'api-story'), expectedVersion: 0, title: 'New' },
        'userErrors',
        'expectedVersion',
      ],
    ],
  },
  deleteStory: { type: 'DeleteStoryInput', cases: refCases('Story', 'api-story', 'nobody') },
  publishStory: { type: 'PublishStoryInput', cases: refCases('Story', 'api-story', 'nobody') },
  unpublishStory: { type: 'UnpublishStoryInput', cases: refCases('Story', 'api-story', 'nobody') },
  createCompany: {
    type: 'CreateCompanyInput',
    cases: [
      ['missing fields', { slug: 'x' }, 'BAD_USER_INPUT'],
      ['a 1 MB description', { ...company, slug: 'x', description: MB }, 413],
      ['a 60 KB name', { ...company, slug: 'x', name: LONG }, 'userErrors', 'name'],
      ['HTML in the name', { ...company, slug: 'x', name: HTML }, 'userErrors', 'name'],
      ['a duplicate slug', { ...company, slug: 'netflix' }, 'userErrors', 'slug'],
    ],
  },
  updateCompany: {
    type: 'UpdateCompanyInput',
    cases: [
      ...refCases('Company', 'api-co', 'nobody'),
      ['HTML in the industry', { ...stale('Company', 'api-co'), industry: HTML }, 'userErrors', 'industry'],
    ],
  },
  deleteCompany: {
    type: 'DeleteCompanyInput',
    cases: [
      ...refCases('Company', 'api-co', 'nobody'),
      ['a company stories use', stale('Company', 'api-co'), 'userErrors', 'id'],
    ],
  },
  createPractice: {
    type: 'CreatePracticeInput',
    cases: [
      ['missing fields', { slug: 'x' }, 'BAD_USER_INPUT'],
      ['a 60 KB name', { ...practice, slug: 'x', name: LONG }, 'userErrors', 'name'],
      ['a duplicate slug', { ...practice, slug: 'rollback' }, 'userErrors', 'slug'],
    ],
  },
  updatePractice: {
    type: 'UpdatePracticeInput',
    cases: [
      ...refCases('Practice', 'api-pr', 'nobody'),
      ['HTML in the name', { ...stale('Practice', 'api-pr'), name: HTML }, 'userErrors', 'name'],
    ],
  },
  deletePractice: {
    type: 'DeletePracticeInput',
    cases: [
      ...refCases('Practice', 'api-pr', 'nobody'),
      ['a practice stories use', stale('Practice', 'api-pr'), 'userErrors', 'id'],
    ],
  },
  createDay: {
    type: 'CreateDayInput',
    cases: [
      ['missing fields', { number: 9 }, 'BAD_USER_INPUT'],
      ['a day out of range', { ...day, number: 500 }, 'userErrors', 'number'],
      ['a duplicate day', { ...day, number: 6 }, 'userErrors', 'number'],
      ['HTML in the topic', { ...day, number: 9, topic: HTML }, 'userErrors', 'topic'],
    ],
  },
  updateDay: {
    type: 'UpdateDayInput',
    cases: [...refCases('Day', 7, 40), ['a 60 KB title', { ...stale('Day', 7), title: LONG }, 'userErrors', 'title']],
  },
  deleteDay: {
    type: 'DeleteDayInput',
    cases: [...refCases('Day', 7, 40), ['a day stories use', stale('Day', 7), 'userErrors', 'id']],
  },
  createRecap: {
    type: 'CreateRecapInput',
    cases: [
      ['missing fields', { day: 8 }, 'BAD_USER_INPUT'],
      ['an unknown day', { ...recap, day: 40 }, 'userErrors', 'day'],
      ['an unknown story', { ...recap, day: 8, stories: ['nobody'] }, 'userErrors', 'stories.0'],
      ['a duplicate day', recap, 'userErrors', 'day'],
      ['HTML in a point', { ...recap, day: 8, points: [HTML] }, 'userErrors', 'points.0'],
    ],
  },
  updateRecap: {
    type: 'UpdateRecapInput',
    cases: [...refCases('Recap', 7, 40), ['no points', { ...stale('Recap', 7), points: [] }, 'userErrors', 'points']],
  },
  deleteRecap: { type: 'DeleteRecapInput', cases: refCases('Recap', 7, 40) },
  publishRecap: { type: 'PublishRecapInput', cases: refCases('Recap', 7, 40) },
  unpublishRecap: { type: 'UnpublishRecapInput', cases: refCases('Recap', 7, 40) },
  submitStory: {
    type: 'SubmitStoryInput',
    cases: [
      ['missing fields', { company: 'Globex' }, 'BAD_USER_INPUT'],
      ['a 1 MB outcome', { ...submission, outcome: MB }, 413],
      ['a 60 KB outcome', { ...submission, outcome: LONG }, 'userErrors', 'outcome'],
      ['a javascript: link', { ...submission, links: [JS_URL] }, 'userErrors', 'links.0'],
      ['HTML in what changed', { ...submission, whatChanged: HTML }, 'userErrors', 'whatChanged'],
      ['no link', { ...submission, links: [] }, 'userErrors', 'links'],
    ],
  },
  approveSubmission: {
    type: 'ApproveSubmissionInput',
    cases: [
      ['an unknown id', { id: '999' }, 'userErrors', 'id'],
      ['an id that is no number', { id: 'abc' }, 'userErrors', 'id'],
      ['a 60 KB note', { id: '1', note: LONG }, 'userErrors', 'note'],
      ['missing fields', {}, 'BAD_USER_INPUT'],
    ],
  },
  rejectSubmission: {
    type: 'RejectSubmissionInput',
    cases: [
      ['an unknown id', { id: '999', reason: 'No.' }, 'userErrors', 'id'],
      ['HTML in the reason', { id: '1', reason: HTML }, 'userErrors', 'reason'],
      ['an empty reason', { id: '1', reason: '' }, 'userErrors', 'reason'],
      ['missing fields', { id: '1' }, 'BAD_USER_INPUT'],
    ],
  },
  createApiToken: {
    type: 'CreateApiTokenInput',
    cases: [
      ['an unknown role', { name: 'x', role: 'ROOT' }, 'BAD_USER_INPUT'],
      ['a name with markup', { name: '<b>x</b>', role: 'EDITOR' }, 'userErrors', 'name'],
      ['a taken name', { name: 'ed', role: 'EDITOR' }, 'userErrors', 'name'],
      ['a 60 KB name', { name: LONG, role: 'EDITOR' }, 'userErrors', 'name'],
    ],
  },
  revokeApiToken: {
    type: 'RevokeApiTokenInput',
    cases: [
      ['an unknown id', { id: '999' }, 'userErrors', 'id'],
      ['an id that is no number', { id: '1; DROP TABLE api_tokens' }, 'userErrors', 'id'],
    ],
  },
};

describe('bad input to every mutation', () => {
  let server: ApiServer;
  let tokens: RoleTokens;

  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    tokens = await roleTokens(server.store);
    const { store } = server;
    for (const result of [
      await store.create('Company', company, 'test'),
      await store.create('Practice', practice, 'test'),
      await store.create('Day', day, 'test'),
      await store.create(
        'Story',
        {
          ...story,
          sources: [{ ...story.sources[0], kind: 'article', publisher: null }],
          metrics: [{ ...story.metrics[0], qualifier: null }],
        },
        'test',
      ),
      await store.create('Recap', recap, 'test'),
    ]) {
      if (!result.ok) throw new Error(result.problem.message);
    }
    await store.submit({ ...submission, name: null, contact: null });
  });
  afterAll(() => server.close());

  it('lists every mutation of the schema', async () => {
    const { body } = await gql(server, '{ __schema { mutationType { fields { name } } } }');
    expect(body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      Object.keys(MUTATIONS).sort(),
    );
  });

  it.each(Object.entries(MUTATIONS))(
    '%s: a userErrors entry or BAD_USER_INPUT, never a 500, and no change',
    async (name, { type, cases }) => {
      for (const [what, input, expected, field] of cases) {
        const before = await fingerprint(server.store);
        const answer = await gql(
          server,
          `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { field code message } } }`,
          { input },
          { token: tokens.admin },
        );
        const label = `${name} with ${what}: ${JSON.stringify(answer.body).slice(0, 400)}`;
        expect(answer.status, label).toBeLessThan(500);
        if (expected === 'userErrors') {
          expect(answer.body.errors, label).toBeUndefined();
          const errors = answer.body.data[name].userErrors;
          expect(errors.length, label).toBeGreaterThan(0);
          if (field)
            expect(
              errors.map((e: { field: string[] | null }) => e.field?.join('.')),
              label,
            ).toContain(field);
          for (const e of errors) expect(e.message.length, label).toBeLessThanOrEqual(300);
        } else {
          if (expected === 413) expect(answer.status, label).toBe(413);
          expect(answer.body.errors?.[0]?.extensions?.code, label).toBe('BAD_USER_INPUT');
        }
        expect(await fingerprint(server.store), label).toBe(before);
      }
    },
  );
});
