/**
 * `<portal-admin-guideline>`: the organisation's severity guideline: per level, its code, name,
 * the criteria that make an incident that severe (English and Japanese), and what the level
 * demands (paging, public updates, postmortem, response targets, required roles).
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HanseiError } from '@hansei/adapters';
import { PAGE_POLICIES, REQUIREMENT_LEVELS, type LocalizedText, type RoleDefinition, type SeverityGuideline, type SeverityGuidelineReplaceRequest, type SeverityLevel } from '@hansei/core';
import { pageWord, requirementWord } from '@hansei/elements/incident-form/words.js';
import { localized } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';

type Level = SeverityLevel;

/** Lines of a textarea as localized texts (English lines paired with Japanese ones by position). */
export function textsOf(en: string, ja: string): LocalizedText[] {
  const left = en.split('\n').map((s) => s.trim());
  const right = ja.split('\n').map((s) => s.trim());
  const out: LocalizedText[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const e = left[i] ?? '';
    const j = right[i] ?? '';
    if (e || j) out.push(j ? { en: e, ja: j } : { en: e });
  }
  return out;
}

const lines = (texts: readonly LocalizedText[], lang: 'en' | 'ja') => texts.map((t) => t[lang] ?? '').join('\n');
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

@customElement('portal-admin-guideline')
export class PortalAdminGuideline extends PortalView {
  @state() private levels: readonly Level[] = [];
  @state() private whenUnsure: LocalizedText = { en: '' };
  @state() private roles: readonly RoleDefinition[] = [];
  @state() private problem = '';
  @state() private fieldProblems: readonly string[] = [];
  @state() private saved = '';
  @state() private dirty = false;

  #take(guideline: SeverityGuideline): void {
    this.levels = [...guideline.levels];
    this.whenUnsure = { ...guideline.whenUnsure };
    this.dirty = false;
  }

  protected override async load(): Promise<void> {
    try {
      const [guideline, roles] = await Promise.all([this.api.getSeverityGuideline(), this.api.listRoles()]);
      this.roles = roles;
      this.#take(guideline);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  #edit(index: number, change: (level: Level) => Level): void {
    this.levels = this.levels.map((level, i) => (i === index ? change(level) : level));
    this.dirty = true;
    this.saved = '';
  }

  #move(index: number, by: number): void {
    const levels = [...this.levels];
    const [level] = levels.splice(index, 1);
    levels.splice(index + by, 0, level!);
    this.levels = levels;
    this.dirty = true;
  }

  #add(): void {
    const last = this.levels.at(-1);
    this.levels = [
      ...this.levels,
      {
        code: `SEV${this.levels.length + 1}`,
        rank: (last?.rank ?? 0) + 1,
        name: { en: '' },
        criteria: [],
        demands: {
          page: 'none',
          publicUpdate: 'optional',
          postmortem: 'optional',
          acknowledgeWithinMinutes: null,
          updateEveryMinutes: null,
          actionsDueWithinDays: null,
          requiredRoles: [],
          notes: [],
        },
      },
    ];
    this.dirty = true;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.problem = '';
    this.fieldProblems = [];
    try {
      const levels = this.levels.map((level, i) => ({ ...level, rank: i + 1 }));
      this.#take(await this.api.replaceSeverityGuideline({ levels, whenUnsure: this.whenUnsure } as SeverityGuidelineReplaceRequest));
      this.saved = msg('The guideline is saved. Forms use it from now on.');
    } catch (error) {
      this.problem = problemText(error);
      if (error instanceof HanseiError) this.fieldProblems = error.fieldErrors.map((f) => `${f.path}: ${f.message}`);
    }
  }

  protected override render() {
    const locale = this.settings.locale;
    return html`<form @submit=${this.#save} novalidate>
      <p class="muted">${msg('Responders see these criteria beside each severity when they declare an incident. Order is severity: the first level is the most severe.')}</p>
      ${this.levels.map((level, i) => this.#renderLevel(level, i, locale))}
      <button type="button" @click=${() => this.#add()}>${msg('Add a level')}</button>
      <fieldset>
        <legend>${msg('Advice when unsure')}</legend>
        <label class="field">${msg('English')} <input .value=${this.whenUnsure.en} @input=${(e: Event) => ((this.whenUnsure = { ...this.whenUnsure, en: (e.target as HTMLInputElement).value }), (this.dirty = true))} /></label>
        <label class="field">${msg('Japanese')} <input lang="ja" .value=${this.whenUnsure.ja ?? ''} @input=${(e: Event) => ((this.whenUnsure = { ...this.whenUnsure, ja: (e.target as HTMLInputElement).value }), (this.dirty = true))} /></label>
      </fieldset>
      ${this.problem
        ? html`<div class="error" role="alert"><p>${this.problem}</p>${this.fieldProblems.length ? html`<ul>${this.fieldProblems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}</div>`
        : nothing}
      <p role="status">${this.saved}</p>
      <div class="toolbar">
        <button class="primary" type="submit" ?disabled=${!this.dirty}>${msg('Save the guideline')}</button>
        <button type="button" ?disabled=${!this.dirty} @click=${() => this.load()}>${msg('Discard changes')}</button>
      </div>
    </form>`;
  }

  #renderLevel(level: Level, i: number, locale: 'en' | 'ja') {
    const d = level.demands;
    const setDemand = <K extends keyof Level['demands']>(key: K, value: Level['demands'][K]) => this.#edit(i, (l) => ({ ...l, demands: { ...l.demands, [key]: value } }));
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<fieldset class="level">
      <legend>${level.code} ${localized(level.name, locale)}</legend>
      <div class="toolbar">
        <label class="field">${msg('Code')} <input .value=${level.code} size="8" @input=${(e: Event) => this.#edit(i, (l) => ({ ...l, code: value(e) }))} /></label>
        <label class="field">${msg('Name')} <input .value=${level.name.en} @input=${(e: Event) => this.#edit(i, (l) => ({ ...l, name: { ...l.name, en: value(e) } }))} /></label>
        <label class="field">${msg('Name (Japanese)')} <input lang="ja" .value=${level.name.ja ?? ''} @input=${(e: Event) => this.#edit(i, (l) => ({ ...l, name: { ...l.name, ja: value(e) } }))} /></label>
      </div>
      <div class="toolbar">
        <label class="field grow">${msg('Criteria, one per line')}
          <textarea .value=${lines(level.criteria, 'en')} @input=${(e: Event) => this.#edit(i, (l) => ({ ...l, criteria: textsOf(value(e), lines(l.criteria, 'ja')) }))}></textarea>
        </label>
        <label class="field grow">${msg('Criteria in Japanese, same order')}
          <textarea lang="ja" .value=${lines(level.criteria, 'ja')} @input=${(e: Event) => this.#edit(i, (l) => ({ ...l, criteria: textsOf(lines(l.criteria, 'en'), value(e)) }))}></textarea>
        </label>
      </div>
      <div class="toolbar">
        <label class="field">${msg('Page')}
          <select @change=${(e: Event) => setDemand('page', value(e) as never)}>${PAGE_POLICIES.map((p) => html`<option value=${p} ?selected=${d.page === p}>${pageWord(p)}</option>`)}</select>
        </label>
        <label class="field">${msg('Public update')}
          <select @change=${(e: Event) => setDemand('publicUpdate', value(e) as never)}>${REQUIREMENT_LEVELS.map((r) => html`<option value=${r} ?selected=${d.publicUpdate === r}>${requirementWord(r)}</option>`)}</select>
        </label>
        <label class="field">${msg('Postmortem')}
          <select @change=${(e: Event) => setDemand('postmortem', value(e) as never)}>${REQUIREMENT_LEVELS.map((r) => html`<option value=${r} ?selected=${d.postmortem === r}>${requirementWord(r)}</option>`)}</select>
        </label>
        <label class="field">${msg('Acknowledge within (min)')} <input type="number" min="1" .value=${d.acknowledgeWithinMinutes?.toString() ?? ''} @input=${(e: Event) => setDemand('acknowledgeWithinMinutes', numberOrNull(value(e)))} /></label>
        <label class="field">${msg('Update every (min)')} <input type="number" min="1" .value=${d.updateEveryMinutes?.toString() ?? ''} @input=${(e: Event) => setDemand('updateEveryMinutes', numberOrNull(value(e)))} /></label>
        <label class="field">${msg('Actions due within (days)')} <input type="number" min="1" .value=${d.actionsDueWithinDays?.toString() ?? ''} @input=${(e: Event) => setDemand('actionsDueWithinDays', numberOrNull(value(e)))} /></label>
      </div>
      <fieldset>
        <legend>${msg('Roles that must be filled')}</legend>
        ${this.roles.map(
          (role) => html`<label class="check"><input type="checkbox" .checked=${d.requiredRoles.includes(role.key)}
            @change=${(e: Event) => setDemand('requiredRoles', (e.target as HTMLInputElement).checked ? [...d.requiredRoles, role.key] : d.requiredRoles.filter((k) => k !== role.key))} />
            ${localized(role.name, locale)}</label>`,
        )}
      </fieldset>
      <label class="field">${msg('Other demands, one per line')}
        <textarea .value=${lines(d.notes, 'en')} @input=${(e: Event) => setDemand('notes', textsOf(value(e), lines(d.notes, 'ja')))}></textarea>
      </label>
      <div class="toolbar">
        <button type="button" ?disabled=${i === 0} @click=${() => this.#move(i, -1)} aria-label=${msg(str`Move ${level.code} up`)}>${msg('Up')}</button>
        <button type="button" ?disabled=${i === this.levels.length - 1} @click=${() => this.#move(i, 1)} aria-label=${msg(str`Move ${level.code} down`)}>${msg('Down')}</button>
        <button type="button" class="danger" ?disabled=${this.levels.length <= 1} @click=${() => ((this.levels = this.levels.filter((_, j) => j !== i)), (this.dirty = true))}>
          ${msg(str`Remove ${level.code}`)}
        </button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-guideline': PortalAdminGuideline;
  }
}
