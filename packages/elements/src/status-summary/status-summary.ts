import type { TemplateResult } from 'lit';
import { HanseiStatusElement } from '../internal/status-element.js';
import { statusSummaryStyles } from './status-summary.styles.js';
import { statusSummaryTemplate } from './status-summary.template.js';

/**
 * The status page's banner: the page's overall state in words and colour with its icon, the way
 * Statuspage derives it (`StatusSnapshot.status`: "All Systems Operational", "Partial System
 * Outage", ...; Statuspage's known descriptions in the kit's locale, a page's own words as
 * written), the page's name, and when the page was last updated.
 *
 * The state is a polite live region (`role="status"`), so a change is announced by screen
 * readers without moving focus. When a fresh status cannot be read it keeps the last known one
 * and says "Last known status as of 10:42".
 *
 * It shows `snapshot` when set, else reads through its adapter (its `adapter` property, else the
 * provider's) and follows live changes; see `HanseiStatusElement`. The markup comes from
 * `statusSummaryTemplate`, which the status page also renders on the server.
 *
 * @tag hansei-status-summary
 * @summary The page's overall state as a coloured banner with an icon and words, the page's name and when it was updated.
 *
 * @csspart base - Everything the element shows.
 * @csspart banner - The coloured band with the state; has class `tone-<indicator>` (`tone-none`, `tone-minor`, `tone-major`, `tone-critical`, `tone-maintenance`, `tone-unknown`).
 * @csspart icon - The state's icon (decorative: the words say the same).
 * @csspart description - The state in words; a polite live region.
 * @csspart meta - The line with the page's name and when it was updated.
 * @csspart page-name - The page's name.
 * @csspart updated - When the page was last updated.
 * @csspart as-of - The note that the status is the last known one, and from when.
 * @csspart error - The message when the status could not be read, with Try again.
 * @csspart button - The Try again button.
 * @csspart missing-adapter - The note shown without snapshot or adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Banner colour when all systems are operational.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Banner colour for a minor outage or degraded service.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Banner colour for a partial outage.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Banner colour for a major outage.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Banner colour during maintenance.
 * @cssprop [--hansei-status-unknown=light-dark(#59636e, #9198a1)] - Banner colour while the state is unknown.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Text and icon colour on the banner (at least 4.5:1 against every status colour).
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (when updated, the "as of" note).
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the Try again button.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Border of the Try again button.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 * @cssprop [--hansei-status-summary-font-size=1.25em] - Size of the state's words.
 * @cssprop [--hansei-status-summary-radius=8px] - Corner radius of the banner.
 */
export class HanseiStatusSummary extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, statusSummaryStyles];

  protected override render(): TemplateResult {
    return statusSummaryTemplate(this.view, this.templateContext);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-status-summary': HanseiStatusSummary;
  }
}
