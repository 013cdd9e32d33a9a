/** What other packages' tests use to run a real API: the harness, databases under test, the demo seed. */
export { startTestApi, TEST_NOW, type TestApi, type TestApiOptions, type TestResponse } from './harness.js';
export { databasesUnderTest, freshPostgresUrl, startPostgres } from './postgres.js';
export { seedDemo } from '../seed.js';
export { openApiDocument } from '../api.js';
