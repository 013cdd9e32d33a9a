/**
 * The in-memory stand-in for the offline database, used when IndexedDB cannot be used: same
 * stores, same keys, values copied in and out (structured clone) as IndexedDB does,
 * so callers see the same behaviour; only nothing outlives the page.
 */
import { KEY_PATHS, type HanseiOfflineSchema, type StoreName } from './schema.js';

/** A key of `N`'s records. */
export type StoreKey<N extends StoreName> = HanseiOfflineSchema[N]['key'];
/** A record of `N`. */
export type StoreValue<N extends StoreName> = HanseiOfflineSchema[N]['value'];

/** The operations the offline modules use; idb's database offers the same ones. */
export interface Backend {
  get<N extends StoreName>(store: N, key: StoreKey<N>): Promise<StoreValue<N> | undefined>;
  /** Every record, in key order. */
  getAll<N extends StoreName>(store: N): Promise<StoreValue<N>[]>;
  /** Adds or replaces a record; resolves with its key (assigned when the store numbers them). */
  put<N extends StoreName>(store: N, value: StoreValue<N>): Promise<StoreKey<N>>;
  delete<N extends StoreName>(store: N, key: StoreKey<N>): Promise<void>;
  close(): void;
}

type Key = string | number | readonly string[];

/** A fresh, empty in-memory backend. */
export function memoryBackend(): Backend {
  const stores = new Map<StoreName, Map<string, { key: Key; value: unknown }>>();
  let nextId = 1;
  const records = (name: StoreName) => {
    let map = stores.get(name);
    if (!map) stores.set(name, (map = new Map<string, { key: Key; value: unknown }>()));
    return map;
  };
  const id = (key: unknown) => JSON.stringify(key);

  return {
    get(store, key) {
      const found = records(store).get(id(key));
      return Promise.resolve(found && structuredClone(found.value) as never);
    },
    getAll(store) {
      // Numbered records (the outbox) in number order, as IndexedDB would; the others' order is not used.
      const all = [...records(store).values()].sort((a, b) => (typeof a.key === 'number' ? a.key - (b.key as number) : 0));
      return Promise.resolve(all.map((r) => structuredClone(r.value)) as never);
    },
    put(store, value) {
      const copy = structuredClone(value) as unknown as Record<string, unknown>;
      const path = KEY_PATHS[store];
      if (store === 'outbox') {
        if (typeof copy['id'] !== 'number') copy['id'] = nextId;
        nextId = Math.max(nextId, (copy['id'] as number) + 1);
      }
      const key = (typeof path === 'string' ? copy[path] : path.map((p) => copy[p])) as Key;
      records(store).set(id(key), { key, value: copy });
      return Promise.resolve(key as never);
    },
    delete(store, key) {
      records(store).delete(id(key));
      return Promise.resolve();
    },
    close() {
      stores.clear();
    },
  };
}
