import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';

/** A company that tells one or more stories. `stories` is added by a field resolver. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A company whose DevOps adoption is told in stories.',
})
export class Company implements Node {
  readonly __typename!: 'Company';

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  industry!: string;
}
