/**
 * @hansei/adapters: the one interface between Hansei's elements and a backend, its
 * implementations, and the offline store. Elements never call `fetch`; they call an adapter.
 */
export * from './errors.js';
export * from './adapter.js';
export * from './define.js';
export * from './statuspage/index.js';
export * from './rest/index.js';
