import { Field, InputType } from 'type-graphql';
import { OrderDirection, StoryOrderField } from '../enums.js';

/** Sort order of a story list; ties are broken by slug. Default: newest published first. */
@InputType({ description: 'Sort order; ties are broken by slug. Default: PUBLISHED_AT DESC.' })
export class StoryOrder {
  @Field(() => StoryOrderField)
  field!: StoryOrderField;

  @Field(() => OrderDirection)
  direction!: OrderDirection;
}
