import { createUnionType, Field, Float, ObjectType } from 'type-graphql';
import { Day } from '../day/day.type.js';
import { Recap } from '../recap/recap.type.js';
import { Story } from '../story/story.type.js';

/** What a search can find. */
export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Anything a search can find.',
  types: () => [Story, Recap, Day] as const,
  resolveType: (value: { __typename?: string }) => value.__typename,
});

/** One ranked search result. */
@ObjectType({ simpleResolvers: true, description: 'One ranked search result.' })
export class SearchHit {
  @Field(() => Float, {
    description:
      'Relevance from 0 to 1, where 1 is the best hit of this search; 0 for a match past the ranked window (see `search`).',
  })
  score!: number;

  @Field(() => String, {
    description: 'Plain text around the best match; matched terms are wrapped in « and ».',
  })
  snippet!: string;

  @Field(() => SearchResult)
  node!: Story | Recap | Day;
}
