/**
 * Drafts: what a person has typed into a form, kept on every change so a reload or a crash loses
 * nothing, and offered back when the form opens again ("restored draft from 10:42 - keep /
 * discard"). Keyed by element and entity; cleared by the element when its submit succeeds.
 */
import type { DraftRecord } from './schema.js';
import type { OfflineStore } from './store.js';

/** Whose draft: the element's tag and the entity it edits (its id, or `new` for a create). */
export interface DraftKey {
  readonly element: string;
  readonly entity: string;
}

/** A draft as offered back. */
export interface Draft<T = unknown> extends DraftKey {
  readonly value: T;
  /** When it was saved (the last change). */
  readonly savedAt: Date;
}

/** Options of {@link createDrafts}. */
export interface DraftsOptions {
  /** Drafts not changed for this many days are dropped (default 30). */
  readonly maxAgeDays?: number;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** The drafts of one offline store. */
export interface Drafts {
  /**
   * Keeps `value` as the draft of `key`. Call it on every change: a burst of changes is written
   * as its last value (at most one write in flight per draft, the newest value queued behind it),
   * and anything queued is written at once when the page is hidden or unloaded. Resolves when
   * this value, or a later one, is stored (or the draft was discarded meanwhile).
   */
  saveDraft<T>(key: DraftKey, value: T): Promise<void>;
  /** The draft of `key`, including a change not yet written; null when there is none (or it expired). */
  loadDraft<T = unknown>(key: DraftKey): Promise<Draft<T> | null>;
  /** Forgets the draft of `key` (after a successful submit, or when the person discards it). */
  discardDraft(key: DraftKey): Promise<void>;
  /** Every draft, or those of one element, most recently saved first. */
  listDrafts(element?: string): Promise<Draft[]>;
  /** Removes drafts older than `maxAgeDays` (default: the option); resolves with how many. */
  pruneDrafts(maxAgeDays?: number): Promise<number>;
  /** The prune run on creation: resolves with how many drafts it removed (0 if it failed). */
  readonly pruned: Promise<number>;
  /** Writes every queued change now; resolves when all writes are done. */
  flush(): Promise<void>;
  /** Stops listening for the page being hidden. */
  dispose(): void;
}

const DAY_MS = 86_400_000;
const idOf = (key: DraftKey) => JSON.stringify([key.element, key.entity]);
const toDraft = <T>(record: DraftRecord): Draft<T> => ({
  element: record.element,
  entity: record.entity,
  value: record.value as T,
  savedAt: new Date(record.savedAt),
});

/**
 * The drafts kept in `store`.
 *
 * @example
 * const drafts = createDrafts(store);
 * const key = { element: 'hansei-postmortem', entity: postmortem.id };
 * const restored = await drafts.loadDraft<PostmortemPatchInput>(key);
 * if (restored) offer(`Restored draft from ${time.format(restored.savedAt)}`, restored.value);
 * form.addEventListener('input', () => void drafts.saveDraft(key, form.value));
 * await adapter.updatePostmortem(id, form.value, version);
 * await drafts.discardDraft(key);
 */
export function createDrafts(store: OfflineStore, options: DraftsOptions = {}): Drafts {
  const now = options.now ?? Date.now;
  const maxAgeDays = options.maxAgeDays ?? 30;
  /** The newest value of each draft not yet confirmed stored. */
  const latest = new Map<string, DraftRecord>();
  /** The write in flight per draft. */
  const writing = new Map<string, Promise<void>>();
  /** The value queued behind it, and the callers waiting for it. */
  const queued = new Map<string, { record: DraftRecord; resolve: (done: Promise<void> | void) => void; promise: Promise<void> }>();
  const expired = (record: DraftRecord, days = maxAgeDays) => record.savedAt < now() - days * DAY_MS;

  function write(id: string, record: DraftRecord): Promise<void> {
    const done = store.put('drafts', record).then(() => undefined);
    const settled: Promise<void> = done.then(
      () => next(),
      () => next(),
    );
    function next() {
      if (writing.get(id) === settled) writing.delete(id);
      if (latest.get(id) === record) latest.delete(id);
      const waiting = queued.get(id);
      if (waiting && !writing.has(id)) {
        queued.delete(id);
        waiting.resolve(write(id, waiting.record));
      }
    }
    writing.set(id, settled);
    return done;
  }

  function flush(): Promise<void> {
    // Started now, after the write in flight: IndexedDB runs them in that order, so the newest wins.
    for (const [id, waiting] of queued) {
      queued.delete(id);
      waiting.resolve(write(id, waiting.record));
    }
    return Promise.all(writing.values()).then(() => undefined);
  }

  async function pruneDrafts(days = maxAgeDays): Promise<number> {
    const removals: Promise<void>[] = [];
    for (const record of await store.getAll('drafts')) {
      const id = idOf(record);
      // A draft changed since it was read is young again: the check and the delete happen together.
      if (expired(record, days) && !latest.has(id) && !writing.has(id)) removals.push(store.delete('drafts', [record.element, record.entity]));
    }
    await Promise.all(removals);
    return removals.length;
  }

  const onHide = () => void flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);
  const pruned = pruneDrafts().catch(() => 0);

  return {
    saveDraft(key, value) {
      const id = idOf(key);
      const record: DraftRecord = { element: key.element, entity: key.entity, value, savedAt: now() };
      latest.set(id, record);
      if (!writing.has(id)) return write(id, record);
      const waiting = queued.get(id);
      if (waiting) {
        waiting.record = record;
        return waiting.promise;
      }
      let resolve!: (done: Promise<void> | void) => void;
      const promise = new Promise<void>((r) => (resolve = r));
      queued.set(id, { record, resolve, promise });
      return promise;
    },

    async loadDraft<T>(key: DraftKey) {
      const record = latest.get(idOf(key)) ?? (await store.get('drafts', [key.element, key.entity]));
      if (!record || expired(record)) return null;
      return toDraft<T>(record);
    },

    async discardDraft(key) {
      const id = idOf(key);
      latest.delete(id);
      queued.get(id)?.resolve();
      queued.delete(id);
      // Made after any write in flight, so it runs after it.
      await store.delete('drafts', [key.element, key.entity]);
    },

    async listDrafts(element) {
      const records = new Map((await store.getAll('drafts')).map((r) => [idOf(r), r]));
      for (const [id, record] of latest) records.set(id, record);
      return [...records.values()]
        .filter((r) => (element === undefined || r.element === element) && !expired(r))
        .sort((a, b) => b.savedAt - a.savedAt)
        .map((r) => toDraft(r));
    },

    pruneDrafts,
    pruned,
    flush,

    dispose() {
      globalThis.removeEventListener?.('pagehide', onHide);
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
