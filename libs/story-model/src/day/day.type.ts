import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';

/** A day of the learning series. `recap` and `stories` are added by field resolvers. */
@ObjectType({ simpleResolvers: true, implements: Node, description: 'A day of the learning series.' })
export class Day implements Node {
  readonly __typename!: 'Day';

  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'The block of the series the day belongs to.' })
  topic!: string;

  @Field(() => String)
  summary!: string;
}
