import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Origin, PublicationStatus } from '../enums.js';
import { Node } from '../node/node.type.js';

/**
 * A company's DevOps adoption story.
 *
 * Only the story's own data lives here; relations (`company`, `practices`,
 * `metrics`, `sources`, `day`, `related`) and computed fields (`body`,
 * `readingTimeMinutes`) are added by field resolvers, so schema modules can
 * extend `Story` the same way.
 */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'How one company adopted DevOps, with its sourced figures.',
})
export class Story implements Node {
  readonly __typename!: 'Story';

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Lower-case kebab-case, unique among stories.' })
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'A one-line hook for lists and cards.' })
  headline!: string;

  @Field(() => Int, { nullable: true, description: 'The year the story is set in, when known.' })
  year!: number | null;

  @Field(() => String, { description: 'One or two sentences, plain text.' })
  summary!: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO)
  updatedAt!: Date;

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
