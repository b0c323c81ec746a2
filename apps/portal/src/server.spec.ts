import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PortalDayQuery, PortalDaysQuery } from './gql/graphql.js';
import { portalDayQuery } from './operations.js';
import { createPortalServer } from './server.js';

type Answer = { status?: number; body: unknown } | 'hang';

/** What the portal sent: a GET by document id, or a POST of the document's text. */
type Received =
  | { method: 'GET'; documentId: string; variables?: Record<string, unknown> }
  | {
      method: 'POST';
      query: string;
      variables: Record<string, unknown>;
    };

/** A stand-in GraphQL endpoint whose answers each test sets, recording what the portal sends. */
class FakeApi {
  answer: (request: Received) => Answer = () => ({ body: {} });
  received: Received[] = [];
  server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const variables = url.searchParams.get('variables');
      const body: Received =
        request.method === 'GET'
          ? {
              method: 'GET',
              documentId: url.searchParams.get('documentId') ?? '',
              ...(variables ? { variables: JSON.parse(variables) } : {}),
            }
          : { method: 'POST', ...JSON.parse(text) };
      this.received.push(body);
      const answer = this.answer(body);
      if (answer === 'hang') return;
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
}

const manifest = JSON.parse(readFileSync(new URL('./gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

/** Page text with runs of white space as one space, as a browser shows it. */
const collapse = (markup: string) => markup.replace(/\s+/g, ' ');

const hostile = '<img src=x onerror=alert(1)> & "quotes"';

const day: NonNullable<PortalDayQuery['day']> = {
  number: 6,
  title: `Real stories ${hostile}`,
  topic: 'What DevOps is',
  summary: 'Companies show what DevOps looks like.',
  stories: [
    {
      slug: 'amazon',
      title: 'Amazon: a deploy every 11.6 seconds',
      headline: 'From idle hardware to AWS.',
      summary: 'Amazon moved to AWS.',
      year: 2011,
      readingTimeMinutes: 2,
      company: { name: 'Amazon', industry: 'Retail' },
      practices: [{ name: 'Continuous deployment' }],
      metrics: [
        { label: 'Mean time between deployments', value: 11.6, unit: 'seconds', year: 2011 },
        { label: 'Fewer outages (about)', value: 75, unit: 'percent', year: null },
      ],
    },
  ],
  recap: { day: 6, title: 'Recap: days 1-6', points: [`A point with ${hostile}`] },
};
const days: PortalDayQuery['days'] = [
  { number: 5, title: 'Day five' },
  { number: 6, title: day.title },
];

describe('the portal server against a stand-in API', () => {
  const api = new FakeApi();
  const logged: string[] = [];
  let portal: Server;
  let base: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/graphql`;
    portal = createPortalServer(
      { port: 0, host: '127.0.0.1', apiUrl, publicApiUrl: 'https://stories.example.org/graphql', apiTimeoutMs: 500 },
      { error: (message) => logged.push(message) },
    );
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    portal.closeAllConnections();
    api.server.closeAllConnections();
    await new Promise((resolve) => portal.close(resolve));
    await new Promise((resolve) => api.server.close(resolve));
  });
  beforeEach(() => {
    api.received = [];
    logged.length = 0;
  });

  it('renders a day from the API, escaping every value, with the element pointed at the public API', async () => {
    api.answer = () => ({ body: { data: { day, days } } });
    const response = await fetch(`${base}/days/6`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = collapse(await response.text());
    expect(page).not.toContain('<img');
    expect(page).toContain('Real stories &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(page).toContain('<title>Day 6: Real stories &lt;img');
    expect(page).toContain('<h3>Amazon: a deploy every 11.6 seconds</h3>');
    expect(page).toContain('<strong>11.6 seconds</strong>: Mean time between deployments (2011)');
    expect(page).toContain('<strong>75%</strong>: Fewer outages (about)');
    expect(page).toContain('Amazon · Retail · 2011 · 2 min read');
    expect(page).toContain('<li>A point with &lt;img');
    expect(page).toContain('href="/days/5" rel="prev"');
    expect(page).not.toContain('rel="next"');
    expect(page).toContain('<script type="module" src="https://stories.example.org/devops-stories.js"></script>');
    expect(page).toContain('endpoint="https://stories.example.org/graphql"');
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src https:\/\/stories\.example\.org; connect-src https:\/\/stories\.example\.org; style-src 'sha256-[\w+/=]+'/,
    );
  });

  it('asks for each operation by its id, a GET with its variables; the manifest lists the id', async () => {
    api.answer = () => ({ body: { data: { day, days } } });
    await fetch(`${base}/days/6`);
    const hash = (portalDayQuery as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(api.received).toEqual([{ method: 'GET', documentId: `sha256:${hash}`, variables: { number: 6 } }]);
    const listed = manifest[hash];
    expect(listed.replace(/\s+/g, '')).toBe(
      'query PortalDay($number: Int!) { day(number: $number) { number recap { day points title } stories { company { industry name } headline metrics { label unit value year } practices { name } readingTimeMinutes slug summary title year } summary title topic } days { number title } }'.replace(
        /\s+/g,
        '',
      ),
    );
  });

  it('sends the document text once, as a POST, when the API does not know the id', async () => {
    api.answer = (request) =>
      request.method === 'GET'
        ? {
            status: 400,
            body: { errors: [{ message: 'unknown', extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' } }] },
          }
        : { body: { data: { day, days } } };
    const response = await fetch(`${base}/days/6`);
    expect(response.status).toBe(200);
    expect(api.received.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(api.received[1]).toEqual({ method: 'POST', query: portalDayQuery.toString(), variables: { number: 6 } });
  });

  it('lists the days on the index page', async () => {
    const data: PortalDaysQuery = {
      days: [
        { number: 1, title: 'Introduction', topic: 'Basics', summary: 'Why.', stories: [], recap: null },
        {
          number: 6,
          title: 'Stories',
          topic: 'Practice',
          summary: 'Who.',
          stories: [{ slug: 'etsy', title: 'Etsy <deploys>' }],
          recap: { title: 'Recap 1-6' },
        },
      ],
    };
    api.answer = () => ({ body: { data } });
    const page = collapse(await (await fetch(`${base}/`)).text());
    expect(page).toContain('<a class="day-link" href="/days/1">Introduction</a>');
    expect(page).toContain('1 story: Etsy &lt;deploys&gt;');
    expect(page).toContain('Recap: Recap 1-6');
  });

  it('answers 404 for a day the API does not have, and for paths that are no day, without asking the API', async () => {
    api.answer = () => ({ body: { data: { day: null, days } } });
    const unknown = await fetch(`${base}/days/99`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Page not found');
    expect(api.received).toHaveLength(1);
    for (const path of ['/days/0', '/days/abc', '/days/123456', '/days/6/', '/nope', '/devops-stories.js']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect(api.received).toHaveLength(1);
  });

  it('answers 503 with Retry-After when the API cannot be reached or does not answer in time, and keeps serving', async () => {
    api.answer = () => 'hang';
    const slow = await fetch(`${base}/days/6`);
    expect(slow.status).toBe(503);
    expect(slow.headers.get('retry-after')).toBe('30');
    const page = await slow.text();
    expect(page).toContain('The stories are unavailable right now');
    expect(page).not.toMatch(/127\.0\.0\.1|500 ms|graphql/i);
    expect(logged).toEqual([
      expect.stringMatching(/^GET \/days\/6: no answer from http:\/\/127\.0\.0\.1:\d+\/graphql within 500 ms$/),
    ]);

    const closed = createPortalServer(
      {
        port: 0,
        host: '127.0.0.1',
        apiUrl: 'http://127.0.0.1:9/graphql',
        publicApiUrl: 'http://x.test/',
        apiTimeoutMs: 500,
      },
      { error: (message) => logged.push(message) },
    );
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const down = await fetch(`http://127.0.0.1:${(closed.address() as AddressInfo).port}/`);
    expect(down.status).toBe(503);
    expect(logged[1]).toMatch(/^GET \/: http:\/\/127\.0\.0\.1:9\/graphql cannot be reached \(/);
    await new Promise((resolve) => closed.close(resolve));

    api.answer = () => ({ body: { data: { day, days } } });
    expect((await fetch(`${base}/days/6`)).status).toBe(200);
  });

  it('answers 502 when the API answers with errors or without data, naming neither to the reader', async () => {
    api.answer = () => ({ body: { errors: [{ message: 'Cannot query field "secret" on type "Day".' }] } });
    const failed = await fetch(`${base}/days/6`);
    expect(failed.status).toBe(502);
    expect(await failed.text()).not.toContain('secret');
    expect(logged[0]).toContain('Cannot query field "secret"');
    api.answer = () => ({ status: 500, body: 'oops' });
    expect((await fetch(`${base}/`)).status).toBe(502);
  });

  it('serves pages to GET and HEAD only, and answers /health without the API', async () => {
    const post = await fetch(`${base}/days/6`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    api.answer = () => ({ body: { data: { day, days } } });
    const head = await fetch(`${base}/days/6`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    api.received = [];
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(api.received).toEqual([]);
  });
});
