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
 * Markdown to HTML that is safe to insert into a page: raw HTML in the source is
 * escaped, and links other than http(s), mailto, fragment and same-site paths are
 * left as text, so no `<script>` or `javascript:` URL can get through.
 */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

const BLOCK_ENDS = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close']);

/** Markdown to plain text: the words only, one paragraph, heading or list item per line. */
export function markdownToText(source: string): string {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      else if (t.type === 'code_block' || t.type === 'fence') out.push(t.content, '\n');
      if (BLOCK_ENDS.has(t.type)) out.push('\n');
    }
  };
  walk(markdown.parse(source, {}));
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Minutes to read `text` at 200 words a minute, at least 1. */
export function readingTimeMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 200));
}
