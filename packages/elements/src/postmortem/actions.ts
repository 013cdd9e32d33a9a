/**
 * Prevention actions from inside the postmortem: the actions linked to the incident (those
 * started here marked), the balance of short-term fixes and root-cause countermeasures, a
 * request for a root-cause action when there is none, and a form that creates an action through
 * the adapter, linked to the incident and this postmortem, with its kind. The prevention board
 * shows it at once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import {
  ACTION_HORIZON,
  ACTION_KIND_HINTS,
  ACTION_KIND_WORDS,
  ACTION_KINDS,
  ACTION_STATUS_WORDS,
  actionMix,
  safeHref,
  wordOf,
  type ActionKind,
} from '@hansei/core';
import { queuedWords, renderQueued } from '../internal/queued.js';
import { styleProps } from '../internal/style-props.js';
import type { PostmortemView } from './view.js';
import { balanceWords, needsRootCauseWords, removeHintWords } from './words.js';

/** The new-action form: what it holds, and what it can do (kept by the element). */
export interface ActionForm {
  readonly title: string;
  readonly kind: ActionKind;
  readonly ownerId: string;
  readonly dueDate: string;
  readonly busy: boolean;
  /** Why the last create failed ('' when it did not). */
  readonly error: string;
  /** Titles of the actions created offline, waiting in the outbox. */
  readonly waiting: readonly string[];
  set(patch: Partial<Pick<ActionForm, 'title' | 'kind' | 'ownerId' | 'dueDate'>>): void;
  submit(): void;
}

function renderBalance(view: PostmortemView): TemplateResult {
  const mix = actionMix(view.actions, view.facts.incidentId);
  const total = mix.byHorizon.short_term + mix.byHorizon.root_cause;
  const share = total === 0 ? 0 : Math.round((mix.byHorizon.root_cause / total) * 100);
  return html`<div class="balance" part="balance">
    <p class="balance-words">${balanceWords(mix.byHorizon.short_term, mix.byHorizon.root_cause)}</p>
    <div class="meter" aria-hidden="true"><span class="root" style=${styleProps({ 'inline-size': `${share}%` })}></span></div>
    ${mix.needsRootCause ? html`<p class="ask" part="root-cause-prompt" role="note">${needsRootCauseWords()}</p>` : nothing}
    ${total > 0 && mix.byKind.remove === 0 ? html`<p class="hint">${removeHintWords()}</p>` : nothing}
  </div>`;
}

function renderList(view: PostmortemView): TemplateResult {
  const { locale } = view;
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  if (view.actions.length === 0) {
    return html`<p class="muted">${msg('No prevention actions yet.', { id: 'postmortem.no-actions', desc: 'Postmortem: the incident has no actions' })}</p>`;
  }
  return html`<ul class="actions" part="actions">
    ${view.actions.map((a) => {
      const href = a.externalUrl ? safeHref(a.externalUrl) : null;
      const owner = a.ownerId ? (names.get(a.ownerId) ?? a.ownerId) : null;
      return html`<li class="action" part="action" data-kind=${a.kind}>
        <span class="kind ${ACTION_HORIZON[a.kind]}">${wordOf(ACTION_KIND_WORDS, a.kind, locale)}</span>
        <span class="action-title">${href ? html`<a href=${href} rel="noopener noreferrer">${a.title}</a>` : a.title}</span>
        <span class="muted">
          ${wordOf(ACTION_STATUS_WORDS, a.status, locale)}${owner ? html` · ${owner}` : nothing}${a.dueDate ? html` · ${a.dueDate}` : nothing}
          ${a.postmortemId === view.base.id ? nothing : html` · ${msg('from elsewhere', { desc: 'Postmortem: an action linked to the incident but not created in this postmortem' })}`}
        </span>
      </li>`;
    })}
  </ul>`;
}

/** The actions created offline, until they are sent. */
function renderWaiting(form: ActionForm): TemplateResult | typeof nothing {
  if (form.waiting.length === 0) return nothing;
  return html`${renderQueued(queuedWords())}
    <ul class="actions waiting" part="actions-waiting" aria-label=${msg('Waiting to be sent', { desc: 'Postmortem: label of the list of actions created offline' })}>
      ${form.waiting.map((title) => html`<li class="action" part="action-waiting"><span class="action-title">${title}</span></li>`)}
    </ul>`;
}

function renderForm(view: PostmortemView, form: ActionForm): TemplateResult {
  const { locale } = view;
  const submit = (e: Event) => {
    e.preventDefault();
    form.submit();
  };
  return html`<form class="new-action" part="new-action" aria-labelledby="new-action-heading" @submit=${submit} novalidate>
    <h4 id="new-action-heading">${msg('New prevention action', { desc: 'Postmortem: heading of the form that creates an action' })}</h4>
    <label for="action-title">${msg('What will be done', { desc: 'Postmortem: label of a new action’s title' })}</label>
    <input
      id="action-title"
      type="text"
      maxlength="200"
      required
      aria-invalid=${form.error && !form.title.trim() ? 'true' : 'false'}
      aria-describedby=${form.error ? 'action-error' : nothing}
      .value=${form.title}
      @input=${(e: Event) => form.set({ title: (e.target as HTMLInputElement).value })}
    />
    <fieldset class="kinds">
      <legend>${msg('Kind', { id: 'postmortem.kind', desc: 'Postmortem: a new action’s kind' })}</legend>
      ${ACTION_KINDS.map(
        (kind) => html`<label class="choice">
          <input type="radio" name="action-kind" .value=${kind} .checked=${form.kind === kind} @change=${() => form.set({ kind })} />
          <span>
            <strong>${wordOf(ACTION_KIND_WORDS, kind, locale)}</strong>
            <span class="muted">${wordOf(ACTION_KIND_HINTS, kind, locale)}</span>
          </span>
        </label>`,
      )}
    </fieldset>
    <div class="row">
      <div class="field">
        <label for="action-owner">${msg('Owner', { id: 'postmortem.owner', desc: 'Postmortem: owner (of the postmortem, or of an action)' })}</label>
        <select id="action-owner" @change=${(e: Event) => form.set({ ownerId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${form.ownerId === ''}>${msg('Nobody yet', { id: 'postmortem.nobody', desc: 'Postmortem: no owner chosen' })}</option>
          ${view.people.map((p) => html`<option value=${p.id} ?selected=${form.ownerId === p.id}>${p.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="action-due">${msg('Due', { id: 'postmortem.due', desc: 'Postmortem: a new action’s due date' })}</label>
        <input id="action-due" type="date" .value=${form.dueDate} @change=${(e: Event) => form.set({ dueDate: (e.target as HTMLInputElement).value })} />
      </div>
    </div>
    ${form.error ? html`<p class="error" id="action-error" role="alert">${form.error}</p>` : nothing}
    <button type="submit" class="secondary" aria-disabled=${form.busy ? 'true' : 'false'}>
      ${form.busy
        ? msg('Adding…', { desc: 'Postmortem: while an action is being created' })
        : msg('Add to the prevention board', { desc: 'Postmortem: create the action' })}
    </button>
  </form>`;
}

export function renderActions(view: PostmortemView, form: ActionForm): TemplateResult {
  return html`<div class="builder" part="actions-builder">
    ${renderBalance(view)} ${renderList(view)} ${renderWaiting(form)} ${view.editable && view.canAddActions ? renderForm(view, form) : nothing}
  </div>`;
}
