export { ContentError, type ContentIssue } from './content.error.js';
export { defaultContentDir, loadContent, streamContent } from './content.loader.js';
export * from './content.types.js';
export {
  MARKDOWN_RENDER_VERSION,
  markdownToHtml,
  markdownToText,
  readingTimeMinutes,
  type RenderedMarkdown,
  renderMarkdown,
} from './markdown/markdown.renderer.js';
export { CompanyInputSchema, DayInputSchema, PracticeInputSchema, recapInputSchema } from './schemas/entity.schemas.js';
export { describe as describeValue } from './schemas/fields.js';
export { dottedPath, type FieldIssue, fieldIssues, validate } from './schemas/issues.js';
export { TokenNameSchema } from './schemas/token.schema.js';
export { LIMITS, SUBMISSION_LIMITS } from './schemas/limits.js';
export type { ContentRefs } from './schemas/refs.js';
export { MetricSchema, SourceSchema, storyInputSchema } from './schemas/story.schema.js';
export { ModeratorNoteSchema, SubmissionInputSchema } from './schemas/submission.schema.js';
export {
  companyToMarkdown,
  dayToMarkdown,
  practiceToMarkdown,
  recapToMarkdown,
  storyToMarkdown,
} from './export/content-files.js';
