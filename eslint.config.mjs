import nx from '@nx/eslint-plugin';

/** Imports the browser client must never take: server frameworks and graphql-js itself. */
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
  // The test launcher starts the built api as a process: it imports nothing of ours.
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
];

/** Test code (specs, test helpers, end-to-end suites), which may also use the test launcher (`scope:testing`). */
const TEST_FILES = ['**/*.spec.ts', '**/src/test/**/*.ts', '**/src/e2e/**/*.ts', '**/e2e/**/*.ts'];
const TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:testing', 'type:testing'],
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
    files: ['apps/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...SERVER_ONLY_PACKAGES,
                '@devops-stories/story-*',
                '@devops-stories/schema-*',
                '@devops-stories/api',
              ],
              message: 'The web client knows the API only through apps/api/schema.graphql and graphql-codegen.',
            },
          ],
        },
      ],
    },
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
