import { Origin, PublicationStatus } from '@devops-stories/story-model';
import type {
  AuthoredRecord,
  CompanyRecord,
  DayRecord,
  PracticeRecord,
  RecapRecord,
  RenderedBody,
  StorySummaryRecord,
} from '@devops-stories/story-store';
import type { StoryStatus } from '@devops-stories/story-content';
import { toGlobalId } from '../relay/global-id.js';

/** A record's origin and status as the GraphQL enums spell them. */
type Served<R> = Omit<R, 'origin' | 'status'> & { origin: Origin } & (R extends { status: StoryStatus }
    ? { status: PublicationStatus }
    : unknown);

/**
 * A stored story as the graph resolves it: its record plus `__typename` and global id. A story
 * from a list has no body; {@link storyBody} loads it when a field needs it.
 */
export type StoryNode = Served<StorySummaryRecord> & Partial<RenderedBody> & { __typename: 'Story'; id: string };
export type CompanyNode = Served<CompanyRecord> & { __typename: 'Company'; id: string };
export type PracticeNode = Served<PracticeRecord> & { __typename: 'Practice'; id: string };
export type DayNode = Served<DayRecord> & { __typename: 'Day'; id: string };
export type RecapNode = Served<RecapRecord> & { __typename: 'Recap'; id: string };

const ORIGINS: Record<AuthoredRecord['origin'], Origin> = { file: Origin.FILE, api: Origin.API };
const STATUSES: Record<StoryStatus, PublicationStatus> = {
  published: PublicationStatus.PUBLISHED,
  draft: PublicationStatus.DRAFT,
};

export const storyNode = (r: StorySummaryRecord & Partial<RenderedBody>): StoryNode => ({
  ...r,
  origin: ORIGINS[r.origin],
  status: STATUSES[r.status],
  __typename: 'Story',
  id: toGlobalId('Story', r.slug),
});
export const companyNode = (r: CompanyRecord): CompanyNode => ({
  ...r,
  origin: ORIGINS[r.origin],
  __typename: 'Company',
  id: toGlobalId('Company', r.slug),
});
export const practiceNode = (r: PracticeRecord): PracticeNode => ({
  ...r,
  origin: ORIGINS[r.origin],
  __typename: 'Practice',
  id: toGlobalId('Practice', r.slug),
});
export const dayNode = (r: DayRecord): DayNode => ({
  ...r,
  origin: ORIGINS[r.origin],
  __typename: 'Day',
  id: toGlobalId('Day', r.number),
});
export const recapNode = (r: RecapRecord): RecapNode => ({
  ...r,
  origin: ORIGINS[r.origin],
  status: STATUSES[r.status],
  __typename: 'Recap',
  id: toGlobalId('Recap', r.day),
});

/** Maps a nullable record. */
export function maybe<R, N>(record: R | null | undefined, toNode: (r: R) => N): N | null {
  return record == null ? null : toNode(record);
}
