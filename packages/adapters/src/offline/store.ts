/**
 * The offline store: one IndexedDB database (through idb) holding drafts, the last known status
 * and the outbox. When IndexedDB cannot be used (private browsing, storage turned off or full,
 * a database another tab upgraded), the store carries on in memory and says so through
 * `persistent` and `reason`; callers never see an exception for it.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { memoryBackend, type Backend, type StoreKey, type StoreValue } from './memory.js';
import { SCHEMA_VERSION, STORE_NAMES, upgradeSchema, type HanseiOfflineSchema, type StoreName } from './schema.js';

/** Options of {@link openOfflineStore}. */
export interface OfflineStoreOptions {
  /** The IndexedDB database name (default `hansei`). One per app and origin is plenty. */
  readonly name?: string;
  /**
   * The database version to open (default and minimum: the schema version this code knows).
   * Opening at a higher version upgrades an older database in place, keeping its records.
   */
  readonly version?: number;
  /**
   * Milliseconds to wait for the database to open (default 5000), e.g. while another tab holds
   * an older version open; after that the store works in memory.
   */
  readonly openTimeoutMs?: number;
}

/**
 * Where drafts, the last known status and the outbox live. The record-level methods are what
 * `createDrafts`, `withStatusCache` and `withOffline` build on; elements use those, not these.
 */
export interface OfflineStore {
  readonly name: string;
  /** False when the store keeps its records in memory only: they end with the page. */
  readonly persistent: boolean;
  /** Why the store is not persistent, in a sentence a person can act on; null when it is. */
  readonly reason: string | null;
  get<N extends StoreName>(store: N, key: StoreKey<N>): Promise<StoreValue<N> | undefined>;
  /** Every record of `store`, in key order. */
  getAll<N extends StoreName>(store: N): Promise<StoreValue<N>[]>;
  /** Adds or replaces a record; resolves with its key. */
  put<N extends StoreName>(store: N, value: StoreValue<N>): Promise<StoreKey<N>>;
  delete<N extends StoreName>(store: N, key: StoreKey<N>): Promise<void>;
  /** Closes the database; later calls reject. Writes already made are kept. */
  close(): void;
}

const IN_MEMORY = 'so drafts, the last known status and unsent changes last only until the page closes.';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Errors that come from the caller's data, not from the storage: passed on, never a fallback. */
function callerError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'DataCloneError' || error.name === 'DataError');
}

class Store implements OfflineStore {
  readonly name: string;
  #backend: Backend;
  #reason: string | null;
  #degrading: Promise<void> | null = null;
  #closed = false;

  constructor(name: string, backend: Backend, reason: string | null) {
    this.name = name;
    this.#backend = backend;
    this.#reason = reason;
  }

  get persistent(): boolean {
    return this.#reason === null;
  }

  get reason(): string | null {
    return this.#reason;
  }

  get<N extends StoreName>(store: N, key: StoreKey<N>): Promise<StoreValue<N> | undefined> {
    return this.#run((b) => b.get(store, key));
  }

  getAll<N extends StoreName>(store: N): Promise<StoreValue<N>[]> {
    return this.#run((b) => b.getAll(store));
  }

  put<N extends StoreName>(store: N, value: StoreValue<N>): Promise<StoreKey<N>> {
    return this.#run((b) => b.put(store, value));
  }

  delete<N extends StoreName>(store: N, key: StoreKey<N>): Promise<void> {
    return this.#run((b) => b.delete(store, key));
  }

  close(): void {
    this.#closed = true;
    this.#backend.close();
  }

  /**
   * Moves to memory, carrying over every record still readable, so nothing written so far is
   * lost for the rest of the page's life. Runs once, however many operations fail at once.
   */
  degrade(reason: string, from = this.#backend): Promise<void> {
    if (this.#reason !== null || from !== this.#backend) return this.#degrading ?? Promise.resolve();
    this.#degrading ??= (async () => {
      const memory = memoryBackend();
      for (const store of STORE_NAMES) {
        try {
          for (const record of await from.getAll(store)) await memory.put(store, record);
        } catch {
          // Unreadable (the database is gone): that store starts empty.
        }
      }
      try {
        from.close();
      } catch {
        // Already closed.
      }
      this.#backend = memory;
      this.#reason = reason;
    })();
    return this.#degrading;
  }

  async #run<T>(operation: (backend: Backend) => Promise<T>): Promise<T> {
    if (this.#closed) throw new Error(`The offline store "${this.name}" is closed; open it again with openOfflineStore().`);
    if (this.#degrading) await this.#degrading;
    const backend = this.#backend;
    try {
      return await operation(backend);
    } catch (error) {
      // The memory fallback itself failed, or the caller's data is at fault: nothing to fall back to.
      if (callerError(error) || this.#closed || (backend === this.#backend && this.#reason !== null)) throw error;
      await this.degrade(`IndexedDB failed (${describe(error)}), ${IN_MEMORY}`, backend);
      return operation(this.#backend);
    }
  }
}

function open(name: string, version: number, timeoutMs: number, onLost: (reason: string) => void): Promise<IDBPDatabase<HanseiOfflineSchema>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`no answer in ${timeoutMs} ms; another tab may hold it open`));
    }, timeoutMs);
    openDB<HanseiOfflineSchema>(name, version, {
      upgrade: (db) => upgradeSchema(db),
      blocking: () => onLost(`A newer version of this app needs the offline store (reload this page to use it), ${IN_MEMORY}`),
      terminated: () => onLost(`The browser closed the offline store, ${IN_MEMORY}`),
    }).then(
      (db) => {
        clearTimeout(timer);
        if (settled) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * idb's database as the store's backend, each write in a transaction committed as soon as it is
 * made (`IDBTransaction.commit()`): the commit is asked for in the same task, so a draft written
 * at `pagehide` is kept even when the page goes away before the browser answers; left to
 * auto-commit, it waits for a round trip that an unloading page never gets.
 */
function idbBackend(db: IDBPDatabase<HanseiOfflineSchema>): Backend {
  async function write<N extends StoreName, R>(store: N, request: (tx: IDBPTransaction<HanseiOfflineSchema, [N], 'readwrite'>) => Promise<R>): Promise<R> {
    const tx = db.transaction(store, 'readwrite');
    const result = request(tx);
    tx.commit();
    const [value] = await Promise.all([result, tx.done]);
    return value;
  }
  return {
    get: (store, key) => db.get(store, key),
    getAll: (store) => db.getAll(store),
    put: (store, value) => write(store, (tx) => tx.store.put(value)),
    delete: (store, key) => write(store, (tx) => tx.store.delete(key)),
    close: () => db.close(),
  };
}

/**
 * Opens (creating or upgrading as needed) the offline database. Never rejects: when IndexedDB is
 * missing, refuses to open or does not answer in time, it resolves with a store that keeps its
 * records in memory, with `persistent` false and the `reason`.
 *
 * @example
 * const store = await openOfflineStore();
 * if (!store.persistent) console.warn(store.reason);
 */
export async function openOfflineStore(options: OfflineStoreOptions = {}): Promise<OfflineStore> {
  const name = options.name ?? 'hansei';
  const version = Math.max(options.version ?? SCHEMA_VERSION, SCHEMA_VERSION);
  let store: Store | undefined;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB here');
    const db = await open(name, version, options.openTimeoutMs ?? 5000, (reason) => void store?.degrade(reason));
    store = new Store(name, idbBackend(db), null);
  } catch (error) {
    store = new Store(name, memoryBackend(), `The offline store "${name}" could not be opened (${describe(error)}), ${IN_MEMORY}`);
  }
  return store;
}
