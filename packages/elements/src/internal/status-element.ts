import { isServer, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Change, StatusAdapter } from '@hansei/adapters';
import { watchStatus } from '@hansei/adapters/offline/status';
import type { StatusSnapshot } from '@hansei/core';
import { adapterContext, attachContextRoot, settingsContext, type HanseiSettings } from './context.js';
import { HanseiElement } from './hansei-element.js';
import { getLocale } from './localization.js';
import type { StatusTemplateContext, StatusView } from './status-view.js';

/** How long live changes are gathered before the status is read again, in milliseconds. */
const SETTLE_MS = 300;

/** Changes that can change what the public page shows (internal timeline and roles cannot). */
function changesStatus(change: Change): boolean {
  const type = change.type;
  return (
    type.startsWith('component') ||
    type.startsWith('maintenance.') ||
    type === 'incident.created' ||
    type === 'incident.updated' ||
    type === 'incident.update.created' ||
    type === 'incident.withdrawn' ||
    type === 'page.updated' ||
    type === 'demo.seeded'
  );
}

/**
 * Base class of the status page's elements (summary, component list, maintenance list, badge):
 * each shows a `StatusSnapshot`, given as data or read through an adapter.
 *
 * - With `snapshot` set (e.g. a server-rendered page that already has it), it shows that and reads
 *   nothing.
 * - Otherwise it reads through its `adapter` property, else its provider's, with `watchStatus`:
 *   stale-while-revalidate when the adapter has the status cache (`withStatusCache`,
 *   `withOffline`), so the last known status shows at once and, when a fresh one cannot be read,
 *   stays with its time ("as of 10:42"). It reads again, at most once per 300 ms, on live changes
 *   that touch the page when the adapter is live.
 * - It shows loading and error states, and says so when it has neither snapshot nor adapter.
 *
 * Reading starts only in the browser (never during server rendering). Not registered and not
 * meant to be used alone.
 */
export class HanseiStatusElement extends HanseiElement {
  /** The status to show, for a page that already has it; while set, nothing is read. */
  @property({ attribute: false }) snapshot: StatusSnapshot | undefined;

  /**
   * The adapter to read through instead of the provider's: any adapter with the status reads
   * (`RestAdapter`, `RestStatusAdapter`, `StatuspageAdapter`, `MemoryAdapter`, ...).
   */
  @property({ attribute: false }) adapter: StatusAdapter | undefined;

  /** The time relative phrases count from, epoch milliseconds (default: the clock, read at each render). */
  @property({ attribute: false }) now: number | undefined;

  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected providedAdapter: StatusAdapter | undefined;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected providedSettings: HanseiSettings | undefined;

  /** The last snapshot read, when, and from which adapter; null before the first. */
  @state() private last: { readonly snapshot: StatusSnapshot; readonly asOf: Date; readonly adapter: StatusAdapter } | null = null;
  /** The adapter whose latest read failed, if it did. */
  @state() private failedFor: StatusAdapter | null = null;

  /** The adapter being watched (null: none), and what stops watching it. */
  #watched: { readonly adapter: StatusAdapter; readonly stop: AbortController } | null = null;
  /** The reads of the watched adapter, one after another, while asked for; null when idle. */
  #reads: Promise<void> | null = null;
  /** Another read was asked for (a live change, Try again) since the current one started. */
  #again = false;
  #settle: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    attachContextRoot();
  }

  /** The adapter in use: the element's own, else the provider's; undefined when it has none. */
  get source(): StatusAdapter | undefined {
    return this.adapter ?? this.providedAdapter;
  }

  /** The time zone dates are shown in: the provider's, else the viewer's. */
  get timeZone(): string {
    return this.providedSettings?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** Whether the element reads through its adapter now; subclasses that can show other data say when not. */
  protected get reads(): boolean {
    return this.snapshot === undefined;
  }

  /** What to show now (see `StatusView`). */
  protected get view(): StatusView {
    if (this.snapshot !== undefined) return { state: 'ready', snapshot: this.snapshot, asOf: null };
    const source = this.source;
    if (!source) return { state: 'missing' };
    // What another adapter said is not this one's.
    const last = this.last?.adapter === source ? this.last : null;
    const failed = this.failedFor === source;
    if (last) return { state: 'ready', snapshot: last.snapshot, asOf: failed ? last.asOf : null };
    return failed ? { state: 'error' } : { state: 'loading' };
  }

  /** The template context: locale, time zone, now, and a retry. */
  protected get templateContext(): StatusTemplateContext {
    return { locale: getLocale(), timeZone: this.timeZone, now: this.now ?? Date.now(), onRetry: this.#retry };
  }

  /** Reads the status again (what "Try again" does). Resolves when the read has answered. */
  async reload(): Promise<void> {
    const watched = this.#watched;
    if (watched) await this.#refresh(watched.adapter, watched.stop.signal);
  }

  readonly #retry = (): void => {
    void this.reload();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a removal: watch again (see updated).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (isServer || !this.isConnected) return;
    const wanted = this.reads ? this.source : undefined;
    if (wanted === this.#watched?.adapter) return;
    this.#unwatch();
    if (wanted) this.#watch(wanted);
  }

  #watch(adapter: StatusAdapter): void {
    const stop = new AbortController();
    this.#watched = { adapter, stop };
    if (adapter.capabilities?.live) {
      try {
        adapter.subscribe(
          (change) => {
            if (!changesStatus(change)) return;
            clearTimeout(this.#settle);
            this.#settle = setTimeout(() => void this.#refresh(adapter, stop.signal), SETTLE_MS);
          },
          { signal: stop.signal },
        );
      } catch {
        // No live changes from this adapter: the status shows as read.
      }
    }
    void this.#refresh(adapter, stop.signal);
  }

  #unwatch(): void {
    clearTimeout(this.#settle);
    this.#watched?.stop.abort();
    this.#watched = null;
    this.#reads = null;
    this.#again = false;
  }

  /**
   * Reads now, or, when a read is under way, once more after it: a read that started before a
   * change may not have seen it. Resolves when no read is left to do.
   */
  #refresh(adapter: StatusAdapter, signal: AbortSignal): Promise<void> {
    this.#again = true;
    this.#reads ??= this.#readWhileAsked(adapter, signal);
    return this.#reads;
  }

  async #readWhileAsked(adapter: StatusAdapter, signal: AbortSignal): Promise<void> {
    // Runs after #refresh has stored this promise, so the last step below finds it there.
    await Promise.resolve();
    while (this.#again && !signal.aborted) {
      this.#again = false;
      await this.#read(adapter, signal);
    }
    if (!signal.aborted) this.#reads = null;
  }

  /** One stale-while-revalidate read (see `watchStatus`); after `signal` aborts, it changes nothing. */
  #read(adapter: StatusAdapter, signal: AbortSignal): Promise<void> {
    return watchStatus(
      adapter,
      (read) => {
        if (read.snapshot) this.last = { snapshot: read.snapshot, asOf: read.asOf, adapter };
        this.failedFor = read.error === undefined ? null : adapter;
      },
      { signal },
    );
  }
}
