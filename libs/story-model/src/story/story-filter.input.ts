import { Field, InputType, Int } from 'type-graphql';

/** Narrows a story list; every given field must match. */
@InputType({ description: 'Narrows a story list; every given field must match.' })
export class StoryFilter {
  @Field(() => String, { nullable: true, description: 'A company slug.' })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'A practice slug.' })
  practice?: string | null;

  @Field(() => String, { nullable: true, description: "The company's industry, case-insensitive." })
  industry?: string | null;

  @Field(() => Int, { nullable: true, description: 'Stories set in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Stories set in this year or earlier.' })
  yearTo?: number | null;

  @Field(() => Int, { nullable: true, description: 'Stories of this series day.' })
  day?: number | null;
}
