/** Which main view the element shows. */
export type DevopsStoriesView = 'stories' | 'recap';

/**
 * Everything a reader can change that a link can restore: the view, what is open in it, the
 * chip filters and the search. Attributes give the first route; the reader and, with
 * `link-state="hash"`, the URL fragment change it.
 */
export interface Route {
  view: DevopsStoriesView;
  /** The open story's slug, shown over the view (and over the open day, if any). */
  story?: string;
  /** The open series day, shown over the view. */
  day?: number;
  /** The recap view's day; `undefined` means the latest recap. */
  recap?: number;
  /** Chip filters; `''` is no filter. */
  practice: string;
  company: string;
  /** The committed search; `''` shows the story list. */
  q: string;
}

/** The route's fields as URL fragment parameters: strings, absent when empty. */
export type RouteParams = Partial<Record<(typeof ROUTE_KEYS)[number], string>>;

/** The fragment parameter names, in the order they are written. */
export const ROUTE_KEYS = ['view', 'story', 'day', 'recap', 'practice', 'company', 'q'] as const;

/** Searches shorter than this are not sent. */
export const SEARCH_MIN_LENGTH = 2;
const SEARCH_MAX_LENGTH = 200;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A committed search term: trimmed, and `''` when too short to send. */
export function searchTerm(text: string): string {
  const term = text.trim().slice(0, SEARCH_MAX_LENGTH);
  return term.length >= SEARCH_MIN_LENGTH ? term : '';
}

/** One string per distinct route, e.g. for remembering where the page was scrolled. */
export function routeKey(route: Route): string {
  return JSON.stringify(ROUTE_KEYS.map((key) => route[key] ?? null));
}

/** Whether two routes show the same thing. */
export function sameRoute(a: Route, b: Route): boolean {
  return routeKey(a) === routeKey(b);
}

/**
 * Whether going from `a` to `b` shows another page (a view, a story, a day or a recap),
 * which gets its own history entry, rather than other filters or search of the same page.
 */
export function isPageChange(a: Route, b: Route): boolean {
  return a.view !== b.view || a.story !== b.story || a.day !== b.day || a.recap !== b.recap;
}

/** Whether `b` closes a story or day that `a` shows: a step back towards the view. */
export function isClosing(a: Route, b: Route): boolean {
  if (a.story) return !b.story && (b.day === undefined || b.day === a.day) && b.view === a.view;
  return a.day !== undefined && !b.story && b.day === undefined && b.view === a.view;
}

/**
 * The fragment parameters for `route`: none when it is the route the attributes give
 * (`initial`), so an untouched element leaves the URL alone; otherwise every non-empty field,
 * and `view` at least, so the parameters' presence says the fragment holds the whole route.
 */
export function routeParams(route: Route, initial: Route): RouteParams {
  if (sameRoute(route, initial)) return {};
  const params: RouteParams = {};
  if (route.story) params.story = route.story;
  if (route.day !== undefined) params.day = String(route.day);
  if (route.recap !== undefined) params.recap = String(route.recap);
  if (route.practice) params.practice = route.practice;
  if (route.company) params.company = route.company;
  if (route.q) params.q = route.q;
  if (route.view !== 'stories' || Object.keys(params).length === 0) params.view = route.view;
  return params;
}

/** The route fragment parameters describe; a malformed value counts as absent. */
export function routeFromParams(params: RouteParams): Route {
  return {
    view: params.view === 'recap' ? 'recap' : 'stories',
    story: slug(params.story) || undefined,
    day: dayNumber(params.day),
    recap: dayNumber(params.recap),
    practice: slug(params.practice),
    company: slug(params.company),
    q: searchTerm(params.q ?? ''),
  };
}

function slug(value: string | undefined): string {
  return value !== undefined && SLUG.test(value) ? value : '';
}

function dayNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,4}$/.test(value)) return undefined;
  const day = Number(value);
  return day >= 1 ? day : undefined;
}
