/**
 * Drafts for the elements that edit something (the incident form, the postmortem): what a person
 * has typed, kept in the offline store on every change and offered back when the element opens
 * again ("Restored a draft from 10:42: Keep / Discard").
 *
 * Every element on a page shares one drafts store, opened on first use
 * (`createDrafts(await openOfflineStore())`); an element whose `drafts` property is set uses that
 * instead, and `null` turns drafts off for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createDrafts, openOfflineStore, type Draft, type DraftKey, type Drafts } from '@hansei/adapters/offline';

let shared: Promise<Drafts> | undefined;

/** The page's drafts store: opened on the first call, the same one after that. Never rejects. */
export function pageDrafts(): Promise<Drafts> {
  shared ??= openOfflineStore().then((store) => createDrafts(store));
  return shared;
}

/** An element that keeps drafts: its own store when set, `null` for none, else the page's. */
export interface DraftHost extends ReactiveControllerHost {
  readonly drafts: Drafts | null | undefined;
}

/**
 * Keeps one element's draft of one entity. Call {@link restore} when the entity is known (it
 * loads the draft and holds it in {@link offered} until the person keeps or discards it),
 * {@link save} on every change and {@link discard} after a successful submit. Calls run in the
 * order they are made, so a discard is never overtaken by an earlier save. Storage problems never
 * reach the element: the store falls back to memory by itself, and a failed write is dropped.
 */
export class DraftController<T> implements ReactiveController {
  /** The draft offered back by the last {@link restore}, until kept or discarded. */
  offered: Draft<T> | null = null;

  readonly #host: DraftHost;
  readonly #element: string;
  #key: DraftKey | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** `element` is the tag the drafts are kept under, e.g. `hansei-incident-form`. */
  constructor(host: DraftHost, element: string) {
    this.#host = host;
    this.#element = element;
    host.addController(this);
  }

  /** The element left the page: write any change still queued now. */
  hostDisconnected(): void {
    if (this.#key) void this.#run((drafts) => drafts?.flush(), undefined);
  }

  /** The entity whose draft this is (`new` for a create), once {@link restore} was called. */
  get entity(): string | null {
    return this.#key?.entity ?? null;
  }

  /**
   * Switches to the draft of `entity` and loads it: resolves with it (also kept in
   * {@link offered}), or null when there is none or drafts are off.
   */
  restore(entity: string): Promise<Draft<T> | null> {
    const key: DraftKey = { element: this.#element, entity };
    this.#key = key;
    this.offered = null;
    return this.#run(async (drafts) => {
      const draft = (await drafts?.loadDraft<T>(key)) ?? null;
      if (this.#key === key) {
        this.offered = draft;
        this.#host.requestUpdate();
      }
      return draft;
    }, null);
  }

  /** Keeps `value` as the draft (call it on every change); nothing happens before {@link restore}. */
  save(value: T): void {
    const key = this.#key;
    // Handed to the store at once, not after the previous write finished: the store keeps the
    // newest value where every reader sees it (an element re-created on the page restores it
    // while the write is still in flight) and coalesces the writes itself.
    if (key) void this.#run((drafts) => void drafts?.saveDraft(key, value).catch(() => undefined), undefined);
  }

  /** Stops offering the restored draft; it stays saved. */
  keep(): void {
    this.offered = null;
    this.#host.requestUpdate();
  }

  /** Forgets the draft (the person discarded it, reset the form, or submitted it). */
  discard(): Promise<void> {
    const key = this.#key;
    this.offered = null;
    this.#host.requestUpdate();
    return key ? this.#run((drafts) => drafts?.discardDraft(key), undefined) : Promise.resolve();
  }

  /** Resolves when every call made so far has been carried out. */
  settled(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  #run<R>(operation: (drafts: Drafts | null) => Promise<R> | R | undefined, fallback: R): Promise<R> {
    const own = this.#host.drafts;
    const next = this.#queue.then(async () => {
      const drafts = own === null ? null : (own ?? (await pageDrafts()));
      return (await operation(drafts)) ?? fallback;
    });
    this.#queue = next.catch(() => undefined);
    return next.catch(() => fallback);
  }
}
