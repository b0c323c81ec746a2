import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import nx from '@nx/eslint-plugin';

/**
 * The workspace root: the consumer blocks below name their files from here, so they apply both
 * when ESLint runs at the root and when Nx lints a project from its own folder.
 */
const WORKSPACE_ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * The folders of the projects tagged `type:consumer` (`apps/portal`, `apps/web`), read from their
 * package.json like `check-breaking` does, so a new consumer is covered by its tag alone.
 */
const CONSUMER_ROOTS = ['apps', 'libs'].flatMap((parent) =>
  readdirSync(new URL(parent, import.meta.url))
    .map((name) => `${parent}/${name}`)
    .filter((root) => {
      const file = new URL(`${root}/package.json`, import.meta.url);
      return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).nx?.tags?.includes('type:consumer');
    }),
);

/** The consumers' code that holds their operations; test code is left out. */
const CONSUMER_SOURCES = CONSUMER_ROOTS.map((root) => `${root}/src/**/*.ts`);
const CONSUMER_TESTS = ['**/*.spec.ts', '**/test/**', '**/e2e/**'];

/**
 * Imports no consumer of the API (`type:consumer`: the web client, the portal) may take: server
 * frameworks and graphql-js itself. Consumers know the API only through its emitted schema.
 */
const SERVER_ONLY_PACKAGES = [
  'type-graphql',
  'reflect-metadata',
  'class-validator',
  '@apollo/server',
  '@apollo/server/*',
  '@as-integrations/*',
  'graphql',
  'graphql-scalars',
  'fastify',
  'better-sqlite3',
  'dataloader',
];

/** Who may import whom, by tags (`scope:*`, `type:*`); `module-boundaries.spec.ts` proves the rules bite. */
const DEP_CONSTRAINTS = [
  {
    sourceTag: 'scope:web',
    onlyDependOnLibsWithTags: ['scope:web'],
    bannedExternalImports: SERVER_ONLY_PACKAGES,
  },
  { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:portal'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:content'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:content', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:schema-module', 'type:data-access', 'type:model', 'type:content'],
  },
  { sourceTag: 'type:schema-module', onlyDependOnLibsWithTags: ['type:model', 'type:feature'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:model', 'type:data-access', 'type:content'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:content'] },
  { sourceTag: 'type:model', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:content', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [] },
  // A consumer imports no project of ours (no server library, no other consumer) and no server package.
  { sourceTag: 'type:consumer', onlyDependOnLibsWithTags: [], bannedExternalImports: SERVER_ONLY_PACKAGES },
  // Test support: the launcher starts the built api as a process and imports nothing of ours; the
  // synthetic catalogue (`type:test-data`) writes content in the content library's format.
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:content'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:test-data', onlyDependOnLibsWithTags: ['type:content'] },
];

/**
 * Test code (specs, test helpers, end-to-end suites), which may also use the test support
 * (`scope:testing`): the test launcher and the synthetic catalogue, which shipped code never imports.
 */
const TEST_FILES = ['**/*.spec.ts', '**/src/test/**/*.ts', '**/src/e2e/**/*.ts', '**/e2e/**/*.ts'];
const TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:testing', 'type:testing', 'type:test-data'],
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/test-output', 'apps/web/src/gql/**', '**/*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: DEP_CONSTRAINTS,
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: TEST_DEP_CONSTRAINTS },
      ],
    },
  },
  {
    // Backs up bannedExternalImports, which only knows installed packages: a name is refused even before it is installed.
    basePath: WORKSPACE_ROOT,
    files: CONSUMER_ROOTS.map((root) => `${root}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...SERVER_ONLY_PACKAGES, '@devops-stories/*'],
              message:
                'A consumer knows the API only through apps/api/schema.graphql and graphql-codegen: it imports no server library and no other consumer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Consumers' test code may also start the built api through the test launcher, and nothing else of ours.
    basePath: WORKSPACE_ROOT,
    files: CONSUMER_ROOTS.flatMap((root) =>
      TEST_FILES.map((pattern) => `${root}/${pattern.replace(/^\*\*\//, '**/')}`),
    ),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...SERVER_ONLY_PACKAGES, '@devops-stories/*', '!@devops-stories/api-launcher'],
              message:
                'A consumer knows the API only through apps/api/schema.graphql and graphql-codegen; its tests may start the built api through @devops-stories/api-launcher.',
            },
          ],
        },
      ],
    },
  },
  {
    // graphql-eslint reads each graphql(`...`) document out of the consumers' code ...
    basePath: WORKSPACE_ROOT,
    files: CONSUMER_SOURCES,
    ignores: CONSUMER_TESTS,
    processor: graphqlPlugin.processor,
  },
  {
    // ... and lints it against the emitted schema: every use of a @deprecated field warns.
    basePath: WORKSPACE_ROOT,
    files: CONSUMER_ROOTS.map((root) => `${root}/src/**/*.graphql`),
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: {
        graphQLConfig: {
          schema: `${WORKSPACE_ROOT}apps/api/schema.graphql`,
          documents: CONSUMER_SOURCES.map((glob) => `${WORKSPACE_ROOT}${glob}`),
        },
      },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: { '@graphql-eslint/no-deprecated': 'warn' },
  },
  {
    // Tool configs import the shared test preset by path; they are not part of any project's code.
    files: ['**/vitest.config.ts', '**/vite.config.ts', 'vitest.preset.ts', '**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', prefer: 'type-imports' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs,ts,cts,mts}',
            '{projectRoot}/vite*.config.*',
            '{projectRoot}/vitest.config.*',
            '{projectRoot}/src/**/*.spec.ts',
            '{projectRoot}/src/test/**',
          ],
        },
      ],
    },
    languageOptions: { parser: await import('jsonc-eslint-parser') },
  },
];
