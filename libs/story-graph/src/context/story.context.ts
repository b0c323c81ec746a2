import type { StoryStore, StoryView } from '@devops-stories/story-store';
import { CursorCodec } from '../relay/paging.js';
import { CacheScope } from './cache-scope.js';
import { StoryLoaders } from './story.loaders.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/**
 * Decides whether one more community submission from a client may be stored now: null when it
 * may (and counts it), or the seconds until it may.
 */
export type SubmissionGate = (clientKey: string) => Promise<number | null>;

/** What every resolver of the story graph receives; schema modules may add to it. */
export interface StoryContext {
  store: StoryStore;
  /** The one view of this request: `published`, or `all` in an editor's preview. */
  view: StoryView;
  loaders: StoryLoaders;
  cursors: CursorCodec;
  /** Who is asking: the request's token, if any. */
  viewer: Viewer;
  /**
   * The client's address, as the server tells it (behind a proxy only when trusted): submissions,
   * and a server's per-client budgets, are counted by it. `local` for in-process calls.
   */
  clientAddress: string;
  /**
   * Whether the response is for this requester only. Private from the start for a request with a
   * token or in preview; resolvers whose answer is personal (a receipt's status, the audit log)
   * mark it. The api then answers `Cache-Control: private, no-store` and never stores it.
   */
  cacheScope: CacheScope;
  submissionGate: SubmissionGate;
}

/** Settings that outlive requests. */
export interface StoryGraphOptions {
  store: StoryStore;
  /** HMAC key for cursors; keep it stable across restarts so issued cursors stay valid. */
  cursorSecret: string;
  /** Rate limit of `submitStory`; none when absent (tests, tools). */
  submissionGate?: SubmissionGate;
}

/** Who asks, in one request. */
export interface StoryRequest {
  viewer?: Viewer;
  /** An editor's or admin's preview (checked by the caller): drafts are served. */
  preview?: boolean;
  clientAddress?: string;
  /** The store this request reads through instead of the options' (the api's lean path notes what it reads). */
  store?: StoryStore;
}

const NO_GATE: SubmissionGate = async () => null;

/** A fresh context for one request: the published view unless in preview, empty loader caches. */
export function createStoryContext(options: StoryGraphOptions, request: StoryRequest = {}): StoryContext {
  const view: StoryView = request.preview ? 'all' : 'published';
  const store = request.store ?? options.store;
  return {
    store,
    view,
    loaders: new StoryLoaders(store, view),
    cursors: new CursorCodec(options.cursorSecret),
    viewer: request.viewer ?? ANONYMOUS,
    clientAddress: request.clientAddress ?? 'local',
    cacheScope: new CacheScope(view !== 'published' || request.viewer?.token != null),
    submissionGate: options.submissionGate ?? NO_GATE,
  };
}
