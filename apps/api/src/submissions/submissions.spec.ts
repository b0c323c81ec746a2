import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

const SUBMIT = `mutation($input: SubmitStoryInput!) {
  submitStory(input: $input) { receipt status userErrors { field code message } }
}`;
const RECEIPT = `query($receipt: String!) { submission(receipt: $receipt) { status publicNote } }`;

const input = (title: string) => ({
  company: 'Initech',
  title,
  whatChanged: 'We moved from quarterly releases to zqxsubmitword daily deploys.',
  outcome: 'Outages fell by half.',
  links: ['https://initech.example/blog/deploys'],
  name: 'Peter',
  contact: 'peter@initech.example',
});

describe('community submissions', () => {
  let server: ApiServer;
  let tokens: RoleTokens;
  const receipts: string[] = [];

  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '0', SUBMISSIONS_PER_HOUR: '5' });
    tokens = await roleTokens(server.store);
  });
  afterAll(() => server.close());

  it('takes five an hour from one address without a token; the sixth is RATE_LIMITED (429, Retry-After) and not stored', async () => {
    const invalid = await gql(server, SUBMIT, { input: { ...input('x'), links: [] } }, { ip: '203.0.113.7' });
    expect(invalid.body.data.submitStory.userErrors).toEqual([
      { field: ['links'], code: 'INVALID', message: 'must have at least 1 item, got 0' },
    ]);
    for (let n = 1; n <= 5; n++) {
      const answer = await gql(server, SUBMIT, { input: input(`Story ${n}`) }, { ip: '203.0.113.7' });
      expect(answer.body.data.submitStory).toMatchObject({ status: 'PENDING', userErrors: [] });
      expect(answer.headers['cache-control']).toBe('private, no-store');
      receipts.push(answer.body.data.submitStory.receipt);
    }
    expect(new Set(receipts).size).toBe(5);
    for (const receipt of receipts) expect(receipt).toMatch(/^rcpt_[\w-]{43}$/);
    const sixth = await gql(server, SUBMIT, { input: input('Story 6') }, { ip: '203.0.113.7' });
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(sixth.body.errors).toEqual([
      expect.objectContaining({
        message: `This address has sent the most submissions allowed for now; retry in ${retryAfter} s. Nothing was stored.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      }),
    ]);
    expect((await server.store.listSubmissions(null, { afterId: null, limit: 100 })).totalCount).toBe(5);
    const other = await gql(server, SUBMIT, { input: input('Story from elsewhere') }, { ip: '198.51.100.1' });
    expect(other.body.data.submitStory.userErrors).toEqual([]);
    receipts.push(other.body.data.submitStory.receipt);
  });

  it('counts with the injected limiter, which a shared store can replace', async () => {
    const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
    const strict = await createTestServer({ RATE_LIMIT_POINTS: '0' }, { submissionLimiter: limiter });
    try {
      expect((await gql(strict, SUBMIT, { input: input('one') })).status).toBe(200);
      expect((await gql(strict, SUBMIT, { input: input('two') })).status).toBe(429);
      expect((await limiter.get('127.0.0.1'))?.consumedPoints).toBe(2);
    } finally {
      await strict.close();
    }
  });

  it('shows the submitter the status and the public note, nothing else', async () => {
    const answer = await gql(server, RECEIPT, { receipt: receipts[0] });
    expect(answer.body.data.submission).toEqual({ status: 'PENDING', publicNote: null });
    expect(answer.headers['cache-control']).toBe('private, no-store');
    const more = await gql(server, `query($receipt: String!) { submission(receipt: $receipt) { status contact } }`, {
      receipt: receipts[0],
    });
    expect(more.status).toBe(400);
    expect((await gql(server, RECEIPT, { receipt: `${receipts[0].slice(0, -3)}abc` })).body.data.submission).toBeNull();
    expect((await gql(server, RECEIPT, { receipt: 'x'.repeat(10_000) })).body.data.submission).toBeNull();
  });

  it('lets moderators page through submissions by status with totals', async () => {
    const page = (status: string, after?: string) =>
      gql(
        server,
        `query($status: SubmissionStatus, $after: String) {
          submissions(status: $status, first: 4, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id title contact status }
          }
        }`,
        { status, after },
        { token: tokens.moderator },
      );
    const first = (await page('PENDING')).body.data.submissions;
    expect(first.totalCount).toBe(6);
    expect(first.nodes).toHaveLength(4);
    expect(first.nodes[0]).toMatchObject({ title: 'Story from elsewhere', contact: 'peter@initech.example' });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page('PENDING', first.pageInfo.endCursor)).body.data.submissions;
    expect(second.nodes.map((n: { title: string }) => n.title)).toEqual(['Story 2', 'Story 1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await page('APPROVED')).body.data.submissions.totalCount).toBe(0);
  });

  it('approves one into a draft story, linked back, seen only in preview; rejects another with a reason the submitter sees', async () => {
    const [oldest] = (await server.store.listSubmissions('pending', { afterId: null, limit: 100 })).rows.slice(-1);
    const approved = await gql(
      server,
      `mutation($input: ApproveSubmissionInput!) {
        approveSubmission(input: $input) { submission { id status publicNote reviewedBy story { slug } } story { slug status origin title } userErrors { message } }
      }`,
      { input: { id: String(oldest.id), note: 'Thanks! An editor will polish it.' } },
      { token: tokens.moderator },
    );
    const result = approved.body.data.approveSubmission;
    expect(result.userErrors).toEqual([]);
    expect(result.story).toEqual({
      slug: 'initech-story-1',
      status: 'DRAFT',
      origin: 'API',
      title: 'Initech: Story 1',
    });
    expect(result.submission).toMatchObject({
      status: 'APPROVED',
      reviewedBy: 'mo',
      story: { slug: 'initech-story-1' },
    });
    expect((await gql(server, RECEIPT, { receipt: receipts[0] })).body.data.submission).toEqual({
      status: 'APPROVED',
      publicNote: 'Thanks! An editor will polish it.',
    });
    const read = `{ story(slug: "initech-story-1") { slug status } search(query: "zqxsubmitword") { node { __typename } } }`;
    expect((await gql(server, read)).body.data).toEqual({ story: null, search: [] });
    const preview = (await gql(server, read, {}, { token: tokens.editor, preview: true })).body.data;
    expect(preview.story).toEqual({ slug: 'initech-story-1', status: 'DRAFT' });
    expect(preview.search).toEqual([{ node: { __typename: 'Story' } }]);

    const second = (await server.store.submissionByReceipt(receipts[1]))!;
    const rejected = await gql(
      server,
      `mutation($input: RejectSubmissionInput!) { rejectSubmission(input: $input) { submission { status publicNote } userErrors { message } } }`,
      { input: { id: String(second.id), reason: 'Please cite a public source for the figures.' } },
      { token: tokens.moderator },
    );
    expect(rejected.body.data.rejectSubmission.submission).toEqual({
      status: 'REJECTED',
      publicNote: 'Please cite a public source for the figures.',
    });
    expect((await gql(server, RECEIPT, { receipt: receipts[1] })).body.data.submission).toEqual({
      status: 'REJECTED',
      publicNote: 'Please cite a public source for the figures.',
    });
  });

  it('never serves submissions as public content', async () => {
    const anonymous = await gql(server, '{ submissions { totalCount } }');
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const editor = await gql(server, '{ submissions { totalCount } }', {}, { token: tokens.editor });
    expect(editor.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const words = await gql(
      server,
      '{ search(query: "zqxsubmitword") { snippet } stories(first: 100) { nodes { slug } } }',
    );
    expect(JSON.stringify(words.body)).not.toMatch(/zqxsubmitword|initech/i);
  });
});
