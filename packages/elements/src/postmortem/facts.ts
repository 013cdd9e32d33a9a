/**
 * What the incident says, beside the sections that start from it: the impact (severity, how long,
 * components, the SLO error budget it consumed), the responders and their roles, and the
 * timeline of its updates and log. Each can be inserted into its section as Markdown, so the
 * document stands on its own when exported.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { INCIDENT_STATUS_WORDS, TIMELINE_KIND_WORDS, wordOf, type IncidentStatus, type PrefillEntry, type TimelineEventKind } from '@hansei/core';
import { renderMarkdown } from '../internal/markdown.js';
import type { SectionView } from './model.js';
import type { PostmortemView } from './view.js';

function insertButton(view: PostmortemView, section: SectionView, text: string): TemplateResult | typeof nothing {
  if (!view.editable || !text) return nothing;
  const inserted = section.body.includes(text.trim());
  const insert = () => view.setSection(section.key, section.body.trim() ? `${section.body.trimEnd()}\n\n${text}` : text);
  return html`<button type="button" class="secondary" ?disabled=${inserted} @click=${insert}>
    ${inserted
      ? msg('In the section', { desc: 'Postmortem: the incident’s facts are already in the section' })
      : msg('Insert into the section', { desc: 'Postmortem: copy the incident’s facts into the section text' })}
  </button>`;
}

function entryKind(entry: PrefillEntry, locale: string): string {
  return entry.source === 'update'
    ? msg(str`Update: ${wordOf(INCIDENT_STATUS_WORDS, entry.kind as IncidentStatus, locale)}`, { id: 'postmortem.update-kind', desc: 'Postmortem timeline: an incident update and its status' })
    : wordOf(TIMELINE_KIND_WORDS, entry.kind as TimelineEventKind, locale);
}

function renderEntries(view: PostmortemView): TemplateResult {
  const time = new Intl.DateTimeFormat(view.locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: view.timeZone });
  return html`<ol class="entries" part="timeline">
    ${repeat(
      view.entries,
      (e, i) => `${e.at} ${i}`,
      (e) => html`<li class="entry" part="timeline-entry">
        <time datetime=${e.at}>${time.format(new Date(e.at))}</time>
        <span class="entry-kind">${entryKind(e, view.locale)}</span>
        <div class="markdown entry-body">${renderMarkdown(e.body)}</div>
      </li>`,
    )}
  </ol>`;
}

export function renderFromIncident(view: PostmortemView, section: SectionView): TemplateResult | typeof nothing {
  let content: TemplateResult;
  let text: string;
  switch (section.key) {
    case 'impact':
      text = view.prefill.impact;
      content = html`<div class="markdown">${renderMarkdown(text)}</div>`;
      break;
    case 'response':
      text = view.prefill.response;
      if (!text) return nothing;
      content = html`<div class="markdown">${renderMarkdown(text)}</div>`;
      break;
    default:
      text = view.prefill.timeline;
      if (view.entries.length === 0) return nothing;
      content = renderEntries(view);
  }
  const summary =
    section.key === 'timeline'
      ? msg(str`From the incident: ${view.entries.length} entries`, { desc: 'Postmortem: summary of the incident timeline panel' })
      : msg('From the incident', { desc: 'Postmortem: summary of the panel with the incident’s facts' });
  return html`<details class="from-incident" part="from-incident" ?open=${section.key !== 'timeline' || !section.body.trim()}>
    <summary>${summary}</summary>
    ${content}
    ${insertButton(view, section, text)}
  </details>`;
}
