import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { PAGE_INDICATORS, type PageIndicator } from '@hansei/core';
import { HanseiElement } from '../internal/hansei-element.js';
import { getLocale } from '../internal/localization.js';
import { statusBadgeStyles } from './status-badge.styles.js';

/** What the badge shows: a page indicator, or `unknown` when it has none (yet) or a bad one. */
type BadgeState = PageIndicator | 'unknown';

function isPageIndicator(value: unknown): value is PageIndicator {
  return (PAGE_INDICATORS as readonly unknown[]).includes(value);
}

/** The default words for each state, in the active locale (Statuspage's wording in English). */
function defaultLabel(state: BadgeState): string {
  switch (state) {
    case 'none':
      return msg('All Systems Operational', { desc: 'Status badge: nothing is wrong' });
    case 'minor':
      return msg('Minor Service Outage', { desc: 'Status badge: page indicator "minor"' });
    case 'major':
      return msg('Partial System Outage', { desc: 'Status badge: page indicator "major"' });
    case 'critical':
      return msg('Major Service Outage', { desc: 'Status badge: page indicator "critical"' });
    case 'maintenance':
      return msg('Service Under Maintenance', {
        desc: 'Status badge: a maintenance is in progress',
      });
    case 'unknown':
      return msg('Status Unavailable', { desc: 'Status badge: the status is not known (yet)' });
  }
}

/**
 * Icons: the shape and the glyph differ per state, so the state never rests on colour alone
 * (and the text says it in words anyway). 16 x 16.
 */
const icons: Record<BadgeState, SVGTemplateResult> = {
  none: svg`<circle class="shape" cx="8" cy="8" r="7.5"></circle>
    <path class="glyph" d="M4.6 8.3l2.2 2.2 4.6-4.8"></path>`,
  minor: svg`<circle class="shape" cx="8" cy="8" r="7.5"></circle>
    <path class="glyph" d="M8 4.3v4.4"></path><circle class="dot" cx="8" cy="11.4" r="1.1"></circle>`,
  major: svg`<path class="shape" d="M8 .6c.5 0 .9.3 1.2.7l6.4 11.6c.5.9-.1 2-1.2 2H1.6c-1 0-1.7-1.1-1.2-2L6.8 1.3C7.1.9 7.5.6 8 .6z"></path>
    <path class="glyph" d="M8 5.4v3.8"></path><circle class="dot" cx="8" cy="12" r="1.05"></circle>`,
  critical: svg`<path class="shape" d="M5 .5h6L15.5 5v6L11 15.5H5L.5 11V5z"></path>
    <path class="glyph" d="M5.6 5.6l4.8 4.8m0-4.8-4.8 4.8"></path>`,
  maintenance: svg`<circle class="shape" cx="8" cy="8" r="7.5"></circle>
    <path class="glyph" d="M8 4.2V8l2.6 1.6"></path>`,
  unknown: svg`<circle class="shape" cx="8" cy="8" r="7.5"></circle>
    <path class="glyph" d="M6.1 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.9.7-.9 1.3v.2"></path><circle class="dot" cx="8" cy="11.9" r="1.05"></circle>`,
};

/**
 * A tiny embeddable badge with the status page's overall state: an icon and words, optionally a
 * link to the status page. It is a polite live region (`role="status"`), so a change of state is
 * announced by screen readers without moving focus.
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
 * @csspart label - The status text.
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
export class HanseiStatusBadge extends HanseiElement {
  static override styles = [HanseiElement.styles, statusBadgeStyles];

  /**
   * The page's overall state (Statuspage's `status.indicator`). Missing or unrecognised, the
   * badge says the status is unavailable rather than guessing.
   */
  @property({ reflect: true })
  indicator: PageIndicator | undefined;

  /** Words to show instead of the default text for the indicator, e.g. the page's own description. */
  @property()
  description: string | undefined;

  /** URL of the status page; when set, the badge is a link to it. */
  @property()
  href: string | undefined;

  protected override render(): TemplateResult {
    const state: BadgeState = isPageIndicator(this.indicator) ? this.indicator : 'unknown';
    const custom = this.description?.trim();
    const content = html`<span part="icon" class="icon"
        ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${icons[state]}</svg></span
      ><span part="label" class="label" lang=${ifDefined(custom ? undefined : getLocale())}
        >${custom || defaultLabel(state)}</span
      >`;
    return html`<span role="status" aria-atomic="true"
      >${this.href
        ? html`<a part="base" class="base ${state}" href=${this.href}>${content}</a>`
        : html`<span part="base" class="base ${state}">${content}</span>`}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-status-badge': HanseiStatusBadge;
  }
}
