/**
 * The public update as the status page will show it: the incident title, the status word and the
 * message, when it is posted (in the viewer's time zone) and the components it affects, with the
 * page's own words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormView } from './view.js';
import { componentStatusWords as componentStatusWord, incidentStatusWords as incidentStatusWord } from '../internal/status-words.js';

export function renderPreview(view: FormView): TemplateResult {
  const { model, settings } = view;
  const message = model.message.trim();
  const posted = new Intl.DateTimeFormat(settings.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: settings.timeZone,
    timeZoneName: 'short',
  }).format(view.now);
  const names = new Map(view.components.map((c) => [c.id, c.name]));
  const affected = model.components.map(
    (c) => `${names.get(c.componentId) ?? c.componentId} (${componentStatusWord(c.status)})`,
  );
  const affects = new Intl.ListFormat(settings.locale, { type: 'conjunction' }).format(affected);

  const note =
    model.visibility === 'internal'
      ? msg('This incident is internal: nothing appears on the status page until it is made public.', {
          desc: 'Incident form preview: the incident is internal',
        })
      : !message
        ? view.mode === 'declare'
          ? msg('No public update will be posted yet: the page shows the incident with its title only.', {
              desc: 'Incident form preview: declared without a first update',
            })
          : msg('No update will be posted: write a message to post one.', { desc: 'Incident form preview: no update message' })
        : '';

  return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
    <h3 id="preview-heading">${msg('How it will read on the status page', { desc: 'Incident form: heading of the preview' })}</h3>
    ${note ? html`<p class="hint">${note}</p>` : nothing}
    <div class="preview-card impact-${model.impact}" part="preview-card">
      <p class="preview-title">
        ${model.title.trim() || html`<span class="muted">${msg('(no title yet)', { desc: 'Incident form preview: the title is empty' })}</span>`}
      </p>
      ${message
        ? html`<p class="preview-update">
              <strong>${incidentStatusWord(model.status)}</strong> - <span class="preview-message">${message}</span>
            </p>
            <p class="preview-time muted">${msg(str`Posted ${posted}`, { desc: 'Status page: when an update was posted' })}</p>`
        : nothing}
      ${affected.length > 0
        ? html`<p class="preview-affects">${msg(str`This incident affects: ${affects}.`, { desc: 'Status page: the components an incident affects' })}</p>`
        : nothing}
    </div>
  </section>`;
}
