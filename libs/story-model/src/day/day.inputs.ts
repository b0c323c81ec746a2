import { Field, ID, InputType, Int } from 'type-graphql';
import { createRecordRefInput } from '../authoring/record-ref.input.js';

@InputType({ description: 'A new series day.' })
export class CreateDayInput {
  @Field(() => Int, { description: 'The day number, unique; it cannot change later.' })
  number!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  topic!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => String, { description: 'Markdown.' })
  body!: string;
}

@InputType({ description: 'A change to an API day: the fields given replace the current ones.' })
export class UpdateDayInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The `version` you last read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}

export const DeleteDayInput = createRecordRefInput('DeleteDay', 'day');
