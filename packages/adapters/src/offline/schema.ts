/**
 * The shape of Hansei's offline database: one IndexedDB database with three object stores,
 * `drafts`, `status` and `outbox`, described as an idb {@link DBSchema} so every read and write
 * is typed. Records hold plain, structured-cloneable data: instants are epoch milliseconds and
 * errors are stored as {@link StoredError}, never as class instances.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { ErrorKind, ProblemDetails } from '../errors.js';

/**
 * The schema version this code creates. Raise it (and add a step to {@link upgradeSchema}) when
 * a store or index is added; older databases are upgraded in place, keeping their records.
 */
export const SCHEMA_VERSION = 1;

/** A draft as stored: the element and entity it belongs to, the value and when it was saved. */
export interface DraftRecord {
  readonly element: string;
  readonly entity: string;
  readonly value: unknown;
  /** Epoch milliseconds. */
  readonly savedAt: number;
}

/** A cached read (the status snapshot, uptime) and when it was fetched. */
export interface StatusRecord {
  readonly key: string;
  readonly value: unknown;
  /** Epoch milliseconds. */
  readonly fetchedAt: number;
}

/** A HanseiError as stored: enough to rebuild it. */
export interface StoredError {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly status: number | null;
  readonly problem: ProblemDetails | null;
}

/** A write waiting in the outbox, or kept after it failed. */
export interface OutboxRecord {
  /** Assigned by the store (auto-increment), so ids follow the order writes were made in. */
  readonly id?: number;
  /** The HanseiAdapter method to call. */
  readonly method: string;
  /** Its arguments, without the options. */
  readonly args: readonly unknown[];
  /** Sent with creates, so a replay of a create that did reach the server creates nothing new. */
  readonly idempotencyKey: string | null;
  /** Epoch milliseconds. */
  readonly queuedAt: number;
  readonly state: 'pending' | 'failed';
  readonly attempts: number;
  readonly error: StoredError | null;
}

/** The database, for idb's typed API. */
export interface HanseiOfflineSchema extends DBSchema {
  drafts: { key: [string, string]; value: DraftRecord };
  status: { key: string; value: StatusRecord };
  outbox: { key: number; value: OutboxRecord };
}

/** The object stores' names. */
export const STORE_NAMES = ['drafts', 'status', 'outbox'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** How each store is keyed (IndexedDB key paths). */
export const KEY_PATHS = {
  drafts: ['element', 'entity'],
  status: 'key',
  outbox: 'id',
} as const satisfies Record<StoreName, string | readonly string[]>;

/**
 * Brings a database of any older version up to {@link SCHEMA_VERSION}: creates each store that is
 * missing, so a database created by an older release (or left half-made) gains what it lacks and
 * keeps its records.
 */
export function upgradeSchema(db: IDBPDatabase<HanseiOfflineSchema>): void {
  for (const name of STORE_NAMES) {
    if (db.objectStoreNames.contains(name)) continue;
    const keyPath: string | string[] = typeof KEY_PATHS[name] === 'string' ? KEY_PATHS[name] : [...KEY_PATHS[name]];
    db.createObjectStore(name, { keyPath, autoIncrement: name === 'outbox' });
  }
}
