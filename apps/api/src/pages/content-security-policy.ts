import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `sha256-…` sources of a page's inline `<script>` and `<style>` blocks. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const INLINE_BLOCK = /<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/gi;

/**
 * Hashes the inline scripts and styles of every `.html` file under `root`, so the pages' CSP can
 * allow exactly those blocks and no other inline code (no `'unsafe-inline'`).
 */
export function hashInlineBlocks(root: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    for (const [, tag, attributes = '', body] of readFileSync(join(root, file), 'utf8').matchAll(INLINE_BLOCK)) {
      if (tag.toLowerCase() === 'script' && /\ssrc\s*=/i.test(` ${attributes}`)) continue;
      const source = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      (tag.toLowerCase() === 'script' ? scripts : styles).add(source);
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * The pages' Content-Security-Policy directives (in @fastify/helmet's shape): everything from the
 * page's own origin, inline code only by hash, data: images (the favicon), no plugins, no
 * foreign forms or base URLs, and framing only by `frameAncestors`.
 */
export function pageDirectives(hashes: InlineHashes, frameAncestors: string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...hashes.scripts],
    'style-src': ["'self'", ...hashes.styles],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': frameAncestors,
  };
}
