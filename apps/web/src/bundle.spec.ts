import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as glossaryOperations from './glossary/operations.js';
import * as coreOperations from './operations.js';
import * as submitOperations from './submit/operations.js';

const BUNDLE = new URL('../dist/devops-stories.js', import.meta.url);
const CHUNKS = new URL('../dist/chunks/', import.meta.url);
const bundle = () => readFileSync(BUNDLE, 'utf8');
const shareFormChunk = () => {
  const [chunk] = readdirSync(CHUNKS).filter((name) => /^share-form-[\w-]+\.js$/.test(name));
  return readFileSync(new URL(chunk, CHUNKS), 'utf8');
};

/** The text of each operation (not fragment) an operations module exports, fragments inlined as it is sent. */
function operationTexts(operations: Record<string, unknown>): string[] {
  return Object.values(operations)
    .map(String)
    .filter((text) => /^\s*(query|mutation|subscription)\b/.test(text));
}

/** How often `part` occurs in `text`. */
const count = (text: string, part: string) => text.split(part).length - 1;

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

  it('carries each operation text once, for the POST fallback, and no other copy of a document', () => {
    const fragmentDefinition = /\bfragment \w+ on \w+/g;
    for (const [code, texts] of [
      [bundle(), [...operationTexts(coreOperations), ...operationTexts(glossaryOperations)]],
      [shareFormChunk(), operationTexts(submitOperations)],
    ] as const) {
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(count(code, text), text).toBe(1);
      // No source text (codegen's graphql() lookup table, the operations' own literals) and no unused fragment document:
      // every fragment definition in the code is one inlined in an operation's text.
      const inOperations = texts.flatMap((text) => text.match(fragmentDefinition) ?? []);
      expect((code.match(fragmentDefinition) ?? []).sort()).toEqual(inOperations.sort());
      expect(code).not.toMatch(/(\n|\\n) {2}(query|mutation|fragment) \w+/);
    }
  });

  it('leaves the share form and its operation to its chunk, which imports Lit from the element, not a copy', () => {
    const code = shareFormChunk();
    expect(code).toContain('mutation SubmitStory($input: SubmitStoryInput!)');
    expect(code).toMatch(/^import\{[^}]+\}from"\.\.\/devops-stories\.js";/);
    expect(code).not.toContain('lit-html');
    expect(bundle()).not.toContain('SubmitStory');
    expect(bundle()).not.toContain('Send for review');
  });
});
