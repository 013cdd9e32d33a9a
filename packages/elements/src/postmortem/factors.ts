/**
 * The contributing-factors builder: each factor a category (the six places the talk looks,
 * beyond the code) and a description, with the category's question as a hint and gentle prompts
 * where a description blames a person.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CONTRIBUTING_FACTOR_CATEGORIES, FACTOR_CATEGORY_HINTS, FACTOR_CATEGORY_WORDS, wordOf, type ContributingFactorCategory, type FactorDraft } from '@hansei/core';
import { ids, renderText, type PostmortemView } from './view.js';
import { removeLabel } from './words.js';

function replace(view: PostmortemView, index: number, factor: FactorDraft | null): void {
  const list = [...view.content.contributingFactors];
  if (factor) list.splice(index, 1, factor);
  else list.splice(index, 1);
  view.change({ ...view.content, contributingFactors: list });
}

/** The categories not covered yet: where else to look. */
function uncovered(view: PostmortemView): ContributingFactorCategory[] {
  const used = new Set(view.content.contributingFactors.map((f) => f.category));
  return CONTRIBUTING_FACTOR_CATEGORIES.filter((c) => !used.has(c));
}

export function renderFactors(view: PostmortemView): TemplateResult {
  const { locale } = view;
  const factors = view.content.contributingFactors;
  if (!view.editable) {
    return html`<ul class="factors read" part="factors">
      ${factors.map((f) => html`<li><strong>${wordOf(FACTOR_CATEGORY_WORDS, f.category, locale)}</strong> ${f.description}</li>`)}
    </ul>`;
  }
  const add = (): void => {
    const category = uncovered(view)[0] ?? 'product_quality';
    view.change({ ...view.content, contributingFactors: [...factors, { category, description: '' }] });
    view.focus(`#factor-${factors.length}-category`);
  };
  const remove = (i: number): void => {
    replace(view, i, null);
    view.focus(`#factor-${i}-category`, `#factor-${i - 1}-category`, '#add-factor');
  };
  const missing = uncovered(view);
  return html`<div class="builder" part="factors">
    <ol class="items">
      ${factors.map((factor, i) => {
        const name = `factor-${i}`;
        const label = msg(str`Factor ${i + 1}`, { desc: 'Postmortem: label of one contributing factor' });
        return html`<li class="item">
          <fieldset>
            <legend>${label}</legend>
            <label for="${name}-category">${msg('Category', { id: 'postmortem.category', desc: 'Postmortem: a contributing factor’s category' })}</label>
            <select
              id="${name}-category"
              aria-describedby=${ids(`${name}-category`).hint}
              @change=${(e: Event) => replace(view, i, { ...factor, category: (e.target as HTMLSelectElement).value as ContributingFactorCategory })}
            >
              ${CONTRIBUTING_FACTOR_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === factor.category}>${wordOf(FACTOR_CATEGORY_WORDS, c, locale)}</option>`)}
            </select>
            <p class="hint" id=${ids(`${name}-category`).hint}>${wordOf(FACTOR_CATEGORY_HINTS, factor.category, locale)}</p>
            <label for="f-${name}">${msg('What made it possible', { desc: 'Postmortem: label of a contributing factor’s description' })}</label>
            ${renderText(view, {
              name,
              value: factor.description,
              rows: 2,
              maxlength: 2000,
              input: (description) => replace(view, i, { ...factor, description }),
            })}
            <button type="button" class="link" @click=${() => remove(i)}>${removeLabel()}<span class="vh"> ${label}</span></button>
          </fieldset>
        </li>`;
      })}
    </ol>
    ${factors.length > 0 && missing.length > 0 && missing.length < CONTRIBUTING_FACTOR_CATEGORIES.length
      ? html`<p class="hint">${msg(str`Not looked at yet: ${missing.map((c) => wordOf(FACTOR_CATEGORY_WORDS, c, locale)).join(', ')}.`, { desc: 'Postmortem: the categories no factor covers' })}</p>`
      : nothing}
    <button type="button" class="secondary" id="add-factor" @click=${add} ?disabled=${factors.length >= 100}>
      ${msg('Add a contributing factor', { desc: 'Postmortem: button' })}
    </button>
  </div>`;
}
