import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Origin } from '../enums.js';
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
