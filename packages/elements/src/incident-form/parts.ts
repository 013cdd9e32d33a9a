/**
 * The smaller pieces of the incident form: its heading and submit label, the states shown
 * instead of the form (loading, failed, read-only), the action error and the template picker.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { IncidentFormTemplate, Mode } from './model.js';

export function heading(mode: Mode, title: string): string {
  if (mode === 'declare') return msg('Declare an incident', { desc: 'Incident form: heading in declare mode' });
  return msg(str`Update: ${title}`, { desc: 'Incident form: heading in update mode, with the incident title' });
}

export function submitLabel(mode: Mode, submitting: boolean, withMessage: boolean): string {
  if (submitting) return msg('Sending…', { id: 'incident-form.sending', desc: 'Incident form: submit button while sending' });
  if (mode === 'declare') return msg('Declare incident', { id: 'incident-form.declare-incident', desc: 'Incident form: submit button in declare mode' });
  return withMessage
    ? msg('Post update', { id: 'incident-form.post-update', desc: 'Incident form: submit button with an update message' })
    : msg('Save changes', { id: 'incident-form.save-changes', desc: 'Incident form: submit button without an update message' });
}

export function renderLoading(): TemplateResult {
  return html`<p class="loading" part="loading" role="status">
    ${msg('Loading…', { id: 'incident-form.loading', desc: 'Incident form: while loading' })}
  </p>`;
}

export function renderLoadError(error: string, retry: () => void): TemplateResult {
  return html`<div class="load-error" part="load-error" role="alert">
    <p>${msg(str`The form could not be loaded: ${error}`, { desc: 'Incident form: loading failed' })}</p>
    <button type="button" class="secondary" @click=${retry}>
      ${msg('Try again', { id: 'incident-form.try-again', desc: 'Incident form: retry loading' })}
    </button>
  </div>`;
}

/** Why the form is not shown: a viewer's token, or an adapter that cannot write. */
export function renderReadOnly(mode: Mode, viewer: boolean): TemplateResult {
  const text = viewer
    ? msg('Your role can read incidents but not change them: ask an admin for the responder role to declare or update incidents.', {
        desc: 'Incident form: the token is a viewer',
      })
    : mode === 'declare'
      ? msg('Incidents cannot be declared here: this data source is read-only.', { desc: 'Incident form: read-only adapter, declare mode' })
      : msg('Updates cannot be posted here: this data source is read-only.', { desc: 'Incident form: read-only adapter, update mode' });
  return html`<p class="note" part="read-only" role="note">${text}</p>`;
}

/** The last submit failed, and no field is to blame. */
export function renderActionError(mode: Mode, error: string): TemplateResult {
  return html`<div class="action-error error" part="action-error" role="alert" tabindex="-1">
    <p>
      ${mode === 'declare'
        ? msg('The incident was not declared.', { desc: 'Incident form: declaring failed' })
        : msg('Nothing was saved.', { desc: 'Incident form: updating failed' })}
    </p>
    <p>${error}</p>
  </div>`;
}

/** The template picker: a select and a button that applies the chosen template. */
export function renderTemplates(templates: readonly IncidentFormTemplate[], disabled: boolean, apply: (template: IncidentFormTemplate) => void): TemplateResult {
  const use = (event: Event) => {
    const select = (event.target as HTMLElement).closest('.templates')?.querySelector('select');
    const template = templates[Number(select?.value)];
    if (template) apply(template);
  };
  return html`<div class="templates field">
    <label for="f-template">${msg('Start from a template', { desc: 'Incident form: label of the template picker' })}</label>
    <div class="inline">
      <select id="f-template" ?disabled=${disabled}>
        ${templates.map((t, i) => html`<option value=${i}>${t.name}</option>`)}
      </select>
      <button type="button" class="secondary" ?disabled=${disabled} @click=${use}>
        ${msg('Use template', { id: 'incident-form.use-template', desc: 'Incident form: apply the chosen template' })}
      </button>
    </div>
  </div>`;
}
