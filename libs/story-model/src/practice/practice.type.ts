import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';

/** A DevOps practice stories are tagged with. `stories` is added by a field resolver. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A DevOps practice, such as continuous deployment.',
})
export class Practice implements Node {
  readonly __typename!: 'Practice';

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'One paragraph, plain text.' })
  description!: string;
}
