import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const BUNDLE = new URL('../dist/devops-stories.js', import.meta.url);
const CHUNKS = new URL('../dist/chunks/', import.meta.url);
const bundle = () => readFileSync(BUNDLE, 'utf8');

describe('dist/devops-stories.js (built by the test target)', () => {
  it('is one self-contained ES module that defines <devops-stories> and exports its class', async () => {
    expect(bundle()).not.toMatch(/^\s*import\s|\bimport\s*[{*]/m);
    // Its one dynamic import: the share form's chunk, fetched when a reader opens the form.
    expect(bundle().match(/\bimport\(\s*[`'"][^`'"]*[`'"]\s*\)/g)).toEqual([
      expect.stringMatching(/^import\(`\.\/chunks\/share-form-[\w-]+\.js`\)$/),
    ]);
    // Just enough of a browser for the module to evaluate: the element is defined, never constructed.
    const defined: [string, unknown][] = [];
    vi.stubGlobal('HTMLElement', class {});
    vi.stubGlobal('document', {
      createTreeWalker: () => ({}),
      // Vite's dynamic-import helper asks whether the browser can preload modules.
      createElement: () => ({ relList: { supports: () => false } }),
    });
    vi.stubGlobal('customElements', { define: (name: string, element: unknown) => defined.push([name, element]) });
    try {
      const module = await import(/* @vite-ignore */ BUNDLE.href);
      // DevopsStories, plus what the share form's chunk imports from it (Lit, the client) under short names.
      expect(Object.keys(module)).toContain('DevopsStories');
      expect(Object.keys(module).filter((name) => name !== 'DevopsStories' && name.length > 2)).toEqual([]);
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

  it('leaves the share form and its operation to its chunk, which imports Lit from the element, not a copy', () => {
    const [chunk] = readdirSync(CHUNKS).filter((name) => /^share-form-[\w-]+\.js$/.test(name));
    const code = readFileSync(new URL(chunk, CHUNKS), 'utf8');
    expect(code).toContain('mutation SubmitStory($input: SubmitStoryInput!)');
    expect(code).toMatch(/^import\{[^}]+\}from"\.\.\/devops-stories\.js";/);
    expect(code).not.toContain('lit-html');
    expect(bundle()).not.toContain('SubmitStory');
    expect(bundle()).not.toContain('Send for review');
  });
});
