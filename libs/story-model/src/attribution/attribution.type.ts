import { Field, ObjectType } from 'type-graphql';

/** The credit of the series the content is adapted from, as the content folder's `series.yaml` gives it. */
@ObjectType({
  simpleResolvers: true,
  description:
    "The credit for the series the content is adapted from. The content is shared under the series' licence " +
    '(CC BY-NC-SA 4.0), which requires this credit, with a link to the licence, wherever the content is shown.',
})
export class Attribution {
  @Field(() => String, { description: 'The series the content is adapted from, such as "#90DaysOfDevOps".' })
  name!: string;

  @Field(() => String, { description: 'Who wrote the series.' })
  author!: string;

  @Field(() => String, { description: 'The licence of the series and of the content, such as "CC BY-NC-SA 4.0".' })
  licence!: string;

  @Field(() => String, { description: "The licence's text." })
  licenceUrl!: string;

  @Field(() => String, { description: 'Where the series is published.' })
  url!: string;

  @Field(() => String, { description: 'The page of the series the stories come from.' })
  page!: string;

  @Field(() => String, { description: 'How the content adapts the series.' })
  note!: string;
}
