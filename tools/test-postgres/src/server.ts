// The server and databases without vitest, for scripts (benchmarks): `@devops-stories/test-postgres/server`.
export { createDatabase, type TestDatabase } from './create-database.js';
export { startTestPostgres, type TestPostgres } from './test-postgres.js';
