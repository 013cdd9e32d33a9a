/**
 * What the admin pages of templates share (postmortem templates, incident templates): the list
 * (the kit's built-in ones, read and copied as a start; the organisation's own), a draft made,
 * copied or edited in place, saved with the version it was read at, and deleted with it.
 *
 * A save that meets a newer version keeps the draft and shows their version beside it: load
 * theirs, or save mine over theirs (knowingly, with their version). A write made offline waits
 * in the outbox, and the page says so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HanseiError } from '@hansei/adapters';
import { isQueued } from '@hansei/adapters/offline';
import type { LocalizedText, Stored } from '@hansei/core';
import { localized } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';

/** A template as every kind has it. */
export type Template = Stored<{ readonly id: string; readonly builtIn: boolean; readonly name: LocalizedText; readonly description: LocalizedText }>;

/** What the person edits: the template's fields, and which template at which version (null: a new one). */
export interface TemplateDraft {
  readonly id: string | null;
  readonly version: number;
  name: { en: string; ja?: string };
}

/** The words a kind of template says itself. */
export interface TemplateWords {
  readonly heading: string;
  readonly intro: string;
  /** Asked before deleting one of the organisation's. */
  deleteQuestion(name: string): string;
}

export abstract class TemplateAdmin<T extends Template, D extends TemplateDraft> extends PortalView {
  @state() protected templates: readonly T[] = [];
  @state() protected draft: D | null = null;
  @state() protected problem = '';
  @state() protected saved = '';
  /** The template being edited as someone else saved it, when a save met their version. */
  @state() protected conflict: T | null = null;

  protected abstract words(): TemplateWords;
  protected abstract fetch(): Promise<readonly T[]>;
  /** Creates (no `draft.id`) or updates the template the draft holds. */
  protected abstract write(draft: D): Promise<T>;
  protected abstract erase(template: T): Promise<void>;
  /** A draft of `template` (null: a new, empty one); `name` replaces its name (a copy). */
  protected abstract draftOf(template: T | null, name?: LocalizedText): D;
  /** What a template holds, in a line or two under its name. */
  protected abstract renderSummary(template: T): TemplateResult;
  /** The draft's fields (its name is the base's). */
  protected abstract renderFields(draft: D): TemplateResult;

  protected override async load(): Promise<void> {
    try {
      this.templates = await this.fetch();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  /** Changes the draft: `mutate` gets a copy, so Lit sees a new object. */
  protected change(mutate: (draft: D) => void): void {
    if (!this.draft) return;
    const next = structuredClone(this.draft);
    mutate(next);
    this.draft = next;
  }

  #open(draft: D): void {
    this.draft = draft;
    this.conflict = null;
    this.problem = '';
    this.saved = '';
  }

  #copy(template: T): void {
    this.#open(this.draftOf(template, { en: msg(str`Copy of ${localized(template.name, this.settings.locale)}`) }));
  }

  async #save(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const draft = this.draft;
    if (!draft) return;
    this.problem = '';
    this.saved = '';
    try {
      await this.write(draft);
      this.saved = msg(str`Saved the template "${draft.name.en}".`);
      this.draft = null;
      this.conflict = null;
      await this.load();
    } catch (error) {
      if (isQueued(error)) {
        this.saved = msg(str`The template "${draft.name.en}" is saved on this device and is sent when the connection returns.`);
        this.draft = null;
      } else if (error instanceof HanseiError && error.kind === 'conflict' && error.current && draft.id) {
        this.conflict = error.current as T;
      } else {
        this.problem = problemText(error);
      }
    }
  }

  /** Save the draft over their version, knowing it. */
  #saveMine(): void {
    const theirs = this.conflict;
    if (!theirs || !this.draft) return;
    this.draft = { ...this.draft, version: theirs.version };
    this.conflict = null;
    void this.#save();
  }

  #loadTheirs(): void {
    if (this.conflict) this.#open(this.draftOf(this.conflict));
  }

  async #delete(template: T): Promise<void> {
    const name = localized(template.name, this.settings.locale);
    if (!confirm(this.words().deleteQuestion(name))) return;
    this.problem = '';
    try {
      await this.erase(template);
      this.saved = msg(str`Deleted the template "${name}".`);
    } catch (error) {
      if (isQueued(error)) this.saved = msg(str`Deleting the template "${name}" waits on this device until the connection returns.`);
      else if (error instanceof HanseiError && error.kind === 'conflict' && error.current) {
        this.problem = msg(str`Someone else changed the template "${name}" since you read it. Look at their version, then delete it if you still want to.`);
      } else this.problem = problemText(error);
    }
    await this.load();
  }

  protected override render() {
    const locale = this.settings.locale;
    const words = this.words();
    const admin = this.canAdminister;
    return html`<h3>${words.heading}</h3>
      <p class="muted">${words.intro}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <p role="status" class="muted">${this.saved}</p>
      <ul class="plain">
        ${this.templates.map(
          (t) => html`<li class="card">
            <strong>${localized(t.name, locale)}</strong> ${t.builtIn ? html`<span class="badge">${msg('Built in')}</span>` : nothing}
            <p class="muted">${localized(t.description, locale)}</p>
            ${this.renderSummary(t)}
            ${admin
              ? html`<div class="toolbar">
                  <button @click=${() => this.#copy(t)}>${msg('Copy as a new template')}</button>
                  ${t.builtIn
                    ? nothing
                    : html`<button @click=${() => this.#open(this.draftOf(t))}>${msg('Edit')}</button>
                        <button class="danger" @click=${() => this.#delete(t)}>${msg('Delete')}</button>`}
                </div>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${!admin ? nothing : this.draft ? this.#renderDraft(this.draft) : html`<button class="primary" @click=${() => this.#open(this.draftOf(null))}>${msg('New template')}</button>`}`;
  }

  #renderDraft(draft: D) {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<form class="card" @submit=${this.#save} aria-label=${draft.id ? msg('Edit the template') : msg('New template')}>
      ${this.conflict ? this.#renderConflict(this.conflict) : nothing}
      <div class="toolbar">
        <label class="field">${msg('Name')} <input name="name" required .value=${draft.name.en} @input=${(e: Event) => this.change((d) => (d.name = { ...d.name, en: value(e) }))} /></label>
        <label class="field">${msg('Name (Japanese)')} <input name="name-ja" lang="ja" .value=${draft.name.ja ?? ''} @input=${(e: Event) => this.change((d) => (d.name = { ...d.name, ja: value(e) }))} /></label>
      </div>
      ${this.renderFields(draft)}
      <div class="toolbar">
        <button class="primary" type="submit">${msg('Save the template')}</button>
        <button type="button" @click=${() => ((this.draft = null), (this.conflict = null))}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #renderConflict(theirs: T) {
    const locale = this.settings.locale;
    return html`<div class="notice conflict" role="alert">
      <p>
        ${msg(str`Someone else saved this template since you opened it (now version ${theirs.version}). Your changes are still here; nothing was overwritten.`)}
      </p>
      <p><strong>${msg('Their version:')}</strong> ${localized(theirs.name, locale)}</p>
      ${this.renderSummary(theirs)}
      <div class="toolbar">
        <button type="button" @click=${() => this.#loadTheirs()}>${msg('Load their version')}</button>
        <button type="button" class="primary" @click=${() => this.#saveMine()}>${msg('Save mine over theirs')}</button>
      </div>
    </div>`;
  }
}
