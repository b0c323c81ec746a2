import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    ignores: ['src/gql/**', 'src/glossary/gql/**', 'src/submit/gql/**'],
  },
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          // Vite bundles lit into dist/devops-stories.js; tests, tool configs and the type-only
          // import of the generated code are not part of what ships.
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs,ts,cts,mts}',
            '{projectRoot}/vite*.config.*',
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
