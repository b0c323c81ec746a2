import { inject } from 'vitest';
import { createDatabase, type TestDatabase } from './create-database.js';
import type {} from './provided-context.js';

/**
 * Creates a fresh, empty database on the test run's server (see the global setup), named after
 * `label` and a random suffix, so files running one after another (or two runs on one
 * `TEST_POSTGRES_URL` server) never share one.
 */
export function testDatabase(label = 'test'): Promise<TestDatabase> {
  return createDatabase(inject('testPostgresUrl'), label);
}
