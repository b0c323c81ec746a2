import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IN_PAGE_COST } from './connection.cost.js';
import { PageInfo } from './page-info.type.js';

/** An edge: one node and the opaque cursor that pages after or before it. */
export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/** What every connection resolver returns. */
export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Creates the `<Name>Edge` and `<Name>Connection` object types for a node type.
 *
 * Call it once per node type at module level; calling it twice for one name
 * defines the GraphQL type twice and schema building fails.
 */
export function createConnectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `A ${name} in a page, with its cursor.` })
  class Edge implements EdgeShape<T> {
    @Field(() => String, { description: 'Pass as `after` or `before` to page from here.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} nodes.` })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge], { complexity: IN_PAGE_COST })
    edges!: Edge[];

    @Field(() => [nodeType], { complexity: IN_PAGE_COST })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many nodes match the same filter, on all pages.' })
    totalCount!: number;
  }

  return { Edge, Connection };
}
