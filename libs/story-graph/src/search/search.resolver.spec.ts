import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const HITS = /* GraphQL */ `
  query Hits($query: String!) {
    search(query: $query, first: 50) {
      snippet
      node {
        __typename
        ... on Story {
          title
          headline
          summary
          company {
            name
          }
          text: body(format: TEXT)
        }
        ... on Day {
          title
          topic
          summary
          text: body(format: TEXT)
        }
        ... on Recap {
          title
          points
          text: body(format: TEXT)
        }
      }
    }
  }
`;

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('search', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  it.each(['deploy', 'devops', 'rollback', 'culture'])(
    'leads every hit for %j to text the API serves, snippet included',
    async (query) => {
      const { data, errors } = await h.run(HITS, { query });
      expect(errors).toBeUndefined();
      expect(data!.search.length).toBeGreaterThan(0);
      for (const { snippet, node } of data!.search) {
        const { __typename, text, company, points, ...fields } = node;
        const titled = __typename === 'Story' ? `${fields.title} ${company.name}` : fields.title;
        const served = words(
          [titled, fields.headline, fields.topic, fields.summary, ...(points ?? []), text].filter(Boolean).join('\n'),
        );
        for (const part of snippet.replace(/[«»]/g, '').split('…').map(words).filter(Boolean)) {
          expect(served, `${__typename} snippet "${snippet}"`).toContain(part);
        }
      }
    },
  );
});
