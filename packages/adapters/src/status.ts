/**
 * What the public status page imports: the public half of the REST adapter and the last-known-status cache on
 * IndexedDB. Kept small on purpose: a byte budget in CI (tests/budget) holds it under 6 kB
 * gzipped with everything it pulls in.
 */
export { RestStatusAdapter, type RestAdapterOptions } from './rest/rest-status-adapter.js';
export * from './offline/status.js';
