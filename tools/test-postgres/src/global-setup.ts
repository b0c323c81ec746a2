import type { TestProject } from 'vitest/node';
import type {} from './provided-context.js';
import { startTestPostgres } from './test-postgres.js';

/**
 * Vitest `globalSetup`: one PostgreSQL server for the whole run, stopped when it ends; test
 * files take a database of their own on it with `testDatabase()`.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('testPostgresUrl', server.url);
  return () => server.stop();
}
