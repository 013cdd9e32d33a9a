import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { can, HanseiError, type Change, type HanseiAdapter } from '@hansei/adapters';
import type { Drafts } from '@hansei/adapters/offline';
import { prefillFromIncident, type Postmortem, type PostmortemContent, type PostmortemTemplate, type PreventionAction, type Stored } from '@hansei/core';
import { Announcer } from '../internal/announcer.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { DraftController } from '../internal/drafts.js';
import { followQueued, isQueuedWrite, queuedFailedWords, queuedWords, type QueuedWrite } from '../internal/queued.js';
import { create, RetryKeys } from '../internal/retry-keys.js';
import { renderDocument } from './document.js';
import { loadPostmortem, loadTemplates, type Loaded } from './load.js';
import { isDraftValue, parseLabels, startingSections, type DraftValue } from './model.js';
import { renderLoadError, renderLoading, renderNote, renderStart } from './parts.js';
import { postmortemStyles } from './postmortem.styles.js';
import { actionSent, cleanContent, EditSession } from './session.js';
import { BlameMemo } from './view.js';

export type { PostmortemActionDetail, PostmortemExportDetail, PostmortemSavedDetail, PostmortemStatusDetail } from './types.js';
import type { PostmortemActionDetail, PostmortemExportDetail, PostmortemSavedDetail, PostmortemStatusDetail } from './types.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The postmortem of an incident as a guided, blameless document, built from a template. The
 * impact, timeline and responders are drafted from the incident; a five-whys builder helps dig
 * deep enough; contributing factors are sorted into the places the talk looks beyond the code;
 * gentle prompts point out words that blame a person; prevention actions created inside it land
 * on the prevention board, linked to the incident, with the balance of short-term and root-cause
 * work shown and a root-cause action asked for when there is none; and a thanks section names who
 * helped. It moves draft -> in review -> published, with the public summary the status page shows.
 *
 * Everything typed is kept as a draft on this device and survives a reload; Save sends it with
 * the version it was edited from. When someone else saved in between, what only one side changed
 * is merged, and each part both changed is shown side by side to settle: nothing is lost.
 * Changes made elsewhere arrive live. Export to Markdown, print, or read it as a viewer.
 *
 * @tag hansei-postmortem
 * @summary A guided, blameless postmortem: template, prefill from the incident, five whys, factors, actions, review.
 *
 * @event hansei-postmortem-started - A postmortem was started; `detail.postmortem` is it, as stored.
 * @event hansei-postmortem-saved - Changes were saved; `detail.postmortem` as stored.
 * @event hansei-postmortem-status-changed - It moved to another status; `detail.postmortem` and `detail.from`.
 * @event hansei-action-created - A prevention action was created from it; `detail.action`.
 * @event hansei-postmortem-exported - It was exported; `detail.markdown` and `detail.method` (`download` or `copy`).
 * @event change - The person changed the document (like a native control's `change`).
 *
 * @csspart document - The document.
 * @csspart header - Title, status, incident, owner and labels.
 * @csspart status - The status badge.
 * @csspart toolbar - Save, preview, export and print.
 * @csspart save - The save button.
 * @csspart save-state - Whether everything is saved.
 * @csspart export - The download button.
 * @csspart draft-banner - "Restored your unsaved changes", with Keep and Discard.
 * @csspart notice - A message about the document (live changes, errors).
 * @csspart conflict - Parts someone else changed too, side by side, with the choices.
 * @csspart conflict-item - One such part.
 * @csspart section - One section.
 * @csspart section-body - A section's text when read.
 * @csspart prompt - A section's guiding question.
 * @csspart blame-prompt - Gentle prompts under text that blames a person.
 * @csspart from-incident - What the incident says (impact, responders, timeline), to insert.
 * @csspart timeline - The incident's timeline entries.
 * @csspart timeline-entry - One entry.
 * @csspart factors - The contributing factors.
 * @csspart whys - The five whys.
 * @csspart whys-advice - Advice on the depth of the five whys.
 * @csspart thanks - The thanks.
 * @csspart actions-builder - Prevention actions: balance, list and form.
 * @csspart balance - The balance of short-term and root-cause actions.
 * @csspart root-cause-prompt - The request for a root-cause action.
 * @csspart actions - The list of actions.
 * @csspart action - One action.
 * @csspart actions-waiting - The actions created offline, waiting in the outbox until they are sent.
 * @csspart action-waiting - One action waiting in the outbox.
 * @csspart queued - Says actions created offline wait in the outbox.
 * @csspart new-action - The form that creates an action.
 * @csspart review - The public summary, what is missing, and the next status.
 * @csspart checklist - What is missing before review.
 * @csspart transition - A button that moves the status.
 * @csspart start - The panel that starts a postmortem: template and owner.
 * @csspart start-button - Its button.
 * @csspart loading - Shown while loading.
 * @csspart load-error - Shown when loading failed, with Try again.
 * @csspart missing-adapter - Shown when there is no adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Prompts, hints and secondary text; field borders.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the document and its fields.
 * @cssprop [--hansei-color-subtle=light-dark(#f6f8fa, #151b23)] - Background of panels (from the incident, builders, the toolbar).
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring, primary buttons, links.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Errors.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Blame prompts, conflicts and what is missing.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Root-cause work in the balance; published.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Text on primary buttons.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop --hansei-font-family-code - Font family of code in Markdown.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiPostmortem extends HanseiDataElement {
  static override styles = [HanseiDataElement.styles, postmortemStyles];

  /** The postmortem to show. Wins over `incident-id`. */
  @property({ attribute: 'postmortem-id', reflect: true }) postmortemId = '';

  /** The incident whose postmortem to show (or start, when it has none). */
  @property({ attribute: 'incident-id', reflect: true }) incidentId = '';

  /** Where drafts are kept: the page's offline store when unset; `null` keeps none. */
  @property({ attribute: false }) drafts: Drafts | null | undefined;

  /** Shows the document as read, without editing. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private phase: 'loading' | 'ready' | 'start' | 'failed' = 'loading';
  @state() private loadError = '';
  @state() private loaded: Loaded | null = null;
  @state() private template: PostmortemTemplate | null = null;
  @state() private actions: readonly Stored<PreventionAction>[] = [];
  @state() private reading = false;
  @state() private deleted = false;
  @state() private notice = '';
  @state() private startState = { templates: [] as readonly PostmortemTemplate[], templateId: 'default', ownerId: '', busy: false, error: '' };
  @state() private actionState = { title: '', kind: 'prevent' as PreventionAction['kind'], ownerId: '', dueDate: '', busy: false, error: '' };
  /** Titles of the actions created offline, waiting in the outbox. */
  @state() private waitingActions: readonly { readonly title: string }[] = [];

  readonly #drafts = new DraftController<DraftValue>(this, 'hansei-postmortem');
  readonly #announcer = new Announcer(this);
  readonly #session = new EditSession(this, {
    save: (draft) => (draft ? this.#drafts.save(draft) : void this.#drafts.discard()),
    announce: (text) => this.#announcer.announce(text),
    focus: (...selectors) => this.#focus(...selectors),
    locale: () => this.settings.locale,
    dispatch: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
  });
  #requested: { source: HanseiAdapter | undefined; postmortemId: string; incidentId: string } | null = null;
  #abort: AbortController | null = null;
  #prefill: { key: unknown; value: ReturnType<typeof prefillFromIncident> } | null = null;
  readonly #blame = new BlameMemo();
  readonly #actionKeys = new RetryKeys();

  constructor() {
    super();
    this.addEventListener('keydown', (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && this.#editable) {
        event.preventDefault();
        void this.save();
      }
    });
  }

  /** The postmortem as last saved or loaded (null before it loads, or before it is started). */
  get postmortem(): Stored<Postmortem> | null {
    return this.#session.base;
  }

  /** Saves the changes (with the version they were made on). Resolves with whether everything is saved now. */
  save(): Promise<boolean> {
    const source = this.source;
    return source ? this.#session.save(source) : Promise.resolve(false);
  }

  /** Reads everything again (what "Try again" does). */
  reload(): Promise<void> {
    return this.#load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#requested === null) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#requested = null;
  }

  get #writable(): boolean {
    const source = this.source;
    const role = this.loaded?.role;
    return source !== undefined && can(source, 'postmortems', 'write') && role !== 'viewer' && role !== null;
  }

  get #editable(): boolean {
    return this.#writable && !this.disabled && !this.reading && !this.deleted && this.phase === 'ready';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const source = this.source;
    const r = this.#requested;
    if (!r || r.source !== source || r.postmortemId !== this.postmortemId || r.incidentId !== this.incidentId) {
      this.#requested = { source, postmortemId: this.postmortemId, incidentId: this.incidentId };
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const source = this.source;
    const ids = { postmortemId: this.postmortemId, incidentId: this.incidentId };
    this.phase = 'loading';
    this.deleted = false;
    this.notice = '';
    this.#session.reset();
    if (!source || (!ids.postmortemId && !ids.incidentId) || !can(source, 'postmortems')) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const loaded = await loadPostmortem(source, ids, abort.signal);
      if (abort.signal.aborted) return;
      this.loaded = loaded;
      this.actions = loaded.actions;
      this.template = loaded.template;
      this.#subscribe(source, abort.signal);
      if (loaded.postmortem) await this.#open(loaded.postmortem, abort.signal);
      else await this.#offerStart(source, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.phase = 'failed';
      this.loadError = messageOf(error);
    }
  }

  async #open(postmortem: Stored<Postmortem>, signal: AbortSignal): Promise<void> {
    const draft = await this.#drafts.restore(postmortem.id);
    if (signal.aborted) return;
    this.#session.open(postmortem, draft && isDraftValue(draft.value) && draft.value.base.id === postmortem.id ? draft.value : null);
    if (!this.#session.restored) this.#drafts.keep();
    this.phase = 'ready';
  }

  async #offerStart(source: HanseiAdapter, signal: AbortSignal): Promise<void> {
    this.phase = 'start';
    if (!this.#writable) return;
    const templates = await loadTemplates(source, signal);
    if (!signal.aborted) this.startState = { ...this.startState, templates, templateId: templates.some((t) => t.id === this.startState.templateId) ? this.startState.templateId : (templates[0]?.id ?? '') };
  }

  async #start(): Promise<void> {
    const source = this.source;
    const loaded = this.loaded;
    const template = this.startState.templates.find((t) => t.id === this.startState.templateId);
    if (!source || !loaded || !template || this.startState.busy) return;
    this.startState = { ...this.startState, busy: true, error: '' };
    try {
      const { sections } = this.#prefilled(loaded);
      const postmortem = await source.createPostmortem(
        { incidentId: loaded.incident.id, templateId: template.id, ownerId: this.startState.ownerId || null, sections: [...startingSections(template, this.settings.locale, { impact: sections.impact, timeline: sections.timeline, response: sections.response })] },
        { idempotencyKey: `pm-start-${loaded.incident.id}-${loaded.incident.version}` },
      );
      this.template = template;
      this.loaded = { ...loaded, postmortem };
      this.#session.open(postmortem, null);
      await this.#drafts.restore(postmortem.id);
      this.phase = 'ready';
      this.#announcer.announce(msg('Postmortem started.', { desc: 'Postmortem: announced after starting' }));
      this.dispatchEvent(new CustomEvent('hansei-postmortem-started', { detail: { postmortem }, bubbles: true, composed: true }));
      this.#focus('#f-title');
    } catch (error) {
      const existing = error instanceof HanseiError ? error.problem?.['postmortemId'] : undefined;
      if (typeof existing === 'string') return this.#load();
      this.startState = { ...this.startState, error: messageOf(error) };
    } finally {
      this.startState = { ...this.startState, busy: false };
    }
  }

  #subscribe(source: HanseiAdapter, signal: AbortSignal): void {
    source.subscribe((change: Change) => this.#onChange(change), { signal });
  }

  #onChange(change: Change): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const incidentId = loaded.incident.id;
    switch (change.type) {
      case 'postmortem.created':
        if (this.phase === 'start' && change.data.postmortem.incidentId === incidentId && !this.startState.busy) void this.#load();
        return;
      case 'postmortem.updated':
        if (change.data.postmortem.id === this.#session.base?.id) this.#session.heard(change.data.postmortem);
        return;
      case 'postmortem.deleted':
        if (change.data.id === this.#session.base?.id) this.deleted = true;
        return;
      case 'incident.updated':
      case 'incident.update.created':
        if (change.data.incident.id === incidentId) this.loaded = { ...loaded, incident: change.data.incident };
        return;
      case 'action.created':
      case 'action.updated':
      case 'action.moved': {
        const action = change.data.action;
        const rest = this.actions.filter((a) => a.id !== action.id);
        this.actions = action.incidentIds.includes(incidentId) ? [...rest, action].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)) : rest;
        return;
      }
      case 'action.deleted':
        this.actions = this.actions.filter((a) => a.id !== change.data.id);
        return;
      case 'postmortem-template.updated':
        if (change.data.template.id === this.template?.id) this.template = change.data.template;
        return;
    }
  }

  async #createAction(): Promise<void> {
    const source = this.source;
    const base = this.#session.base;
    const form = this.actionState;
    if (!source || !base || form.busy) return;
    if (!form.title.trim()) {
      this.actionState = { ...form, error: msg('Say what will be done.', { desc: 'Postmortem: a new action needs a title' }) };
      this.#focus('#action-title');
      return;
    }
    this.actionState = { ...form, busy: true, error: '' };
    try {
      const request = actionSent(form, base);
      const action = await create(this.#actionKeys, request, (options) => source.createAction(request, options));
      this.actionState = { ...this.actionState, title: '', dueDate: '', busy: false };
      this.#actionAdded(action);
      this.#focus('#action-title');
    } catch (error) {
      if (isQueuedWrite(error)) this.#actionWaits(source, error, form.title.trim());
      else this.actionState = { ...this.actionState, busy: false, error: messageOf(error) };
    }
  }

  /**
   * An action created offline waits in the outbox: the form is free for the next one, the action
   * is listed as waiting, and once sent it joins the list (or, refused or discarded, its title
   * comes back to the form with the reason).
   */
  #actionWaits(source: HanseiAdapter, queued: QueuedWrite, title: string): void {
    const waiting = { title };
    this.waitingActions = [...this.waitingActions, waiting];
    this.actionState = { ...this.actionState, title: '', dueDate: '', busy: false, error: '' };
    this.#announcer.announce(queuedWords());
    void followQueued(source, queued.entryIds ?? [queued.entryId]).then((outcome) => {
      this.waitingActions = this.waitingActions.filter((w) => w !== waiting);
      if (outcome.outcome !== 'sent') {
        const form = this.actionState;
        this.actionState = { ...form, title: form.title || title, error: queuedFailedWords(outcome, !form.title) };
        return;
      }
      this.#actionAdded(outcome.value as Stored<PreventionAction>);
    });
  }

  /** A created action joins the list (once, however it arrived), and the page hears of it. */
  #actionAdded(action: Stored<PreventionAction>): void {
    this.actions = [...this.actions.filter((a) => a.id !== action.id), action];
    this.#announcer.announce(msg(str`Added “${action.title}” to the prevention board.`, { desc: 'Postmortem: announced after creating an action' }));
    this.dispatchEvent(new CustomEvent('hansei-action-created', { detail: { action }, bubbles: true, composed: true }));
  }

  async #export(method: 'download' | 'copy'): Promise<void> {
    const loaded = this.loaded;
    const base = this.#session.base;
    const content = this.#session.content;
    if (!loaded || !base || !content) return;
    const { markdownOf, fileName, download, copy } = await import('./export.js');
    const { locale, timeZone } = this.settings;
    const markdown = markdownOf({ postmortem: { ...base, ...cleanContent(content) }, template: this.template, incident: loaded.incident, actions: this.actions, people: loaded.people, locale, timeZone });
    try {
      if (method === 'copy') await copy(markdown);
      else download(markdown, fileName(content.title, base.id));
      this.#announcer.announce(
        method === 'copy'
          ? msg('Markdown copied.', { desc: 'Postmortem: announced after copying the export' })
          : msg('Markdown downloaded.', { desc: 'Postmortem: announced after downloading the export' }),
      );
      this.dispatchEvent(new CustomEvent('hansei-postmortem-exported', { detail: { markdown, method }, bubbles: true, composed: true }));
    } catch (error) {
      this.notice = msg(str`The Markdown could not be copied: ${messageOf(error)}`, { desc: 'Postmortem: copying the export failed' });
    }
  }

  #focus(...selectors: string[]): void {
    void this.updateComplete.then(() => {
      for (const selector of selectors) {
        const el = this.renderRoot.querySelector<HTMLElement>(selector);
        if (el && !(el as HTMLButtonElement).disabled) return el.focus();
      }
    });
  }

  /** The prefill from the incident, computed once per incident, language and zone. */
  #prefilled(loaded: Loaded): ReturnType<typeof prefillFromIncident> {
    const { locale, timeZone, guideline } = this.settings;
    const key = [loaded.incident, loaded.timeline, loaded.assignments, loaded.reports, locale, timeZone];
    if (this.#prefill && this.#prefill.key instanceof Array && key.every((k, i) => (this.#prefill!.key as unknown[])[i] === k)) return this.#prefill.value;
    const value = prefillFromIncident({ ...loaded, guideline }, { locale, timeZone });
    this.#prefill = { key, value };
    return value;
  }

  protected override render(): TemplateResult {
    const source = this.source;
    if (!source) return this.renderMissingAdapter();
    if (!this.postmortemId && !this.incidentId) {
      return renderNote(msg('No postmortem: set the postmortem-id or incident-id attribute.', { desc: 'Postmortem: no id given' }));
    }
    if (!can(source, 'postmortems')) return renderNote(msg('Postmortems cannot be read from this data source.', { desc: 'Postmortem: the adapter has no postmortems' }));
    if (this.phase === 'loading') return renderLoading();
    if (this.phase === 'failed') return renderLoadError(this.loadError, () => void this.#load());
    const loaded = this.loaded as Loaded;
    const { locale } = this.settings;
    if (this.phase === 'start') {
      if (!this.#writable) return renderNote(msg('No postmortem has been written for this incident yet.', { desc: 'Postmortem: none yet, and the reader cannot start one' }));
      return html`${renderStart({
        incident: loaded.incident,
        ...this.startState,
        people: loaded.people,
        locale,
        choose: (patch) => (this.startState = { ...this.startState, ...patch }),
        start: () => void this.#start(),
      })}${this.#announcer.render()}`;
    }
    return this.#renderDocument(loaded);
  }

  #renderDocument(loaded: Loaded): TemplateResult {
    const { locale, timeZone } = this.settings;
    const names = loaded.people.flatMap((p) => [p.name, ...(p.handle ? [p.handle] : [])]);
    const toolbar = this.#writable && !this.disabled;
    return renderDocument({
      loaded,
      session: this.#session,
      template: this.template,
      actions: this.actions,
      locale,
      timeZone,
      editable: this.#editable,
      toolbar,
      writable: toolbar && !this.deleted,
      reading: this.reading,
      deleted: this.deleted,
      notice: this.notice,
      draft: this.#writable ? this.#drafts.offered : null,
      names,
      blame: this.#blame.for(names),
      prefilled: this.#prefilled(loaded),
      canAddActions: can(this.source as HanseiAdapter, 'actions', 'write'),
      actionForm: { ...this.actionState, waiting: this.waitingActions.map((w) => w.title), set: (patch) => (this.actionState = { ...this.actionState, ...patch, error: '' }), submit: () => void this.#createAction() },
      announcer: this.#announcer.render(),
      edit: (next) => this.#edit(next),
      setHeader: (patch) => this.#setHeader(patch),
      save: () => void this.save(),
      toggleReading: () => (this.reading = !this.reading),
      exportMarkdown: (how) => void this.#export(how),
      keepDraft: () => this.#drafts.keep(),
      discardDraft: () => this.#discardDraft(),
      transition: (to) => void this.#session.save(this.source as HanseiAdapter, to),
      focus: (...selectors) => this.#focus(...selectors),
    });
  }

  #edit(next: PostmortemContent): void {
    this.#session.edit(next);
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #setHeader(patch: { title?: string; ownerId?: string | null; labels?: string }): void {
    const content = this.#session.content as PostmortemContent;
    const { labels, ...rest } = patch;
    this.#edit({ ...content, ...rest, ...(labels !== undefined ? { labels: parseLabels(labels) } : {}) });
  }

  #discardDraft(): void {
    void this.#drafts.discard();
    const base = this.#session.base;
    if (base) this.#session.open(base, null);
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-postmortem': HanseiPostmortem;
  }
  interface HTMLElementEventMap {
    'hansei-postmortem-started': CustomEvent<PostmortemSavedDetail>;
    'hansei-postmortem-saved': CustomEvent<PostmortemSavedDetail>;
    'hansei-postmortem-status-changed': CustomEvent<PostmortemStatusDetail>;
    'hansei-action-created': CustomEvent<PostmortemActionDetail>;
    'hansei-postmortem-exported': CustomEvent<PostmortemExportDetail>;
  }
}
