export { ContentError, type ContentIssue } from './content.error.js';
export { defaultContentDir, loadContent } from './content.loader.js';
export * from './content.types.js';
export {
  MARKDOWN_RENDER_VERSION,
  markdownToHtml,
  markdownToText,
  readingTimeMinutes,
  type RenderedMarkdown,
  renderMarkdown,
} from './markdown/markdown.renderer.js';
