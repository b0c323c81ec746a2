import { readConfig } from '../config.js';
import { type ApiServer, type ApiServerOptions, createApiServer } from '../server.js';

/** An API server on an in-memory database with the shipped content; not listening until asked. */
export function createTestServer(env: NodeJS.ProcessEnv = {}, options: ApiServerOptions = {}): Promise<ApiServer> {
  return createApiServer(readConfig({ DATABASE_URL: 'sqlite::memory:', WEB_ROOT: '/nonexistent', ...env }), options);
}

/** Runs one operation through Apollo and returns its single result. */
export async function execute(server: ApiServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: await server.createContext() },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as { data?: any; errors?: any[] };
}
