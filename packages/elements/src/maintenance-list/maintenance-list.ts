import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { HanseiStatusElement } from '../internal/status-element.js';
import { maintenanceListStyles } from './maintenance-list.styles.js';
import { maintenanceListTemplate } from './maintenance-list.template.js';

/** How often relative phrases ("starts in 5 minutes") are brought up to date, in milliseconds. */
const TICK_MS = 60_000;

/**
 * The maintenances under way and upcoming (`StatusSnapshot.maintenances`), those under way
 * first: each with its title, its status in words (Scheduled, In progress, Verifying), its window
 * in the viewer's time zone with a relative phrase ("Starts in 2 days", "Until 2:00 PM"), the
 * components it affects by name, and its latest update. With none, it says no maintenance is
 * scheduled.
 *
 * Relative phrases are brought up to date every minute (unless `now` is set). Titles are
 * headings (`heading-level`, default 3), so screen reader users can move between them.
 *
 * It shows `snapshot` when set, else reads through its adapter (its `adapter` property, else the
 * provider's) and follows live changes; when a fresh status cannot be read it shows the last
 * known one with "as of <time>". See `HanseiStatusElement`. The markup comes from
 * `maintenanceListTemplate`, which the status page also renders on the server.
 *
 * @tag hansei-maintenance-list
 * @summary Maintenances under way and upcoming: title, status, window in the viewer's time zone, affected components, latest update.
 *
 * @csspart base - Everything the element shows once it has a status.
 * @csspart list - The list of maintenances.
 * @csspart maintenance - One maintenance; also has part `active` while it is under way.
 * @csspart active - A maintenance under way (in progress or verifying).
 * @csspart title - Its title (a heading).
 * @csspart maintenance-link - Its title as a link to its page (with `href-template`).
 * @csspart status - Its status: icon and words.
 * @csspart icon - The status icon (decorative: the words say the same).
 * @csspart window - When: the relative phrase and the window.
 * @csspart when - The relative phrase ("Starts in 2 days", "Until 2:00 PM").
 * @csspart range - The window, with the time zone's name.
 * @csspart components - The components it affects.
 * @csspart update - Its latest update and when it was posted.
 * @csspart empty - Said when no maintenance is scheduled.
 * @csspart as-of - The note that the status is the last known one, and from when.
 * @csspart loading - Said while loading.
 * @csspart error - The message when the status could not be read, with Try again.
 * @csspart button - The Try again button.
 * @csspart missing-adapter - The note shown without snapshot or adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Icon, status words and edge of maintenances under way.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Glyphs drawn on the icons.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (windows, labels, posted times).
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of each maintenance.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Border of each maintenance.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 * @cssprop [--hansei-maintenance-list-radius=8px] - Corner radius of each maintenance.
 */
export class HanseiMaintenanceList extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, maintenanceListStyles];

  /** The `aria-level` of each maintenance's title: one below the heading the list sits under. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Link of a maintenance: `{id}` is replaced by its id, e.g. `/maintenances/{id}/`. Without it, titles are not links. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  #tick: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#tick = setInterval(() => {
      if (this.now === undefined) this.requestUpdate();
    }, TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
  }

  protected override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return maintenanceListTemplate(this.view, { ...this.templateContext, headingLevel: level, hrefTemplate: this.hrefTemplate || null });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-maintenance-list': HanseiMaintenanceList;
  }
}
