import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Origin } from '../enums.js';
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

  @Field(() => Int, {
    description: 'Goes up by one with each change; `update*` mutations take the version they expect.',
  })
  version!: number;

  @Field(() => Origin, { description: 'Where the record comes from; a FILE record is edited in its file.' })
  origin!: Origin;

  @Field(() => String, {
    nullable: true,
    description: 'For a FILE record, its file in the content folder, such as stories/amazon.md.',
  })
  sourceFile!: string | null;
}
