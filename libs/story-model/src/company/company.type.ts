import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Origin } from '../enums.js';
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
