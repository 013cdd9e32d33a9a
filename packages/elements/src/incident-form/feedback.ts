/**
 * What the incident form says about its own state: the draft it restored, the error summary
 * (linking to each field with a problem) and the conflict panel, which shows field by field what
 * the person has against what the incident holds now, and lets them choose.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Draft } from '@hansei/adapters/offline';
import { parseLabels, type FieldIssue, type FieldName, type FormModel } from './model.js';
import type { RelatedSearch } from './related.js';
import { fieldId, fieldLabel, type FormView } from './view.js';
import { impactWord, relationWord, visibilityWord } from './words.js';
import { componentStatusWords as componentStatusWord, incidentStatusWords as incidentStatusWord } from '../internal/status-words.js';

/** "Restored a draft from 10:42 — Keep / Discard". */
export function renderDraftBanner(
  view: FormView,
  draft: Draft<unknown>,
  keep: () => void,
  discard: () => void,
): TemplateResult {
  const { locale, timeZone } = view.settings;
  const sameDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);
  const at = draft.savedAt.getTime();
  const when = new Intl.DateTimeFormat(locale, {
    ...(sameDay(at) === sameDay(view.now) ? {} : { dateStyle: 'medium' }),
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return html`<div class="banner" part="draft-banner" role="status">
    <p>${msg(str`Restored a draft from ${when}.`, { desc: 'Incident form: a draft saved earlier was restored' })}</p>
    <div class="banner-actions">
      <button type="button" class="secondary" @click=${keep}>${msg('Keep', { id: 'incident-form.keep', desc: 'Incident form: keep the restored draft' })}</button>
      <button type="button" class="secondary" @click=${discard}>
        ${msg('Discard', { id: 'incident-form.discard', desc: 'Incident form: discard the restored draft and start over' })}
      </button>
    </div>
  </div>`;
}

/** Every problem, each a link that moves focus to its field. */
export function renderErrorSummary(issues: readonly FieldIssue[], focus: (field: FieldName) => void): TemplateResult {
  const heading =
    issues.length === 1
      ? msg('There is a problem', { desc: 'Incident form: error summary heading, one problem' })
      : msg(str`There are ${issues.length} problems`, { desc: 'Incident form: error summary heading, several problems' });
  return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-heading">
    <h3 id="error-summary-heading">${heading}</h3>
    <ul>
      ${issues.map((issue) => {
        const field = issue.field;
        return html`<li lang=${ifDefined(issue.lang)}>
          ${field === 'form'
            ? issue.message
            : html`<a
                href="#${fieldId(field)}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  focus(field);
                }}
                >${issue.message}</a
              >`}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** A field's value in words, for the conflict panel. */
function shown(view: FormView, model: FormModel, field: FieldName, related: RelatedSearch): string {
  const { locale, timeZone, guideline } = view.settings;
  const list = (items: string[]) => (items.length ? new Intl.ListFormat(locale, { type: 'unit' }).format(items) : '—');
  switch (field) {
    case 'severity': {
      const level = guideline.levels.find((l) => l.code === model.severity);
      const name = level ? (locale === 'ja' && level.name.ja ? level.name.ja : level.name.en) : '';
      return name ? `${model.severity} ${name}` : model.severity || '—';
    }
    case 'impact':
      return impactWord(model.impact);
    case 'status':
      return incidentStatusWord(model.status);
    case 'visibility':
      return visibilityWord(model.visibility);
    case 'components': {
      const names = new Map(view.components.map((c) => [c.id, c.name]));
      return list(model.components.map((c) => `${names.get(c.componentId) ?? c.componentId}: ${componentStatusWord(c.status)}`));
    }
    case 'labels':
      return list(parseLabels(model.labels));
    case 'related':
      return list(model.related.map((r) => `${related.known.get(r.incidentId)?.title ?? r.incidentId} (${relationWord(r.relation)})`));
    case 'startedAt':
    case 'detectedAt':
      return model[field]
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(model[field]))
        : '—';
    default:
      return model[field].trim() || '—';
  }
}

/** Someone else saved the incident first: what differs, and the two ways on. */
export function renderConflict(
  view: FormView,
  conflict: { readonly now: FormModel; readonly fields: readonly FieldName[] },
  related: RelatedSearch,
  takeTheirs: () => void,
  keepMine: () => void,
): TemplateResult {
  return html`<section class="conflict" part="conflict" aria-labelledby="conflict-heading">
    <h3 id="conflict-heading" tabindex="-1">
      ${msg('Someone else changed this incident', { desc: 'Incident form: heading of the conflict panel' })}
    </h3>
    <p>
      ${msg('Nothing was overwritten. Compare your version with the incident as it is now, then choose.', {
        desc: 'Incident form: explanation of the conflict panel',
      })}
    </p>
    ${conflict.fields.length > 0
      ? html`<ul class="conflict-fields">
          ${conflict.fields.map(
            (field) => html`<li>
              <h4>${fieldLabel(field, view.mode)}</h4>
              <dl>
                <div><dt>${msg('Yours', { id: 'incident-form.yours', desc: 'Incident form conflict: your value' })}</dt><dd>${shown(view, view.model, field, related)}</dd></div>
                <div><dt>${msg('Now', { id: 'incident-form.now', desc: 'Incident form conflict: the value saved by someone else' })}</dt><dd>${shown(view, conflict.now, field, related)}</dd></div>
              </dl>
            </li>`,
          )}
        </ul>`
      : html`<p>${msg('The fields you see are unchanged; other details were updated.', { desc: 'Incident form conflict: only hidden fields changed' })}</p>`}
    <div class="actions">
      <button type="button" class="secondary" @click=${takeTheirs}>
        ${msg('Take theirs', { id: 'incident-form.take-theirs', desc: 'Incident form conflict: replace your changes with the saved version' })}
      </button>
      <button type="button" class="primary" @click=${keepMine}>
        ${msg('Keep mine and save again', { desc: 'Incident form conflict: save your version over the new one' })}
      </button>
    </div>
  </section>`;
}
