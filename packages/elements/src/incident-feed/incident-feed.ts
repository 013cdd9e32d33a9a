import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Change, StatusAdapter } from '@hansei/adapters';
import type { Id, Incident, PostmortemSummary } from '@hansei/core';
import { HanseiStatusElement } from '../internal/status-element.js';
import { asOfTemplate, errorTemplate, loadingTemplate, missingTemplate } from '../internal/status-view.js';
import { incidentFeedTemplate, type FeedMonth, type FeedView, type IncidentFeedData } from './incident-feed.template.js';
import { incidentFeedStyles } from './incident-feed.styles.js';
import { isMonth, monthLabel, monthOf, monthRange, type Month } from './months.js';

/** Detail of `hansei-month-change`. */
export interface MonthChangeDetail {
  /** The month now shown, `YYYY-MM`. */
  readonly month: string;
}

/** Live changes are gathered this long before the month is read again. */
const LIVE_DEBOUNCE_MS = 300;
const VIEWS: readonly FeedView[] = ['all', 'open', 'history'];

/** The history being read or shown: for which adapter, month and zone, what was read, and how it went. */
interface HistoryState {
  readonly key: string;
  readonly month: Month;
  readonly incidents: readonly Incident[];
  readonly cursor: string | null;
  readonly phase: 'loading' | 'ready' | 'error' | 'loading-more' | 'more-error';
}

const isHistoryChange = (change: Change): boolean => change.type.startsWith('incident.') || change.type === 'demo.seeded';

/**
 * The status page's incidents: the open ones with every update (status in words, the message,
 * the time in the viewer's time zone) and the components they affect; then the history, a month
 * at a time, with "Older" and "Newer" to page through months and "Show more" for a busy month.
 * Each incident links to its page (`href-template`, e.g. `/incidents/{id}`), and a published
 * postmortem's public summary opens under its incident.
 *
 * Messages are Markdown, rendered without ever parsing HTML. Impact is an icon and words, never
 * colour alone.
 *
 * Data: `snapshot` (core's `StatusSnapshot`) for the open incidents, and `incidents` (the
 * month's, with `month`) and `postmortems` for the history, on a page that has them (the
 * server-rendered status page); otherwise it reads through its adapter: the snapshot with the
 * status cache's stale-while-revalidate ("as of <time>" when the adapter cannot be reached), the
 * month with `listIncidents` (public incidents, started within the month in the viewer's time
 * zone), postmortem summaries with `getPostmortemSummary`; and again on live changes.
 *
 * With `month-href-template` (e.g. `/history?month={month}`) the pager is made of links, so a
 * server-rendered history page pages without JavaScript.
 *
 * @tag hansei-incident-feed
 * @summary Open incidents with their updates, and the incident history by month with paging.
 *
 * @event hansei-month-change - The reader paged to another month; `detail.month` is it (`YYYY-MM`).
 *
 * @csspart base - Everything shown.
 * @csspart open - The open incidents' section.
 * @csspart history - The history's section.
 * @csspart pager - The month, with Older and Newer.
 * @csspart pager-link - Older or Newer as a link (with `month-href-template`).
 * @csspart incidents - A list of incidents.
 * @csspart incident - One incident.
 * @csspart incident-link - An incident's title as a link to its page.
 * @csspart impact - An incident's impact in words.
 * @csspart affected - The components an incident affects.
 * @csspart updates - An incident's updates.
 * @csspart update - One update.
 * @csspart update-status - An update's status in words.
 * @csspart message - An update's message.
 * @csspart postmortem - A published postmortem's public summary (a disclosure).
 * @csspart empty - Nothing open, or a month without incidents.
 * @csspart button - Every button (Older, Newer, Show more, Try again).
 * @csspart loading - Words shown while reading.
 * @csspart error - Reading failed; has a Try again button.
 * @csspart as-of - The note that the open incidents are the last known ones, with their time.
 * @csspart missing-adapter - The note shown without data and without an adapter.
 * @csspart icon - Impact icons.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of incidents and buttons.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring; links.
 * @cssprop --hansei-color-link - Colour of links (default: the focus colour).
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (times, statuses of components).
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Minor impact.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Major impact.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Critical impact; errors.
 * @cssprop [--hansei-status-unknown=light-dark(#59636e, #9198a1)] - No impact.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop --hansei-font-family-code - Font family of code in messages.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiIncidentFeed extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, incidentFeedStyles];

  /** What to show: `all` (open incidents, then history), `open` or `history`. */
  @property({ reflect: true }) show: FeedView = 'all';

  /** The month of history to show first, `YYYY-MM` (default: this month in the viewer's time zone). */
  @property() month = '';

  /** The month's incidents, for a page that has them (with `month`); while set, that month is not read. */
  @property({ attribute: false }) incidents: readonly Incident[] | undefined;

  /** Published postmortem summaries the page has, so they need no lookup. */
  @property({ attribute: false }) postmortems: readonly PostmortemSummary[] | undefined;

  /** Link of an incident: `{id}` is replaced by its id, e.g. `/incidents/{id}`. Without it, titles are not links. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Link of a month, e.g. `/history?month={month}`: then Older and Newer are links (paging without JavaScript). */
  @property({ attribute: 'month-href-template' }) monthHrefTemplate = '';

  /** Level of the section headings, 1 to 6 (default 2); incident titles are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** How many incidents of a month are read at a time (1 to 200, default 20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The month paged to, when the reader paged (else `month`, else this month). */
  @state() private paged: Month | null = null;
  @state() private history: HistoryState | null = null;
  @state() private fetchedPostmortems: ReadonlyMap<Id, PostmortemSummary> = new Map();
  @state() private announcement = '';

  #watching: string | null = null;
  #run: AbortController | null = null;
  #live: ReturnType<typeof setTimeout> | undefined;
  readonly #adapterIds = new WeakMap<StatusAdapter, number>();
  /** Incidents whose postmortem summary was asked for (per adapter). */
  #asked = new Set<string>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  /** Reads the open incidents and the month again (what "Try again" does). */
  override async reload(): Promise<void> {
    this.#stop();
    this.requestUpdate();
    await super.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('month')) this.paged = null;
  }

  /** This month in the viewer's time zone. */
  #currentMonth(): Month {
    return monthOf(this.now ?? Date.now(), this.timeZone);
  }

  /** The month shown. */
  #month(): Month {
    return this.paged ?? (isMonth(this.month) ? this.month : this.#currentMonth());
  }

  #view(): FeedView {
    return VIEWS.includes(this.show) ? this.show : 'all';
  }

  #adapterId(adapter: StatusAdapter): number {
    let id = this.#adapterIds.get(adapter);
    if (id === undefined) {
      id = Math.random();
      this.#adapterIds.set(adapter, id);
    }
    return id;
  }

  /** The month given as data, when it is the one shown. */
  #dataMonth(): FeedMonth | null {
    if (!this.incidents) return null;
    const month = isMonth(this.month) ? this.month : this.#currentMonth();
    return this.#month() === month ? { month, incidents: this.incidents, more: false } : null;
  }

  /** What the history read is for; null when nothing is to be read. */
  #key(): string | null {
    const adapter = this.source;
    if (!adapter || this.#view() === 'open' || this.#dataMonth()) return null;
    return `${this.#adapterId(adapter)}|${this.#month()}|${this.timeZone}|${this.#pageSize()}`;
  }

  #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(200, Math.max(1, size)) : 20;
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = null;
    this.#watching = null;
    clearTimeout(this.#live);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (isServer || !this.isConnected) return;
    const key = this.#key();
    if (key !== this.#watching) {
      this.#stop();
      if (key !== null && this.source) this.#watch(this.source, key);
    }
    this.#lookUpPostmortems();
  }

  #watch(adapter: StatusAdapter, key: string): void {
    const run = new AbortController();
    this.#run = run;
    this.#watching = key;
    const { signal } = run;
    void this.#readMonth(adapter, key, signal, false);
    if (adapter.capabilities?.live) {
      try {
        adapter.subscribe(
          (change) => {
            if (change.type === 'postmortem-summary.updated') {
              this.fetchedPostmortems = new Map(this.fetchedPostmortems).set(change.data.incidentId, change.data);
            } else if (change.type === 'postmortem-summary.deleted') {
              const next = new Map(this.fetchedPostmortems);
              next.delete(change.data.incidentId);
              this.fetchedPostmortems = next;
            } else if (isHistoryChange(change)) {
              clearTimeout(this.#live);
              this.#live = setTimeout(() => {
                if (!signal.aborted) void this.#readMonth(adapter, key, signal, false);
              }, LIVE_DEBOUNCE_MS);
            }
          },
          { signal },
        );
      } catch {
        // No live changes then: the month shows as read.
      }
    }
  }

  /** Reads the month's first page, or (with `more`) its next page. */
  async #readMonth(adapter: StatusAdapter, key: string, signal: AbortSignal, more: boolean): Promise<void> {
    // Called from updated(): change state after this update, not during it.
    await Promise.resolve();
    if (signal.aborted) return;
    const month = this.#month();
    const before = this.history?.key === key ? this.history : null;
    const cursor = more ? before?.cursor : null;
    if (more && !cursor) return;
    this.history = before
      ? { ...before, phase: more ? 'loading-more' : before.phase === 'ready' ? 'ready' : 'loading' }
      : { key, month, incidents: [], cursor: null, phase: 'loading' };
    try {
      const range = monthRange(month, this.timeZone);
      const page = await adapter.listIncidents(
        { ...range, visibility: 'public', limit: this.#pageSize(), ...(cursor ? { cursor } : {}) },
        { signal },
      );
      if (signal.aborted) return;
      const incidents = more && before ? [...before.incidents, ...page.data.filter((i) => !before.incidents.some((b) => b.id === i.id))] : page.data;
      this.history = { key, month, incidents, cursor: page.nextCursor, phase: 'ready' };
      if (!more && before?.month !== month) this.#announce(month, incidents.length, page.nextCursor !== null);
      if (more && before && incidents.length > before.incidents.length) void this.#focusIncident(before.incidents.length);
    } catch {
      if (signal.aborted) return;
      this.history = before ? { ...before, phase: more ? 'more-error' : 'error' } : { key, month, incidents: [], cursor: null, phase: 'error' };
    }
  }

  /** After "Show more": focus moves to the first incident it added (the button may be gone). */
  async #focusIncident(index: number): Promise<void> {
    await this.updateComplete;
    const item = this.renderRoot.querySelectorAll<HTMLElement>('.history .incident')[index];
    const target = item?.querySelector<HTMLElement>('.title a') ?? item?.querySelector<HTMLElement>('.title');
    if (!target) return;
    if (!(target instanceof HTMLAnchorElement)) target.tabIndex = -1;
    target.focus();
  }

  #announce(month: Month, count: number, more: boolean): void {
    const label = monthLabel(month, this.templateContext.locale);
    this.announcement =
      count === 0
        ? msg(str`${label}: no incidents reported.`, { id: 'incident-feed.announce-empty', desc: 'Incident feed, spoken after paging: a month without incidents' })
        : more
          ? msg(str`${label}: ${count} incidents shown, more can be shown.`, { id: 'incident-feed.announce-more', desc: 'Incident feed, spoken after paging: a month with more incidents than shown' })
          : msg(str`${label}: ${count} incidents.`, { id: 'incident-feed.announce', desc: 'Incident feed, spoken after paging: how many incidents the month has' });
  }

  /** The history shown: the data, else what was read for the month shown. */
  #shownHistory(): FeedMonth | null {
    const data = this.#dataMonth();
    if (data) return data;
    const key = this.#key();
    const read = this.history?.key === key ? this.history : null;
    if (!read || read.phase === 'loading' || read.phase === 'error') return null;
    return { month: read.month, incidents: read.incidents, more: read.cursor !== null };
  }

  /** The open incidents of the snapshot shown, if any. */
  #open(): readonly Incident[] | null {
    const view = this.view;
    return view.state === 'ready' ? (view.snapshot.incidents ?? []) : null;
  }

  /** Looks up the public postmortem summaries of shown incidents that have a postmortem, once each. */
  #lookUpPostmortems(): void {
    const adapter = this.source;
    if (!adapter) return;
    const id = this.#adapterId(adapter);
    const given = new Set((this.postmortems ?? []).map((p) => p.incidentId));
    const wanted = [...(this.#open() ?? []), ...(this.#shownHistory()?.incidents ?? [])].filter(
      (i) => i.postmortemId && !given.has(i.id) && !this.#asked.has(`${id}|${i.id}`),
    );
    for (const incident of wanted) {
      this.#asked.add(`${id}|${incident.id}`);
      adapter.getPostmortemSummary(incident.id).then(
        (summary) => {
          this.fetchedPostmortems = new Map(this.fetchedPostmortems).set(incident.id, summary);
        },
        () => {
          // not_found: no published postmortem; any other failure: the incident shows without it.
        },
      );
    }
  }

  #postmortemMap(): ReadonlyMap<Id, PostmortemSummary> {
    if (!this.postmortems?.length) return this.fetchedPostmortems;
    const map = new Map(this.fetchedPostmortems);
    for (const summary of this.postmortems) map.set(summary.incidentId, summary);
    return map;
  }

  protected override render(): TemplateResult {
    const view = this.view;
    const ctx = this.templateContext;
    const feedView = this.#view();
    const hasHistoryData = feedView !== 'open' && this.incidents !== undefined;
    if (view.state === 'missing' && !hasHistoryData) return missingTemplate();
    const snapshot = view.state === 'ready' ? view.snapshot : null;
    const data: IncidentFeedData = {
      open: this.#open(),
      history: this.#shownHistory(),
      components: new Map((snapshot?.components ?? []).map((c) => [c.id, c.name])),
      postmortems: this.#postmortemMap(),
    };
    const retry = { ...ctx, onRetry: () => void this.reload() };
    const read = this.history?.key === this.#key() ? this.history : null;
    let historyNote: TemplateResult | typeof nothing = nothing;
    if (!data.history) {
      if (!this.source) historyNote = missingTemplate();
      else if (read?.phase === 'error') historyNote = this.#historyError();
      else historyNote = loadingTemplate();
    } else if (read?.phase === 'loading-more') historyNote = loadingTemplate();
    else if (read?.phase === 'more-error') historyNote = this.#historyError();
    const latest = this.#currentMonth();
    return html`${view.state === 'ready' && view.asOf && feedView !== 'history' ? asOfTemplate(view.asOf, ctx) : nothing}
      <div @click=${this.#onClick}>
        ${incidentFeedTemplate(data, {
          ...ctx,
          view: feedView,
          headingLevel: this.headingLevel,
          hrefTemplate: this.hrefTemplate || null,
          monthHrefTemplate: this.monthHrefTemplate || null,
          // Paging reads through the adapter: without one, no Older, Newer or Show more buttons.
          interactive: this.source !== undefined,
          latestMonth: this.#month() > latest ? this.#month() : latest,
          openNote: view.state === 'error' ? errorTemplate(retry) : view.state === 'missing' ? missingTemplate() : loadingTemplate(),
          historyNote,
        })}
      </div>
      <p class="vh" role="status">${this.announcement}</p>`;
  }

  #historyError(): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <p>${msg('The incident history could not be loaded. Check your connection and try again.', { id: 'incident-feed.history-error', desc: 'Incident feed: reading a month of incidents failed' })}</p>
      <button part="button" type="button" class="retry">${msg('Try again', { id: 'incident-feed.retry', desc: 'Incident feed: reads the month again' })}</button>
    </div>`;
  }

  #onClick = (event: MouseEvent): void => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const adapter = this.source;
    if (button.classList.contains('page')) {
      const month = button.dataset['month'];
      if (button.getAttribute('aria-disabled') === 'true' || !isMonth(month)) return;
      this.paged = month;
      this.dispatchEvent(new CustomEvent<MonthChangeDetail>('hansei-month-change', { detail: { month }, bubbles: true, composed: true }));
    } else if (button.classList.contains('more')) {
      const key = this.#key();
      if (adapter && key && this.#run) void this.#readMonth(adapter, key, this.#run.signal, true);
    } else if (button.classList.contains('retry')) {
      const key = this.#key();
      const more = this.history?.phase === 'more-error';
      if (adapter && key && this.#run) void this.#readMonth(adapter, key, this.#run.signal, more);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-incident-feed': HanseiIncidentFeed;
  }
  interface HTMLElementEventMap {
    'hansei-month-change': CustomEvent<MonthChangeDetail>;
  }
}
