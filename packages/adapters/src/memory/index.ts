/**
 * `@hansei/adapters/memory`: the whole Hansei backend in memory, seeded with the demo dataset,
 * for stories, tests and embedding demos. Not for the status page's bundle.
 */
export { MemoryAdapter, type MemoryAdapterOptions, type MemoryCall } from './memory-adapter.js';
