/**
 * Two people edited the same parts of the postmortem: each place side by side (yours, and the
 * version someone else saved), and per place the choice of yours, theirs or both. What only one
 * side changed was merged already. Nothing is lost: until every place is settled, both sides stay
 * on screen and in the draft.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { FACTOR_CATEGORY_WORDS, wordOf, type Acknowledgement, type ConflictChoice, type ContentConflict, type FactorDraft, type Locale, type Person, type WhyStep } from '@hansei/core';
import { emptyText, theirsLabel, yoursLabel } from './words.js';

export interface ConflictView {
  readonly conflicts: readonly ContentConflict[];
  /** Who saved in between, when known, and when. */
  readonly savedAt: string;
  readonly locale: Locale;
  readonly people: readonly Pick<Person, 'id' | 'name'>[];
  /** The title of a section key, as shown in the document. */
  titleOf(key: string): string;
  choose(conflict: ContentConflict, choice: ConflictChoice): void;
}

function fieldTitle(view: ConflictView, conflict: ContentConflict): string {
  switch (conflict.field) {
    case 'section':
      return view.titleOf(conflict.key);
    case 'title':
      return msg('Title', { id: 'postmortem.title', desc: 'Postmortem: its title' });
    case 'ownerId':
      return msg('Owner', { id: 'postmortem.owner', desc: 'Postmortem: owner (of the postmortem, or of an action)' });
    case 'labels':
      return msg('Labels', { id: 'postmortem.labels', desc: 'Postmortem: its labels' });
    case 'publicSummary':
      return msg('Public summary', { id: 'postmortem.public-summary', desc: 'Postmortem: the summary the status page shows' });
    case 'contributingFactors':
      return view.titleOf('contributing_factors');
    case 'fiveWhys':
      return view.titleOf('five_whys');
    case 'acknowledgements':
      return view.titleOf('acknowledgements');
  }
}

/** One side of a conflict, as text a person compares. */
function side(view: ConflictView, conflict: ContentConflict, which: 'mine' | 'theirs'): TemplateResult | string {
  const value: unknown = conflict[which];
  if (value === null || value === undefined || value === '') return emptyText();
  switch (conflict.field) {
    case 'section':
      return (value as { body: string }).body || emptyText();
    case 'ownerId':
      return view.people.find((p) => p.id === value)?.name ?? (typeof value === 'string' ? value : '');
    case 'labels':
      return (value as readonly string[]).join(', ') || emptyText();
    case 'contributingFactors':
      return html`<ul>${(value as readonly FactorDraft[]).map((f) => html`<li>${wordOf(FACTOR_CATEGORY_WORDS, f.category, view.locale)}: ${f.description}</li>`)}</ul>`;
    case 'fiveWhys':
      return html`<ol>${(value as readonly WhyStep[]).map((w) => html`<li>${w.question} ${w.answer}</li>`)}</ol>`;
    case 'acknowledgements':
      return html`<ul>${(value as readonly Acknowledgement[]).map((a) => html`<li>${a.name}: ${a.note}</li>`)}</ul>`;
    default:
      return typeof value === 'string' ? value : '';
  }
}

export function renderConflict(view: ConflictView): TemplateResult {
  const count = view.conflicts.length;
  return html`<section class="conflict" part="conflict" aria-labelledby="conflict-heading">
    <h3 id="conflict-heading" tabindex="-1">
      ${count === 1
        ? msg('Someone else changed the same part', { desc: 'Postmortem conflict: heading, one place' })
        : msg(str`Someone else changed ${count} of the same parts`, { desc: 'Postmortem conflict: heading, several places' })}
    </h3>
    <p>
      ${msg(str`A newer version was saved at ${view.savedAt}. Changes to other parts were merged. Nothing is lost: for each part below, keep yours, take theirs, or keep both, then save.`, {
        desc: 'Postmortem conflict: explanation',
      })}
    </p>
    <ol class="conflicts">
      ${view.conflicts.map((conflict) => {
        const title = fieldTitle(view, conflict);
        const both = conflict.field !== 'title' && conflict.field !== 'ownerId';
        return html`<li class="conflict-item" part="conflict-item">
          <h4>${title}</h4>
          <div class="sides">
            <div class="side"><h5>${yoursLabel()}</h5><div class="text">${side(view, conflict, 'mine')}</div></div>
            <div class="side"><h5>${theirsLabel()}</h5><div class="text">${side(view, conflict, 'theirs')}</div></div>
          </div>
          <div class="row">
            <button type="button" class="secondary" @click=${() => view.choose(conflict, 'mine')}>
              ${msg('Keep yours', { desc: 'Postmortem conflict: keep your version of this part' })}<span class="vh">: ${title}</span>
            </button>
            <button type="button" class="secondary" @click=${() => view.choose(conflict, 'theirs')}>
              ${msg('Take theirs', { id: 'postmortem.take-theirs', desc: 'Postmortem conflict: take the saved version of this part' })}<span class="vh">: ${title}</span>
            </button>
            ${both
              ? html`<button type="button" class="secondary" @click=${() => view.choose(conflict, 'both')}>
                  ${msg('Keep both', { desc: 'Postmortem conflict: keep both versions of this part, one after the other' })}<span class="vh">: ${title}</span>
                </button>`
              : nothing}
          </div>
        </li>`;
      })}
    </ol>
  </section>`;
}
