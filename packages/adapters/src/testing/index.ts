/**
 * `@hansei/adapters/testing`: the shared behavioural suite every full adapter must pass, and
 * what its setup needs.
 */
export { adapterSuite } from './suite.js';
export { TEST_NOW, type SuiteTarget } from './helpers.js';
