import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({ cwd: workspaceRoot });

const BOUNDARY_RULES = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);

/** Lints `source` as if it were the file at `path` and returns the boundary rules' messages. */
async function boundaryErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${workspaceRoot}${path}` });
  return result.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  it('stops the web client from importing a server library', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/forbidden-import.ts',
      "import { storyModule } from '@devops-stories/story-graph';\nexport const leaked = storyModule;\n",
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^@nx\/enforce-module-boundaries: .*scope:web.*can only depend on libs tagged with "scope:web"/s,
        ),
        expect.stringMatching(/^no-restricted-imports: .*schema\.graphql/),
      ]),
    );
  });

  it.each(['type-graphql', 'reflect-metadata', 'class-validator', '@apollo/server', 'graphql'])(
    'bans %s from the web client',
    async (pkg) => {
      const errors = await boundaryErrors(
        'apps/web/src/forbidden-import.ts',
        `import * as banned from '${pkg}';\nexport const x = banned;\n`,
      );
      expect(errors).toContainEqual(expect.stringMatching(/^no-restricted-imports: /));
      if (pkg !== 'class-validator') {
        // Nx knows only installed packages; class-validator is not a dependency of this workspace.
        expect(errors).toContain(
          `@nx/enforce-module-boundaries: A project tagged with "scope:web" is not allowed to import "${pkg}"`,
        );
      }
    },
  );

  it('keeps the story model free of our other libraries', async () => {
    const errors = await boundaryErrors(
      'libs/story-model/src/forbidden-import.ts',
      "import { openSqliteStore } from '@devops-stories/story-store';\nexport const x = openSqliteStore;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('lets schema modules use the model and the graph contract, but not the store', async () => {
    const allowed = await boundaryErrors(
      'libs/schema-glossary/src/allowed-import.ts',
      "import { Story } from '@devops-stories/story-model';\nimport { storyModule } from '@devops-stories/story-graph';\nexport const x = [Story, storyModule];\n",
    );
    expect(allowed).toEqual([]);
    const store = await boundaryErrors(
      'libs/schema-glossary/src/forbidden-import.ts',
      "import { openSqliteStore } from '@devops-stories/story-store';\nexport const x = openSqliteStore;\n",
    );
    expect(store).toEqual([expect.stringMatching(/type:schema-module/)]);
  });

  it.each(['apps/web', 'apps/portal'])('stops %s, a consumer, from importing a server library', async (root) => {
    const errors = await boundaryErrors(
      `${root}/src/forbidden-import.ts`,
      "import { openSqliteStore } from '@devops-stories/story-store';\nexport const x = openSqliteStore;\n",
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^@nx\/enforce-module-boundaries: .*can only depend on libs tagged with/s),
        expect.stringMatching(/^no-restricted-imports: .*no server library and no other consumer/),
      ]),
    );
  });

  // Nx resolves @devops-stories/portal (it has an entry point) and refuses it as an app; the web
  // package has none, so there no-restricted-imports alone refuses it, as it would any name.
  it.each([
    ['apps/portal', '@devops-stories/web', []],
    ['apps/web', '@devops-stories/portal', ['@nx/enforce-module-boundaries: Imports of apps are forbidden']],
  ])('stops %s from importing %s, another consumer', async (root, other, nxErrors) => {
    const errors = await boundaryErrors(
      `${root}/src/forbidden-import.ts`,
      `import * as other from '${other}';\nexport const x = other;\n`,
    );
    expect(errors).toEqual([
      ...nxErrors,
      expect.stringMatching(/^no-restricted-imports: .*no server library and no other consumer/),
    ]);
  });

  it.each(['graphql', 'fastify', 'type-graphql', '@apollo/server'])('bans %s from the portal', async (pkg) => {
    const errors = await boundaryErrors(
      'apps/portal/src/forbidden-import.ts',
      `import * as banned from '${pkg}';\nexport const x = banned;\n`,
    );
    expect(errors).toEqual([
      `@nx/enforce-module-boundaries: A project tagged with "type:consumer" is not allowed to import "${pkg}"`,
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
  });

  it('allows the portal node:http and its own modules', async () => {
    expect(
      await boundaryErrors(
        'apps/portal/src/allowed-import.ts',
        "import { createServer } from 'node:http';\nimport { html } from './pages/html.js';\nexport const x = [createServer, html];\n",
      ),
    ).toEqual([]);
  });

  it('allows the web client its own dependencies', async () => {
    expect(
      await boundaryErrors(
        'apps/web/src/allowed-import.ts',
        "import { LitElement } from 'lit';\nexport class X extends LitElement {}\n",
      ),
    ).toEqual([]);
  });

  it('keeps the test launcher out of shipped code, and lets the tests of every project use it', async () => {
    const launcher = "import { launchApi } from '@devops-stories/api-launcher';\nexport const x = launchApi;\n";
    expect(await boundaryErrors('apps/web/src/shipped.ts', launcher)).toContainEqual(
      expect.stringMatching(/scope:web.*can only depend on libs tagged with "scope:web"/s),
    );
    expect(await boundaryErrors('apps/api/src/shipped.ts', launcher)).toContainEqual(
      expect.stringMatching(/scope:api.*can only depend on libs tagged with/s),
    );
    for (const testFile of [
      'apps/web/src/e2e/launch.e2e.spec.ts',
      'apps/web/src/test/api.ts',
      'apps/api/src/launch.spec.ts',
      'tools/workspace-plugin/e2e/launch.e2e.ts',
    ]) {
      expect(await boundaryErrors(testFile, launcher), testFile).toEqual([]);
    }
    // Test code gains the launcher only: the web client's tests still cannot import the server.
    expect(
      await boundaryErrors(
        'apps/web/src/e2e/forbidden.e2e.spec.ts',
        "import { storyModule } from '@devops-stories/story-graph';\nexport const x = storyModule;\n",
      ),
    ).toContainEqual(expect.stringMatching(/^@nx\/enforce-module-boundaries: .*scope:web/s));
  });

  it('keeps the synthetic catalogue out of shipped code, for tests and benchmarks only', async () => {
    const generator =
      "import { writeCatalogue } from '@devops-stories/synthetic-catalogue';\nexport const x = writeCatalogue;\n";
    expect(await boundaryErrors('apps/api/src/shipped.ts', generator)).toContainEqual(
      expect.stringMatching(/scope:api.*can only depend on libs tagged with/s),
    );
    expect(await boundaryErrors('libs/story-store/src/sqlite/shipped.ts', generator)).toContainEqual(
      expect.stringMatching(/can only depend on libs tagged with/s),
    );
    for (const testFile of [
      'apps/api/src/scale.spec.ts',
      'libs/story-store/src/sqlite/query-plan.spec.ts',
      'libs/story-graph/src/test/harness.ts',
    ]) {
      expect(await boundaryErrors(testFile, generator), testFile).toEqual([]);
    }
  });

  it('lets the synthetic catalogue use the content library and nothing else of ours; the launcher nothing at all', async () => {
    const content = "import { loadContent } from '@devops-stories/story-content';\nexport const x = loadContent;\n";
    const store = "import { openSqliteStore } from '@devops-stories/story-store';\nexport const x = openSqliteStore;\n";
    expect(await boundaryErrors('tools/synthetic-catalogue/src/allowed-import.ts', content)).toEqual([]);
    expect(await boundaryErrors('tools/synthetic-catalogue/src/forbidden-import.ts', store)).toEqual(
      expect.arrayContaining([expect.stringMatching(/scope:testing.*can only depend on libs tagged with/s)]),
    );
    expect(await boundaryErrors('tools/api-launcher/src/forbidden-import.ts', content)).toContainEqual(
      `@nx/enforce-module-boundaries: A project tagged with "type:testing" cannot depend on any libs with tags`,
    );
  });
});
