import {
  AuditEntry,
  AuditEntryConnection,
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  pagedCost,
  pagedCostNote,
} from '@devops-stories/story-model';
import type { TokenRole } from '@devops-stories/story-store';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { StoryContext } from '../context/story.context.js';
import { planPage, toConnection } from '../relay/paging.js';

const ADMIN: TokenRole = 'admin';
const ORDER = 'id:desc';

/** The audit log: every write, newest first; admins. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(ADMIN)
  @Query(() => AuditEntryConnection, {
    description: `Every write, newest first: who, what, when, version before and after; admins. ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async auditLog(@Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: StoryContext) {
    ctx.cacheScope.markPrivate();
    const plan = planPage(page, ctx.cursors, { order: ORDER });
    const result = await ctx.store.listAudit({
      afterId: plan.start ? Number(plan.start.value) : null,
      limit: plan.size,
    });
    const nodes = result.rows.map((r) => ({
      node: { ...r, id: String(r.id) },
      position: { order: ORDER, value: r.id, slug: String(r.id) },
    }));
    return toConnection(nodes, plan, result.hasMore, result.totalCount, ctx.cursors);
  }
}
