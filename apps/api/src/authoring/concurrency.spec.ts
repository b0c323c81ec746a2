import { toGlobalId } from '@devops-stories/story-graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../server.js';
import { gql, type RoleTokens, roleTokens } from '../test/authoring.js';
import { createTestServer } from '../test/test-server.js';

const UPDATE = `mutation($input: UpdateStoryInput!) {
  updateStory(input: $input) { story { title version } userErrors { field code message } }
}`;

describe('optimistic concurrency', () => {
  let server: ApiServer;
  let tokens: RoleTokens;

  beforeAll(async () => {
    server = await createTestServer({ RATE_LIMIT_POINTS: '0' });
    tokens = await roleTokens(server.store);
    const created = await server.store.create(
      'Story',
      {
        slug: 'race',
        title: 'Race',
        headline: 'Two editors, one story.',
        company: 'etsy',
        year: 2010,
        day: 6,
        summary: 'A summary.',
        practices: ['rollback'],
        sources: [{ id: 's', title: 'S', url: 'https://example.org/s', kind: 'blog', publisher: null, year: 2011 }],
        metrics: [],
        body: 'Body.',
      },
      'test',
    );
    if (!created.ok) throw new Error(created.problem.message);
  });
  afterAll(() => server.close());

  it('lets one of two editors racing on one story win; the other is told the current version, and nothing is merged', async () => {
    for (let round = 1; round <= 5; round++) {
      const editors = ['alice', 'bob'];
      const answers = await Promise.all(
        editors.map((who) =>
          gql(
            server,
            UPDATE,
            {
              input: {
                id: toGlobalId('Story', 'race'),
                expectedVersion: round,
                title: `Title by ${who}`,
                summary: `Summary by ${who}.`,
              },
            },
            { token: tokens.editor },
          ),
        ),
      );
      const results = answers.map((a) => a.body.data.updateStory);
      const winners = results.filter((r) => r.userErrors.length === 0);
      const losers = results.filter((r) => r.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(winners[0].story.version).toBe(round + 1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toEqual({
        story: null,
        userErrors: [
          {
            field: ['expectedVersion'],
            code: 'VERSION_CONFLICT',
            message: expect.stringContaining(`is at version ${round + 1}, not ${round}`),
          },
        ],
      });
      const [stored] = await server.store.storiesBySlugs(['race'], 'all');
      const author = winners[0].story.title.replace('Title by ', '');
      // The winner's title and summary both, never one from each.
      expect({ title: stored!.title, summary: stored!.summary, version: stored!.version }).toEqual({
        title: `Title by ${author}`,
        summary: `Summary by ${author}.`,
        version: round + 1,
      });
    }
    const audit = await server.store.listAudit({ afterId: null, limit: 100 });
    expect(audit.rows.filter((r) => r.operation === 'updateStory')).toHaveLength(5);
  });
});
