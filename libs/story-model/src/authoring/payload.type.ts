import { type ClassType, Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error.type.js';

/** What every mutation payload carries. */
export interface PayloadShape {
  userErrors: UserError[];
}

/**
 * Creates the `<Name>Payload` object type of one mutation: `field` holds the record written
 * (null when nothing was), `userErrors` what the author can fix. Call once per name, at module level.
 */
export function createPayloadType<T extends object>(
  name: string,
  field: string,
  type: ClassType<T>,
  description: string,
) {
  @ObjectType(`${name}Payload`, { description: `The outcome of \`${name.charAt(0).toLowerCase()}${name.slice(1)}\`.` })
  class Payload implements PayloadShape {
    @Field(() => [UserError], { description: 'Empty when the mutation succeeded.' })
    userErrors!: UserError[];
  }
  Field(() => type, { nullable: true, description })(Payload.prototype, field);
  return Payload;
}
