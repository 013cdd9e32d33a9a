/**
 * `<portal-admin-postmortem-templates>`: postmortem templates: the kit's built-in ones (read, and
 * copied as a start), and the organisation's own: made, changed and deleted here, with the
 * version they were read at (template-admin.ts). Sections whose key the kit knows get the
 * postmortem element's prefill or builder.
 */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { POSTMORTEM_GUIDED_SECTIONS, type LocalizedText, type PostmortemTemplate, type PostmortemTemplateSection, type Stored } from '@hansei/core';
import { localized } from '../lib/format.js';
import { TemplateAdmin, type TemplateDraft, type TemplateWords } from './template-admin.js';

type Section = { key: string; title: { en: string; ja?: string }; prompt: { en: string; ja?: string }; required: boolean };

interface Draft extends TemplateDraft {
  description: { en: string; ja?: string };
  sections: Section[];
}

const copy = (s: PostmortemTemplateSection): Section => ({ key: s.key, title: { ...s.title }, prompt: { ...s.prompt }, required: s.required });

@customElement('portal-admin-postmortem-templates')
export class PortalAdminPostmortemTemplates extends TemplateAdmin<Stored<PostmortemTemplate>, Draft> {
  protected words(): TemplateWords {
    return {
      heading: msg('Postmortem templates'),
      intro: msg('A postmortem copies its template when it starts, so changing a template never changes a postmortem.'),
      deleteQuestion: (name) => msg(str`Delete the template "${name}"? Postmortems started from it keep their sections.`),
    };
  }

  protected fetch() {
    return this.api.listPostmortemTemplates();
  }

  protected write(draft: Draft) {
    const body = { name: draft.name, description: draft.description, sections: draft.sections };
    return draft.id ? this.api.updatePostmortemTemplate(draft.id, body, draft.version) : this.api.createPostmortemTemplate(body);
  }

  protected erase(template: Stored<PostmortemTemplate>) {
    return this.api.deletePostmortemTemplate(template.id, template.version);
  }

  protected draftOf(template: Stored<PostmortemTemplate> | null, name?: LocalizedText): Draft {
    if (!template) {
      return { id: null, version: 0, name: { en: '' }, description: { en: '' }, sections: [{ key: 'summary', title: { en: 'Summary' }, prompt: { en: '' }, required: true }] };
    }
    return {
      id: name ? null : template.id,
      version: template.version,
      name: { ...(name ?? template.name) },
      description: { ...template.description },
      sections: template.sections.map(copy),
    };
  }

  protected renderSummary(template: Stored<PostmortemTemplate>) {
    const locale = this.settings.locale;
    return html`<p class="muted">${template.sections.map((s) => localized(s.title, locale)).join(' · ')}</p>`;
  }

  protected renderFields(draft: Draft) {
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const guided = Object.keys(POSTMORTEM_GUIDED_SECTIONS).join(', ');
    return html`<label class="field">${msg('Description')} <textarea .value=${draft.description.en} @input=${(e: Event) => this.change((d) => (d.description = { ...d.description, en: value(e) }))}></textarea></label>
      <p class="muted">${msg(str`Sections with one of these keys get the postmortem's help: ${guided}.`)}</p>
      <ol class="plain">
        ${draft.sections.map(
          (s, i) => html`<li><fieldset>
            <legend>${msg(str`Section ${i + 1}`)}</legend>
            <div class="toolbar">
              <label class="field">${msg('Key')} <input required pattern="[a-z0-9_]+" .value=${s.key} size="18" @input=${(e: Event) => this.change((d) => (d.sections[i]!.key = value(e)))} /></label>
              <label class="field">${msg('Title')} <input required .value=${s.title.en} @input=${(e: Event) => this.change((d) => (d.sections[i]!.title.en = value(e)))} /></label>
              <label class="field">${msg('Title (Japanese)')} <input lang="ja" .value=${s.title.ja ?? ''} @input=${(e: Event) => this.change((d) => (d.sections[i]!.title.ja = value(e)))} /></label>
              <label class="check"><input type="checkbox" .checked=${s.required} @change=${(e: Event) => this.change((d) => (d.sections[i]!.required = (e.target as HTMLInputElement).checked))} /> ${msg('Required')}</label>
            </div>
            <label class="field">${msg('Guiding question')} <input .value=${s.prompt.en} @input=${(e: Event) => this.change((d) => (d.sections[i]!.prompt.en = value(e)))} /></label>
            <div class="toolbar">
              <button type="button" ?disabled=${i === 0} @click=${() => this.change((d) => d.sections.splice(i - 1, 2, d.sections[i]!, d.sections[i - 1]!))}>${msg('Up')}</button>
              <button type="button" class="danger" ?disabled=${draft.sections.length <= 1} @click=${() => this.change((d) => d.sections.splice(i, 1))}>${msg('Remove section')}</button>
            </div>
          </fieldset></li>`,
        )}
      </ol>
      <div class="toolbar">
        <button type="button" @click=${() => this.change((d) => d.sections.push({ key: `section_${d.sections.length + 1}`, title: { en: '' }, prompt: { en: '' }, required: false }))}>
          ${msg('Add a section')}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-postmortem-templates': PortalAdminPostmortemTemplates;
  }
}
