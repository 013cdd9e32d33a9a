/**
 * The postmortem element's frame: the states shown instead of the document (loading, failed, no
 * incident, not started yet), the start panel with the template chooser, the document's header
 * (title, status, incident, owner, labels), the draft banner, and the toolbar (save, preview,
 * export, print).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Draft } from '@hansei/adapters/offline';
import { POSTMORTEM_STATUS_WORDS, localize, wordOf, type BlameFinding, type Incident, type Locale, type Person, type PostmortemStatus, type PostmortemTemplate } from '@hansei/core';
import { ids, renderBlame, describedBy } from './view.js';
import { saveLabel, savingLabel } from './words.js';

export function renderLoading(): TemplateResult {
  return html`<p class="state" part="loading" role="status">${msg('Loading the postmortem…', { desc: 'Postmortem: while loading' })}</p>`;
}

export function renderLoadError(message: string, retry: () => void): TemplateResult {
  return html`<div class="state error-state" part="load-error" role="alert">
    <p>${msg(str`The postmortem could not be loaded: ${message}`, { desc: 'Postmortem: loading failed' })}</p>
    <button type="button" class="secondary" @click=${retry}>${msg('Try again', { id: 'postmortem.try-again', desc: 'Postmortem: retry loading' })}</button>
  </div>`;
}

export function renderNote(text: string, part = 'notice'): TemplateResult {
  return html`<p class="state" part=${part} role="note">${text}</p>`;
}

/** What the start panel needs. */
export interface StartView {
  readonly incident: Incident;
  readonly templates: readonly PostmortemTemplate[];
  readonly templateId: string;
  readonly ownerId: string;
  readonly people: readonly Pick<Person, 'id' | 'name'>[];
  readonly locale: Locale;
  readonly busy: boolean;
  readonly error: string;
  choose(patch: { templateId?: string; ownerId?: string }): void;
  start(): void;
}

/** The incident has no postmortem yet: choose a template (and an owner), and start it, prefilled from the incident. */
export function renderStart(view: StartView): TemplateResult {
  const submit = (e: Event) => {
    e.preventDefault();
    view.start();
  };
  return html`<form class="start" part="start" aria-labelledby="start-heading" @submit=${submit}>
    <h2 id="start-heading">${msg(str`Write the postmortem of “${view.incident.title}”`, { desc: 'Postmortem: heading of the start panel' })}</h2>
    <p>
      ${msg('Blameless: about systems and processes, not people. The impact, the timeline and the responders are drafted from the incident.', {
        desc: 'Postmortem: what starting does',
      })}
    </p>
    <fieldset class="templates">
      <legend>${msg('Template', { id: 'postmortem.template', desc: 'Postmortem: the template a postmortem starts from' })}</legend>
      ${view.templates.length === 0
        ? html`<p class="muted">${msg('Loading templates…', { desc: 'Postmortem: while the templates load' })}</p>`
        : view.templates.map(
            (t) => html`<label class="choice template">
              <input type="radio" name="template" .value=${t.id} .checked=${t.id === view.templateId} @change=${() => view.choose({ templateId: t.id })} />
              <span>
                <strong>${localize(t.name, view.locale)}</strong>
                <span class="muted">${localize(t.description, view.locale)}</span>
              </span>
            </label>`,
          )}
    </fieldset>
    <div class="field">
      <label for="start-owner">${msg('Owner', { id: 'postmortem.owner', desc: 'Postmortem: owner (of the postmortem, or of an action)' })}</label>
      <select id="start-owner" @change=${(e: Event) => view.choose({ ownerId: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${view.ownerId === ''}>${msg('Nobody yet', { id: 'postmortem.nobody', desc: 'Postmortem: no owner chosen' })}</option>
        ${view.people.map((p) => html`<option value=${p.id} ?selected=${p.id === view.ownerId}>${p.name}</option>`)}
      </select>
    </div>
    ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : nothing}
    <button type="submit" class="primary" part="start-button" aria-disabled=${view.busy || view.templates.length === 0 ? 'true' : 'false'}>
      ${view.busy ? msg('Starting…', { desc: 'Postmortem: while starting' }) : msg('Start the postmortem', { desc: 'Postmortem: start button' })}
    </button>
  </form>`;
}

/** What the header shows and edits. */
export interface HeaderView {
  readonly title: string;
  readonly status: PostmortemStatus;
  readonly incident: Incident;
  readonly ownerId: string | null;
  readonly labels: readonly string[];
  readonly people: readonly Pick<Person, 'id' | 'name'>[];
  readonly locale: Locale;
  readonly editable: boolean;
  blame(text: string): readonly BlameFinding[];
  set(patch: { title?: string; ownerId?: string | null; labels?: string }): void;
}

export function renderHeader(view: HeaderView): TemplateResult {
  const status = html`<span class="status ${view.status}" part="status">${wordOf(POSTMORTEM_STATUS_WORDS, view.status, view.locale)}</span>`;
  const owner = view.people.find((p) => p.id === view.ownerId)?.name ?? view.ownerId;
  const incident = html`<p class="incident muted">
    ${msg(str`Incident: ${view.incident.title} (${view.incident.severity})`, { desc: 'Postmortem: the incident it is about' })}
  </p>`;
  if (!view.editable) {
    return html`<header class="header" part="header">
      <p class="eyebrow">${msg('Postmortem', { id: 'postmortem.postmortem', desc: 'Postmortem: what the document is' })} ${status}</p>
      <h2 id="title">${view.title}</h2>
      ${incident}
      <dl class="meta">
        ${owner ? html`<div><dt>${msg('Owner', { id: 'postmortem.owner', desc: 'Postmortem: owner (of the postmortem, or of an action)' })}</dt><dd>${owner}</dd></div>` : nothing}
        ${view.labels.length ? html`<div><dt>${msg('Labels', { id: 'postmortem.labels', desc: 'Postmortem: its labels' })}</dt><dd>${view.labels.join(', ')}</dd></div>` : nothing}
      </dl>
    </header>`;
  }
  return html`<header class="header" part="header">
    <p class="eyebrow">${msg('Postmortem', { id: 'postmortem.postmortem', desc: 'Postmortem: what the document is' })} ${status}</p>
    <h2 id="title" class="vh">${view.title}</h2>
    <div class="field">
      <label for=${ids('title').control}>${msg('Title', { id: 'postmortem.title', desc: 'Postmortem: its title' })}</label>
      <input
        id=${ids('title').control}
        class="title-input"
        type="text"
        maxlength="200"
        required
        aria-describedby=${describedBy('title', false, view.blame(view.title)) || nothing}
        .value=${view.title}
        @input=${(e: Event) => view.set({ title: (e.target as HTMLInputElement).value })}
      />
      ${renderBlame('title', view.blame(view.title))}
    </div>
    ${incident}
    <div class="row">
      <div class="field">
        <label for="f-owner">${msg('Owner', { id: 'postmortem.owner', desc: 'Postmortem: owner (of the postmortem, or of an action)' })}</label>
        <select id="f-owner" @change=${(e: Event) => view.set({ ownerId: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!view.ownerId}>${msg('Nobody yet', { id: 'postmortem.nobody', desc: 'Postmortem: no owner chosen' })}</option>
          ${view.people.map((p) => html`<option value=${p.id} ?selected=${p.id === view.ownerId}>${p.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-labels">${msg('Labels', { id: 'postmortem.labels', desc: 'Postmortem: its labels' })}</label>
        <input id="f-labels" type="text" aria-describedby="f-labels-hint" .value=${view.labels.join(', ')} @change=${(e: Event) => view.set({ labels: (e.target as HTMLInputElement).value })} />
        <p class="hint" id="f-labels-hint">${msg('Separated by commas. They help the whole organisation find this later.', { desc: 'Postmortem: hint of the labels field' })}</p>
      </div>
    </div>
  </header>`;
}

/** "Restored your unsaved changes from 10:42" with Keep and Discard; `merged` when changes saved since were merged in. */
export function renderDraftBanner(draft: Draft<unknown>, merged: boolean, locale: Locale, timeZone: string, keep: () => void, discard: () => void): TemplateResult {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(draft.savedAt);
  return html`<div class="banner" part="draft-banner" role="status">
    <p>
      ${merged
        ? msg(str`Restored your unsaved changes from ${when}, merged with what was saved since.`, { desc: 'Postmortem: a draft was restored and merged' })
        : msg(str`Restored your unsaved changes from ${when}.`, { desc: 'Postmortem: a draft was restored' })}
    </p>
    <div class="row">
      <button type="button" class="secondary" @click=${keep}>${msg('Keep', { id: 'postmortem.keep', desc: 'Postmortem: keep the restored draft' })}</button>
      <button type="button" class="secondary" @click=${discard}>${msg('Discard', { id: 'postmortem.discard', desc: 'Postmortem: discard the restored draft' })}</button>
    </div>
  </div>`;
}

/** What the toolbar shows. */
export interface ToolbarView {
  readonly editable: boolean;
  readonly dirty: boolean;
  readonly saving: boolean;
  /** Saving is blocked until the conflicts are settled. */
  readonly blocked: boolean;
  readonly reading: boolean;
  readonly savedMessage: string;
  save(): void;
  toggleReading(): void;
  exportMarkdown(how: 'download' | 'copy'): void;
}

export function renderToolbar(view: ToolbarView): TemplateResult {
  const state = view.saving
    ? savingLabel()
    : view.dirty
      ? msg('Unsaved changes, kept on this device', { desc: 'Postmortem: there are changes not saved to the server yet' })
      : view.savedMessage;
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${msg('Postmortem tools', { desc: 'Postmortem: accessible name of the toolbar' })}>
    ${view.editable
      ? html`<button type="button" class="primary" part="save" aria-disabled=${view.saving || view.blocked || !view.dirty ? 'true' : 'false'} @click=${() => view.save()}>
            ${view.saving ? savingLabel() : saveLabel()}
          </button>
          <button type="button" class="secondary" aria-pressed=${view.reading ? 'true' : 'false'} @click=${() => view.toggleReading()}>
            ${msg('Preview', { desc: 'Postmortem: show the document as readers see it' })}
          </button>`
      : nothing}
    <button type="button" class="secondary" part="export" @click=${() => view.exportMarkdown('download')}>
      ${msg('Download Markdown', { desc: 'Postmortem: export as a Markdown file' })}
    </button>
    <button type="button" class="secondary" @click=${() => view.exportMarkdown('copy')}>${msg('Copy Markdown', { desc: 'Postmortem: copy the Markdown export' })}</button>
    <button type="button" class="secondary" @click=${() => window.print()}>${msg('Print', { desc: 'Postmortem: print the document' })}</button>
    <span class="save-state" part="save-state" role="status">${state}</span>
  </div>`;
}


