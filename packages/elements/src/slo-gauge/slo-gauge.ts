import { html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Change, HanseiAdapter } from '@hansei/adapters';
import type { Id, Incident, Slo, SloReport } from '@hansei/core';
import { HanseiDataElement } from '../internal/data-element.js';
import type { IncidentFacts, SloGaugeData } from './model.js';
import { sloGaugeStyles } from './slo-gauge.styles.js';
import { sloGaugeTemplate, type SloGaugeContext, type SloGaugeView } from './slo-gauge.template.js';

/** Live changes are gathered this long before the report is read again, in milliseconds. */
const SETTLE_MS = 300;
/** At most this many incidents are looked up for their titles and times. */
const LOOKUPS = 20;

/** An incident the page already knows: its id, title and times. */
export type SloGaugeIncident = Pick<Incident, 'id' | 'title'> & Partial<Pick<Incident, 'startedAt' | 'resolvedAt'>>;

type Loaded = { readonly adapter: HanseiAdapter; readonly id: Id; readonly slo: Slo; readonly report: SloReport; readonly at: Date };
type Failure = { readonly adapter: HanseiAdapter; readonly id: Id; readonly kind: string };

/** The kind of an adapter's error (`HanseiError.kind`), or `unknown`. */
function kindOf(error: unknown): string {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : 'unknown';
}

/**
 * One SLO at a glance: attainment against the objective (99.87 % of 99.9 %), the error budget
 * left (as a share, and in events, or in time for a Timeslices SLO), when it runs out at the
 * current burn rate, the burn rate of every SRE-workbook window pair (long and short window,
 * rate against threshold, firing or not) and the alert they raise (page, ticket or OK) in words
 * and icon, and the budget over the window as a line chart with the incidents that spent it
 * marked. An overspent budget (below zero) says so.
 *
 * `size="compact"` shows one line instead: name, attainment, budget left and alert.
 *
 * Screen readers get everything the picture shows: the chart is an image whose name summarises
 * it, followed by a visually hidden table of its key figures; the incidents are listed under it
 * (number, title, share of the budget, bad events, when). Each incident whose times are known is
 * also a numbered marker on the chart, a button: focus, hover or press it for its details;
 * Left and Right move between markers, Escape closes the details.
 *
 * Data: set `report` (core's `SloReport`) and `slo` (its `Slo`, for the name, window and slice
 * length) on a page that has them; nothing is read then, except incident titles and times
 * through the adapter when there is one (or give them in `incidents`). Otherwise set `slo-id`:
 * it reads `getSlo` and `getSloReport` through its adapter (its `adapter` property, else the
 * provider's), and reads the report again when samples arrive or the SLO changes
 * (`slo.samples`, `slo.updated`), when the adapter is live. When a later read fails it keeps
 * the report it has and says from when.
 *
 * @tag hansei-slo-gauge
 * @summary One SLO: attainment vs objective, error budget left, burn rates with the alert state, time to exhaustion, and the budget over the window with its incidents.
 *
 * @csspart base - Everything shown once there is a report (the card, or the compact line).
 * @csspart name - The SLO's name.
 * @csspart alert - The alert state in icon and words (page, ticket, OK); a polite live region.
 * @csspart window - The window and how the SLO counts.
 * @csspart figures - The attainment, budget and exhaustion figures.
 * @csspart figure - One of them; also `attainment`, `budget` or `exhaustion`.
 * @csspart attainment - The attainment (compact size, and its figure).
 * @csspart budget - The budget left (compact size, and its figure).
 * @csspart exhaustion - When the budget runs out.
 * @csspart budget-bar - The bar of budget left (decorative).
 * @csspart chart - The budget-over-the-window chart with its title, axes and text alternative.
 * @csspart chart-image - The chart's SVG (role img).
 * @csspart chart-table - The visually hidden table of the chart's key figures.
 * @csspart marker - An incident's numbered marker on the chart (a button).
 * @csspart incident-detail - The open marker's details.
 * @csspart incidents - The list of incidents that spent budget (or the note that none did).
 * @csspart incident - One incident in the list.
 * @csspart incident-link - An incident's title as a link (with `href-template`).
 * @csspart burn-rates - The burn rates of the window pairs.
 * @csspart burn-rate - One window pair; also `burn-rate-firing` when it fires.
 * @csspart state - The loading, error or no-id message.
 * @csspart error - The error message, with Try again.
 * @csspart button - The Try again button.
 * @csspart as-of - The note that the report is an earlier one, and from when.
 * @csspart missing-adapter - The note shown without data or adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour; the chart's line.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text, axes, zero line.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the card and the details.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring; links.
 * @cssprop --hansei-color-link - Colour of incident links (default: the focus colour).
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - OK, budget left, objective met.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Ticket; budget running low.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Incident markers and bands.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Page; budget overspent; objective missed.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Glyphs and numbers on a status colour.
 * @cssprop [--hansei-slo-gauge-chart-height=7.5rem] - Height of the chart.
 * @cssprop [--hansei-slo-gauge-line=the text colour] - Colour of the budget line.
 * @cssprop [--hansei-slo-gauge-padding=1em] - Padding of the card.
 * @cssprop [--hansei-slo-gauge-radius=8px] - Corner radius of the card.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiSloGauge extends HanseiDataElement {
  static override styles = [HanseiDataElement.styles, sloGaugeStyles];

  /** The report to show (core's `SloReport`); while set, nothing is read but incident titles. */
  @property({ attribute: false }) report: SloReport | undefined;

  /** The SLO of `report` (for its name, window and slice length); optional with `report`. */
  @property({ attribute: false }) slo: Slo | undefined;

  /** Titles and times of incidents the page already has, so they need no lookup. */
  @property({ attribute: false }) incidents: readonly SloGaugeIncident[] | undefined;

  /** The id of the SLO to read through the adapter (when `report` is not set). */
  @property({ attribute: 'slo-id', reflect: true }) sloId = '';

  /** `full` (the card, default) or `compact` (one line: name, attainment, budget left, alert). */
  @property({ reflect: true }) size: 'full' | 'compact' = 'full';

  /** Link of an incident: `{id}` is replaced by its id, e.g. `/incidents/{id}`. Without it, titles are not links. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** The time relative phrases count from, epoch milliseconds (default: the clock, read at each render). */
  @property({ attribute: false }) now: number | undefined;

  @state() private loaded: Loaded | null = null;
  @state() private failure: Failure | null = null;
  /** Titles and times looked up through `lookedUpWith`. */
  @state() private lookedUp: ReadonlyMap<Id, IncidentFacts> = new Map();
  /** The incident marker whose details are open, and how it was opened. */
  @state() private open: { readonly id: Id; readonly via: 'focus' | 'hover' | 'tap' } | null = null;

  #lookedUpWith: HanseiAdapter | undefined;
  #asked = new Set<Id>();
  #started: { readonly adapter: HanseiAdapter | undefined; readonly key: string } | null = null;
  #run: AbortController | null = null;
  #reading: AbortController | null = null;
  #settle: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a removal: read and subscribe again (see willUpdate).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#started = null;
    document.removeEventListener('pointerdown', this.#outside, true);
  }

  /** Reads the SLO and its report again (what "Try again" does). Resolves when the read has answered. */
  async reload(): Promise<void> {
    const adapter = this.source;
    const run = this.#run;
    if (adapter && run && this.#reads) await this.#read(adapter, this.sloId, run.signal);
  }

  get #reads(): boolean {
    return this.report === undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (isServer || !this.isConnected) return;
    const adapter = this.source;
    const key = this.#reads ? `read|${this.sloId}` : 'data';
    if (this.#started === null || this.#started.adapter !== adapter || this.#started.key !== key) {
      this.#started = { adapter, key };
      this.#start(adapter);
    }
    if (adapter !== this.#lookedUpWith) {
      // What another adapter said is not this one's.
      this.#lookedUpWith = adapter;
      this.#asked = new Set();
      this.lookedUp = new Map();
    }
  }

  #stop(): void {
    clearTimeout(this.#settle);
    this.#run?.abort();
    this.#reading?.abort();
    this.#run = null;
    this.#reading = null;
  }

  #start(adapter: HanseiAdapter | undefined): void {
    this.#stop();
    this.open = null;
    const id = this.sloId;
    if (!adapter || !this.#reads || !id) return;
    const run = new AbortController();
    this.#run = run;
    const { signal } = run;
    if (adapter.capabilities.live) {
      adapter.subscribe((change) => this.#onChange(adapter, id, change, signal), { signal });
    }
    void this.#read(adapter, id, signal);
  }

  /** Reads the report again, at most once per {@link SETTLE_MS}, on changes that can change it. */
  #onChange(adapter: HanseiAdapter, id: Id, change: Change, signal: AbortSignal): void {
    let relevant: boolean;
    switch (change.type) {
      case 'slo.samples':
        relevant = change.data.sloId === id;
        break;
      case 'slo.updated':
        relevant = change.data.slo.id === id;
        break;
      case 'slo.deleted':
        relevant = change.data.id === id;
        break;
      case 'incident.created':
      case 'incident.updated': {
        const { incident } = change.data;
        const componentId = this.#current()?.slo?.componentId;
        const charged = this.#current()?.report.incidents.some((use) => use.incidentId === incident.id) ?? false;
        if (charged) this.lookedUp = new Map(this.lookedUp).set(incident.id, factsOf(incident));
        relevant = charged || (componentId != null && incident.components.some((c) => c.componentId === componentId));
        break;
      }
      case 'incident.withdrawn':
      case 'demo.seeded':
        relevant = true;
        break;
      default:
        relevant = false;
    }
    if (!relevant) return;
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => void this.#read(adapter, id, signal), SETTLE_MS);
  }

  /** One read of the SLO and its report; a newer read stops an older one. */
  async #read(adapter: HanseiAdapter, id: Id, watching: AbortSignal): Promise<void> {
    if (watching.aborted) return;
    this.#reading?.abort();
    const reading = new AbortController();
    this.#reading = reading;
    const stop = () => reading.abort();
    watching.addEventListener('abort', stop);
    const { signal } = reading;
    try {
      const [slo, report] = await Promise.all([adapter.getSlo(id, { signal }), adapter.getSloReport(id, { signal })]);
      if (signal.aborted) return;
      this.loaded = { adapter, id, slo, report, at: new Date() };
      this.failure = null;
    } catch (error) {
      if (signal.aborted) return;
      this.failure = { adapter, id, kind: kindOf(error) };
    } finally {
      watching.removeEventListener('abort', stop);
      if (this.#reading === reading) this.#reading = null;
    }
  }

  /** The report and SLO shown now, if any. */
  #current(): { readonly report: SloReport; readonly slo: Slo | null } | null {
    if (this.report) return { report: this.report, slo: this.slo ?? null };
    const loaded = this.loaded;
    const adapter = this.source;
    if (!loaded || loaded.adapter !== adapter || loaded.id !== this.sloId) return null;
    return loaded;
  }

  /** What to show now. */
  get #view(): SloGaugeView {
    const current = this.#current();
    const facts = new Map<Id, IncidentFacts>(this.lookedUp);
    for (const incident of this.incidents ?? []) facts.set(incident.id, { ...facts.get(incident.id), ...definedFacts(incident) });
    if (this.report) return { state: 'ready', data: { report: this.report, slo: this.slo ?? null, incidents: facts }, asOf: null };
    const adapter = this.source;
    if (!adapter) return { state: 'missing' };
    if (!this.sloId) return { state: 'no-id' };
    const failure = this.failure?.adapter === adapter && this.failure.id === this.sloId ? this.failure : null;
    if (current && failure?.kind !== 'not_found') {
      return { state: 'ready', data: { report: current.report, slo: current.slo, incidents: facts }, asOf: failure ? (this.loaded?.at ?? null) : null };
    }
    if (failure) return { state: 'error', kind: failure.kind };
    return { state: 'loading' };
  }

  protected override render(): TemplateResult {
    const settings = this.settings;
    const ctx: SloGaugeContext = {
      locale: settings.locale,
      timeZone: settings.timeZone,
      now: this.now ?? Date.now(),
      size: this.size === 'compact' ? 'compact' : 'full',
      hrefTemplate: this.hrefTemplate || null,
      open: this.open?.id ?? null,
      onRetry: this.#retry,
    };
    return html`<div
      class="host"
      @keydown=${this.#onKeyDown}
      @click=${this.#onClick}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
      @pointerdown=${this.#onPointerDown}
      @pointerover=${this.#onPointerOver}
      @pointerout=${this.#onPointerOut}
    >
      ${sloGaugeTemplate(this.#view, ctx)}
    </div>`;
  }

  readonly #retry = (): void => {
    void this.reload();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open')) {
      if (this.open?.via === 'tap') document.addEventListener('pointerdown', this.#outside, true);
      else document.removeEventListener('pointerdown', this.#outside, true);
    }
    void this.#lookUp();
  }

  /** Looks up the titles and times of charged incidents nobody gave, once per id and adapter. */
  async #lookUp(): Promise<void> {
    const adapter = this.source;
    const report = this.#current()?.report;
    if (!adapter || !report) return;
    const given = new Set((this.incidents ?? []).filter((i) => i.startedAt !== undefined).map((i) => i.id));
    const wanted = report.incidents
      .map((use) => use.incidentId)
      .filter((id) => !given.has(id) && !this.lookedUp.has(id) && !this.#asked.has(id))
      .slice(0, Math.max(0, LOOKUPS - this.#asked.size));
    if (wanted.length === 0) return;
    for (const id of wanted) this.#asked.add(id);
    const answers = await Promise.allSettled(wanted.map((id) => adapter.getIncident(id)));
    if (adapter !== this.#lookedUpWith) return;
    const found = new Map(this.lookedUp);
    for (const answer of answers) if (answer.status === 'fulfilled') found.set(answer.value.id, factsOf(answer.value));
    // Titles are a nicety: without them the ids stay.
    if (found.size > this.lookedUp.size) this.lookedUp = found;
  }

  // Incident markers ---------------------------------------------------------------------------

  #markerOf(target: EventTarget | null): HTMLButtonElement | null {
    return target instanceof Element ? target.closest<HTMLButtonElement>('button.marker') : null;
  }

  readonly #outside = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.open = null;
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (this.#markerOf(event.target)) this.#pointerDown = true;
  };

  readonly #onClick = (event: MouseEvent): void => {
    this.#pointerDown = false;
    const id = this.#markerOf(event.target)?.dataset['id'];
    if (id === undefined) return;
    this.open = this.open?.id === id && this.open.via !== 'hover' ? null : { id, via: 'tap' };
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    const id = this.#markerOf(event.target)?.dataset['id'];
    // Focus that comes from a press is followed by its click, which decides.
    if (id !== undefined && !this.#pointerDown && this.open?.id !== id) this.open = { id, via: 'focus' };
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    if (!this.open || this.open.via === 'hover') return;
    const next = event.relatedTarget;
    const plot = this.renderRoot.querySelector('.plot');
    if (!(next instanceof Node && plot?.contains(next))) this.open = null;
  };

  readonly #onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || this.open?.via === 'tap') return;
    const id = this.#markerOf(event.target)?.dataset['id'];
    if (id !== undefined && this.open?.id !== id) this.open = { id, via: 'hover' };
  };

  readonly #onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || this.open?.via !== 'hover') return;
    const next = event.relatedTarget;
    const plot = this.renderRoot.querySelector('.plot');
    if (!(next instanceof Node && plot?.contains(next) && (this.#markerOf(next) || (next instanceof Element && next.closest('.detail'))))) this.open = null;
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (!this.open) return;
      const id = this.open.id;
      const inDetail = event.target instanceof Element && event.target.closest('.detail') !== null;
      event.stopPropagation();
      // Back to the marker first (its detail is open, so focusing it changes nothing), then close.
      if (inDetail) this.renderRoot.querySelector<HTMLButtonElement>(`button.marker[data-id="${CSS.escape(id)}"]`)?.focus();
      this.open = null;
      return;
    }
    const marker = this.#markerOf(event.target);
    if (!marker || event.altKey || event.ctrlKey || event.metaKey) return;
    const markers = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.marker')];
    const index = markers.indexOf(marker);
    let next: number;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = Math.min(markers.length - 1, index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = markers.length - 1;
    else return;
    event.preventDefault();
    markers[next]?.focus();
  };
}

/** What an incident says about itself that the gauge uses. */
function factsOf(incident: Pick<Incident, 'title' | 'startedAt' | 'resolvedAt'>): IncidentFacts {
  return { title: incident.title, startedAt: incident.startedAt, resolvedAt: incident.resolvedAt };
}

/** The facts a page gave, without the ones it left out. */
function definedFacts(incident: SloGaugeIncident): IncidentFacts {
  return {
    title: incident.title,
    ...(incident.startedAt !== undefined ? { startedAt: incident.startedAt } : {}),
    ...(incident.resolvedAt !== undefined ? { resolvedAt: incident.resolvedAt } : {}),
  };
}

export type { IncidentFacts, SloGaugeData };

declare global {
  interface HTMLElementTagNameMap {
    'hansei-slo-gauge': HanseiSloGauge;
  }
}
