/**
 * `<portal-admin-templates>`: postmortem templates: the kit's built-in ones (read, and copied as a
 * start), and the organisation's own: made, changed and deleted here, with the version they were
 * read at. Sections whose key the kit knows get the postmortem element's prefill or builder.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HanseiError } from '@hansei/adapters';
import { POSTMORTEM_GUIDED_SECTIONS, type PostmortemTemplate, type PostmortemTemplateSection, type Stored } from '@hansei/core';
import { localized } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';

type Section = { key: string; title: { en: string; ja?: string }; prompt: { en: string; ja?: string }; required: boolean };

interface Draft {
  /** The template being changed; null for a new one. */
  readonly id: string | null;
  readonly version: number;
  name: { en: string; ja?: string };
  description: { en: string; ja?: string };
  sections: Section[];
}

const copy = (s: PostmortemTemplateSection): Section => ({ key: s.key, title: { ...s.title }, prompt: { ...s.prompt }, required: s.required });

@customElement('portal-admin-templates')
export class PortalAdminTemplates extends PortalView {
  @state() private templates: readonly Stored<PostmortemTemplate>[] = [];
  @state() private draft: Draft | null = null;
  @state() private problem = '';
  @state() private saved = '';

  protected override async load(): Promise<void> {
    try {
      this.templates = await this.api.listPostmortemTemplates();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  #edit(template: Stored<PostmortemTemplate>, asCopy: boolean): void {
    const locale = this.settings.locale;
    this.draft = {
      id: asCopy ? null : template.id,
      version: template.version,
      name: asCopy ? { en: msg(str`Copy of ${localized(template.name, locale)}`) } : { ...template.name },
      description: { ...template.description },
      sections: template.sections.map(copy),
    };
    this.problem = '';
  }

  #new(): void {
    this.draft = {
      id: null,
      version: 0,
      name: { en: '' },
      description: { en: '' },
      sections: [{ key: 'summary', title: { en: 'Summary' }, prompt: { en: '' }, required: true }],
    };
  }

  #change(mutate: (draft: Draft) => void): void {
    if (!this.draft) return;
    const next: Draft = { ...this.draft, sections: this.draft.sections.map((s) => ({ ...s, title: { ...s.title }, prompt: { ...s.prompt } })) };
    mutate(next);
    this.draft = next;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    if (!draft) return;
    this.problem = '';
    const body = { name: draft.name, description: draft.description, sections: draft.sections };
    try {
      if (draft.id) await this.api.updatePostmortemTemplate(draft.id, body, draft.version);
      else await this.api.createPostmortemTemplate(body);
      this.saved = msg(str`Saved the template "${draft.name.en}".`);
      this.draft = null;
      await this.load();
    } catch (error) {
      this.problem = error instanceof HanseiError && error.fieldErrors.length ? error.fieldErrors.map((f) => `${f.path}: ${f.message}`).join(' · ') : problemText(error);
    }
  }

  async #delete(template: Stored<PostmortemTemplate>): Promise<void> {
    const name = localized(template.name, this.settings.locale);
    if (!confirm(msg(str`Delete the template "${name}"? Postmortems started from it keep their sections.`))) return;
    try {
      await this.api.deletePostmortemTemplate(template.id, template.version);
      this.saved = msg(str`Deleted the template "${name}".`);
      await this.load();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    const locale = this.settings.locale;
    return html`<h3>${msg('Postmortem templates')}</h3>
      <p class="muted">${msg('A postmortem copies its template when it starts, so changing a template never changes a postmortem.')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <p role="status" class="muted">${this.saved}</p>
      <ul class="plain">
        ${this.templates.map(
          (t) => html`<li class="card">
            <strong>${localized(t.name, locale)}</strong> ${t.builtIn ? html`<span class="badge">${msg('Built in')}</span>` : nothing}
            <p class="muted">${localized(t.description, locale)}</p>
            <p class="muted">${t.sections.map((s) => localized(s.title, locale)).join(' · ')}</p>
            <div class="toolbar">
              <button @click=${() => this.#edit(t, true)}>${msg('Copy as a new template')}</button>
              ${t.builtIn
                ? nothing
                : html`<button @click=${() => this.#edit(t, false)}>${msg('Edit')}</button>
                    <button class="danger" @click=${() => this.#delete(t)}>${msg('Delete')}</button>`}
            </div>
          </li>`,
        )}
      </ul>
      ${this.draft ? this.#renderDraft(this.draft) : html`<button class="primary" @click=${() => this.#new()}>${msg('New template')}</button>`}
      <h3>${msg('Incident templates')}</h3>
      <p class="muted">${msg('Responders declare from the incident form; templates that prefill it are not stored by this server yet.')}</p>`;
  }

  #renderDraft(draft: Draft) {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const guided = Object.keys(POSTMORTEM_GUIDED_SECTIONS).join(', ');
    return html`<form class="card" @submit=${this.#save} aria-label=${draft.id ? msg('Edit the template') : msg('New template')}>
      <div class="toolbar">
        <label class="field">${msg('Name')} <input required .value=${draft.name.en} @input=${(e: Event) => this.#change((d) => (d.name = { ...d.name, en: value(e) }))} /></label>
        <label class="field">${msg('Name (Japanese)')} <input lang="ja" .value=${draft.name.ja ?? ''} @input=${(e: Event) => this.#change((d) => (d.name = { ...d.name, ja: value(e) }))} /></label>
      </div>
      <label class="field">${msg('Description')} <textarea .value=${draft.description.en} @input=${(e: Event) => this.#change((d) => (d.description = { ...d.description, en: value(e) }))}></textarea></label>
      <p class="muted">${msg(str`Sections with one of these keys get the postmortem's help: ${guided}.`)}</p>
      <ol class="plain">
        ${draft.sections.map(
          (s, i) => html`<li><fieldset>
            <legend>${msg(str`Section ${i + 1}`)}</legend>
            <div class="toolbar">
              <label class="field">${msg('Key')} <input required pattern="[a-z0-9_]+" .value=${s.key} size="18" @input=${(e: Event) => this.#change((d) => (d.sections[i]!.key = value(e)))} /></label>
              <label class="field">${msg('Title')} <input required .value=${s.title.en} @input=${(e: Event) => this.#change((d) => (d.sections[i]!.title.en = value(e)))} /></label>
              <label class="field">${msg('Title (Japanese)')} <input lang="ja" .value=${s.title.ja ?? ''} @input=${(e: Event) => this.#change((d) => (d.sections[i]!.title.ja = value(e)))} /></label>
              <label class="check"><input type="checkbox" .checked=${s.required} @change=${(e: Event) => this.#change((d) => (d.sections[i]!.required = (e.target as HTMLInputElement).checked))} /> ${msg('Required')}</label>
            </div>
            <label class="field">${msg('Guiding question')} <input .value=${s.prompt.en} @input=${(e: Event) => this.#change((d) => (d.sections[i]!.prompt.en = value(e)))} /></label>
            <div class="toolbar">
              <button type="button" ?disabled=${i === 0} @click=${() => this.#change((d) => d.sections.splice(i - 1, 2, d.sections[i]!, d.sections[i - 1]!))}>${msg('Up')}</button>
              <button type="button" class="danger" ?disabled=${draft.sections.length <= 1} @click=${() => this.#change((d) => d.sections.splice(i, 1))}>${msg('Remove section')}</button>
            </div>
          </fieldset></li>`,
        )}
      </ol>
      <div class="toolbar">
        <button type="button" @click=${() => this.#change((d) => d.sections.push({ key: `section_${d.sections.length + 1}`, title: { en: '' }, prompt: { en: '' }, required: false }))}>
          ${msg('Add a section')}
        </button>
        <button class="primary" type="submit">${msg('Save the template')}</button>
        <button type="button" @click=${() => (this.draft = null)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-templates': PortalAdminTemplates;
  }
}
