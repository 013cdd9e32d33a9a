/**
 * The markup of `<hansei-status-summary>`, as a pure function of what it shows: the element
 * renders it in the browser, and the status page renders the same on the server (no JavaScript
 * needed to read it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { indicatorTone, statusIcon, type StatusTone } from '../internal/status-icons.js';
import { instant } from '../internal/status-time.js';
import { asOfTemplate, errorTemplate, missingTemplate, timeTemplate, type StatusTemplateContext, type StatusView } from '../internal/status-view.js';
import { indicatorWords, pageStatusWords, type PageStatusWords } from '../internal/status-words.js';

/** The banner's tone and words in each state. */
function stateOf(view: StatusView): { tone: StatusTone; words: PageStatusWords } {
  if (view.state === 'ready') {
    const tone = indicatorTone(view.snapshot.status?.indicator);
    return { tone, words: pageStatusWords(view.snapshot.status, tone) };
  }
  const text =
    view.state === 'loading'
      ? msg('Loading status…', { id: 'status.loading', desc: 'Shown while a status element reads the status' })
      : indicatorWords('unknown');
  return { tone: 'unknown', words: { text, translated: true } };
}

/** The page's name and when it last changed. */
function metaTemplate(view: StatusView, ctx: StatusTemplateContext): TemplateResult | typeof nothing {
  if (view.state !== 'ready') return nothing;
  const { page } = view.snapshot;
  const updated = instant(page?.updatedAt);
  const name = page?.name?.trim();
  if (!name && Number.isNaN(updated)) return nothing;
  const when = Number.isNaN(updated) ? nothing : timeTemplate(updated, ctx, 'moment');
  const time =
    when === nothing
      ? nothing
      : html`<span part="updated" class="updated"
          >${msg(html`Updated ${when}`, { id: 'status-summary.updated', desc: 'When the status page last changed; the time follows' })}</span
        >`;
  return html`<p part="meta" class="meta">${name ? html`<span part="page-name" class="page-name">${name}</span>` : nothing}${time}</p>`;
}

/**
 * The banner: the page's overall state as an icon and words on the state's colour (a polite live
 * region, so a change is announced), then the page's name and when it was last updated, and the
 * "as of" note when the status is the last known one. Loading and error states keep the banner
 * (in the unknown tone), so the live region stays in place and the first status is announced.
 */
export function statusSummaryTemplate(view: StatusView, ctx: StatusTemplateContext): TemplateResult {
  if (view.state === 'missing') return missingTemplate();
  const { tone, words } = stateOf(view);
  return html`<div part="base" class="base ${view.state}">
    <div part="banner" class="banner tone-${tone}">
      ${statusIcon(tone)}
      <p part="description" class="description" role="status" aria-atomic="true">
        ${words.translated ? html`<span lang=${ctx.locale}>${words.text}</span>` : words.text}
      </p>
    </div>
    ${metaTemplate(view, ctx)} ${view.state === 'ready' && view.asOf ? asOfTemplate(view.asOf, ctx) : nothing}
    ${view.state === 'error' ? errorTemplate(ctx) : nothing}
  </div>`;
}
