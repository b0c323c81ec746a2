import { Field, Int, ObjectType } from 'type-graphql';
import { SourceKind } from '../enums.js';

/** A publication a story cites. */
@ObjectType({ simpleResolvers: true, description: 'A publication a story or a metric cites.' })
export class Source {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  url!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the source was published.' })
  year!: number | null;
}
