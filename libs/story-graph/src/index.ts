export { badInput } from './common/bad-input.js';
export { fromGlobalId, toGlobalId } from './common/global-id.js';
export {
  companyNode,
  type CompanyNode,
  dayNode,
  type DayNode,
  maybe,
  practiceNode,
  type PracticeNode,
  recapNode,
  type RecapNode,
  storyNode,
  type StoryNode,
} from './common/nodes.js';
export { CursorCodec, type CursorList, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageList, planPage } from './common/paging.js';
export { createStoryContext, type StoryContext, type StoryGraphOptions } from './common/story.context.js';
export { StoryLoaders } from './common/story.loaders.js';
export {
  assertNoConflicts,
  buildModularSchema,
  modularContextFactory,
  SchemaModuleConflictError,
} from './module/module-registry.js';
export { defineSchemaModule, type SchemaModule } from './module/schema-module.js';
export { storyModule } from './module/story.module.js';
export { markdownToHtml, markdownToText, readingTimeMinutes } from './story/markdown.renderer.js';
