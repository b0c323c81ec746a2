import type { StoryStore, StoryView } from '@devops-stories/story-store';
import { CursorCodec } from '../relay/paging.js';
import { CacheScope } from './cache-scope.js';
import { StoryLoaders } from './story.loaders.js';

/** What every resolver of the story graph receives; schema modules may add to it. */
export interface StoryContext {
  store: StoryStore;
  /** The one view of this request: public requests see published stories only. */
  view: StoryView;
  loaders: StoryLoaders;
  cursors: CursorCodec;
  /** Mark the response private here when it shows something personal; caches then leave it alone. */
  cacheScope: CacheScope;
}

/** Settings that outlive requests. */
export interface StoryGraphOptions {
  store: StoryStore;
  /** HMAC key for cursors; keep it stable across restarts so issued cursors stay valid. */
  cursorSecret: string;
}

/** A fresh context for one public request: published view, empty loader caches. */
export function createStoryContext(options: StoryGraphOptions): StoryContext {
  const view: StoryView = 'published';
  return {
    store: options.store,
    view,
    loaders: new StoryLoaders(options.store, view),
    cursors: new CursorCodec(options.cursorSecret),
    cacheScope: new CacheScope(),
  };
}
