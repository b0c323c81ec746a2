import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { createConnectionTypes } from '../connection/connection.type.js';

/** One write, as the audit log keeps it. */
@ObjectType({ description: 'One write: who, what, when, and the version before and after.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTimeISO)
  at!: Date;

  @Field(() => String, { description: 'The token name; `anonymous` for a submission, `cli` for the token CLI.' })
  actor!: string;

  @Field(() => String, { description: 'The mutation, such as updateStory.' })
  operation!: string;

  @Field(() => String, { description: 'Story, Company, Practice, Day, Recap, Submission or ApiToken.' })
  recordType!: string;

  @Field(() => String, { description: 'The record: a slug, a day number or an id.' })
  recordKey!: string;

  @Field(() => Int, { nullable: true, description: 'Null when the write created the record.' })
  versionBefore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when the write deleted the record.' })
  versionAfter!: number | null;
}

const connection = createConnectionTypes(AuditEntry, 'AuditEntry');
/** A page of the audit log. */
export const AuditEntryConnection = connection.Connection;
