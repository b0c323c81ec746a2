export { createDatabase, type TestDatabase } from './create-database.js';
export { testDatabase } from './test-database.js';
export { startTestPostgres, type TestPostgres } from './test-postgres.js';
