import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const BUNDLE = new URL('../dist/devops-stories.js', import.meta.url);
const bundle = () => readFileSync(BUNDLE, 'utf8');

describe('dist/devops-stories.js (built by the test target)', () => {
  it('is one self-contained ES module that defines <devops-stories> and exports its class', async () => {
    expect(bundle()).not.toMatch(/^\s*import\s|\bimport\s*\(/m);
    // Just enough of a browser for the module to evaluate: the element is defined, never constructed.
    const defined: [string, unknown][] = [];
    vi.stubGlobal('HTMLElement', class {});
    vi.stubGlobal('document', { createTreeWalker: () => ({}) });
    vi.stubGlobal('customElements', { define: (name: string, element: unknown) => defined.push([name, element]) });
    try {
      const module = await import(/* @vite-ignore */ BUNDLE.href);
      expect(Object.keys(module)).toEqual(['DevopsStories']);
      expect(defined).toEqual([['devops-stories', module.DevopsStories]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('carries no graphql-js and no Apollo Client: documents travel as plain strings', () => {
    const code = bundle();
    for (const marker of [
      'GraphQLError',
      'Syntax Error:',
      'Unexpected character',
      'ApolloClient',
      'InMemoryCache',
      'graphql-tag',
    ]) {
      expect(code, marker).not.toContain(marker);
    }
    expect(code).toContain('query StoryList($filter: StoryFilter');
  });
});
