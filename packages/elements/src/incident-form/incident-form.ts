import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { can, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import type { Drafts } from '@hansei/adapters/offline';
import type { Component, Incident, IncidentCreateRequest, IncidentTemplate as StoredTemplate, RoleDefinition, SeverityGuideline, Stored } from '@hansei/core';
import type { HanseiSettings } from '../internal/context.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { DraftController } from '../internal/drafts.js';
import { isQueuedWrite, QueuedController, queuedFailedWords, queuedSentWords, renderQueued, type QueuedOutcome } from '../internal/queued.js';
import { renderConflict, renderDraftBanner, renderErrorSummary } from './feedback.js';
import {
  renderComponents,
  renderImpact,
  renderLabels,
  renderMessage,
  renderStatus,
  renderSummary,
  renderTimes,
  renderTitle,
  renderVisibility,
} from './fields.js';
import { incidentFormStyles } from './incident-form.styles.js';
import {
  applyTemplate,
  checkModel,
  conflictFields,
  createRequest,
  emptyModel,
  fieldOfPath,
  modelFromIncident,
  offeredTemplates,
  orderIssues,
  sameModel,
  updatePlan,
  type FieldIssue,
  type FieldName,
  type FormModel,
  type IncidentFormTemplate,
  type IssueTarget,
  type Mode,
} from './model.js';
import { heading, renderActionError, renderLoadError, renderLoading, renderReadOnly, renderTemplates, submitLabel } from './parts.js';
import { renderPreview } from './preview.js';
import { RetryKeys } from '../internal/retry-keys.js';
import { declare, update } from './send.js';
import {
  isIncident,
  isModel,
  type DraftValue,
  type IncidentDeclaredDetail,
  type IncidentFormUpdateValue,
  type IncidentUpdatedDetail,
} from './types.js';
import { RelatedSearch, renderRelated } from './related.js';
import { renderSeverity } from './severity.js';
import { fieldId, type FormView } from './view.js';

export type { IncidentFormTemplate, IncidentTemplate } from './model.js';

export type { IncidentDeclaredDetail, IncidentFormUpdateValue, IncidentUpdatedDetail } from './types.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Declares an incident, or (with `incident-id`) posts an update to one and saves changed fields.
 * The severity is chosen with the organisation's guideline beside each level, and the public
 * update is previewed exactly as the status page will show it.
 *
 * It is a form-associated custom element: inside a native `<form>` it submits under its `name`
 * (the JSON of the request), reports its validity with messages from core's schemas, and supports
 * reset and state restore. Submitting the outer form submits the incident through the adapter; an
 * element without an adapter only gives the form its value. Everything typed is kept as a draft
 * in the offline store and offered back when the form opens again.
 *
 * Read-only adapters (and viewers) get a note instead of the form.
 *
 * @tag hansei-incident-form
 * @summary Declare an incident or post an update, with the severity guideline and a status page preview.
 *
 * @event hansei-incident-declared - An incident was declared; `detail.incident` is it, as stored.
 * @event hansei-incident-updated - An incident was saved and/or an update posted; `detail.incident`, and `detail.update` when one was posted.
 * @event change - The person changed a field (like a native control's `change`).
 *
 * @csspart form - The form.
 * @csspart heading - Its heading.
 * @csspart draft-banner - "Restored a draft from 10:42", with Keep and Discard.
 * @csspart error-summary - Every problem, each linking to its field.
 * @csspart field-error - A field's error messages.
 * @csspart action-error - Why the last submit failed, when no field is to blame.
 * @csspart conflict - Someone else saved first: their values beside yours, and the choice.
 * @csspart severity-level - One level of the severity guideline, with its radio button.
 * @csspart severity-guide - A level's criteria and demands.
 * @csspart severity-advice - The guideline's advice for when unsure.
 * @csspart components - The list of components.
 * @csspart related-list - The incidents linked as related.
 * @csspart related-results - Incidents found by the search.
 * @csspart preview - The status page preview.
 * @csspart preview-card - The incident as the page shows it.
 * @csspart submit - The submit button.
 * @csspart done - The message after a successful submit.
 * @csspart queued - Says a submit made offline waits in the outbox (the draft is kept until it is sent).
 * @csspart read-only - The note shown instead of the form when it cannot write.
 * @csspart loading - Shown while the incident and components load.
 * @csspart load-error - Shown when they could not be loaded, with Try again.
 * @csspart missing-adapter - Shown when there is no adapter (and no form to give a value to).
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Hints and secondary text; field borders.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the form and its fields.
 * @cssprop [--hansei-color-subtle=light-dark(#f6f8fa, #151b23)] - Background of the guideline cards and the preview.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders of cards and sections.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring, chosen level, primary button.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Errors; critical impact in the preview.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Major impact in the preview.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Minor impact in the preview; conflicts.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Text on the primary button.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiIncidentForm extends HanseiDataElement {
  static formAssociated = true;
  static override styles = [HanseiDataElement.styles, incidentFormStyles];

  /** The name the value is submitted under in a native form. */
  @property({ reflect: true }) name = '';

  /** The incident to update; absent, the form declares a new one. */
  @property({ attribute: 'incident-id' }) incidentId: string | undefined;

  /**
   * Templates the person can start a new incident from (declare mode): each a name and the
   * fields it prefills, or core's `IncidentTemplate`s as an adapter lists them. Unset, the form
   * offers the adapter's incident templates (the kit's built-in ones and the organisation's);
   * an empty list offers none.
   */
  @property({ attribute: false }) templates: readonly IncidentFormTemplate[] | readonly StoredTemplate[] | undefined;

  /** Where drafts are kept: the page's offline store when unset; `null` keeps none. */
  @property({ attribute: false }) drafts: Drafts | null | undefined;

  /** Disables every field and the submit button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private model: FormModel = emptyModel(Date.now());
  @state() private base: Stored<Incident> | null = null;
  @state() private components: readonly Stored<Component>[] = [];
  @state() private componentsError = '';
  @state() private roles: readonly RoleDefinition[] = [];
  @state() private loadedTemplates: readonly StoredTemplate[] = [];
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private loadError = '';
  @state() private viewerOnly = false;
  @state() private loadedGuideline: SeverityGuideline | undefined;
  @state() private attempted = false;
  @state() private serverIssues: readonly FieldIssue[] = [];
  @state() private actionError = '';
  @state() private conflict: { current: Stored<Incident>; now: FormModel; fields: FieldName[] } | null = null;
  @state() private submitting = false;
  @state() private done = '';
  @state() private formDisabled = false;
  @state() private outerForm: HTMLFormElement | null = null;

  readonly #internals = this.attachInternals();
  readonly #drafts = new DraftController<DraftValue>(this, 'hansei-incident-form');
  readonly #related = new RelatedSearch(this);
  readonly #queued = new QueuedController(this);
  /** What the fields held when loaded or last saved: a reset goes back to it. */
  #initial: FormModel = this.model;
  /** The incident as loaded or last saved. */
  #fresh: Stored<Incident> | null = null;
  #issues: FieldIssue[] = [];
  #loaded: { source: HanseiAdapter | undefined; id: string | null } | null = null;
  #loadToken = 0;
  readonly #keys = new RetryKeys();

  constructor() {
    super();
    // A native form found this element invalid on submit: show where.
    this.addEventListener('invalid', () => {
      this.attempted = true;
    });
  }

  /** `declare`, or `update` when `incident-id` is set. */
  get mode(): Mode {
    return this.incidentId ? 'update' : 'declare';
  }

  /**
   * What the form would send: declaring, the `IncidentCreateRequest`; updating, the incident's id
   * and version with the patch and the update post (null before the incident has loaded).
   */
  get value(): IncidentCreateRequest | IncidentFormUpdateValue | null {
    if (this.mode === 'declare') return createRequest(this.model);
    return this.base ? { incidentId: this.base.id, version: this.base.version, ...updatePlan(this.model, this.base) } : null;
  }

  override get settings(): HanseiSettings {
    const settings = super.settings;
    return this.providedSettings || !this.loadedGuideline ? settings : { ...settings, guideline: this.loadedGuideline };
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  /** Like a native control's: shows the problems (and the browser's bubble) when invalid. */
  reportValidity(): boolean {
    this.attempted = true;
    return this.#internals.reportValidity();
  }

  /** Moves focus to `field` (its control, or the first control of its group). */
  focusField(field: FieldName): void {
    const target = this.#focusTarget(field);
    target?.focus();
  }

  /**
   * Declares the incident, or saves the changes and posts the update. Shows what is wrong and
   * resolves with null when it cannot; resolves with the incident as stored when it did.
   */
  async submit(): Promise<Stored<Incident> | null> {
    const source = this.source;
    if (this.submitting || !source || !this.#writable || this.phase !== 'ready') return null;
    this.attempted = true;
    this.done = '';
    this.actionError = '';
    this.serverIssues = [];
    this.conflict = null;
    this.#queued.forget();
    if (checkModel(this.model, this.mode, this.settings.guideline, this.base).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return null;
    }
    this.submitting = true;
    try {
      return await this.#send(source);
    } catch (error) {
      this.#fail(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary, #conflict-heading, .action-error')?.focus();
      return null;
    } finally {
      this.submitting = false;
    }
  }

  /** Back to the incident as loaded (or a blank form), forgetting the draft. */
  reset(): void {
    this.base = this.#fresh;
    this.model = this.#initial;
    this.attempted = false;
    this.serverIssues = [];
    this.actionError = '';
    this.conflict = null;
    this.done = '';
    void this.#drafts.discard();
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.outerForm?.removeEventListener('submit', this.#onOuterSubmit);
    this.outerForm = form;
    form?.addEventListener('submit', this.#onOuterSubmit);
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: unknown, reason: 'restore' | 'autocomplete'): void {
    if (reason !== 'restore' || typeof state !== 'string') return;
    try {
      const restored = (JSON.parse(state) as { model?: unknown }).model;
      if (isModel(restored)) this.#change(restored);
    } catch {
      // Not a state this element wrote: nothing to restore.
    }
  }

  get #writable(): boolean {
    const source = this.source;
    return source !== undefined && can(source, 'incidents', 'write') && !this.viewerOnly;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const source = this.source;
    const id = this.incidentId ?? null;
    if (!this.#loaded || this.#loaded.source !== source || this.#loaded.id !== id) {
      this.#loaded = { source, id };
      void this.#load(source, id);
    }
    this.#issues = checkModel(this.model, this.mode, this.settings.guideline, this.base);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const value = this.value;
    this.#internals.setFormValue(value ? JSON.stringify(value) : null, JSON.stringify({ model: this.model }));
    const first = this.#issues[0];
    const checking = this.phase === 'ready' && (this.#writable || (!this.source && this.outerForm !== null));
    if (checking && first) {
      const anchor = first.field === 'form' ? undefined : this.#focusTarget(first.field);
      this.#internals.setValidity({ customError: true }, first.message, anchor);
    } else {
      this.#internals.setValidity({});
    }
    const states = this.#internals.states;
    const mark = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    mark('dirty', !sameModel(this.model, this.#initial));
    mark('submitting', this.submitting);
    mark('invalid', this.#shownIssues().length > 0);
    mark('conflict', this.conflict !== null);
  }

  async #load(source: HanseiAdapter | undefined, id: string | null): Promise<void> {
    const token = ++this.#loadToken;
    const current = () => token === this.#loadToken;
    this.phase = 'loading';
    this.loadError = this.actionError = this.done = '';
    this.conflict = null;
    this.serverIssues = [];
    this.attempted = false;
    try {
      let incident: Stored<Incident> | null = null;
      if (source) {
        const settings = can(source, 'settings');
        const [found, components, session, guideline, roles, templates] = await Promise.all([
          id ? source.getIncident(id) : null,
          source.listComponents().then(
            (list) => ({ list, error: '' }),
            (error: unknown) => ({ list: [], error: messageOf(error) }),
          ),
          source.session().catch(() => null),
          !this.providedSettings && settings ? source.getSeverityGuideline().catch(() => undefined) : undefined,
          settings ? source.listRoles().catch(() => []) : [],
          // Templates only help to declare; a backend without them offers none.
          id === null && can(source, 'incidents') ? source.listIncidentTemplates().catch(() => []) : [],
        ]);
        if (!current()) return;
        incident = found;
        this.components = components.list;
        this.componentsError = components.error;
        this.viewerOnly = session?.role === 'viewer';
        this.loadedGuideline = guideline;
        this.roles = roles;
        this.loadedTemplates = templates;
      }
      this.#fresh = this.base = incident;
      this.#initial = this.model = incident ? modelFromIncident(incident) : emptyModel(Date.now());
      if (incident) this.#related.remember(incident);
      const draft = await this.#drafts.restore(id ?? 'new');
      if (!current()) return;
      if (draft && isModel(draft.value?.model)) {
        this.model = draft.value.model;
        // A create sent or queued before the reload: sent again, it is the same create.
        this.#keys.restore(draft.value.key);
        // Edited against an older version: saving shows what changed since.
        if (incident && isIncident(draft.value.base) && draft.value.base.id === incident.id) this.base = draft.value.base;
      }
      this.phase = 'ready';
      void this.#related.describe(this.model.related.map((r) => r.incidentId));
    } catch (error) {
      if (!current()) return;
      this.phase = 'failed';
      this.loadError = messageOf(error);
    }
  }

  #change(patch: Partial<FormModel>): void {
    this.model = { ...this.model, ...patch };
    this.done = '';
    if (this.serverIssues.length > 0) {
      const changed = Object.keys(patch);
      this.serverIssues = this.serverIssues.filter((issue) => !changed.includes(issue.field));
    }
    if (sameModel(this.model, this.#initial) && this.base === this.#fresh) void this.#drafts.discard();
    else this.#keepDraft();
  }

  #keepDraft(): void {
    this.#drafts.save({ model: this.model, base: this.base, key: this.#keys.saved });
  }

  async #send(source: HanseiAdapter): Promise<Stored<Incident>> {
    if (this.mode === 'declare') {
      const incident = await declare(source, this.model, this.#keys);
      this.#initial = this.model = emptyModel(Date.now());
      this.done = msg(str`Declared "${incident.title}".`, { desc: 'Incident form: after declaring an incident' });
      await this.#saved('hansei-incident-declared', { incident });
      return incident;
    }
    const saved = await update(source, this.model, this.base as Stored<Incident>, this.#keys, (incident) => {
      this.#fresh = this.base = incident;
    });
    this.#fresh = this.base = saved.incident;
    this.#initial = this.model = modelFromIncident(saved.incident);
    this.done = saved.update
      ? msg('Update posted.', { desc: 'Incident form: after posting an update' })
      : msg('Changes saved.', { desc: 'Incident form: after saving changed fields' });
    await this.#saved('hansei-incident-updated', saved);
    return saved.incident;
  }

  /** After a successful submit: the draft is done with, and the page hears of it. */
  async #saved<K extends 'hansei-incident-declared' | 'hansei-incident-updated'>(type: K, detail: HTMLElementEventMap[K]['detail']): Promise<void> {
    this.attempted = false;
    await this.#drafts.discard();
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #fail(error: unknown): void {
    // A create that may have reached the backend, or waits in the outbox, keeps its key with the
    // draft: sent again after a reload, it cannot make a second incident or update.
    if (this.#keys.saved) this.#keepDraft();
    if (isQueuedWrite(error) && this.source) {
      // Offline: the change waits in the outbox. The draft stays until it is sent.
      const sent = this.model;
      this.#queued.follow(this.source, error, (outcome) => void this.#queuedSettled(outcome, sent));
    } else if (!(error instanceof HanseiError)) {
      this.actionError = messageOf(error);
    } else if (error.kind === 'conflict' && isIncident(error.current) && this.base) {
      const current = error.current;
      const now = modelFromIncident(current);
      this.conflict = { current, now, fields: conflictFields(this.model, modelFromIncident(this.base), now) };
      void this.#related.describe(current.related.map((r) => r.incidentId));
    } else if (error.kind === 'validation' && error.fieldErrors.length > 0) {
      this.serverIssues = error.fieldErrors.map((e) => ({ field: fieldOfPath(e.path), message: e.message }));
    } else {
      this.actionError = error.message;
    }
  }

  /** A submit made offline went out (as if it had just been sent, unless the person typed on), or did not. */
  async #queuedSettled(outcome: QueuedOutcome, sent: FormModel): Promise<void> {
    if (outcome.outcome !== 'sent') {
      this.actionError = queuedFailedWords(outcome, true);
      return;
    }
    const value = outcome.value as Stored<Incident> | IncidentUpdatedDetail;
    const incident = 'incident' in value ? value.incident : value;
    const untouched = sameModel(this.model, sent);
    if (this.mode === 'update') this.#fresh = this.base = incident;
    if (untouched) this.#initial = this.model = this.mode === 'declare' ? emptyModel(Date.now()) : modelFromIncident(incident);
    this.done = queuedSentWords();
    if (!untouched) return;
    if (this.mode === 'declare') await this.#saved('hansei-incident-declared', { incident });
    else await this.#saved('hansei-incident-updated', 'incident' in value ? value : { incident });
  }

  #takeTheirs = (): void => {
    const current = this.conflict?.current;
    if (!current) return;
    this.#fresh = this.base = current;
    this.#initial = modelFromIncident(current);
    this.conflict = null;
    this.#change({ ...this.#initial, message: this.model.message });
  };

  #keepMine = (): void => {
    const current = this.conflict?.current;
    if (!current) return;
    this.base = current;
    this.conflict = null;
    void this.submit();
  };

  #onOuterSubmit = (event: SubmitEvent): void => {
    // Without an adapter the native form posts this element's value; with one, the adapter sends it.
    if (!this.source || !this.#writable) return;
    event.preventDefault();
    void this.submit();
  };

  #onInnerSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.outerForm) this.outerForm.requestSubmit();
    else void this.submit();
  };

  #focusTarget(field: FieldName): HTMLElement | undefined {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(field)}`);
    if (el?.localName !== 'fieldset') return el ?? undefined;
    return el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea') ?? undefined;
  }

  /** The problems shown now: the form's own after a submit attempt, and the adapter's. */
  #shownIssues(): FieldIssue[] {
    return orderIssues([...(this.attempted ? this.#issues : []), ...this.serverIssues]);
  }

  #view(shown: readonly FieldIssue[]): FormView {
    const issues = new Map<IssueTarget, FieldIssue[]>();
    for (const issue of shown) issues.set(issue.field, [...(issues.get(issue.field) ?? []), issue]);
    return {
      model: this.model,
      mode: this.mode,
      base: this.base,
      settings: this.settings,
      components: this.components,
      roles: this.roles,
      issues,
      now: Date.now(),
      change: (patch) => this.#change(patch),
    };
  }

  protected override render(): TemplateResult {
    const source = this.source;
    if (!source && (this.outerForm === null || this.mode === 'update')) return this.renderMissingAdapter();
    if (source && !this.#writable) return renderReadOnly(this.mode, this.viewerOnly);
    if (this.phase === 'loading') return renderLoading();
    if (this.phase === 'failed') return renderLoadError(this.loadError, () => void this.#load(this.source, this.incidentId ?? null));
    const shown = this.#shownIssues();
    const view = this.#view(shown);
    const offered = this.#drafts.offered;
    const disabled = this.disabled || this.formDisabled;
    const templates = this.mode === 'declare' ? offeredTemplates(this.templates, this.loadedTemplates, this.settings.locale) : [];
    return html`<form class="form" part="form" novalidate aria-labelledby="heading" @submit=${this.#onInnerSubmit}>
      <h2 id="heading" part="heading">${heading(this.mode, this.#fresh?.title ?? '')}</h2>
      ${offered ? renderDraftBanner(view, offered, () => this.#drafts.keep(), () => this.reset()) : nothing}
      ${shown.length > 0 ? renderErrorSummary(shown, (field) => this.focusField(field)) : nothing}
      ${this.conflict ? renderConflict(view, this.conflict, this.#related, this.#takeTheirs, this.#keepMine) : nothing}
      ${this.actionError ? renderActionError(this.mode, this.actionError) : nothing} ${renderQueued(this.#queued.note)}
      ${templates.length > 0 ? renderTemplates(templates, disabled, (template) => this.#change(applyTemplate(this.model, template))) : nothing}
      <fieldset class="fields" ?disabled=${disabled} @change=${() => this.dispatchEvent(new Event('change', { bubbles: true }))}>
        ${renderTitle(view)} ${renderSummary(view)} ${renderSeverity(view)} ${renderImpact(view)} ${renderStatus(view)}
        ${this.components.length > 0 || this.componentsError ? renderComponents(view, this.componentsError) : nothing}
        ${renderVisibility(view)} ${renderTimes(view)} ${renderLabels(view)}
        ${source ? renderRelated(view, this.#related) : nothing}
        <div class="update">${renderMessage(view)} ${renderPreview(view)}</div>
      </fieldset>
      <div class="actions">
        ${source
          ? html`<button type="submit" class="primary" part="submit" ?disabled=${disabled} aria-disabled=${this.submitting ? 'true' : 'false'}>
              ${submitLabel(this.mode, this.submitting, this.model.message.trim() !== '')}
            </button>`
          : nothing}
        <p class="done" part="done" role="status">${this.done}</p>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-incident-form': HanseiIncidentForm;
  }
  interface HTMLElementEventMap {
    'hansei-incident-declared': CustomEvent<IncidentDeclaredDetail>;
    'hansei-incident-updated': CustomEvent<IncidentUpdatedDetail>;
  }
}
