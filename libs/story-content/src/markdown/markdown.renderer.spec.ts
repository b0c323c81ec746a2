import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText, readingTimeMinutes, renderMarkdown } from './markdown.renderer.js';

const SOURCE = `## Deploys

Amazon deploys **every 11.6 seconds**; see [the talk](https://example.org/talk "Velocity")
and ![a chart of deploys](https://example.org/chart.png).

- one
- two

\`\`\`sh
deploy --canary
\`\`\`

<script>alert(1)</script> [bad](javascript:alert(1))`;

describe('markdown renderer', () => {
  it('renders safe HTML: raw HTML escaped, unsafe links left as text, http links marked noopener', () => {
    const html = markdownToHtml(SOURCE);
    expect(html).toContain('<h2>Deploys</h2>');
    expect(html).toContain(
      '<a href="https://example.org/talk" title="Velocity" rel="noopener noreferrer">the talk</a>',
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|href="javascript/i);
    expect(html).toContain('<code class="language-sh">deploy --canary\n</code>');
  });

  it('reduces Markdown to the words a reader sees, code included, one block per line', () => {
    expect(markdownToText(SOURCE).split('\n')).toEqual([
      'Deploys',
      'Amazon deploys every 11.6 seconds; see the talk and a chart of deploys.',
      'one',
      'two',
      'deploy --canary',
      '<script>alert(1)</script> [bad](javascript:alert(1))',
    ]);
  });

  it('counts reading time at 200 words a minute, rounding up, at least one minute', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(readingTimeMinutes('')).toBe(1);
    expect(readingTimeMinutes(words(200))).toBe(1);
    expect(readingTimeMinutes(words(201))).toBe(2);
    expect(readingTimeMinutes(`${words(400)}\n\n  ${words(1)}`)).toBe(3);
  });

  it('gives every served form from one parse, equal to the single-purpose functions', () => {
    const text = markdownToText(SOURCE);
    expect(renderMarkdown(SOURCE)).toEqual({
      html: markdownToHtml(SOURCE),
      text,
      readingTimeMinutes: readingTimeMinutes(text),
    });
  });
});
