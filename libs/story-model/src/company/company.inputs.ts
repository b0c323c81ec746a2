import { Field, ID, InputType, Int } from 'type-graphql';
import { createRecordRefInput } from '../authoring/record-ref.input.js';

@InputType({ description: 'A new company.' })
export class CreateCompanyInput {
  @Field(() => String, { description: 'Lower-case kebab-case, unique among companies; it cannot change later.' })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  industry!: string;

  @Field(() => String, { description: 'Markdown.' })
  description!: string;
}

@InputType({ description: 'A change to an API company: the fields given replace the current ones.' })
export class UpdateCompanyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The `version` you last read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

export const DeleteCompanyInput = createRecordRefInput('DeleteCompany', 'company');
