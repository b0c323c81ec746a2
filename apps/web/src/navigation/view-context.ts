import type { Route } from './route.js';

/** A chip filter's kind. */
export type FilterKind = 'practice' | 'company';

/**
 * What a view needs from the element: its settings, the current route, and the reader's
 * actions, which the element turns into route changes, history entries and events.
 */
export interface ViewContext {
  readonly endpoint: string;
  /** Stories per page, as given (the list clamps it). */
  readonly pageSize: number;
  /** The `day` attribute: the story list shows that day's stories. */
  readonly listDay?: number;
  readonly route: Route;
  readonly renderRoot: ParentNode;
  openStory(slug: string): void;
  openDay(day: number): void;
  openRecap(day: number): void;
  /** Closes the open story or day. */
  back(): void;
  toggleFilter(kind: FilterKind, slug: string): void;
  clearFilters(): void;
}
