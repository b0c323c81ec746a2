import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          // Vite bundles graphiql and React into dist/; tests and tool configs are not part of what ships.
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs,ts,cts,mts}',
            '{projectRoot}/vite*.config.*',
            '{projectRoot}/vitest.config.*',
            '{projectRoot}/src/**/*.spec.ts',
            '{projectRoot}/src/test/**',
            '{projectRoot}/src/e2e/**',
          ],
        },
      ],
    },
  },
];
