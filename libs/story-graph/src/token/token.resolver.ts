import { TokenNameSchema, validate } from '@devops-stories/story-content';
import {
  ApiToken,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  Role,
  UserErrorCode,
} from '@devops-stories/story-model';
import type { TokenRecord, TokenRole } from '@devops-stories/story-store';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, invalid, refused } from '../authoring/user-errors.js';
import type { StoryContext } from '../context/story.context.js';

const ADMIN: TokenRole = 'admin';
const ROLES: Record<Role, TokenRole> = {
  [Role.EDITOR]: 'editor',
  [Role.MODERATOR]: 'moderator',
  [Role.ADMIN]: 'admin',
};
const BY_STORE_ROLE: Record<TokenRole, Role> = { editor: Role.EDITOR, moderator: Role.MODERATOR, admin: Role.ADMIN };

function apiToken(r: TokenRecord) {
  return { ...r, id: String(r.id), role: BY_STORE_ROLE[r.role] };
}

/** API tokens: admins list, create and revoke them. */
@Resolver(() => ApiToken)
export class TokenResolver {
  @Authorized(ADMIN)
  @Query(() => [ApiToken], { description: 'Every API token, revoked ones too; admins.' })
  async apiTokens(@Ctx() ctx: StoryContext) {
    return (await ctx.store.listTokens()).map(apiToken);
  }

  @Authorized(ADMIN)
  @Mutation(() => CreateApiTokenPayload, {
    description: `Creates an API token; its secret is in the payload, once. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: StoryContext) {
    ctx.cacheScope.markPrivate();
    const checked = validate(TokenNameSchema, input.name);
    if (!checked.ok) {
      return {
        apiToken: null,
        secret: null,
        userErrors: invalid(checked.issues.map((i) => ({ ...i, path: ['name'] }))),
      };
    }
    const result = await ctx.store.createToken(checked.value, ROLES[input.role], actorOf(ctx));
    return result.ok
      ? { apiToken: apiToken(result.record.record), secret: result.record.token, userErrors: [] }
      : { apiToken: null, secret: null, userErrors: [refused(result.problem)] };
  }

  @Authorized(ADMIN)
  @Mutation(() => RevokeApiTokenPayload, {
    description: `Revokes an API token: it stops working at once. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async revokeApiToken(@Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: StoryContext) {
    if (!/^[1-9]\d{0,15}$/.test(input.id)) {
      return {
        apiToken: null,
        userErrors: [{ field: ['id'], code: UserErrorCode.NOT_FOUND, message: 'There is no token with this id.' }],
      };
    }
    const result = await ctx.store.revokeToken(Number(input.id), actorOf(ctx));
    return result.ok
      ? { apiToken: apiToken(result.record), userErrors: [] }
      : { apiToken: null, userErrors: [refused(result.problem)] };
  }
}
