import { type ClassType, Field, ID, InputType, Int } from 'type-graphql';

/** The input of a mutation on one existing record: its id and the version the author last read. */
export interface RecordRefShape {
  id: string;
  expectedVersion: number;
}

/**
 * Creates `<Name>Input` with `id` and `expectedVersion`, for the delete and publish mutations.
 * Call once per name, at module level.
 */
export function createRecordRefInput(name: string, what: string): ClassType<RecordRefShape> {
  @InputType(`${name}Input`, { description: `Which ${what}, at which version.` })
  class RecordRef implements RecordRefShape {
    @Field(() => ID, { description: `The ${what}'s \`id\`.` })
    id!: string;

    @Field(() => Int, {
      description: 'The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing.',
    })
    expectedVersion!: number;
  }
  return RecordRef;
}
