/**
 * The offline store (IndexedDB through idb): drafts that survive a reload or a crash, the last
 * known public status (stale-while-revalidate), and an outbox of writes made offline, replayed in
 * order when the connection returns. Everything degrades to memory, and says so, where IndexedDB
 * cannot be used. The public status page imports `./status.js` instead: the status cache on raw
 * IndexedDB only.
 */
export { openOfflineStore, type OfflineStore, type OfflineStoreOptions } from './store.js';
export { SCHEMA_VERSION, type DraftRecord, type HanseiOfflineSchema, type OutboxRecord, type StatusRecord, type StoreName, type StoredError } from './schema.js';
export type { StoreKey, StoreValue } from './memory.js';
export { createDrafts, type Draft, type DraftKey, type Drafts, type DraftsOptions } from './drafts.js';
export * from './status.js';
export { type FlushResult, type Outbox, type OutboxEntry, type RetryOptions, type SettledEntry } from './outbox.js';
export { WRITES, type WriteArgs, type WriteMethod } from './writes.js';
export { QueuedError, isQueued, withOffline, type OfflineAdapter, type OfflineOptions } from './offline-adapter.js';
