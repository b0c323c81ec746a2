import type { NodeTypename } from '@devops-stories/story-model';
import type { StoryContext } from '../context/story.context.js';
import {
  type CompanyNode,
  companyNode,
  type DayNode,
  dayNode,
  maybe,
  type PracticeNode,
  practiceNode,
  type RecapNode,
  recapNode,
  type StoryNode,
  storyNode,
} from './nodes.js';

/** What {@link loadNode} returns for each kind of node. */
export interface NodesByTypename {
  Story: StoryNode;
  Company: CompanyNode;
  Practice: PracticeNode;
  Day: DayNode;
  Recap: RecapNode;
}

/**
 * Loads one node by its kind and key (a slug, or a day number as text) through the
 * request's loaders, so it shares their batching, cache and view: a draft is `null`.
 * `node(id:)` and search both resolve their nodes here.
 */
export async function loadNode<K extends NodeTypename>(
  ctx: StoryContext,
  typename: K,
  key: string,
): Promise<NodesByTypename[K] | null>;
export async function loadNode(
  ctx: StoryContext,
  typename: NodeTypename,
  key: string,
): Promise<NodesByTypename[NodeTypename] | null> {
  const l = ctx.loaders;
  switch (typename) {
    case 'Story':
      return maybe(await l.storyBySlug.load(key), storyNode);
    case 'Company':
      return maybe(await l.companyBySlug.load(key), companyNode);
    case 'Practice':
      return maybe(await l.practiceBySlug.load(key), practiceNode);
    case 'Day':
      return maybe(await l.dayByNumber.load(Number(key)), dayNode);
    case 'Recap':
      return maybe(await l.recapByDay.load(Number(key)), recapNode);
  }
}
