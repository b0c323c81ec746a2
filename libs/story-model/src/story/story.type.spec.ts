import { graphql, printType } from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { StoryConnection } from '../connection/connections.js';
import { Node } from '../node/node.type.js';
import { SearchHit } from '../search/search.type.js';
import { Story } from './story.type.js';

const story = {
  __typename: 'Story',
  id: 'U3Rvcnk6YQ',
  slug: 'a',
  title: 'A',
  headline: 'h',
  year: null,
  summary: 's',
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-02T00:00:00Z'),
};

@Resolver()
class ModelOnlyResolver {
  @Query(() => StoryConnection)
  page() {
    const edges = [{ cursor: 'c1', node: story }];
    return {
      edges,
      nodes: [story],
      totalCount: 7,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' },
    };
  }

  @Query(() => Node)
  anything() {
    return story;
  }

  @Query(() => [SearchHit])
  hits() {
    return [{ score: 1.5, snippet: '«a»', node: story }];
  }
}

describe('story model', () => {
  it('builds a schema on its own, with connections, the Node interface and the SearchResult union', async () => {
    const schema = await buildSchema({ resolvers: [ModelOnlyResolver], orphanedTypes: [Story], validate: false });
    expect(printType(schema.getType('StoryConnection')!)).toContain('totalCount: Int!');
    expect(printType(schema.getType('Story')!)).toMatch(/type Story implements Node/);
    const result = await graphql({
      schema,
      source: `{
        page { totalCount edges { cursor node { slug year publishedAt } } pageInfo { hasNextPage } }
        anything { __typename id }
        hits { node { __typename ... on Story { slug } } }
      }`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      page: {
        totalCount: 7,
        edges: [{ cursor: 'c1', node: { slug: 'a', year: null, publishedAt: '2026-11-01T00:00:00.000Z' } }],
        pageInfo: { hasNextPage: true },
      },
      anything: { __typename: 'Story', id: 'U3Rvcnk6YQ' },
      hits: [{ node: { __typename: 'Story', slug: 'a' } }],
    });
  });
});
