import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const SOURCE_CONDITION = '@devops-stories/source';

/**
 * The vitest config every project shares: resolve workspace libraries to their
 * TypeScript sources, keep one copy of graphql-js, and load reflect-metadata
 * first where decorators are used; with `postgres`, one PostgreSQL server serves the run.
 */
export function projectTestConfig(
  projectUrl: string,
  options: {
    decorators?: boolean;
    environment?: 'node';
    include?: string[];
    testTimeout?: number;
    /** Start one PostgreSQL server for the run (tools/test-postgres); files take databases with `testDatabase()`. */
    postgres?: boolean;
  } = {},
): ViteUserConfig {
  const root = fileURLToPath(new URL('.', projectUrl));
  const conditions = [SOURCE_CONDITION, 'module', 'node', 'development|production'];
  return defineConfig({
    root,
    resolve: {
      conditions,
      // type-graphql and Apollo must share one graphql-js, or schema building fails.
      alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    },
    ssr: { resolve: { conditions, externalConditions: [SOURCE_CONDITION] } },
    test: {
      environment: options.environment ?? 'node',
      include: options.include ?? ['src/**/*.spec.ts'],
      globalSetup: options.postgres
        ? [fileURLToPath(new URL('./tools/test-postgres/src/global-setup.ts', import.meta.url))]
        : [],
      setupFiles: options.decorators ? [fileURLToPath(new URL('./vitest.setup-decorators.ts', import.meta.url))] : [],
      testTimeout: options.testTimeout ?? 15_000,
      // Hooks start servers and browsers: on a loaded 2-core machine they need the tests' patience.
      hookTimeout: options.testTimeout ?? 15_000,
      reporters: ['default'],
    },
  });
}
