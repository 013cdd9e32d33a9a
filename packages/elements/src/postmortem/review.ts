/**
 * The review flow at the end of the document: the public summary the status page shows once the
 * postmortem is published, what is still missing (required sections, a root-cause action, depth
 * of the five whys, words that blame), and the step to the next status: draft -> in review ->
 * published (an admin takes a published postmortem back to review).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { BlameFinding, PostmortemStatus } from '@hansei/core';
import type { SectionView } from './model.js';
import { renderText } from './view.js';
import { needsRootCauseWords } from './words.js';

export interface ReviewView {
  readonly status: PostmortemStatus;
  readonly publicSummary: string;
  blame(text: string): readonly BlameFinding[];
  readonly editable: boolean;
  readonly isAdmin: boolean;
  readonly busy: boolean;
  readonly missing: readonly SectionView[];
  readonly needsRootCause: boolean;
  /** The five whys' advice when the chain is not deep enough yet. */
  readonly whys: string | null;
  /** Places the text may blame a person, and the id of the first one's field. */
  readonly blamed: { readonly count: number; readonly firstId: string | null };
  /** Why publishing was refused ('' when it was not). */
  readonly summaryError: string;
  setSummary(text: string): void;
  transition(to: PostmortemStatus): void;
  focus(selector: string): void;
}

function renderChecklist(view: ReviewView): TemplateResult | typeof nothing {
  const items: TemplateResult[] = [];
  for (const section of view.missing) {
    items.push(html`<li>
      <a href="#h-${section.key}" @click=${(e: Event) => (e.preventDefault(), view.focus(`#f-s-${section.key}`))}
        >${msg(str`“${section.title}” is required and still empty.`, { desc: 'Postmortem review: a required section is empty' })}</a
      >
    </li>`);
  }
  if (view.needsRootCause) items.push(html`<li>${needsRootCauseWords()}</li>`);
  if (view.whys) items.push(html`<li>${view.whys}</li>`);
  if (view.blamed.count > 0 && view.blamed.firstId) {
    const first = view.blamed.firstId;
    items.push(html`<li>
      <a href="#${first}" @click=${(e: Event) => (e.preventDefault(), view.focus(`#${first}`))}
        >${view.blamed.count === 1
          ? msg('One place may read as blaming a person.', { desc: 'Postmortem review: one blame prompt' })
          : msg(str`${view.blamed.count} places may read as blaming a person.`, { desc: 'Postmortem review: several blame prompts' })}</a
      >
    </li>`);
  }
  if (items.length === 0) return nothing;
  return html`<div class="checklist" part="checklist">
    <h4>${msg('Before review', { desc: 'Postmortem review: heading of what is still missing' })}</h4>
    <ul>${items}</ul>
  </div>`;
}

function renderSteps(view: ReviewView): TemplateResult | typeof nothing {
  if (!view.editable) return nothing;
  const step = (to: PostmortemStatus, label: string, primary = false) =>
    html`<button type="button" class=${primary ? 'primary' : 'secondary'} part="transition" data-to=${to} aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => view.transition(to)}>
      ${label}
    </button>`;
  switch (view.status) {
    case 'draft':
      return html`<div class="row">${step('in_review', msg('Send for review', { desc: 'Postmortem: draft -> in review' }), true)}</div>`;
    case 'in_review':
      return html`<div class="row">
        ${step('published', msg('Publish', { desc: 'Postmortem: in review -> published' }), true)}
        ${step('draft', msg('Back to draft', { desc: 'Postmortem: in review -> draft' }))}
      </div>`;
    case 'published':
      return view.isAdmin
        ? html`<div class="row">${step('in_review', msg('Take off the status page', { desc: 'Postmortem: published -> in review (admins)' }))}</div>`
        : html`<p class="muted">${msg('Published. Only an admin can take it back to review.', { desc: 'Postmortem: published, and the caller is not an admin' })}</p>`;
  }
}

export function renderReview(view: ReviewView): TemplateResult {
  return html`<section class="section review" part="review" aria-labelledby="review-heading">
    <h3 id="review-heading">${msg('Review and publish', { desc: 'Postmortem: heading of the review section' })}</h3>
    ${view.editable
      ? html`<label for="f-public-summary">${msg('Public summary', { id: 'postmortem.public-summary', desc: 'Postmortem: the summary the status page shows' })}</label>
          <p class="prompt" id="f-public-summary-hint">
            ${msg('What customers read on the status page once it is published: what happened, the impact, what we changed. Needed to publish.', {
              desc: 'Postmortem: hint of the public summary',
            })}
          </p>
          ${renderText(view, { name: 'public-summary', value: view.publicSummary, hint: true, rows: 3, input: (text) => view.setSummary(text) })}
          ${view.summaryError ? html`<p class="error" id="f-public-summary-error" role="alert">${view.summaryError}</p>` : nothing}`
      : view.publicSummary
        ? html`<h4>${msg('Public summary', { id: 'postmortem.public-summary', desc: 'Postmortem: the summary the status page shows' })}</h4>
            <p class="public-summary">${view.publicSummary}</p>`
        : nothing}
    ${view.editable && view.status !== 'published' ? renderChecklist(view) : nothing} ${renderSteps(view)}
  </section>`;
}
