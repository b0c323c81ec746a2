import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bundle = () => readFileSync(new URL('../dist/devops-stories.js', import.meta.url), 'utf8');

describe('dist/devops-stories.js (built by the test target)', () => {
  it('is one self-contained ES module that defines <devops-stories> and exports its class', () => {
    const code = bundle();
    expect(code).not.toMatch(/^\s*import\s|\bimport\s*\(/m);
    expect(code).toMatch(/customElements\.define/);
    expect(code).toMatch(/export\s*\{[^}]*\bas DevopsStories\b|export\s*\{[^}]*\bDevopsStories\b/);
    expect(code).toContain('devops-stories');
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
