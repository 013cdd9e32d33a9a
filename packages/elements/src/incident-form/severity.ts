/**
 * The severity choice with the organisation's guideline beside each level: when it applies, what
 * it demands (paging, public update, postmortem, response targets, roles to fill, notes), and
 * the guideline's advice for when unsure.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Locale, RoleDefinition, SeverityLevel } from '@hansei/core';
import { describedBy, errorsOf, invalid, type FormView } from './view.js';
import { localized, pageWord, requirementWord } from './words.js';

function say(value: { en: string; ja?: string }, locale: Locale): TemplateResult {
  const { text, lang } = localized(value, locale);
  return lang === locale ? html`${text}` : html`<span lang=${lang}>${text}</span>`;
}

/** A role's name from the organisation's roles; its key in words when they are not known. */
function roleName(key: string, roles: readonly RoleDefinition[], locale: Locale): TemplateResult {
  const role = roles.find((r) => r.key === key);
  return role ? say(role.name, locale) : html`<span lang="en">${key.replaceAll('_', ' ')}</span>`;
}

/** "Acknowledge within 5 minutes · update every 30 minutes · actions due within 28 days", or nothing. */
function targets(level: SeverityLevel, locale: Locale): string[] {
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  const d = level.demands;
  const out: string[] = [];
  if (d.acknowledgeWithinMinutes !== null) {
    const n = minutes.format(d.acknowledgeWithinMinutes);
    out.push(msg(str`Acknowledge within ${n}`, { desc: 'Severity guideline: response target' }));
  }
  if (d.updateEveryMinutes !== null) {
    const n = minutes.format(d.updateEveryMinutes);
    out.push(msg(str`Post an update at least every ${n}`, { desc: 'Severity guideline: response target' }));
  }
  if (d.actionsDueWithinDays !== null) {
    const n = days.format(d.actionsDueWithinDays);
    out.push(msg(str`Priority actions done within ${n} of resolution`, { desc: 'Severity guideline: response target' }));
  }
  return out;
}

function guide(level: SeverityLevel, index: number, roles: readonly RoleDefinition[], locale: Locale): TemplateResult {
  const d = level.demands;
  const goals = targets(level, locale);
  return html`<div class="level-guide" part="severity-guide">
    <ul class="criteria" id="f-severity-${index}-criteria">
      ${level.criteria.map((c) => html`<li>${say(c, locale)}</li>`)}
    </ul>
    <dl class="demands">
      <div><dt>${msg('Paging', { id: 'incident-form.paging', desc: 'Severity guideline: what a level demands of paging' })}</dt><dd>${pageWord(d.page)}</dd></div>
      <div>
        <dt>${msg('Public update', { id: 'incident-form.public-update', desc: 'Severity guideline: whether a status page update is needed' })}</dt>
        <dd>${requirementWord(d.publicUpdate)}</dd>
      </div>
      <div>
        <dt>${msg('Postmortem', { id: 'incident-form.postmortem', desc: 'Severity guideline: whether a postmortem is needed' })}</dt>
        <dd>${requirementWord(d.postmortem)}</dd>
      </div>
      ${goals.length > 0
        ? html`<div>
            <dt>${msg('Response targets', { id: 'incident-form.response-targets', desc: 'Severity guideline: time targets of a level' })}</dt>
            <dd><ul class="targets">${goals.map((goal) => html`<li>${goal}</li>`)}</ul></dd>
          </div>`
        : nothing}
      ${d.requiredRoles.length > 0
        ? html`<div>
            <dt>${msg('Roles to fill', { desc: 'Severity guideline: roles a level requires' })}</dt>
            <dd>${d.requiredRoles.map((key, i) => html`${i > 0 ? ', ' : ''}${roleName(key, roles, locale)}`)}</dd>
          </div>`
        : nothing}
    </dl>
    ${d.notes.length > 0 ? html`<ul class="notes">${d.notes.map((n) => html`<li>${say(n, locale)}</li>`)}</ul>` : nothing}
  </div>`;
}

/** The severity radio group, one card per level of the guideline in `view.settings`. */
export function renderSeverity(view: FormView): TemplateResult {
  const { guideline, locale } = view.settings;
  const levels = [...guideline.levels].sort((a, b) => a.rank - b.rank);
  return html`<fieldset class="group" id="f-severity" aria-describedby=${describedBy(view, 'severity', true)}>
    <legend>${msg('Severity', { id: 'incident-form.severity', desc: 'Incident form: field label' })}</legend>
    <p class="hint advice" id="f-severity-hint" part="severity-advice">${say(guideline.whenUnsure, locale)}</p>
    ${errorsOf(view, 'severity')}
    <div class="levels">
      ${levels.map(
        (level, index) => html`<div class="level ${view.model.severity === level.code ? 'chosen' : ''}" part="severity-level">
          <label class="choice level-choice">
            <input
              type="radio"
              name="severity"
              value=${level.code}
              .checked=${view.model.severity === level.code}
              aria-invalid=${invalid(view, 'severity') ?? 'false'}
              aria-describedby="f-severity-${index}-criteria"
              @change=${() => view.change({ severity: level.code })}
            />
            <span><strong>${level.code}</strong> ${say(level.name, locale)}</span>
          </label>
          ${guide(level, index, view.roles, locale)}
        </div>`,
      )}
    </div>
  </fieldset>`;
}
