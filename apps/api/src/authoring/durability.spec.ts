import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApi } from '@devops-stories/api-launcher';
import { openSqliteStore } from '@devops-stories/story-store';
import { afterAll, describe, expect, it } from 'vitest';

/** Kills per run: 3 in `npm test`, more with `npm run test:durability` (DURABILITY_ROUNDS=20). */
const ROUNDS = Number(process.env['DURABILITY_ROUNDS'] ?? 3);
const SENDERS = 8;

const CREATE = `mutation($input: CreateStoryInput!) {
  createStory(input: $input) { story { slug version } userErrors { code message } }
}`;

function storyInput(slug: string) {
  return {
    slug,
    title: `Durable ${slug}`,
    headline: 'Written while the server may die.',
    company: 'etsy',
    year: 2010,
    day: 6,
    summary: `Summary of ${slug}.`,
    practices: ['rollback', 'canary-release'],
    sources: [
      { id: 'one', title: 'One', url: `https://example.org/${slug}/1`, kind: 'BLOG', year: 2011 },
      { id: 'two', title: 'Two', url: `https://example.org/${slug}/2`, kind: 'TALK', year: 2012 },
    ],
    metrics: [
      { label: 'Deploys a day', value: 3, unit: 'deploys', year: 2010, source: 'one' },
      { label: 'Rollbacks a week', value: 1, unit: 'rollbacks', year: 2011, source: 'two' },
    ],
    body: `The body of ${slug}, ${'long enough to take a few pages of the database. '.repeat(20)}`,
  };
}

/**
 * Kills the server with SIGKILL in the middle of a stream of writes, restarts it on the same
 * file and checks that every acknowledged write is there, whole, and that no story is half
 * written. The figures of each round are printed.
 */
describe('durability under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'durability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `keeps every acknowledged write and no half-written one, over ${ROUNDS} kills mid-stream`,
    async () => {
      const file = join(dir, 'stories.db');
      const url = `sqlite:${file}`;
      const setup = openSqliteStore({ url });
      const created = await setup.createToken('writer', 'editor', 'test');
      await setup.close();
      if (!created.ok) throw new Error(created.problem.message);
      const token = created.record.token;
      const env = { DATABASE_URL: url, RATE_LIMIT_POINTS: '0' };
      const acknowledged = new Set<string>();
      const figures: string[] = [];

      for (let round = 1; round <= ROUNDS; round++) {
        const api = await launchApi({ env });
        const killAfterMs = 150 + Math.floor(Math.random() * 600);
        let sent = 0;
        let stop = false;
        const ackedThisRound: string[] = [];
        const sender = async (n: number) => {
          for (let i = 0; !stop; i++) {
            const slug = `r${round}-s${n}-${i}`;
            sent++;
            try {
              const response = await fetch(`${api.base}/graphql`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify({ query: CREATE, variables: { input: storyInput(slug) } }),
              });
              const body = (await response.json()) as {
                data?: { createStory: { story: { slug: string } | null; userErrors: unknown[] } };
              };
              if (
                response.ok &&
                body.data?.createStory.story?.slug === slug &&
                !body.data.createStory.userErrors.length
              ) {
                ackedThisRound.push(slug);
              } else {
                throw new Error(`a write was refused: ${JSON.stringify(body)}`);
              }
            } catch (error) {
              if (!stop) throw error;
              return; // the connection died with the server: not acknowledged
            }
          }
        };
        const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        stop = true;
        const signal = await api.stop('SIGKILL');
        await Promise.allSettled(senders);
        expect(signal).toBe('SIGKILL');
        for (const slug of ackedThisRound) acknowledged.add(slug);

        // Restart on the same file: it must come up, and serve every acknowledged story in preview.
        const again = await launchApi({ env });
        try {
          for (const slug of ackedThisRound) {
            const response = await fetch(`${again.base}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-preview': 'true' },
              body: JSON.stringify({
                query: `{ story(slug: "${slug}") { slug status practices { slug } sources { url } metrics { label } } }`,
              }),
            });
            const { data } = (await response.json()) as {
              data: { story: { practices: unknown[]; sources: unknown[]; metrics: unknown[] } | null };
            };
            expect(data.story, slug).toMatchObject({ slug, status: 'DRAFT' });
            expect(
              [data.story!.practices.length, data.story!.sources.length, data.story!.metrics.length],
              slug,
            ).toEqual([2, 2, 2]);
          }
        } finally {
          await again.stop('SIGTERM');
        }

        // Every API story in the file, acknowledged or not, is whole: its row, parts, index entry and audit entry.
        const store = openSqliteStore({ url });
        try {
          const stories = (
            await store.listStories({
              filter: {},
              sort: { field: 'title', direction: 'asc' },
              from: { direction: 'forward', after: null },
              limit: 100_000,
              view: 'all',
            })
          ).rows
            .map((r) => r.story)
            .filter((s) => s.origin === 'api');
          const slugs = new Set(stories.map((s) => s.slug));
          for (const slug of acknowledged) expect(slugs.has(slug), `acknowledged ${slug} is missing`).toBe(true);
          const ids = stories.map((s) => s.rowId);
          const [practices, sources, metrics, bodies] = await Promise.all([
            store.practicesByStoryIds(ids),
            store.sourcesByStoryIds(ids),
            store.metricsByStoryIds(ids),
            store.storyBodiesByIds(ids),
          ]);
          stories.forEach((s, i) => {
            expect([practices[i].length, sources[i].length, metrics[i].length], s.slug).toEqual([2, 2, 2]);
            expect(bodies[i]?.bodyText, s.slug).toContain(`The body of ${s.slug}`);
          });
          const audit = await store.listAudit({ afterId: null, limit: 100_000 });
          expect(audit.rows.filter((r) => r.operation === 'createStory').length).toBe(stories.length);
          const unacknowledged = [...slugs].filter((s) => !acknowledged.has(s));
          for (const slug of unacknowledged) {
            const { hits } = await store.search({
              terms: slug.split('-'),
              filter: {},
              after: null,
              limit: 50,
              view: 'all',
            });
            expect(
              hits.map((h) => h.key),
              slug,
            ).toContain(slug);
          }
          figures.push(
            `round ${round}: killed after ${killAfterMs} ms; ${sent} sent, ${ackedThisRound.length} acknowledged, ` +
              `${stories.length} API stories on disk (all acknowledged ones present and whole; ` +
              `${unacknowledged.length} committed but not acknowledged, whole too; 0 half-written)`,
          );
          // Later rounds see the stories of earlier ones as acknowledged.
          for (const slug of unacknowledged) acknowledged.add(slug);
        } finally {
          await store.close();
        }
      }
      console.log(`durability under SIGKILL:\n  ${figures.join('\n  ')}`);
      expect(acknowledged.size).toBeGreaterThan(ROUNDS);
    },
    ROUNDS * 20_000,
  );
});
