import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.js';

// Another name for the tag, so that the formatter leaves these exact strings alone.
const markup = html;

describe('html templates', () => {
  it('escape every interpolated value for text and quoted attributes', () => {
    const hostile = `<script>alert("x")</script> & 'quoted'`;
    const result = markup`<a title="${hostile}">${hostile}</a>`.markup;
    expect(result).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</a>',
    );
    expect(result).not.toContain('<script');
  });

  it('keep nested templates, join arrays, and render nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((item) => markup`<li>${item}</li>`);
    expect(markup`<ul>${items}</ul>${null}${undefined}${false}${0}`.markup).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('do not trust strings that look like markup, only SafeHtml', () => {
    const fake = { markup: '<b>bold</b>', toString: () => '<b>bold</b>' };
    expect(markup`${fake}`.markup).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
