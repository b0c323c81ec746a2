import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../authoring/user-error.type.js';
import { Role } from '../enums.js';

/** An API token as admins see it: never its secret. */
@ObjectType({ description: 'An API token; its secret is shown once, when it is created, and never stored.' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Who uses it; the audit log names writes by it.' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'To the minute.' })
  lastUsedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  revokedAt!: Date | null;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'Unique among live tokens, e.g. "alice".' })
  name!: string;

  @Field(() => Role)
  role!: Role;
}

@ObjectType({ description: 'The outcome of `createApiToken`.' })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken!: ApiToken | null;

  @Field(() => String, {
    nullable: true,
    description: 'The token to send as `Authorization: Bearer <token>`. Shown this once: only its hash is stored.',
  })
  secret!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'Revoke an API token: it stops working at once.' })
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'The outcome of `revokeApiToken`.' })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken!: ApiToken | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
