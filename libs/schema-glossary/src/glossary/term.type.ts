import { Field, ObjectType } from 'type-graphql';

/** A DevOps term with a short definition, as the glossary explains it. */
@ObjectType({ simpleResolvers: true, description: 'A DevOps term and what it means.' })
export class Term {
  @Field(() => String, { description: 'Lower-case kebab-case, unique among terms.' })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The usual short form, such as MTTR.' })
  abbreviation!: string | null;

  @Field(() => String, { description: 'One or two sentences, plain text.' })
  definition!: string;

  /** Slugs of related terms; exposed as `seeAlso` by the resolver. */
  seeAlsoSlugs!: readonly string[];
}
