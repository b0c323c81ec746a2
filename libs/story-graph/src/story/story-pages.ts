import {
  type ConnectionShape,
  OrderDirection,
  type StoryFilter,
  type StoryOrder,
  StoryOrderField,
} from '@devops-stories/story-model';
import type { StoryListPage, StorySortField } from '@devops-stories/story-store';
import type DataLoader from 'dataloader';
import { type StoryNode, storyNode } from '../node/nodes.js';
import { type PageRequest, planPage, toConnection } from '../relay/paging.js';
import type { StoryContext } from '../context/story.context.js';
import type { NestedPageKey } from '../context/story.loaders.js';
import { storyListFilter } from './story-filter.js';

const SORT_FIELDS: Record<StoryOrderField, StorySortField> = {
  [StoryOrderField.PUBLISHED_AT]: 'publishedAt',
  [StoryOrderField.YEAR]: 'year',
  [StoryOrderField.TITLE]: 'title',
};

/** The order nested story lists use, and the default of `stories`. */
export const DEFAULT_STORY_ORDER: StoryOrder = { field: StoryOrderField.PUBLISHED_AT, direction: OrderDirection.DESC };
const NESTED_ORDER = 'publishedAt:desc';

/**
 * One page of `stories`, with `totalCount` under the same filter: validates the
 * arguments, applies the request's view and pages with signed keyset cursors.
 *
 * @throws BAD_USER_INPUT for bad paging arguments or an inverted year range.
 */
export async function listStories(
  ctx: StoryContext,
  filter: StoryFilter | null | undefined,
  order: StoryOrder | null | undefined,
  page: PageRequest,
): Promise<ConnectionShape<StoryNode>> {
  const f = storyListFilter(filter);
  const sort = {
    field: SORT_FIELDS[(order ?? DEFAULT_STORY_ORDER).field],
    direction: (order ?? DEFAULT_STORY_ORDER).direction === OrderDirection.ASC ? ('asc' as const) : ('desc' as const),
  };
  const orderKey = `${sort.field}:${sort.direction}`;
  const plan = planPage(page, ctx.cursors, { order: orderKey, filter: f });
  const start = plan.start && { value: plan.start.value, slug: plan.start.slug };
  const result = await ctx.store.listStories({
    filter: f,
    sort,
    from:
      plan.direction === 'forward' ? { direction: 'forward', after: start } : { direction: 'backward', before: start },
    limit: plan.size,
    view: ctx.view,
  });
  ctx.loaders.prime(result.rows.map((r) => r.story));
  return toConnection(
    result.rows.map((r) => ({ node: storyNode(r.story), position: { order: orderKey, ...r.key } })),
    plan,
    result.hasMore,
    result.totalCount,
    ctx.cursors,
  );
}

/**
 * One page of a nested list (a company's or a practice's stories), newest first, which `loader`
 * reads in SQL for many parents in one batched statement; cursors continue after their story's
 * publication time and slug even when that story is gone. `parent` is the owner's global id, which
 * binds the page's cursors to this one list.
 *
 * @throws BAD_USER_INPUT for bad paging arguments.
 */
export async function pageNestedStories(
  ctx: StoryContext,
  loader: DataLoader<NestedPageKey, StoryListPage, string>,
  parentRowId: number,
  page: PageRequest,
  parent: string,
): Promise<ConnectionShape<StoryNode>> {
  const plan = planPage(page, ctx.cursors, { order: NESTED_ORDER, parent });
  const after = plan.start && { value: plan.start.value, slug: plan.start.slug };
  const result = await loader.load({ id: parentRowId, after, limit: plan.size });
  ctx.loaders.prime(result.rows.map((r) => r.story));
  return toConnection(
    result.rows.map((r) => ({ node: storyNode(r.story), position: { order: NESTED_ORDER, ...r.key } })),
    plan,
    result.hasMore,
    result.totalCount,
    ctx.cursors,
  );
}
