import type { TemplateResult } from 'lit';
import { HanseiStatusElement } from '../internal/status-element.js';
import { componentListStyles } from './component-list.styles.js';
import { componentListTemplate } from './component-list.template.js';

/**
 * The status page's components, as Statuspage lists them: groups and ungrouped components in
 * page order, each with its status as an icon and words (Operational, Degraded Performance,
 * Partial Outage, Major Outage, Under Maintenance), never colour alone.
 *
 * Groups are native `<details>` disclosures that start open when a member is not operational
 * and say how many components they hold; a component's description opens on demand the same
 * way. Components marked "only show if degraded" are left out while operational (and a group
 * with nothing left to show with them). Everything works without JavaScript and from the
 * keyboard (Tab to a row, Enter or Space to open it). From 320 px wide, a row's status moves
 * under its name when there is no room beside it.
 *
 * It shows `snapshot` when set, else reads through its adapter (its `adapter` property, else the
 * provider's) and follows live changes; when a fresh status cannot be read it shows the last
 * known one with "as of <time>". See `HanseiStatusElement`. The markup comes from
 * `componentListTemplate`, which the status page also renders on the server.
 *
 * @tag hansei-component-list
 * @summary The page's components in their groups, each with its status as an icon and words; groups expand.
 *
 * @csspart base - Everything the element shows once it has a status.
 * @csspart list - The list of groups and ungrouped components.
 * @csspart group - One group (a list item).
 * @csspart group-details - A group's disclosure (`<details>`).
 * @csspart group-summary - A group's row: its name, how many components, and its worst status.
 * @csspart group-name - A group's name (also has part `name`).
 * @csspart group-description - A group's description, inside its disclosure (also has part `description`).
 * @csspart count - How many components a group shows.
 * @csspart members - The list of a group's components.
 * @csspart component - One component (a list item); also has part `member` inside a group.
 * @csspart member - A component inside a group.
 * @csspart component-details - The disclosure of a component that has a description.
 * @csspart component-summary - The row of a component that has a description.
 * @csspart name - The name of a component or group.
 * @csspart status - A status in words.
 * @csspart icon - A status icon (decorative: the words say the same).
 * @csspart description - A component's or group's description.
 * @csspart empty - Said when there are no components to show.
 * @csspart as-of - The note that the status is the last known one, and from when.
 * @csspart loading - Said while loading.
 * @csspart error - The message when the status could not be read, with Try again.
 * @csspart button - The Try again button.
 * @csspart missing-adapter - The note shown without snapshot or adapter.
 *
 * @cssprop [--hansei-color-scheme=light dark] - `light`, `dark`, or `light dark` to follow the viewer's preference.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Icon of operational components.
 * @cssprop [--hansei-status-minor=light-dark(#9a6700, #d29922)] - Icon and words of degraded performance.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Icon and words of a partial outage.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Icon and words of a major outage.
 * @cssprop [--hansei-status-maintenance=light-dark(#0969da, #4493f8)] - Icon and words of maintenance.
 * @cssprop [--hansei-status-unknown=light-dark(#59636e, #9198a1)] - Icon of a status the kit does not know.
 * @cssprop [--hansei-status-on=light-dark(#ffffff, #0d1117)] - Glyphs drawn on the icons.
 * @cssprop [--hansei-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--hansei-color-muted=light-dark(#59636e, #9198a1)] - Secondary text (counts, descriptions).
 * @cssprop [--hansei-color-surface=light-dark(#ffffff, #0d1117)] - Background of the list.
 * @cssprop [--hansei-color-border=light-dark(#d1d9e0, #3d444d)] - Borders of the list and between rows.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring.
 * @cssprop [--hansei-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--hansei-font-size=0.875rem] - Font size.
 * @cssprop [--hansei-component-list-radius=8px] - Corner radius of the list.
 */
export class HanseiComponentList extends HanseiStatusElement {
  static override styles = [HanseiStatusElement.styles, componentListStyles];

  protected override render(): TemplateResult {
    return componentListTemplate(this.view, this.templateContext);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-component-list': HanseiComponentList;
  }
}
