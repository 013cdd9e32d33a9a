import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { can, type Change, type HanseiAdapter } from '@hansei/adapters';
import { TIMELINE_EVENT_KINDS, type Id, type Incident, type TimelineEvent, type TimelineEventKind, type TokenRole } from '@hansei/core';
import type { HanseiSettings } from '../internal/context.js';
import { incidentStatusWords } from '../internal/status-words.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { getLocale } from '../internal/localization.js';
import { renderMarkdown } from '../internal/markdown.js';
import { followQueued, isQueuedWrite, queuedFailedWords, queuedWords, renderQueued, type QueuedOutcome } from '../internal/queued.js';
import { matches, mergeEntries, upsertEvent, zonedNow, zonedToIso, type EntryFilter, type PendingEvent, type TimelineEntry } from './entries.js';
import { kindIcons, linkIcon } from './icons.js';
import { incidentTimelineStyles } from './incident-timeline.styles.js';

/** Detail of `hansei-timeline-event-added`. */
export interface TimelineEventAddedDetail {
  /** The event as the adapter stored it. */
  readonly event: TimelineEvent;
}

/** Why internal events are not shown, when they are not. */
type InternalAccess = 'shown' | 'sign-in' | 'forbidden' | 'unsupported' | 'failed';

/** A submission the adapter refused: kept, with its idempotency key, until retried or discarded. */
interface Failure {
  readonly pending: PendingEvent;
  readonly message: string;
}

const errorKind = (error: unknown): string | undefined => (error as { kind?: string } | null)?.kind;
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An idempotency key: random, and works outside secure contexts too (no `randomUUID`). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `tle-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function kindLabel(kind: TimelineEventKind): string {
  switch (kind) {
    case 'note':
      return msg('Note', { id: 'incident-timeline.kind.note', desc: 'Timeline event kind' });
    case 'detected':
      return msg('Detected', { id: 'incident-timeline.kind.detected', desc: 'Timeline event kind: the problem was detected' });
    case 'acknowledged':
      return msg('Acknowledged', { id: 'incident-timeline.kind.acknowledged', desc: 'Timeline event kind: someone acknowledged the page' });
    case 'status_changed':
      return msg('Status changed', { id: 'incident-timeline.kind.status-changed', desc: 'Timeline event kind' });
    case 'severity_changed':
      return msg('Severity changed', { id: 'incident-timeline.kind.severity-changed', desc: 'Timeline event kind' });
    case 'update_posted':
      return msg('Update posted', { id: 'incident-timeline.kind.update-posted', desc: 'Timeline event kind: an incident update was posted' });
    case 'role_changed':
      return msg('Role changed', { id: 'incident-timeline.kind.role-changed', desc: 'Timeline event kind: an incident role was assigned or handed off' });
    case 'component_changed':
      return msg('Component changed', { id: 'incident-timeline.kind.component-changed', desc: 'Timeline event kind: a component status changed' });
    case 'action':
      return msg('Action taken', { id: 'incident-timeline.kind.action-taken', desc: 'Timeline event kind: something responders did' });
    case 'mitigated':
      return msg('Mitigated', { id: 'incident-timeline.kind.mitigated', desc: 'Timeline event kind: customer impact mitigated' });
    case 'resolved':
      return msg('Resolved', { id: 'incident-timeline.kind.resolved', desc: 'Timeline event kind: incident resolved' });
  }
}


/**
 * The story of one incident as it happened: its updates (public ones as the status page shows
 * them, internal ones too for signed-in readers) and its internal timeline, merged in time order,
 * each with its time in the viewer's time zone, an icon and the kind in words, and the author when
 * known. Bodies are Markdown, rendered without ever parsing HTML (no script can run).
 *
 * Readers filter by what to show (updates, events, events of one kind) and search text. A scribe
 * with write access adds events from the keyboard: type, press Enter (Shift+Enter for a new line;
 * Ctrl/Cmd+Enter also adds), optionally with a kind and a time; the event shows at once and is
 * taken back, with a message and a "Try again", if the adapter refuses it. Focus stays in the
 * composer. Changes made elsewhere arrive live when the adapter supports it.
 *
 * Without access to the internal timeline (an anonymous reader, a Statuspage adapter) it shows
 * the updates and says that internal events need sign-in.
 *
 * Hundreds of entries stay fast: entries are keyed, unchanged ones are not re-rendered, and
 * off-screen ones are not laid out (`content-visibility: auto`).
 *
 * @tag hansei-incident-timeline
 * @summary An incident's updates and internal timeline in time order, filterable, with a keyboard-first composer.
 *
 * @event hansei-timeline-event-added - An event added from the composer was stored; `detail.event` is the stored event.
 *
 * @csspart base - Everything the element shows.
 * @csspart filters - The filter bar (what to show, search).
 * @csspart summary - How many entries are shown.
 * @csspart notice - A note that internal events are not shown, and why.
 * @csspart list - The list of entries.
 * @csspart entry - One entry; has class `update` or `event`, the kind, and `pending` while saving.
 * @csspart icon - The icon of an entry's kind.
 * @csspart kind - The kind (or status) of an entry, in words.
 * @csspart time - The time of an entry.
 * @csspart author - The author of an entry, when known.
 * @csspart body - The Markdown body of an entry.
 * @csspart link - The link of a timeline event.
 * @csspart composer - The form that adds an event.
 * @csspart failure - A submission the adapter refused, with Try again and Discard.
 * @csspart queued - Says events added offline wait in the outbox; they show as saving until sent.
 * @csspart button - Every button.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders between entries and of fields.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring; also links and the primary button.
 * @cssprop --hansei-color-link - Colour of links in bodies (default: the focus colour).
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (times, authors, hints).
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Errors, and the icon of detected events.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Icons of mitigated and resolved events.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Icons of updates.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop --hansei-font-family-code - Font family of code in bodies.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 * @cssprop --hansei-timeline-max-height - Makes the list scroll inside this height (default: no limit).
 */
export class HanseiIncidentTimeline extends HanseiDataElement {
  static override styles = [HanseiDataElement.styles, incidentTimelineStyles];

  /** The incident to show. */
  @property({ attribute: 'incident-id', reflect: true }) incidentId = '';

  /** Newest entries first, with the composer above them (default: oldest first, composer below). */
  @property({ type: Boolean, attribute: 'newest-first', reflect: true }) newestFirst = false;

  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private loadError: { readonly kind: string | undefined; readonly message: string } | null = null;
  @state() private incident: Incident | null = null;
  @state() private events: readonly TimelineEvent[] = [];
  @state() private internal: InternalAccess = 'shown';
  @state() private internalError = '';
  @state() private sessionRole: TokenRole | null | undefined;
  @state() private names: ReadonlyMap<Id, string> = new Map();
  @state() private pending: readonly PendingEvent[] = [];
  @state() private failures: readonly Failure[] = [];
  /** Events added offline, waiting in the outbox (they stay in `pending` until sent). */
  @state() private queued: readonly PendingEvent[] = [];
  @state() private filter: EntryFilter = { show: 'all', text: '' };
  @state() private composerError: 'empty' | 'time' | null = null;
  @state() private announcement = '';

  @query('textarea') private textarea!: HTMLTextAreaElement | null;
  @query('select[name="kind"]') private kindSelect!: HTMLSelectElement | null;
  @query('input[name="at"]') private atInput!: HTMLInputElement | null;

  #loaded: { adapter: HanseiAdapter | undefined; id: string } | null = null;
  #abort: AbortController | null = null;
  #list: HTMLElement | null = null;
  /** What is in the composer, kept outside the DOM so a re-render (a reload) loses nothing. */
  #draft: { kind: TimelineEventKind; at: string; body: string } = { kind: 'note', at: '', body: '' };
  readonly #formats = new Map<string, Intl.DateTimeFormat>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a removal: read and subscribe again (see willUpdate).
    if (this.#loaded === null) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = null;
    this.#loaded = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapter = this.source;
    if (this.#loaded === null || this.#loaded.adapter !== adapter || this.#loaded.id !== this.incidentId) {
      if (this.#loaded?.id !== this.incidentId) {
        // Another incident: what was being written for the last one is not for this one.
        this.failures = [];
        this.#draft = { kind: 'note', at: '', body: '' };
      }
      this.#loaded = { adapter, id: this.incidentId };
      void this.#load();
    }
  }

  /** Reads the incident, its timeline, the session and people again (also what "Try again" does). */
  async reload(): Promise<void> {
    await this.#load();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const adapter = this.source;
    const id = this.incidentId;
    this.phase = 'loading';
    this.loadError = null;
    this.incident = null;
    this.events = [];
    if (!adapter || !id) return;
    const abort = new AbortController();
    this.#abort = abort;
    const { signal } = abort;
    this.#subscribe(adapter, id, signal);
    const readsTimeline = can(adapter, 'incidents');
    const [incident, timeline, session] = await Promise.allSettled([
      adapter.getIncident(id, { signal }),
      readsTimeline ? adapter.listTimeline(id, { signal }) : Promise.resolve(null),
      adapter.session({ signal }),
    ]);
    if (signal.aborted) return;
    this.sessionRole = session.status === 'fulfilled' ? session.value.role : undefined;
    if (incident.status === 'rejected') {
      this.phase = 'error';
      this.loadError = { kind: errorKind(incident.reason), message: errorMessage(incident.reason) };
      return;
    }
    this.incident = incident.value;
    if (timeline.status === 'fulfilled') {
      this.internal = timeline.value === null ? 'unsupported' : 'shown';
      // Events that arrived live while loading are kept.
      this.events = this.events.reduce(upsertEvent, [...(timeline.value ?? [])]);
    } else {
      const kind = errorKind(timeline.reason);
      this.internal = kind === 'unauthorized' ? 'sign-in' : kind === 'forbidden' ? 'forbidden' : kind === 'unsupported' ? 'unsupported' : 'failed';
      this.internalError = errorMessage(timeline.reason);
    }
    if (this.internal !== 'shown' && this.filter.show !== 'all' && this.filter.show !== 'updates') this.filter = { ...this.filter, show: 'all' };
    this.phase = 'ready';
    if (can(adapter, 'people') && this.sessionRole !== null) void this.#loadPeople(adapter, signal);
  }

  async #loadPeople(adapter: HanseiAdapter, signal: AbortSignal): Promise<void> {
    try {
      const page = await adapter.listPeople({ limit: 200 }, { signal });
      if (!signal.aborted) this.names = new Map(page.data.map((p) => [p.id, p.name]));
    } catch {
      // Authors are shown when known; without people, entries show without them.
    }
  }

  #subscribe(adapter: HanseiAdapter, id: string, signal: AbortSignal): void {
    adapter.subscribe((change: Change) => {
      if (change.type === 'incident.timeline.created' && change.data.event.incidentId === id) {
        const { event } = change.data;
        const known = this.events.some((e) => e.id === event.id);
        const ours = this.pending.some((p) => p.body === event.body && p.kind === event.kind);
        this.events = upsertEvent(this.events, event);
        if (!known && !ours) this.#announce(msg(str`New timeline event: ${kindLabel(event.kind)}`, { id: 'incident-timeline.new-timeline-event', desc: 'Announced when someone else adds an event' }));
      } else if ((change.type === 'incident.updated' || change.type === 'incident.update.created') && change.data.incident.id === id) {
        this.incident = change.data.incident;
        if (change.type === 'incident.update.created') this.#announce(msg('New update posted.', { id: 'incident-timeline.new-update-posted', desc: 'Announced when an incident update arrives live' }));
      }
    }, { signal });
  }

  #announce(text: string): void {
    // Cleared first, so the same words twice are announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  get #writable(): boolean {
    const adapter = this.source;
    return adapter !== undefined && can(adapter, 'incidents', 'write') && this.sessionRole !== null && this.sessionRole !== 'viewer';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A list bounded by --hansei-timeline-max-height scrolls: make it reachable from the keyboard.
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (list && list !== this.#list) {
      this.#list = list;
      // After the next frame, when styles are computed anyway (reading them now would force it).
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (getComputedStyle(list).maxBlockSize !== 'none') list.tabIndex = 0;
        }),
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Adding events

  readonly #onKeydown = (event: KeyboardEvent): void => {
    // Enter adds (also with Ctrl or Cmd); Shift+Enter is a new line; Enter that ends an input
    // method composition (Japanese kana to kanji) only ends it.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.#submitComposer();
  };

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#submitComposer();
  };

  #submitComposer(): void {
    const { textarea, kindSelect, atInput } = this;
    if (!textarea || !kindSelect || !atInput) return;
    const body = textarea.value.trim();
    if (body === '') {
      this.composerError = 'empty';
      textarea.focus();
      return;
    }
    let at: string | null = null;
    if (atInput.value !== '') {
      at = zonedToIso(atInput.value, this.settings.timeZone);
      if (at === null) {
        this.composerError = 'time';
        atInput.focus();
        return;
      }
    }
    this.composerError = null;
    const pending: PendingEvent = {
      key: newKey(),
      kind: kindSelect.value as TimelineEventKind,
      body,
      at: at ?? new Date().toISOString(),
      timed: at !== null,
      authorId: this.settings.person?.id ?? null,
    };
    textarea.value = '';
    atInput.value = '';
    kindSelect.value = 'note';
    this.#draft = { kind: 'note', at: '', body: '' };
    textarea.focus();
    void this.#add(pending);
  }

  async #add(pending: PendingEvent): Promise<void> {
    const adapter = this.source;
    const id = this.incidentId;
    if (!adapter) return;
    this.failures = this.failures.filter((f) => f.pending.key !== pending.key);
    this.pending = [...this.pending, pending];
    void this.updateComplete.then(() => this.renderRoot.querySelector(`[data-key="p:${pending.key}"]`)?.scrollIntoView({ block: 'nearest' }));
    let waits = false;
    try {
      const event = await adapter.addTimelineEvent(id, { kind: pending.kind, body: pending.body, ...(pending.timed ? { at: pending.at } : {}) }, { idempotencyKey: pending.key });
      if (this.source !== adapter || this.incidentId !== id) return;
      this.#stored(event);
    } catch (error) {
      if (this.source !== adapter || this.incidentId !== id) return;
      if (isQueuedWrite(error)) {
        // Offline: it waits in the outbox, shown as saving, until it is sent.
        waits = true;
        this.queued = [...this.queued, pending];
        void followQueued(adapter, [error.entryId]).then((outcome) => this.#queuedSettled(adapter, id, pending, outcome));
      } else this.failures = [...this.failures, { pending, message: errorMessage(error) }];
    } finally {
      if (!waits) this.pending = this.pending.filter((p) => p !== pending);
    }
  }

  /** An event the person wrote is stored: shown, announced, and told to the page. */
  #stored(event: TimelineEvent): void {
    this.events = upsertEvent(this.events, event);
    this.#announce(msg('Added to the timeline.', { id: 'incident-timeline.added-to-the-timeline', desc: 'Announced when an event the person wrote was stored' }));
    this.dispatchEvent(new CustomEvent<TimelineEventAddedDetail>('hansei-timeline-event-added', { detail: { event }, bubbles: true, composed: true }));
  }

  #queuedSettled(adapter: HanseiAdapter, id: string, pending: PendingEvent, outcome: QueuedOutcome): void {
    this.queued = this.queued.filter((p) => p !== pending);
    this.pending = this.pending.filter((p) => p !== pending);
    if (this.source !== adapter || this.incidentId !== id) return;
    if (outcome.outcome === 'sent') this.#stored(outcome.value as TimelineEvent);
    else {
      this.failures = [...this.failures, { pending, message: outcome.outcome === 'failed' ? outcome.error.message : queuedFailedWords(outcome, true) }];
    }
  }

  #discard(failure: Failure): void {
    this.failures = this.failures.filter((f) => f !== failure);
    this.textarea?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  #format({ locale, timeZone }: HanseiSettings, variant: 'time' | 'day' | 'full' | 'date'): Intl.DateTimeFormat {
    const key = `${locale} ${timeZone} ${variant}`;
    let format = this.#formats.get(key);
    if (!format) {
      const options: Intl.DateTimeFormatOptions =
        variant === 'full'
          ? { dateStyle: 'full', timeStyle: 'long' }
          : variant === 'day'
            ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
            : variant === 'date'
              ? { year: 'numeric', month: '2-digit', day: '2-digit' }
              : { hour: '2-digit', minute: '2-digit' };
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      this.#formats.set(key, format);
    }
    return format;
  }

  protected override render(): TemplateResult {
    if (!this.source) return this.renderMissingAdapter();
    if (!this.incidentId) {
      return html`<p part="notice" class="notice" role="note">
        ${msg('No incident: set the incident-id attribute to show its timeline.', { id: 'incident-timeline.no-incident-set-the-incident', desc: 'Shown when the timeline has no incident id' })}
      </p>`;
    }
    if (this.phase === 'loading') {
      return html`<p part="base" class="base loading" role="status">${msg('Loading the timeline…', { id: 'incident-timeline.loading-the-timeline', desc: 'Timeline loading state' })}</p>`;
    }
    if (this.phase === 'error') return this.#renderError();
    // Read once per render: without a provider, each read asks Intl for the viewer's time zone.
    const settings = this.settings;
    const composer = this.#writable ? this.#renderComposer(settings) : nothing;
    return html`<div part="base" class="base" lang=${getLocale()}>
      ${this.newestFirst ? composer : nothing} ${this.#renderFilters()} ${this.#renderNotice()} ${this.#renderList(settings)}
      ${this.newestFirst ? nothing : composer}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  #renderError(): TemplateResult {
    const error = this.loadError;
    const text =
      error?.kind === 'not_found'
        ? msg(str`No incident with the id ${this.incidentId}, or it is not visible to you.`, { id: 'incident-timeline.no-incident-with-the-id', desc: 'Timeline: the incident does not exist' })
        : msg(str`The timeline could not be loaded: ${error?.message ?? ''}`, { id: 'incident-timeline.the-timeline-could-not-be', desc: 'Timeline: loading failed; followed by the reason' });
    return html`<div part="base" class="base">
      <p class="error" role="alert">${text}</p>
      <button part="button" class="button" type="button" @click=${() => void this.reload()}>${msg('Try again', { id: 'incident-timeline.try-again', desc: 'Button: retry loading or saving' })}</button>
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const text =
      this.internal === 'sign-in'
        ? msg('Internal events need sign-in: showing public updates only.', { id: 'incident-timeline.internal-events-need-sign-in', desc: 'Timeline: anonymous reader' })
        : this.internal === 'forbidden'
          ? msg('Your role cannot see internal events: showing updates only.', { id: 'incident-timeline.your-role-cannot-see-internal', desc: 'Timeline: role without timeline access' })
          : this.internal === 'unsupported'
            ? msg('This data source has public updates only.', { id: 'incident-timeline.this-data-source-has-public', desc: 'Timeline: adapter without internal timeline' })
            : this.internal === 'failed'
              ? msg(str`Internal events could not be loaded: ${this.internalError}`, { id: 'incident-timeline.internal-events-could-not-be', desc: 'Timeline: the internal timeline failed to load; followed by the reason' })
              : null;
    if (text === null) return nothing;
    return html`<p part="notice" class="notice" role="note">
      ${text}
      ${this.internal === 'failed'
        ? html`<button part="button" class="button" type="button" @click=${() => void this.reload()}>${msg('Try again', { id: 'incident-timeline.try-again', desc: 'Button: retry loading or saving' })}</button>`
        : nothing}
    </p>`;
  }

  #renderFilters(): TemplateResult {
    const withEvents = this.internal === 'shown';
    const show = this.filter.show;
    return html`<div part="filters" class="filters">
      <label class="field">
        <span class="label">${msg('Show', { id: 'incident-timeline.show', desc: 'Timeline filter: what to show' })}</span>
        <select
          class="input"
          @change=${(e: Event) => (this.filter = { ...this.filter, show: (e.target as HTMLSelectElement).value as EntryFilter['show'] })}
        >
          <option value="all" ?selected=${show === 'all'}>${msg('Everything', { id: 'incident-timeline.everything', desc: 'Timeline filter option' })}</option>
          <option value="updates" ?selected=${show === 'updates'}>${msg('Status updates', { id: 'incident-timeline.status-updates', desc: 'Timeline filter option: incident updates only' })}</option>
          ${withEvents
            ? html`<optgroup label=${msg('Timeline events', { id: 'incident-timeline.timeline-events', desc: 'Timeline filter group: internal events' })}>
                <option value="events" ?selected=${show === 'events'}>${msg('All events', { id: 'incident-timeline.all-events', desc: 'Timeline filter option: every internal event' })}</option>
                ${TIMELINE_EVENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${show === kind}>${kindLabel(kind)}</option>`)}
              </optgroup>`
            : nothing}
        </select>
      </label>
      <label class="field grow">
        <span class="label">${msg('Search', { id: 'incident-timeline.search', desc: 'Timeline filter: search text' })}</span>
        <input
          class="input"
          type="search"
          .value=${this.filter.text}
          @input=${(e: Event) => (this.filter = { ...this.filter, text: (e.target as HTMLInputElement).value })}
        />
      </label>
    </div>`;
  }

  #renderList(settings: HanseiSettings): TemplateResult {
    const incident = this.incident!;
    const all = mergeEntries(incident.updates, this.internal === 'shown' ? this.events : [], this.pending);
    const person = settings.person;
    const nameOf = (authorId: Id | null): string | undefined =>
      authorId === null ? undefined : (this.names.get(authorId) ?? (person?.id === authorId ? person.name : undefined));
    const shown = all.filter((entry) => matches(entry, this.filter, nameOf(entry.authorId)));
    if (this.newestFirst) shown.reverse();
    const first = all[0];
    const last = all[all.length - 1];
    const date = this.#format(settings, 'date');
    const sameDay = first && last ? date.format(first.at) === date.format(last.at) : true;
    const format = this.#format(settings, sameDay ? 'time' : 'day');
    const full = this.#format(settings, 'full');
    const locale = getLocale();
    const summary = msg(str`Entries shown: ${shown.length} of ${all.length}. Times in ${settings.timeZone}.`, { id: 'incident-timeline.entries-shown-of-times-in', desc: 'Timeline: how many entries pass the filters, and the time zone of the times' });
    return html`<p part="summary" class="summary" role="status">${summary}</p>
      ${shown.length === 0
        ? html`<p class="empty">
            ${all.length === 0
              ? msg('Nothing on the timeline yet.', { id: 'incident-timeline.nothing-on-the-timeline-yet', desc: 'Timeline: empty' })
              : msg('No entries match the filters.', { id: 'incident-timeline.no-entries-match-the-filters', desc: 'Timeline: filters hide everything' })}
          </p>`
        : html`<ol part="list" class="list" aria-label=${msg('Timeline', { id: 'incident-timeline.timeline', desc: 'Accessible name of the list of entries' })}>
            ${repeat(
              shown,
              (entry) => entry.key,
              (entry) => {
                const name = nameOf(entry.authorId);
                return guard([entry, format, locale, name], () => this.#renderEntry(entry, format, full, name));
              },
            )}
          </ol>`}`;
  }

  #renderEntry(entry: TimelineEntry, format: Intl.DateTimeFormat, full: Intl.DateTimeFormat, author: string | undefined): TemplateResult {
    const isUpdate = entry.source === 'update';
    const kind = isUpdate ? 'update' : entry.kind;
    const pending = !isUpdate && entry.pending;
    return html`<li part="entry" class="entry ${entry.source} ${kind} ${pending ? 'pending' : ''}" data-key=${entry.key}>
      <span part="icon" class="icon"><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${kindIcons[kind]}</svg></span>
      <div class="content">
        <p class="meta">
          <span part="kind" class="kind">${isUpdate ? incidentStatusWords(entry.update.status) : kindLabel(entry.kind)}</span>
          ${isUpdate
            ? html`<span class="tag">${entry.update.visibility === 'public'
                ? msg('Public update', { id: 'incident-timeline.public-update', desc: 'Tag of an incident update shown on the status page' })
                : msg('Internal update', { id: 'incident-timeline.internal-update', desc: 'Tag of an incident update not shown publicly' })}</span>`
            : nothing}
          <time part="time" class="time" datetime=${entry.iso} title=${full.format(entry.at)}>${format.format(entry.at)}</time>
          ${author ? html`<span part="author" class="author">${author}</span>` : nothing}
          ${pending ? html`<span class="saving">${msg('Saving…', { id: 'incident-timeline.saving', desc: 'An event being stored' })}</span>` : nothing}
        </p>
        <div part="body" class="body markdown">${renderMarkdown(entry.blocks)}</div>
        ${!isUpdate && entry.link
          ? html`<a part="link" class="link" href=${entry.link} rel="noopener noreferrer"
              ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${linkIcon}</svg>${entry.link}</a
            >`
          : nothing}
      </div>
    </li>`;
  }

  #renderComposer(settings: HanseiSettings): TemplateResult {
    const error = this.composerError;
    return html`<form part="composer" class="composer" @submit=${this.#onSubmit} aria-label=${msg('Add to the timeline', { id: 'incident-timeline.add-to-the-timeline', desc: 'Accessible name of the composer' })}>
      <div class="row">
        <label class="field">
          <span class="label">${msg('Kind', { id: 'incident-timeline.kind', desc: 'Composer: kind of event' })}</span>
          <select class="input" name="kind" @change=${(e: Event) => (this.#draft.kind = (e.target as HTMLSelectElement).value as TimelineEventKind)}>
            ${TIMELINE_EVENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.#draft.kind}>${kindLabel(kind)}</option>`)}
          </select>
        </label>
        <label class="field">
          <span class="label">${msg('At', { id: 'incident-timeline.at', desc: 'Composer: when it happened (optional)' })}</span>
          <input
            class="input"
            name="at"
            type="datetime-local"
            max=${zonedNow(settings.timeZone)}
            .value=${this.#draft.at}
            @change=${(e: Event) => (this.#draft.at = (e.target as HTMLInputElement).value)}
            aria-invalid=${error === 'time' ? 'true' : 'false'}
            aria-describedby="hint ${error === 'time' ? 'composer-error' : ''}"
          />
        </label>
      </div>
      <label class="field">
        <span class="label">${msg('What happened', { id: 'incident-timeline.what-happened', desc: 'Composer: the event text' })}</span>
        <textarea
          class="input"
          name="body"
          rows="2"
          maxlength="20000"
          aria-invalid=${error === 'empty' ? 'true' : 'false'}
          aria-describedby="hint ${error === 'empty' ? 'composer-error' : ''}"
          .value=${this.#draft.body}
          @keydown=${this.#onKeydown}
          @input=${(e: Event) => {
            this.#draft.body = (e.target as HTMLTextAreaElement).value;
            if (this.composerError === 'empty') this.composerError = null;
          }}
        ></textarea>
      </label>
      ${error
        ? html`<p id="composer-error" class="error" role="alert">
            ${error === 'empty'
              ? msg('Write what happened first.', { id: 'incident-timeline.write-what-happened-first', desc: 'Composer error: empty text' })
              : msg('Enter a date and time, or leave it empty for now.', { id: 'incident-timeline.enter-a-date-and-time', desc: 'Composer error: bad time' })}
          </p>`
        : nothing}
      <div class="row end">
        <p id="hint" class="hint">
          ${msg('Enter adds it, Shift+Enter starts a new line. Markdown works. Leave the time empty for now.', { id: 'incident-timeline.enter-adds-it-shift-enter', desc: 'Composer keyboard hint' })}
        </p>
        <button part="button" class="button primary" type="submit">${msg('Add', { id: 'incident-timeline.add', desc: 'Composer: add the event' })}</button>
      </div>
      ${renderQueued(this.queued.length > 0 ? queuedWords() : '')}
      ${this.failures.length > 0
        ? html`<ul class="failures">
            ${this.failures.map(
              (failure) => html`<li part="failure" class="failure">
                <p class="error" role="alert">${msg(str`Not added: ${failure.message}`, { id: 'incident-timeline.not-added', desc: 'Composer: the adapter refused an event; followed by the reason' })}</p>
                <p class="failed-text">${failure.pending.body}</p>
                <button part="button" class="button" type="button" @click=${() => void this.#add(failure.pending)}>
                  ${msg('Try again', { id: 'incident-timeline.try-again', desc: 'Button: retry loading or saving' })}
                </button>
                <button part="button" class="button" type="button" @click=${() => this.#discard(failure)}>${msg('Discard', { id: 'incident-timeline.discard', desc: 'Composer: drop a failed event' })}</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-incident-timeline': HanseiIncidentTimeline;
  }
  interface HTMLElementEventMap {
    'hansei-timeline-event-added': CustomEvent<TimelineEventAddedDetail>;
  }
}
