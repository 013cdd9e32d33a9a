/**
 * The status icons every status element draws: one shape and glyph per tone, so a state never
 * rests on colour alone (and the elements always say it in words too). 16 x 16, decorative
 * (`aria-hidden`). `statusIconStyles` (status-icons.styles.ts) colours them: each `tone-<tone>`
 * class sets `--_tone` to that tone's colour.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { PageIndicator } from '@hansei/core';

/**
 * The tones a status is drawn in: a page indicator (Statuspage's `status.indicator`), or
 * `unknown` when there is none (yet) or an unrecognised one. Component statuses map onto them
 * with {@link componentTone}.
 */
export type StatusTone = PageIndicator | 'unknown';

/** Every tone's drawing. */
export const statusIcons: Readonly<Record<StatusTone, SVGTemplateResult>> = {
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

const PAGE_TONES: readonly string[] = ['none', 'minor', 'major', 'critical', 'maintenance'];

/** `value` as a tone: a known page indicator, else `unknown`. */
export function indicatorTone(value: unknown): StatusTone {
  return PAGE_TONES.includes(value as string) ? (value as PageIndicator) : 'unknown';
}

/**
 * The tone of a component status (core's `ComponentStatus`): operational is `none`, degraded
 * performance `minor`, partial outage `major`, major outage `critical`, under maintenance
 * `maintenance`; any other value (bad data) `unknown`.
 */
export function componentTone(status: string): StatusTone {
  switch (status) {
    case 'operational':
      return 'none';
    case 'degraded_performance':
      return 'minor';
    case 'partial_outage':
      return 'major';
    case 'major_outage':
      return 'critical';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

/**
 * The icon of `tone` in a `<span part="icon" class="icon tone-<tone>">`, hidden from assistive
 * technology (the words beside it say the same).
 */
export function statusIcon(tone: StatusTone, part = 'icon'): TemplateResult {
  return html`<span part=${part} class="icon tone-${tone}"
    ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${statusIcons[tone]}</svg></span
  >`;
}
