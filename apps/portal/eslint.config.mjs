import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    ignores: ['src/gql/**'],
  },
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          // The generated code's one import is type-only; tests and tool configs are not part of what runs.
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs,ts,cts,mts}',
            '{projectRoot}/vitest.config.*',
            '{projectRoot}/codegen.ts',
            '{projectRoot}/src/**/*.spec.ts',
            '{projectRoot}/src/test/**',
            '{projectRoot}/src/e2e/**',
          ],
          ignoredDependencies: ['@graphql-typed-document-node/core'],
        },
      ],
    },
  },
];
