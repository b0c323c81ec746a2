import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

const SAFE_LINK = /^(https?:|mailto:|#|\/(?!\/))/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());
const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (/^https?:/i.test(token.attrGet('href') ?? '')) token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Bump when the output of {@link renderMarkdown} changes for the same source, so that
 * stores re-render what they hold on the next import.
 */
export const MARKDOWN_RENDER_VERSION = 1;

/** A Markdown body in the forms the API serves, computed once when content is imported. */
export interface RenderedMarkdown {
  /** Safe HTML, as {@link markdownToHtml} renders it. */
  html: string;
  /** Plain text, as {@link markdownToText} renders it: what readers see and search indexes. */
  text: string;
  /** {@link readingTimeMinutes} of the text. */
  readingTimeMinutes: number;
}

/** Renders a body into every served form from one parse. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = markdown.parse(source, env);
  const text = tokensToText(tokens);
  return {
    html: markdown.renderer.render(tokens, markdown.options, env),
    text,
    readingTimeMinutes: readingTimeMinutes(text),
  };
}

/**
 * Markdown to HTML that is safe to insert into a page: raw HTML in the source is
 * escaped, and links other than http(s), mailto, fragment and same-site paths are
 * left as text, so no `<script>` or `javascript:` URL can get through.
 */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

/**
 * Markdown to plain text: the words a reader sees (link text, image alt text, code),
 * one paragraph, heading, list item or code block per line, without markup.
 */
export function markdownToText(source: string): string {
  return tokensToText(markdown.parse(source, {}));
}

/** Minutes to read `text` at 200 words a minute, at least 1. */
export function readingTimeMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 200));
}

const BLOCK_ENDS = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close']);

function tokensToText(tokens: Token[]): string {
  const out: string[] = [];
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      else if (t.type === 'code_block' || t.type === 'fence') out.push(t.content, '\n');
      if (BLOCK_ENDS.has(t.type)) out.push('\n');
    }
  };
  walk(tokens);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
