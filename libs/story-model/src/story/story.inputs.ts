import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { createRecordRefInput } from '../authoring/record-ref.input.js';
import { SourceKind } from '../enums.js';

/** A source a story cites, as an author writes it. */
@InputType({ description: 'A source the story cites; metrics cite it by `id`.' })
export class SourceInput {
  @Field(() => String, { description: 'Lower-case kebab-case, unique within the story.' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'An absolute http(s) URL.' })
  url!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'The publisher or venue, not a speaker.' })
  publisher?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required when a metric cites the source.' })
  year?: number | null;
}

/** A figure of a story, as an author writes it. */
@InputType({ description: 'A figure with the year it describes and the source that gives it.' })
export class MetricInput {
  @Field(() => String, { description: 'What readers see; keeps the qualifier\'s words, e.g. "Employees (about)".' })
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => Int, { description: "The year the figure describes, not after its source's year." })
  year!: number;

  @Field(() => String, { nullable: true, description: '"about", "up to" or "more than", when the source says so.' })
  qualifier?: string | null;

  @Field(() => String, { description: "The `id` of one of the story's sources." })
  source!: string;
}

/** The content of a story, as `createStory` takes it and `updateStory` changes it. */
@InputType({ description: 'A new story; it is a draft until `publishStory`.' })
export class CreateStoryInput {
  @Field(() => String, { description: 'Lower-case kebab-case, unique among stories; it cannot change later.' })
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  headline!: string;

  @Field(() => String, { description: 'The slug of the company.' })
  company!: string;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'The series day the story belongs to.' })
  day?: number | null;

  @Field(() => String)
  summary!: string;

  @Field(() => [String], { description: 'Practice slugs, at least one.' })
  practices!: string[];

  @Field(() => [SourceInput], { description: 'At least one.' })
  sources!: SourceInput[];

  @Field(() => [MetricInput], { nullable: true })
  metrics?: MetricInput[] | null;

  @Field(() => String, { description: 'Markdown; raw HTML in it is shown as text.' })
  body!: string;
}

/** A change to a story: the fields given replace the current ones, the rest stay. */
@InputType({
  description: 'A change to an API story: the fields given replace the current ones; lists are replaced whole.',
})
export class UpdateStoryInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    description: 'The `version` you last read; a newer one is VERSION_CONFLICT and changes nothing.',
  })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  headline?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true })
  day?: number | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  practices?: string[] | null;

  @Field(() => [SourceInput], { nullable: true })
  sources?: SourceInput[] | null;

  @Field(() => [MetricInput], { nullable: true })
  metrics?: MetricInput[] | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}

export const DeleteStoryInput = createRecordRefInput('DeleteStory', 'story');
export const PublishStoryInput = createRecordRefInput('PublishStory', 'story');
export const UnpublishStoryInput = createRecordRefInput('UnpublishStory', 'story');
