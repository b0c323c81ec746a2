import { Field, ID, InputType, Int } from 'type-graphql';
import { createRecordRefInput } from '../authoring/record-ref.input.js';

@InputType({ description: 'A new recap; it is a draft until `publishRecap`.' })
export class CreateRecapInput {
  @Field(() => Int, { description: 'The day the recap is published on (an existing day); it cannot change later.' })
  day!: number;

  @Field(() => String)
  title!: string;

  @Field(() => [Int])
  coversDays!: number[];

  @Field(() => [String])
  points!: string[];

  @Field(() => [String], { description: 'Slugs of the stories it links, in order.' })
  stories!: string[];

  @Field(() => String, { description: 'Markdown.' })
  body!: string;
}

@InputType({
  description: 'A change to an API recap: the fields given replace the current ones; lists are replaced whole.',
})
export class UpdateRecapInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The `version` you last read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [Int], { nullable: true })
  coversDays?: number[] | null;

  @Field(() => [String], { nullable: true })
  points?: string[] | null;

  @Field(() => [String], { nullable: true })
  stories?: string[] | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}

export const DeleteRecapInput = createRecordRefInput('DeleteRecap', 'recap');
export const PublishRecapInput = createRecordRefInput('PublishRecap', 'recap');
export const UnpublishRecapInput = createRecordRefInput('UnpublishRecap', 'recap');
