import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Change, HanseiError, StatusAdapter } from '@hansei/adapters';
import { watchUptime } from '@hansei/adapters/offline/status';
import type { ComponentUptime, Id, Incident } from '@hansei/core';
import { HanseiStatusElement } from '../internal/status-element.js';
import { statusElementStyles } from '../internal/status-styles.js';
import { asOfTemplate, errorTemplate, loadingTemplate, missingTemplate } from '../internal/status-view.js';
import { uptimeBarsModel, type UptimeBarsModel } from './model.js';
import { uptimeBarsTemplate } from './uptime-bars.template.js';
import { uptimeBarsStyles } from './uptime-bars.styles.js';

/** Below this width (px) only the last days show, as the styles' container query does. */
const NARROW_PX = 480;
/** Days shown on narrow screens. */
const NARROW_DAYS = 30;
/** Live changes are gathered this long before the uptime is read again. */
const LIVE_DEBOUNCE_MS = 1000;
/** Pages of `listIncidents` and single `getIncident` calls spent on finding titles, at most. */
const TITLE_PAGES = 5;
const TITLE_LOOKUPS = 30;
const DAY_MS = 86_400_000;

type Open = { readonly rowId: Id; readonly index: number; readonly via: 'hover' | 'focus' | 'tap' };

const isRelevant = (change: Change): boolean =>
  change.type.startsWith('component.') || change.type.startsWith('incident.') || change.type === 'demo.seeded';

/**
 * Daily uptime bars of the status page's components: per component, its uptime over the window
 * (90 days by default) and one bar per day whose colour AND pattern say how the day went (solid:
 * no downtime; two thirds: degraded performance; striped: partial outage; broken: major outage;
 * hollow: maintenance; dashed: no data), with a legend.
 *
 * A day's detail (date, uptime, time in each status other than operational, and the incidents
 * that touched it, linked with `href-template`) opens on hover, on focus and on tap. The days
 * are one Tab stop per component: Left and Right move a day, Home and End to the first and the
 * last, Up and Down to the same day of the component above or below, Enter or Space opens or
 * closes the detail, Escape closes it. Tab from a day goes into its detail's links.
 *
 * Narrower than 480 px, it shows the last 30 days and the uptime over them (a container query,
 * so the server-rendered markup does it too). Every day is readable without script: its bar is
 * named with the whole day in words.
 *
 * Data: set `uptime` (core's `ComponentUptime[]`, e.g. from `adapter.uptime()`) and `snapshot`
 * (for component names and open incidents' titles) on a page that has them; otherwise it reads
 * them through its adapter (with the status cache's stale-while-revalidate when the adapter has
 * one: when the adapter cannot be reached it shows the last known bars "as of" their time), in
 * the viewer's time zone, and reads again on live changes. Incident titles it does not have are
 * looked up with `listIncidents` / `getIncident` when there is an adapter. An adapter that
 * publishes no uptime (the Statuspage adapter) makes it say that uptime is not available.
 *
 * @tag hansei-uptime-bars
 * @summary 90 daily uptime bars per component, with the uptime %, a day's detail and incidents on hover, focus and tap.
 *
 * @csspart base - Everything shown once there is data.
 * @csspart rows - The list of components.
 * @csspart row - One component: its name, uptime, bars and axis.
 * @csspart name - A component's name.
 * @csspart uptime - A component's uptime over the window.
 * @csspart bars - A component's list of days.
 * @csspart bar - One day's bar (a button); also `bar-<level>` with the level: `operational`, `degraded_performance`, `partial_outage`, `major_outage`, `under_maintenance` or `none`.
 * @csspart axis - The labels under the bars ("90 days ago", "Today").
 * @csspart detail - The open day's detail.
 * @csspart incident-link - A link to an incident in the detail.
 * @csspart legend - The legend of colours and patterns.
 * @csspart loading - The words shown while the uptime is read.
 * @csspart error - Reading failed and there is nothing to show; has a Try again button.
 * @csspart button - The Try again button.
 * @csspart unavailable - The note that the adapter publishes no uptime (e.g. a Statuspage page).
 * @csspart empty - The note that there is no component to show.
 * @csspart as-of - The note that the bars are the last known ones, with their time.
 * @csspart missing-adapter - The note shown without data and without an adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the detail.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Border of the detail.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring; links.
 * @cssprop --hansei-color-link - Colour of incident links (default: the focus colour).
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (uptime, axis, legend).
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Days without downtime.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Days with degraded performance.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Days with a partial outage.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Days with a major outage; errors.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Days with maintenance.
 * @cssprop [--hansei-status-unknown=light-dark(#59636e, #9198a1)] - Days without data.
 * @cssprop [--hansei-uptime-bar-height=2.125rem] - Height of the bars.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiUptimeBars extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, statusElementStyles, uptimeBarsStyles];

  /** Daily uptime to show (core's `ComponentUptime[]`); when unset, it is read through the adapter. */
  @property({ attribute: false }) uptime: readonly ComponentUptime[] | undefined;

  /** Incident titles the page already has (e.g. the month's incidents), so they need no lookup. */
  @property({ attribute: false }) incidents: readonly Pick<Incident, 'id' | 'title'>[] | undefined;

  /** Days to read through the adapter, 1 to 90 (default 90). */
  @property({ type: Number, reflect: true }) days = 90;

  /** Only these components, in this order: ids separated by spaces (default: every component). */
  @property({ attribute: 'component-ids' }) componentIds = '';

  /** Link of an incident: `{id}` is replaced by its id, e.g. `/incidents/{id}`. Without it, titles are not links. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Hides the legend (e.g. when the page shows one itself). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** The uptime read, from which adapter, and for what. */
  @state() private loaded: { readonly uptime: readonly ComponentUptime[]; readonly key: string } | null = null;
  @state() private failure: { readonly error: HanseiError; readonly key: string } | null = null;
  @state() private asOf: Date | null = null;
  @state() private fetchedTitles: ReadonlyMap<Id, string> = new Map();
  @state() private focusIndex: ReadonlyMap<Id, number> = new Map();
  @state() private open: Open | null = null;
  @state() private narrow = false;

  /** What the uptime watch reads now (see #key); null when it reads nothing. */
  #watching: string | null = null;
  #run: AbortController | null = null;
  #live: ReturnType<typeof setTimeout> | undefined;
  readonly #adapterIds = new WeakMap<StatusAdapter, number>();
  #asked = new Set<Id>();
  #model: { key: readonly unknown[]; model: UptimeBarsModel } | null = null;
  #resize: ResizeObserver | null = null;
  #pointerDown = false;
  /** Set while focus goes back to a day after Escape: that focus must not open the detail again. */
  #quietFocus = false;
  #titlesChecked: UptimeBarsModel | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'function') {
      this.#resize ??= new ResizeObserver((entries) => {
        const width = entries[entries.length - 1]?.contentRect.width ?? NARROW_PX;
        const narrow = width > 0 && width < NARROW_PX;
        if (narrow !== this.narrow) {
          this.narrow = narrow;
          this.open = null;
        }
      });
      this.#resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#resize?.disconnect();
    document.removeEventListener('pointerdown', this.#outside, true);
  }

  /** Reads the uptime (and the snapshot, when not given) again. Resolves when the snapshot's read has answered. */
  override async reload(): Promise<void> {
    this.#stop();
    this.failure = null;
    this.requestUpdate();
    await super.reload();
  }

  #days(): number {
    const days = Math.floor(Number(this.days));
    return Number.isFinite(days) ? Math.min(90, Math.max(1, days)) : 90;
  }

  /** What the uptime read is for: the adapter, the days and the time zone; null when nothing is to be read. */
  #key(): string | null {
    const adapter = this.source;
    if (this.uptime || !adapter) return null;
    let id = this.#adapterIds.get(adapter);
    if (id === undefined) {
      id = Math.random();
      this.#adapterIds.set(adapter, id);
    }
    return `${id}|${this.#days()}|${this.timeZone}`;
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = null;
    this.#watching = null;
    clearTimeout(this.#live);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed as PropertyValues<this>);
    if (!isServer && this.isConnected) {
      const key = this.#key();
      if (key !== this.#watching) {
        this.#stop();
        if (key !== null && this.source) this.#watch(this.source, key);
      }
    }
    this.#afterRender(changed);
  }

  /** Reads the uptime (stale-while-revalidate with the status cache) and again on live changes. */
  #watch(adapter: StatusAdapter, key: string): void {
    const run = new AbortController();
    this.#run = run;
    this.#watching = key;
    const { signal } = run;
    // Called from updated(): change state after this update, not during it.
    if (this.asOf) void Promise.resolve().then(() => (this.asOf = null));
    const read = () =>
      watchUptime(
        adapter,
        (answer) => {
          if (answer.snapshot) {
            this.loaded = { uptime: answer.snapshot, key };
            this.asOf = answer.error ? answer.asOf : null;
            this.failure = null;
          } else {
            this.failure = { error: answer.error, key };
          }
        },
        { days: this.#days(), timeZone: this.timeZone, signal },
      );
    void read();
    if (adapter.capabilities?.live) {
      try {
        adapter.subscribe(
          (change) => {
            if (!isRelevant(change)) return;
            clearTimeout(this.#live);
            this.#live = setTimeout(() => {
              if (!signal.aborted) void read();
            }, LIVE_DEBOUNCE_MS);
          },
          { signal },
        );
      } catch {
        // No live changes then: what was read stays shown.
      }
    }
  }

  /** The uptime shown: the property, else what was read for the current adapter, days and zone. */
  #uptime(): readonly ComponentUptime[] | null {
    if (this.uptime) return this.uptime;
    const key = this.#key();
    return this.loaded && this.loaded.key === key ? this.loaded.uptime : null;
  }

  /** The model of what is shown, rebuilt only when its inputs change. */
  #currentModel(): UptimeBarsModel | null {
    const uptime = this.#uptime();
    if (!uptime) return null;
    const view = this.view;
    const snapshot = view.state === 'ready' ? view.snapshot : null;
    const locale = this.templateContext.locale;
    const key = [uptime, snapshot, this.incidents, this.fetchedTitles, locale, this.componentIds];
    if (this.#model && this.#model.key.every((value, i) => value === key[i])) return this.#model.model;
    const titles = new Map<Id, string>(this.fetchedTitles);
    for (const incident of this.incidents ?? []) titles.set(incident.id, incident.title);
    for (const incident of snapshot?.incidents ?? []) titles.set(incident.id, incident.title);
    const only = this.componentIds.split(/\s+/).filter(Boolean);
    const model = uptimeBarsModel(
      uptime,
      { names: snapshot?.components ?? [], titles, ...(only.length > 0 ? { only } : {}) },
      { locale, narrowDays: NARROW_DAYS },
    );
    this.#model = { key, model };
    return model;
  }

  /** Looks up the titles of incidents the bars name but nobody gave, once per id. */
  async #lookUpTitles(model: UptimeBarsModel): Promise<void> {
    const adapter = this.source;
    if (!adapter) return;
    const missing = new Set<Id>();
    for (const row of model.rows) for (const day of row.days) for (const i of day.incidents) if (i.title === null && !this.#asked.has(i.id)) missing.add(i.id);
    if (missing.size === 0) return;
    for (const id of missing) this.#asked.add(id);
    const found = new Map<Id, string>();
    const first = model.rows[0]?.days[0]?.date;
    try {
      let cursor: string | undefined;
      for (let page = 0; page < TITLE_PAGES && [...missing].some((id) => !found.has(id)); page++) {
        const from = first ? new Date(Date.parse(`${first}T00:00:00Z`) - DAY_MS).toISOString() : undefined;
        const answer = await adapter.listIncidents({ limit: 200, ...(from ? { from } : {}), ...(cursor ? { cursor } : {}) });
        for (const incident of answer.data) found.set(incident.id, incident.title);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
    } catch {
      // Titles are a nicety: the ids stay, and single look-ups below may still find some.
    }
    const rest = [...missing].filter((id) => !found.has(id)).slice(0, TITLE_LOOKUPS);
    const single = await Promise.allSettled(rest.map((id) => adapter.getIncident(id)));
    for (const result of single) if (result.status === 'fulfilled') found.set(result.value.id, result.value.title);
    if (found.size > 0) this.fetchedTitles = new Map([...this.fetchedTitles, ...found]);
  }

  protected override render(): TemplateResult {
    const model = this.#currentModel();
    const ctx = this.templateContext;
    if (!model) {
      if (!this.source) return missingTemplate();
      const failure = this.failure?.key === this.#key() ? this.failure.error : null;
      if (failure?.kind === 'unsupported') {
        return html`<p class="unavailable" part="unavailable" role="note">
          ${msg('Uptime is not available for this status page.', { id: 'uptime-bars.unsupported', desc: 'Uptime bars: the data source publishes no uptime (e.g. a Statuspage page)' })}
        </p>`;
      }
      if (failure) return errorTemplate({ ...ctx, onRetry: () => void this.reload() });
      return loadingTemplate();
    }
    if (model.rows.length === 0) {
      return html`<p class="empty" part="empty">${msg('No components to show.', { id: 'uptime-bars.empty', desc: 'Uptime bars: the page has no components' })}</p>`;
    }
    // On a narrow screen a row's Tab stop must be one of the days shown.
    let focus = this.focusIndex;
    if (this.narrow) {
      focus = new Map(model.rows.map((row) => [row.id, Math.max(this.#firstVisible(row.days.length), this.focusIndex.get(row.id) ?? row.days.length - 1)]));
    }
    return html`${this.asOf && !this.uptime ? asOfTemplate(this.asOf, ctx) : nothing}
      <div
        @keydown=${this.#onKeyDown}
        @click=${this.#onClick}
        @focusin=${this.#onFocusIn}
        @focusout=${this.#onFocusOut}
        @pointerdown=${this.#onPointerDown}
        @pointerover=${this.#onPointerOver}
        @pointerout=${this.#onPointerOut}
      >
        ${uptimeBarsTemplate(model, {
          hrefTemplate: this.hrefTemplate || null,
          interactive: true,
          focus,
          open: this.open,
          legend: !this.noLegend,
        })}
      </div>`;
  }

  /** After a render: titles to look up, the outside-tap listener, and where the detail sits. */
  #afterRender(changed: PropertyValues): void {
    const model = this.#model?.model;
    if (model && model !== this.#titlesChecked) {
      this.#titlesChecked = model;
      void this.#lookUpTitles(model);
    }
    if (changed.has('open')) {
      if (this.open?.via === 'tap') document.addEventListener('pointerdown', this.#outside, true);
      else document.removeEventListener('pointerdown', this.#outside, true);
    }
    const detail = this.renderRoot.querySelector<HTMLElement>('.detail');
    if (detail && this.open && model) {
      const count = model.rows.find((r) => r.id === this.open?.rowId)?.days.length ?? 1;
      const first = this.#firstVisible(count);
      detail.style.setProperty('--_x', `${((this.open.index - first + 0.5) / Math.max(1, count - first)) * 100}%`);
    }
  }

  // interaction -------------------------------------------------------------------------------

  #firstVisible(count: number): number {
    return this.narrow ? Math.max(0, count - NARROW_DAYS) : 0;
  }

  /** The row id and day index of a bar, or null when `target` is not one. */
  #dayOf(target: EventTarget | null): { rowId: Id; index: number; button: HTMLButtonElement } | null {
    const button = target instanceof Element ? target.closest<HTMLButtonElement>('button.bar') : null;
    const row = button?.closest<HTMLElement>('.row');
    const model = this.#model?.model;
    if (!button || !row || !model) return null;
    const rowId = model.rows[Number(row.dataset['row'])]?.id;
    if (rowId === undefined) return null;
    return { rowId, index: Number(button.dataset['index']), button };
  }

  #show(rowId: Id, index: number, via: Open['via']): void {
    this.open = { rowId, index, via };
  }

  #close(): void {
    this.open = null;
  }

  readonly #outside = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.#close();
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (this.#dayOf(event.target)) this.#pointerDown = true;
  };

  #onClick = (event: MouseEvent): void => {
    this.#pointerDown = false;
    const day = this.#dayOf(event.target);
    if (!day) return;
    this.#remember(day.rowId, day.index);
    const same = this.open?.rowId === day.rowId && this.open.index === day.index;
    if (same && this.open?.via !== 'hover') this.#close();
    else this.#show(day.rowId, day.index, 'tap');
  };

  #onFocusIn = (event: FocusEvent): void => {
    const day = this.#dayOf(event.target);
    if (!day) return;
    this.#remember(day.rowId, day.index);
    // Focus that comes from a press is followed by its click, which decides.
    if (!this.#pointerDown && !this.#quietFocus && !(this.open?.rowId === day.rowId && this.open.index === day.index)) this.#show(day.rowId, day.index, 'focus');
  };

  #onFocusOut = (event: FocusEvent): void => {
    if (!this.open || this.open.via === 'hover') return;
    const track = event.target instanceof Element ? event.target.closest('.track') : null;
    const next = event.relatedTarget;
    if (!(next instanceof Node && track?.contains(next))) this.#close();
  };

  #onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    const day = this.#dayOf(event.target);
    if (!day || this.open?.via === 'tap') return;
    if (this.open?.rowId !== day.rowId || this.open.index !== day.index) this.#show(day.rowId, day.index, 'hover');
  };

  #onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || this.open?.via !== 'hover') return;
    const track = event.target instanceof Element ? event.target.closest('.track') : null;
    const next = event.relatedTarget;
    if (!(next instanceof Node && track?.contains(next))) this.#close();
  };

  #remember(rowId: Id, index: number): void {
    if (this.focusIndex.get(rowId) !== index) this.focusIndex = new Map(this.focusIndex).set(rowId, index);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (!this.open) return;
      const { rowId, index } = this.open;
      const inDetail = event.target instanceof Element && event.target.closest('.detail') !== null;
      this.#close();
      event.stopPropagation();
      if (inDetail) void this.#focusDay(rowId, index, false);
      return;
    }
    const day = this.#dayOf(event.target);
    const model = this.#model?.model;
    if (!day || !model || event.altKey || event.ctrlKey || event.metaKey) return;
    const r = model.rows.findIndex((row) => row.id === day.rowId);
    let row = r;
    let index = day.index;
    const count = model.rows[r]?.days.length ?? 0;
    const first = this.#firstVisible(count);
    switch (event.key) {
      case 'ArrowLeft':
        index = Math.max(first, index - 1);
        break;
      case 'ArrowRight':
        index = Math.min(count - 1, index + 1);
        break;
      case 'Home':
        index = first;
        break;
      case 'End':
        index = count - 1;
        break;
      case 'ArrowUp':
        row = Math.max(0, r - 1);
        break;
      case 'ArrowDown':
        row = Math.min(model.rows.length - 1, r + 1);
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = model.rows[row];
    if (!target) return;
    // Another row may be shorter; from the right end, keep to the right end.
    const targetCount = target.days.length;
    const targetIndex = row === r ? index : Math.max(this.#firstVisible(targetCount), Math.min(targetCount - 1, targetCount - (count - index)));
    void this.#focusDay(target.id, targetIndex, true);
  };

  /** Moves the Tab stop of a row to a day and focuses it; opens its detail when `open`. */
  async #focusDay(rowId: Id, index: number, open: boolean): Promise<void> {
    this.#remember(rowId, index);
    if (open) this.#show(rowId, index, 'focus');
    await this.updateComplete;
    const model = this.#model?.model;
    const r = model?.rows.findIndex((row) => row.id === rowId) ?? -1;
    this.#quietFocus = !open;
    this.renderRoot.querySelector<HTMLButtonElement>(`.row[data-row="${r}"] button.bar[data-index="${index}"]`)?.focus();
    this.#quietFocus = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-uptime-bars': HanseiUptimeBars;
  }
}
