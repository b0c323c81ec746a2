import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type names that carry a global id, in the order `node(id:)` knows them. */
export const NODE_TYPENAMES = ['Story', 'Company', 'Practice', 'Day', 'Recap'] as const;

/** One of {@link NODE_TYPENAMES}. */
export type NodeTypename = (typeof NODE_TYPENAMES)[number];

/**
 * Anything with a global, opaque id that `node(id:)` can fetch again.
 *
 * Values resolved as a `Node` carry `__typename`, which is how the interface
 * (and the `SearchResult` union) pick their concrete type for plain objects.
 */
@InterfaceType({
  description: 'An object with a global id that `node(id:)` resolves.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id, stable across content imports.' })
  id!: string;
}
