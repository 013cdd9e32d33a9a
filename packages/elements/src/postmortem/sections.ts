/**
 * One section of the postmortem: its title, the template's guiding question, the Markdown text
 * (a growing text box when editing, rendered Markdown when reading), gentle prompts where the
 * text blames a person, and the section's guided part: what the incident says (impact,
 * timeline, responders) or the builder of its structured data (factors, whys, actions, thanks).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderMarkdown } from '../internal/markdown.js';
import { renderActions } from './actions.js';
import { renderFromIncident } from './facts.js';
import { renderFactors } from './factors.js';
import type { SectionView } from './model.js';
import { renderThanks } from './thanks.js';
import { ids, renderText, type PostmortemView } from './view.js';
import { renderWhys } from './whys.js';
import type { ActionForm } from './actions.js';

function renderGuided(view: PostmortemView, section: SectionView, actionForm: ActionForm): TemplateResult | typeof nothing {
  switch (section.guide) {
    case 'prefill':
      return renderFromIncident(view, section);
    case 'factors':
      return renderFactors(view);
    case 'whys':
      return renderWhys(view);
    case 'thanks':
      return renderThanks(view);
    case 'actions':
      return renderActions(view, actionForm);
    default:
      return nothing;
  }
}

/** Whether a section shows anything to a reader (a blank one without data is left out when reading). */
function hasContent(view: PostmortemView, section: SectionView): boolean {
  if (section.body.trim()) return true;
  switch (section.guide) {
    case 'factors':
      return view.content.contributingFactors.length > 0;
    case 'whys':
      return view.content.fiveWhys.length > 0;
    case 'thanks':
      return view.content.acknowledgements.length > 0;
    case 'actions':
      return view.actions.length > 0;
    case 'prefill':
      // Nothing written: what the incident says stands in for it.
      return true;
    default:
      return false;
  }
}

/** One section, editable or as read. */
export function renderSection(view: PostmortemView, section: SectionView, actionForm: ActionForm, reading: boolean): TemplateResult | typeof nothing {
  const name = `s-${section.key}`;
  const heading = `h-${section.key}`;
  if (reading) {
    if (!hasContent(view, section)) return nothing;
    return html`<section class="section" part="section" data-key=${section.key} aria-labelledby=${heading}>
      <h3 id=${heading}>${section.title}</h3>
      ${section.body.trim() ? html`<div class="markdown body" part="section-body">${renderMarkdown(section.body)}</div>` : nothing}
      ${section.guide === 'prefill' && section.body.trim() ? nothing : renderGuided({ ...view, editable: false }, section, actionForm)}
    </section>`;
  }
  const notes = section.guide !== null && section.guide !== 'prefill';
  return html`<section class="section" part="section" data-key=${section.key} aria-labelledby=${heading}>
    <h3 id=${heading}>
      ${section.title}${section.required
        ? html` <span class="required" title=${msg('Required', { id: 'postmortem.required', desc: 'Postmortem: a section the template requires' })}
            >*<span class="vh">${msg('(required)', { desc: 'Postmortem: after a required section title, for screen readers' })}</span></span
          >`
        : nothing}
    </h3>
    ${section.prompt ? html`<p class="prompt" part="prompt" id=${ids(name).hint} lang=${section.lang}>${section.prompt}</p>` : nothing}
    ${renderGuided(view, section, actionForm)}
    ${notes ? html`<p class="notes-label" id="${name}-notes">${msg('Notes', { id: 'postmortem.notes', desc: 'Postmortem: label of the free text under a builder' })}</p>` : nothing}
    ${renderText(view, {
      name,
      label: section.title,
      labelledBy: notes ? `${heading} ${name}-notes` : heading,
      value: section.body,
      hint: section.prompt !== '',
      rows: notes ? 2 : 4,
      input: (value) => view.setSection(section.key, value),
    })}
  </section>`;
}
