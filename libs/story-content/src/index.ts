export { ContentError, type ContentIssue } from './content.error.js';
export { defaultContentDir, loadContent } from './content.loader.js';
export * from './content.types.js';
export { markdownToHtml, markdownToText, readingTimeMinutes } from './markdown/markdown.renderer.js';
