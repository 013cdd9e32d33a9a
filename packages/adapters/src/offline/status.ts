/**
 * The small entry for the public status page: the last known status only (no drafts, no outbox),
 * on raw IndexedDB rather than idb, so the page stays within its byte budget.
 *
 * @example
 * import { openStatusStore, withStatusCache, watchStatus } from '@hansei/adapters/offline/status';
 * const adapter = withStatusCache(restAdapter, openStatusStore());
 */
export { openStatusStore, type StatusStore } from './status-store.js';
export {
  watchStatus,
  watchUptime,
  withStatusCache,
  type StatusCache,
  type StatusCacheOptions,
  type StatusListener,
  type StatusRead,
  type StatusSource,
} from './status-cache.js';
