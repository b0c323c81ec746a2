import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from '../enums.js';

/** A problem with a mutation's input that its author can fix; the mutation changed nothing. */
@ObjectType({ description: 'A problem with a mutation input that its author can fix; nothing was changed.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path of the input field, such as ["metrics", "0", "year"]; null for the input as a whole.',
  })
  field!: string[] | null;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => String)
  message!: string;
}
