import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';

/** A recap closing a block of days. `stories` is added by a field resolver. */
@ObjectType({ simpleResolvers: true, implements: Node, description: 'The recap that closes a block of days.' })
export class Recap implements Node {
  readonly __typename!: 'Recap';

  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The day the recap is published on.' })
  day!: number;

  @Field(() => String)
  title!: string;

  @Field(() => [String])
  points!: string[];

  @Field(() => [Int])
  coversDays!: number[];
}
