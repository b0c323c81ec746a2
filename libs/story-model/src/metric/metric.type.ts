import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Source } from '../source/source.type.js';

/** A figure a story reports, with the year it describes and where it comes from. */
@ObjectType({ simpleResolvers: true, description: 'A sourced figure: a value, its unit and the year it describes.' })
export class Metric {
  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'The year the figure describes.' })
  year!: number | null;

  @Field(() => Source, { nullable: true })
  source!: Source | null;
}
