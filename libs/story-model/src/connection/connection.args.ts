import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.js';

/** Forward-only paging arguments, for nested lists. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier page.' })
  after?: string | null;
}

/** Paging in both directions: `first`/`after` forward, `last`/`before` backward. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the end: 1 to ${MAX_PAGE_SIZE}. Not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from an earlier page.' })
  before?: string | null;
}
