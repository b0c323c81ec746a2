export { authChecker } from './authoring/auth-checker.js';
export { AuthErrorCode, forbidden, rateLimited, unauthenticated } from './errors/auth-errors.js';
export { storyBody } from './body/story-body.js';
export { assertCount, badInput } from './errors/bad-input.js';
export { fromGlobalId, toGlobalId } from './relay/global-id.js';
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
} from './node/nodes.js';
export { loadNode, type NodesByTypename } from './node/load-node.js';
export { CursorCodec, type CursorList, pageList, planPage } from './relay/paging.js';
export { CacheScope } from './context/cache-scope.js';
export {
  createStoryContext,
  type StoryContext,
  type StoryGraphOptions,
  type StoryRequest,
  type SubmissionGate,
} from './context/story.context.js';
export { ANONYMOUS, hasRole, type TokenProblem, type Viewer, viewerOf } from './context/viewer.js';
export { authoringModule } from './module/authoring.module.js';
export { StoryLoaders } from './context/story.loaders.js';
export {
  assertNoConflicts,
  buildModularSchema,
  modularContextFactory,
  SchemaModuleConflictError,
} from './module/module-registry.js';
export { defineSchemaModule, type SchemaModule } from './module/schema-module.js';
export { storyModule } from './module/story.module.js';
