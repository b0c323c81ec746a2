import type {
  CompanyRecord,
  DayRecord,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  StorySummaryRecord,
} from '@devops-stories/story-store';
import { toGlobalId } from '../relay/global-id.js';

/**
 * A stored story as the graph resolves it: its record plus `__typename` and global id. A story
 * from a list has no body; {@link storyBody} loads it when a field needs it.
 */
export type StoryNode = StorySummaryRecord & Partial<RenderedBody> & { __typename: 'Story'; id: string };
export type CompanyNode = CompanyRecord & { __typename: 'Company'; id: string };
export type PracticeNode = PracticeRecord & { __typename: 'Practice'; id: string };
export type DayNode = DayRecord & { __typename: 'Day'; id: string };
export type RecapNode = RecapRecord & { __typename: 'Recap'; id: string };

export const storyNode = (r: StorySummaryRecord & Partial<RenderedBody>): StoryNode => ({
  ...r,
  __typename: 'Story',
  id: toGlobalId('Story', r.slug),
});
export const companyNode = (r: CompanyRecord): CompanyNode => ({
  ...r,
  __typename: 'Company',
  id: toGlobalId('Company', r.slug),
});
export const practiceNode = (r: PracticeRecord): PracticeNode => ({
  ...r,
  __typename: 'Practice',
  id: toGlobalId('Practice', r.slug),
});
export const dayNode = (r: DayRecord): DayNode => ({ ...r, __typename: 'Day', id: toGlobalId('Day', r.number) });
export const recapNode = (r: RecapRecord): RecapNode => ({ ...r, __typename: 'Recap', id: toGlobalId('Recap', r.day) });

/** Maps a nullable record. */
export function maybe<R, N>(record: R | null | undefined, toNode: (r: R) => N): N | null {
  return record == null ? null : toNode(record);
}
