import { ModeratorNoteSchema, SubmissionInputSchema, validate } from '@devops-stories/story-content';
import {
  ApproveSubmissionInput,
  ApproveSubmissionPayload,
  DEFAULT_PAGE_SIZE,
  ForwardPageArgs,
  MUTATION_COST,
  MUTATION_COST_NOTE,
  pagedCost,
  pagedCostNote,
  RejectSubmissionInput,
  RejectSubmissionPayload,
  Story,
  Submission,
  SubmissionConnection,
  SubmissionReceipt,
  SubmissionStatus,
  SubmitStoryInput,
  SubmitStoryPayload,
  UserErrorCode,
} from '@devops-stories/story-model';
import type { StoryRecord, SubmissionRecord, TokenRole } from '@devops-stories/story-store';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, invalid, refused } from '../authoring/user-errors.js';
import type { StoryContext } from '../context/story.context.js';
import { rateLimited } from '../errors/auth-errors.js';
import { storyNode } from '../node/nodes.js';
import { planPage, toConnection } from '../relay/paging.js';

const MODERATOR: TokenRole = 'moderator';
const STATUSES = {
  [SubmissionStatus.PENDING]: 'pending',
  [SubmissionStatus.APPROVED]: 'approved',
  [SubmissionStatus.REJECTED]: 'rejected',
} as const;
const BY_STORE_STATUS = {
  pending: SubmissionStatus.PENDING,
  approved: SubmissionStatus.APPROVED,
  rejected: SubmissionStatus.REJECTED,
} as const;
const ORDER = 'id:desc';

/** A stored submission as the graph serves it to moderators. */
export type SubmissionNode = Omit<SubmissionRecord, 'id' | 'status'> & { id: string; status: SubmissionStatus };

function submissionNode(r: SubmissionRecord): SubmissionNode {
  return { ...r, id: String(r.id), status: BY_STORE_STATUS[r.status] };
}

/** The submission id a moderator sent, or null for one this API never issued. */
function submissionId(id: string): number | null {
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}

const notFound = (id: string) => ({
  field: ['id'],
  code: UserErrorCode.NOT_FOUND,
  message: `There is no submission ${JSON.stringify(id.slice(0, 40))}.`,
});

const drafts = new WeakMap<StoryContext, DataLoader<string, StoryRecord | null>>();

/** The draft stories approvals created, batched per request; moderators see them whatever their status. */
function draftLoader(ctx: StoryContext): DataLoader<string, StoryRecord | null> {
  let loader = drafts.get(ctx);
  if (!loader) drafts.set(ctx, (loader = new DataLoader((slugs) => ctx.store.storiesBySlugs(slugs, 'all'))));
  return loader;
}

/** Community submissions: anyone submits, the receipt shows the status, moderators review. */
@Resolver(() => Submission)
export class SubmissionResolver {
  @Mutation(() => SubmitStoryPayload, {
    description:
      'Submits your DevOps adoption story for review; no token needed. Keep the receipt. Limited per client ' +
      `address (RATE_LIMITED with retryAfterSeconds over it). ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async submitStory(@Arg('input', () => SubmitStoryInput) input: SubmitStoryInput, @Ctx() ctx: StoryContext) {
    ctx.cacheScope.markPrivate();
    const checked = validate(SubmissionInputSchema, { ...input });
    if (!checked.ok) return { receipt: null, status: null, userErrors: invalid(checked.issues) };
    const retryAfter = await ctx.submissionGate(ctx.clientAddress);
    if (retryAfter !== null) {
      throw rateLimited(
        `This address has sent the most submissions allowed for now; retry in ${retryAfter} s. Nothing was stored.`,
        retryAfter,
      );
    }
    const { receipt } = await ctx.store.submit(checked.value);
    return { receipt, status: SubmissionStatus.PENDING, userErrors: [] };
  }

  @Query(() => SubmissionReceipt, {
    nullable: true,
    description: 'Where your submission stands, by the receipt `submitStory` gave you; null for an unknown receipt.',
  })
  async submission(@Arg('receipt', () => String) receipt: string, @Ctx() ctx: StoryContext) {
    ctx.cacheScope.markPrivate();
    const s = await ctx.store.submissionByReceipt(receipt);
    return s && { status: BY_STORE_STATUS[s.status], publicNote: s.publicNote };
  }

  @Authorized(MODERATOR)
  @Query(() => SubmissionConnection, {
    description: `Submissions newest first, in one status or all; moderators. ${pagedCostNote(DEFAULT_PAGE_SIZE)}`,
    complexity: pagedCost(DEFAULT_PAGE_SIZE),
  })
  async submissions(
    @Arg('status', () => SubmissionStatus, { nullable: true }) status: SubmissionStatus | null,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: StoryContext,
  ) {
    ctx.cacheScope.markPrivate();
    const plan = planPage(page, ctx.cursors, { order: ORDER, filter: { status } });
    const result = await ctx.store.listSubmissions(status ? STATUSES[status] : null, {
      afterId: plan.start ? Number(plan.start.value) : null,
      limit: plan.size,
    });
    const nodes = result.rows.map((r) => ({
      node: submissionNode(r),
      position: { order: ORDER, value: r.id, slug: String(r.id) },
    }));
    return toConnection(nodes, plan, result.hasMore, result.totalCount, ctx.cursors);
  }

  @FieldResolver(() => Story, { nullable: true, description: 'The draft story an approval created from it.' })
  async story(@Root() submission: SubmissionNode, @Ctx() ctx: StoryContext) {
    if (!submission.storySlug) return null;
    const story = await draftLoader(ctx).load(submission.storySlug);
    return story && storyNode(story);
  }

  @Authorized(MODERATOR)
  @Mutation(() => ApproveSubmissionPayload, {
    description: `Approves a pending submission: creates a draft story from it (and its company, if new), linked back, for an editor to complete and publish. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async approveSubmission(
    @Arg('input', () => ApproveSubmissionInput) input: ApproveSubmissionInput,
    @Ctx() ctx: StoryContext,
  ) {
    const none = { submission: null, story: null };
    const id = submissionId(input.id);
    if (id === null) return { ...none, userErrors: [notFound(input.id)] };
    let note: string | null = null;
    if (input.note != null) {
      const checked = validate(ModeratorNoteSchema, input.note);
      if (!checked.ok) return { ...none, userErrors: invalid(checked.issues.map((i) => ({ ...i, path: ['note'] }))) };
      note = checked.value;
    }
    const result = await ctx.store.approveSubmission(id, note, actorOf(ctx));
    if (!result.ok) return { ...none, userErrors: [refused(result.problem)] };
    return {
      submission: submissionNode(result.record.submission),
      story: storyNode(result.record.story),
      userErrors: [],
    };
  }

  @Authorized(MODERATOR)
  @Mutation(() => RejectSubmissionPayload, {
    description: `Rejects a pending submission; the submitter sees the reason. ${MUTATION_COST_NOTE}`,
    complexity: MUTATION_COST,
  })
  async rejectSubmission(
    @Arg('input', () => RejectSubmissionInput) input: RejectSubmissionInput,
    @Ctx() ctx: StoryContext,
  ) {
    const id = submissionId(input.id);
    if (id === null) return { submission: null, userErrors: [notFound(input.id)] };
    const checked = validate(ModeratorNoteSchema, input.reason);
    if (!checked.ok) {
      return { submission: null, userErrors: invalid(checked.issues.map((i) => ({ ...i, path: ['reason'] }))) };
    }
    const result = await ctx.store.rejectSubmission(id, checked.value, actorOf(ctx));
    return result.ok
      ? { submission: submissionNode(result.record), userErrors: [] }
      : { submission: null, userErrors: [refused(result.problem)] };
  }
}
