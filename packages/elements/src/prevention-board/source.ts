/**
 * Keeps the board's data current: loads it for the board's adapter and incident (a newer load
 * wins), reads the actions again when asked, and applies live changes from `subscribe`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HanseiAdapter } from '@hansei/adapters';
import { errorText } from '../internal/adapter-errors.js';
import { applyChange, loadBoard, type BoardData, type ChangeEffect } from './data.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What the source needs from the board. */
export interface SourceHost {
  adapter(): HanseiAdapter | undefined;
  incidentId(): string;
  data(): BoardData;
  setData(data: BoardData): void;
  setLoad(state: LoadState, error?: unknown): void;
  loadState(): LoadState;
  /** A new load begins: writes under way and moves are forgotten. */
  restart(): void;
  setFailure(failure: string): void;
  /** An action changed elsewhere (not by a write of this board). */
  changed(effect: Extract<ChangeEffect, { kind: 'action' }>): void;
}

type For = { readonly adapter: HanseiAdapter | undefined; readonly incidentId: string } | null;

export class BoardSource implements ReactiveController {
  readonly #element: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };
  readonly #host: SourceHost;
  #loadedFor: For = null;
  #liveFor: For = null;
  #loadAbort: AbortController | null = null;
  #liveAbort: AbortController | null = null;
  #changedWhileLoading = false;

  constructor(element: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean }, host: SourceHost) {
    this.#element = element;
    this.#host = host;
    element.addController(this);
  }

  /** Loads (again) and subscribes when the adapter or the incident changed: call from willUpdate. */
  sync(): void {
    const adapter = this.#host.adapter();
    const incidentId = this.#host.incidentId();
    const stale = (done: For): boolean => done === null || done.adapter !== adapter || done.incidentId !== incidentId;
    if (stale(this.#loadedFor)) {
      this.#loadedFor = { adapter, incidentId };
      void this.#load(adapter, incidentId);
    }
    if (this.#element.isConnected && stale(this.#liveFor)) {
      this.#liveFor = { adapter, incidentId };
      this.#subscribe(adapter, incidentId);
    }
  }

  /** Loads everything again (the retry button, a reseeded backend). */
  reload(): void {
    this.#loadedFor = null;
    this.#element.requestUpdate();
  }

  hostConnected(): void {
    // Moved in the page: subscribe again (sync does it on the next update).
    if (this.#element.hasUpdated) this.#element.requestUpdate();
  }

  hostDisconnected(): void {
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    this.#liveFor = null;
  }

  async #load(adapter: HanseiAdapter | undefined, incidentId: string): Promise<void> {
    this.#loadAbort?.abort();
    this.#host.restart();
    if (!adapter) {
      this.#host.setLoad('idle');
      return;
    }
    const abort = new AbortController();
    this.#loadAbort = abort;
    this.#host.setLoad('loading');
    this.#changedWhileLoading = false;
    try {
      const data = await loadBoard(adapter, incidentId || null, abort.signal);
      if (abort.signal.aborted) return;
      this.#host.setData(data);
      this.#host.setLoad('ready');
      // A change that arrived while the answers were on their way may be missing from them.
      if (this.#changedWhileLoading) void this.refresh();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#host.setLoad('error', error);
    }
  }

  /** Reads the actions again (after a conflict without the current card, or changes during the load). */
  async refresh(): Promise<void> {
    const adapter = this.#host.adapter();
    const incidentId = this.#host.incidentId();
    if (!adapter) return;
    this.#changedWhileLoading = false;
    try {
      const fresh = await loadBoard(adapter, incidentId || null, new AbortController().signal);
      if (adapter !== this.#host.adapter() || incidentId !== this.#host.incidentId()) return;
      this.#host.setData({ ...fresh, role: this.#host.data().role ?? fresh.role });
    } catch (error) {
      this.#host.setFailure(errorText(error));
    }
  }

  #subscribe(adapter: HanseiAdapter | undefined, incidentId: string): void {
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    if (!adapter || !adapter.capabilities.live) return;
    const abort = new AbortController();
    this.#liveAbort = abort;
    adapter.subscribe(
      (change) => {
        const state = this.#host.loadState();
        if (state === 'loading') this.#changedWhileLoading = true;
        if (state !== 'ready') return;
        const effect = applyChange(this.#host.data(), change, incidentId || null);
        if (effect.kind === 'none') return;
        if (effect.kind === 'reload') {
          this.reload();
          return;
        }
        this.#host.setData(effect.data);
        if (effect.kind === 'action') this.#host.changed(effect);
      },
      { signal: abort.signal },
    );
  }
}
