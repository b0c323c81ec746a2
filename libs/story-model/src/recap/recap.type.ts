import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Origin, PublicationStatus } from '../enums.js';
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

  @Field(() => PublicationStatus, { description: 'Readers see PUBLISHED only; drafts appear in preview.' })
  status!: PublicationStatus;
}
