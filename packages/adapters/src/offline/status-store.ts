/**
 * The status part of the offline store without idb, for the public status page's byte budget:
 * it reads and writes one record at a time in the same database and object store as
 * {@link openOfflineStore}, so the two see the same last known status. Anything that goes wrong
 * with IndexedDB (none, private mode, blocked, another version) falls back to memory quietly:
 * the status cache is a convenience, never a reason to fail.
 */
import { SCHEMA_VERSION, upgradeSchema, type StatusRecord } from './schema.js';

/** What the status cache needs of a store (the full OfflineStore has it too). */
export interface StatusStore {
  get(store: 'status', key: string): Promise<StatusRecord | undefined>;
  put(store: 'status', value: StatusRecord): Promise<unknown>;
}

/** A request's result as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens the status records of the offline database `name` (default `hansei`), creating the
 * database at the schema's version when it does not exist yet.
 */
export function openStatusStore(name = 'hansei'): StatusStore & { close(): Promise<void> } {
  const memory = new Map<string, StatusRecord>();
  let database: Promise<IDBDatabase | null>;
  try {
    const request = indexedDB.open(name);
    request.onupgradeneeded = (event) => {
      // A new database: give it the full schema, as openOfflineStore would.
      if (event.oldVersion === 0 && request.result.version <= SCHEMA_VERSION) upgradeSchema(request.result as never);
    };
    request.onblocked = () => undefined;
    database = done(request).then(
      (db) => (db.objectStoreNames.contains('status') ? db : null),
      () => null,
    );
  } catch {
    database = Promise.resolve(null);
  }

  async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>, fallback: () => T): Promise<T> {
    const db = await database;
    if (!db) return fallback();
    try {
      return await done(use(db.transaction('status', mode).objectStore('status')));
    } catch {
      return fallback();
    }
  }

  return {
    get: (_store, key) => run('readonly', (s) => s.get(key) as IDBRequest<StatusRecord | undefined>, () => memory.get(key)),
    put: (_store, value) => {
      memory.set(value.key, value);
      return run('readwrite', (s) => s.put(value), () => value.key);
    },
    /** Closes the connection, so the database can be upgraded or deleted. */
    close: async () => (await database)?.close(),
  };
}
