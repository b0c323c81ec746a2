import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('project graph', () => {
  it('is the layered graph the README draws: consumers reach the api only through its schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-'));
    try {
      const file = join(dir, 'graph.json');
      execFileSync('npx', ['nx', 'graph', `--file=${file}`], {
        cwd: workspaceRoot,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        stdio: 'ignore',
      });
      const graph = JSON.parse(readFileSync(file, 'utf8')).graph as {
        dependencies: Record<string, { target: string; type: string }[]>;
      };
      const short = (name: string) => name.replace('@devops-stories/', '');
      const edges = Object.fromEntries(
        Object.entries(graph.dependencies)
          .filter(([name]) => name.startsWith('@devops-stories/'))
          .map(([name, deps]) => [
            short(name),
            deps
              .map((d) => d.target)
              .filter((t) => !t.startsWith('npm:'))
              .map(short)
              .sort(),
          ]),
      );
      expect(edges).toMatchObject({
        api: expect.arrayContaining(['api-launcher', 'schema-glossary', 'story-content', 'story-graph', 'story-store']),
        'schema-glossary': ['story-graph', 'story-model'],
        'story-graph': ['story-content', 'story-model', 'story-store', 'test-postgres'],
        // The store's PostgreSQL tests take a database from the test server tool.
        'story-store': ['story-content', 'test-postgres'],
        'story-model': [],
        'story-content': [],
        // Consumers depend on the api by declaration (codegen, browser tests), and their tests and the
        // generator's start the built api through the launcher, which imports nothing.
        web: ['api', 'api-launcher'],
        portal: ['api', 'api-launcher'],
        'workspace-plugin': ['api-launcher'],
        'api-launcher': [],
        'test-postgres': [],
        'synthetic-catalogue': ['story-content'],
        explorer: ['api-launcher'],
      });
      // The consumers' one edge is declared (implicitDependencies), not an import: they codegen
      // against apps/api/schema.graphql and their browser tests run the built api.
      for (const consumer of ['web', 'portal']) {
        expect(graph.dependencies[`@devops-stories/${consumer}`].filter((d) => d.type === 'implicit')).toEqual([
          { source: `@devops-stories/${consumer}`, target: '@devops-stories/api', type: 'implicit' },
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
