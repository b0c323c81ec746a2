import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { createPayloadType } from '../authoring/payload.type.js';
import { UserError } from '../authoring/user-error.type.js';
import { createConnectionTypes } from '../connection/connection.type.js';
import { SubmissionStatus } from '../enums.js';
import { Story } from '../story/story.type.js';

/** A reader's story as moderators see it. `story` is added by a field resolver. */
@ObjectType({ description: "A reader's story, for moderators. Never public content." })
export class Submission {
  @Field(() => ID)
  id!: string;

  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Field(() => String, { description: 'The company, as the reader wrote it.' })
  company!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  whatChanged!: string;

  @Field(() => String)
  outcome!: string;

  @Field(() => [String], { description: 'Sources, http(s) URLs.' })
  links!: string[];

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the reader; moderators only.' })
  contact!: string | null;

  @Field(() => String, { nullable: true, description: "The moderator's note, which the submitter sees." })
  publicNote!: string | null;

  @Field(() => GraphQLDateTimeISO)
  submittedAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The name of the token that reviewed it.' })
  reviewedBy!: string | null;

  @Field(() => Int)
  version!: number;
}

/** What a submitter may learn with their receipt: nothing but the status and the public note. */
@ObjectType({ description: 'Where a submission stands, as its receipt shows it.' })
export class SubmissionReceipt {
  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Field(() => String, { nullable: true, description: "The moderator's note to you, once reviewed." })
  publicNote!: string | null;
}

const connection = createConnectionTypes(Submission, 'Submission');
/** A page of submissions. */
export const SubmissionConnection = connection.Connection;

@InputType({ description: 'Your DevOps adoption story, for the moderators to review. Plain text only.' })
export class SubmitStoryInput {
  @Field(() => String, { description: 'The company that adopted DevOps.' })
  company!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What changed: practices, tools, teams.' })
  whatChanged!: string;

  @Field(() => String, { description: 'What came of it, with figures where you have them.' })
  outcome!: string;

  @Field(() => [String], { description: 'At least one public source, an http(s) URL.' })
  links!: string[];

  @Field(() => String, { nullable: true, description: 'Your name, if you would like credit.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'How moderators may reach you; never published.' })
  contact?: string | null;
}

@ObjectType({ description: 'The outcome of `submitStory`.' })
export class SubmitStoryPayload {
  @Field(() => String, {
    nullable: true,
    description: 'Keep it: `submission(receipt:)` shows where your submission stands. Shown once.',
  })
  receipt!: string | null;

  @Field(() => SubmissionStatus, { nullable: true })
  status!: SubmissionStatus | null;

  @Field(() => [UserError], { description: 'Empty when the submission was stored.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Approve a pending submission: a draft story is created from it.' })
export class ApproveSubmissionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'A note the submitter sees.' })
  note?: string | null;
}

@InputType({ description: 'Reject a pending submission.' })
export class RejectSubmissionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Why, for the submitter to see.' })
  reason!: string;
}

export const RejectSubmissionPayload = createPayloadType(
  'RejectSubmission',
  'submission',
  Submission,
  'The submission as rejected; null when nothing changed.',
);

@ObjectType({ description: 'The outcome of `approveSubmission`.' })
export class ApproveSubmissionPayload {
  @Field(() => Submission, { nullable: true, description: 'The submission as approved; null when nothing changed.' })
  submission!: Submission | null;

  @Field(() => Story, {
    nullable: true,
    description: 'The draft story created from it, for an editor to complete and publish.',
  })
  story!: Story | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
