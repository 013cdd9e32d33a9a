/**
 * `<portal-admin-incident-templates>`: incident templates, which the incident form offers when a
 * responder declares: the kit's built-in ones (read, and copied as a start), and the
 * organisation's own: made, changed and deleted here, with the version they were read at
 * (template-admin.ts). A template prefills only what it gives; "Leave as chosen" and blank
 * fields keep what the responder picks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { COMPONENT_STATUSES, IMPACTS, VISIBILITIES, type Component, type ComponentStatus, type IncidentTemplate, type LocalizedText, type Stored } from '@hansei/core';
import { impactWord, visibilityWord } from '@hansei/elements/incident-form/words.js';
import { componentStatusWords } from '@hansei/elements/internal/status-words.js';
import { localized } from '../lib/format.js';
import { incidentTemplateDraft, incidentTemplateRequest, type IncidentTemplateDraft } from './incident-template-draft.js';
import { TemplateAdmin, type TemplateWords } from './template-admin.js';

type TextKey = 'description' | 'title' | 'summary' | 'updateBody';

@customElement('portal-admin-incident-templates')
export class PortalAdminIncidentTemplates extends TemplateAdmin<Stored<IncidentTemplate>, IncidentTemplateDraft> {
  @state() private components: readonly Stored<Component>[] = [];

  protected words(): TemplateWords {
    return {
      heading: msg('Incident templates'),
      intro: msg('Responders pick one when they declare an incident: it fills in the fields it gives, in their language, and they can still change everything. Changing a template never changes an incident.'),
      deleteQuestion: (name) => msg(str`Delete the incident template "${name}"? Incidents declared from it stay as they are.`),
    };
  }

  protected override async load(): Promise<void> {
    await Promise.all([
      super.load(),
      this.api.listComponents().then(
        (list) => (this.components = list),
        () => undefined,
      ),
    ]);
  }

  protected fetch() {
    return this.api.listIncidentTemplates();
  }

  protected write(draft: IncidentTemplateDraft) {
    const body = incidentTemplateRequest(draft);
    return draft.id ? this.api.updateIncidentTemplate(draft.id, body, draft.version) : this.api.createIncidentTemplate(body);
  }

  protected erase(template: Stored<IncidentTemplate>) {
    return this.api.deleteIncidentTemplate(template.id, template.version);
  }

  protected draftOf(template: Stored<IncidentTemplate> | null, name?: LocalizedText) {
    return incidentTemplateDraft(template, name);
  }

  /** What the template fills in, in words: the title, severity, impact, visibility, components, labels, and whether it posts an update. */
  protected renderSummary(t: Stored<IncidentTemplate>): TemplateResult {
    const locale = this.settings.locale;
    const level = this.settings.guideline.levels.find((l) => l.code === t.severity);
    const names = t.components.map((c) => `${this.components.find((k) => k.id === c.componentId)?.name ?? c.componentId} (${componentStatusWords(c.status)})`);
    const parts = [
      t.title.en ? msg(str`Title: ${localized(t.title, locale)}`) : '',
      t.severity ? (level ? `${t.severity} ${localized(level.name, locale)}` : t.severity) : '',
      t.impact ? msg(str`Impact: ${impactWord(t.impact)}`) : '',
      t.visibility ? visibilityWord(t.visibility) : '',
      names.length ? msg(str`Components: ${names.join(', ')}`) : '',
      t.labels.length ? msg(str`Labels: ${t.labels.join(', ')}`) : '',
      t.updateBody.en ? msg('With a first public update') : '',
    ].filter(Boolean);
    return html`<p class="muted">${parts.length ? parts.join(' · ') : msg('Prefills nothing but its name.')}</p>`;
  }

  protected renderFields(draft: IncidentTemplateDraft): TemplateResult {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`${this.#bilingual(draft, 'description', msg('When to use it'), true)} ${this.#bilingual(draft, 'title', msg('Incident title'))}
      ${this.#bilingual(draft, 'summary', msg('Summary'), true)}
      <div class="toolbar">
        ${this.#choice(draft, 'severity', msg('Severity'), this.#severities(draft))}
        ${this.#choice(draft, 'impact', msg('Public impact'), IMPACTS.map((i) => [i, impactWord(i)]))}
        ${this.#choice(draft, 'visibility', msg('Visibility'), VISIBILITIES.map((v) => [v, visibilityWord(v)]))}
      </div>
      ${this.#components(draft)}
      <label class="field"
        >${msg('Labels')} <span class="muted">${msg('Separated by commas, like: payments, team:sre')}</span>
        <input name="labels" .value=${draft.labels} @input=${(e: Event) => this.change((d) => (d.labels = value(e)))} />
      </label>
      ${this.#bilingual(draft, 'updateBody', msg('First public update'), true)}`;
  }

  /** The guideline's levels, and the draft's own when the guideline no longer has it. */
  #severities(draft: IncidentTemplateDraft): [string, string][] {
    const levels = this.settings.guideline.levels;
    const known: [string, string][] = levels.map((l) => [l.code, `${l.code} ${localized(l.name, this.settings.locale)}`]);
    return draft.severity && !levels.some((l) => l.code === draft.severity) ? [...known, [draft.severity, msg(str`${draft.severity} (not in the guideline)`)]] : known;
  }

  /** A select of `options` ([value, words]) after "Leave as chosen" (''), for one of the draft's choices. */
  #choice(draft: IncidentTemplateDraft, key: 'severity' | 'impact' | 'visibility', label: string, options: readonly (readonly [string, string])[]): TemplateResult {
    const set = (e: Event) => this.change((d) => ((d as Record<typeof key, string>)[key] = (e.target as HTMLSelectElement).value));
    return html`<label class="field"
      >${label}
      <select name=${key} @change=${set}>
        <option value="" ?selected=${draft[key] === ''}>${msg('Leave as chosen')}</option>
        ${options.map(([value, words]) => html`<option value=${value} ?selected=${draft[key] === value}>${words}</option>`)}
      </select>
    </label>`;
  }

  /** An English and a Japanese field of one text. */
  #bilingual(draft: IncidentTemplateDraft, key: TextKey, label: string, long = false): TemplateResult {
    const set = (lang: 'en' | 'ja') => (e: Event) => this.change((d) => ((d[key])[lang] = (e.target as HTMLInputElement).value));
    const control = (lang: 'en' | 'ja') =>
      long
        ? html`<textarea name=${lang === 'en' ? key : `${key}-ja`} lang=${lang} .value=${draft[key][lang] ?? ''} @input=${set(lang)}></textarea>`
        : html`<input name=${lang === 'en' ? key : `${key}-ja`} lang=${lang} .value=${draft[key][lang] ?? ''} @input=${set(lang)} />`;
    return html`<div class="toolbar bilingual">
      <label class="field">${label} ${control('en')}</label>
      <label class="field">${msg(str`${label} (Japanese)`)} ${control('ja')}</label>
    </div>`;
  }

  #components(draft: IncidentTemplateDraft): TemplateResult {
    if (this.components.length === 0) return html``;
    const chosen = (id: string) => draft.components.find((c) => c.componentId === id);
    return html`<fieldset>
      <legend>${msg('Affected components')}</legend>
      <ul class="plain">
        ${this.components.map((c) => {
          const entry = chosen(c.id);
          return html`<li class="toolbar">
            <label class="check">
              <input
                type="checkbox"
                .checked=${entry !== undefined}
                @change=${(e: Event) =>
                  this.change((d) => {
                    d.components = (e.target as HTMLInputElement).checked
                      ? [...d.components, { componentId: c.id, status: 'degraded_performance' }]
                      : d.components.filter((x) => x.componentId !== c.id);
                  })}
              />
              ${c.name}
            </label>
            ${entry
              ? html`<select
                  aria-label=${msg(str`Status of ${c.name}`)}
                  @change=${(e: Event) => this.change((d) => (d.components = d.components.map((x) => (x.componentId === c.id ? { ...x, status: (e.target as HTMLSelectElement).value as ComponentStatus } : x))))}
                >
                  ${COMPONENT_STATUSES.map((s) => html`<option value=${s} ?selected=${entry.status === s}>${componentStatusWords(s)}</option>`)}
                </select>`
              : nothing}
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-incident-templates': PortalAdminIncidentTemplates;
  }
}
