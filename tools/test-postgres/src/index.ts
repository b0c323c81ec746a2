export { type TestDatabase, testDatabase } from './test-database.js';
export { startTestPostgres, type TestPostgres } from './test-postgres.js';
