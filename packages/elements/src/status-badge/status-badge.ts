import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { PageIndicator } from '@hansei/core';
import { getLocale } from '../internal/localization.js';
import { HanseiStatusElement } from '../internal/status-element.js';
import { indicatorTone, statusIcons, type StatusTone } from '../internal/status-icons.js';
import { formatMoment } from '../internal/status-time.js';
import { indicatorWords, pageStatusWords, type PageStatusWords } from '../internal/status-words.js';
import { statusBadgeStyles } from './status-badge.styles.js';

/**
 * A tiny embeddable badge with the status page's overall state: an icon and words, optionally a
 * link to the status page. It is a polite live region (`role="status"`), so a change of state is
 * announced by screen readers without moving focus.
 *
 * The state comes from `indicator` when set. Without one, it comes from `snapshot`, else from
 * the adapter (its `adapter` property, else the provider's): the badge then reads the status,
 * follows live changes, says "Loading status…" until the first answer, and when a fresh status
 * cannot be read shows the last known one with its time ("as of 10:42"). With neither, it says the
 * status is unavailable.
 *
 * Its words follow the kit's locale (see `setLocale`) and are marked with their language, so
 * they are pronounced right inside a page written in another one. A `description` replaces them.
 *
 * Colours come from the theme tokens and follow the light or dark scheme: by default the
 * viewer's `prefers-color-scheme`; set `--hansei-color-scheme: dark` (or `light`) on any ancestor
 * to force one.
 *
 * @tag hansei-status-badge
 * @summary The status page's overall state as an icon and words, optionally linking to the page.
 *
 * @csspart base - The badge: a link (`<a>`) when `href` is set, otherwise a `<span>`.
 * @csspart icon - The status icon (decorative: the label says the same in words).
 * @csspart label - The status text; for a last known status, followed by "(as of 10:42)".
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Icon colour when all systems are operational.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Icon colour for a minor outage.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Icon colour for a partial outage.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Icon colour for a major outage.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Icon colour during maintenance.
 * @cssprop [--hansei-status-unknown=light-dark(#59636e, #9198a1)] - Icon colour while the state is unknown.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Colour of the glyph drawn on the icon.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the badge.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Border of the badge.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring of the link.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 */
export class HanseiStatusBadge extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, statusBadgeStyles];

  /**
   * The page's overall state (Statuspage's `status.indicator`). Unrecognised, the badge says the
   * status is unavailable rather than guessing. Missing, the badge shows `snapshot` or reads its
   * adapter.
   */
  @property({ reflect: true })
  indicator: PageIndicator | undefined;

  /** Words to show instead of the default text for the indicator, e.g. the page's own description. */
  @property()
  description: string | undefined;

  /** URL of the status page; when set, the badge is a link to it. */
  @property()
  href: string | undefined;

  /** Reads only without an indicator or snapshot. */
  protected override get reads(): boolean {
    return this.indicator == null && this.snapshot === undefined;
  }

  /** The tone, words and, for a stale status, its time. */
  #shown(): { tone: StatusTone; words: PageStatusWords; asOf: Date | null } {
    const view = this.view;
    if (this.indicator != null || view.state === 'missing') {
      const tone = indicatorTone(this.indicator);
      return { tone, words: { text: indicatorWords(tone), translated: true }, asOf: null };
    }
    if (view.state !== 'ready') {
      const text = view.state === 'loading' ? msg('Loading status…', { id: 'status.loading', desc: 'Shown while a status element reads the status' }) : indicatorWords('unknown');
      return { tone: 'unknown', words: { text, translated: true }, asOf: null };
    }
    const tone = indicatorTone(view.snapshot.status?.indicator);
    return { tone, words: pageStatusWords(view.snapshot.status, tone), asOf: view.asOf };
  }

  protected override render(): TemplateResult {
    const { tone, words, asOf } = this.#shown();
    const custom = this.description?.trim();
    const text = custom || words.text;
    const lang = !custom && words.translated ? getLocale() : undefined;
    const time = asOf ? formatMoment(asOf.getTime(), this.templateContext) : '';
    const stale = asOf
      ? html` <span class="as-of" lang=${getLocale()}
          >${msg(str`(as of ${time})`, {
            id: 'status-badge.as-of',
            desc: 'Badge: after the last known state when a fresh one could not be read; the time it was read',
          })}</span
        >`
      : '';
    const content = html`<span part="icon" class="icon"
        ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${statusIcons[tone]}</svg></span
      ><span part="label" class="label" lang=${ifDefined(lang)}>${text}${stale}</span>`;
    return html`<span role="status" aria-atomic="true"
      >${this.href
        ? html`<a part="base" class="base ${tone}" href=${this.href}>${content}</a>`
        : html`<span part="base" class="base ${tone}">${content}</span>`}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-status-badge': HanseiStatusBadge;
  }
}
