/**
 * What the incident form's render functions get from the element (`FormView`), and the small
 * helpers they share: a field's error messages and its description ids, and field names in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { Component, Incident, RoleDefinition, Stored } from '@hansei/core';
import type { HanseiSettings } from '../internal/context.js';
import type { FieldIssue, FieldName, FormModel, IssueTarget, Mode } from './model.js';

export interface FormView {
  readonly model: FormModel;
  readonly mode: Mode;
  /** The incident as loaded (update mode). */
  readonly base: Stored<Incident> | null;
  readonly settings: HanseiSettings;
  readonly components: readonly Component[];
  /** The organisation's incident roles (empty when the adapter cannot say). */
  readonly roles: readonly RoleDefinition[];
  /** Problems to show now, by field. */
  readonly issues: ReadonlyMap<IssueTarget, readonly FieldIssue[]>;
  /** The clock, epoch milliseconds. */
  readonly now: number;
  /** Changes what the fields hold. */
  change(patch: Partial<FormModel>): void;
}

/** The id of the element that takes focus for `field` (a control, or a fieldset whose first control does). */
export const fieldId = (field: FieldName): string => `f-${field}`;

/** The ids describing `field`: its hint (when it has one) and its errors (when there are any). */
export function describedBy(view: FormView, field: FieldName, hint = false): string {
  const ids = [hint ? `${fieldId(field)}-hint` : '', view.issues.has(field) ? `${fieldId(field)}-error` : ''];
  return ids.filter(Boolean).join(' ');
}

/** `aria-invalid` of a control of `field`. */
export function invalid(view: FormView, field: FieldName): 'true' | undefined {
  return view.issues.has(field) ? 'true' : undefined;
}

/** The error messages of `field`, or nothing. */
export function errorsOf(view: FormView, field: FieldName): TemplateResult | typeof nothing {
  const issues = view.issues.get(field);
  if (!issues) return nothing;
  return html`<div class="error" part="field-error" id="${fieldId(field)}-error">
    ${issues.map((issue) => html`<p lang=${ifDefined(issue.lang)}>${issue.message}</p>`)}
  </div>`;
}

/** A field's name in words, as in its label. */
export function fieldLabel(field: FieldName, mode: Mode): string {
  switch (field) {
    case 'title':
      return msg('Title', { id: 'incident-form.title', desc: 'Incident form: field label' });
    case 'summary':
      return msg('Customer-facing summary', { desc: 'Incident form: field label' });
    case 'severity':
      return msg('Severity', { id: 'incident-form.severity', desc: 'Incident form: field label' });
    case 'impact':
      return msg('Public impact', { id: 'incident-form.public-impact', desc: 'Incident form: field label' });
    case 'status':
      return msg('Status', { id: 'incident-form.status', desc: 'Incident form: field label' });
    case 'components':
      return msg('Affected components', { id: 'incident-form.affected-components', desc: 'Incident form: field label' });
    case 'visibility':
      return msg('Visibility', { id: 'incident-form.visibility', desc: 'Incident form: field label' });
    case 'startedAt':
      return msg('Started', { id: 'incident-form.started', desc: 'Incident form: field label (when the incident started)' });
    case 'detectedAt':
      return msg('Detected', { id: 'incident-form.detected', desc: 'Incident form: field label (when the incident was detected)' });
    case 'labels':
      return msg('Labels', { id: 'incident-form.labels', desc: 'Incident form: field label' });
    case 'related':
      return msg('Related earlier incidents', { desc: 'Incident form: legend of the related incidents field' });
    case 'message':
      return mode === 'declare'
        ? msg('First public update', { desc: 'Incident form: field label (declare mode)' })
        : msg('Update message', { id: 'incident-form.update-message', desc: 'Incident form: field label (update mode)' });
  }
}
