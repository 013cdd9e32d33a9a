/**
 * The markup of `<hansei-component-list>`, as a pure function of what it shows: the element
 * renders it in the browser, and the status page renders the same on the server. Groups expand
 * with native `<details>` (open when a member is not operational) and so do descriptions, so
 * everything is readable and usable without JavaScript.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Component, ComponentGroup, StatusSnapshot } from '@hansei/core';
import { componentTone, statusIcon } from '../internal/status-icons.js';
import { asOfTemplate, errorTemplate, loadingTemplate, missingTemplate, type StatusTemplateContext, type StatusView } from '../internal/status-view.js';
import { componentStatusWords } from '../internal/status-words.js';

/** One line of the list: a group with the members it shows, or a component outside any group. */
export type ComponentRow =
  | { readonly kind: 'group'; readonly group: ComponentGroup; readonly members: readonly Component[]; readonly status: string }
  | { readonly kind: 'component'; readonly component: Component };

/**
 * Component statuses from best to worst, as core's `STATUS_SEVERITY` orders them (copied: importing
 * it would bring the rest of core's status module along, which a page of status elements need not ship).
 */
const SEVERITY: readonly string[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];

/** Rank of a status, worst highest; a status the kit does not know ranks below operational. */
function rank(status: string): number {
  return SEVERITY.indexOf(status);
}

/** The worst of some statuses (operational when there are none or none is known). */
function worst(statuses: readonly string[]): string {
  return statuses.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'operational');
}

/**
 * Whether the page shows `component`: a component marked "only show if degraded" is hidden while
 * operational (the snapshot holds it with the status the page shows, so this is all there is to do).
 */
export function isShown(component: Component): boolean {
  return !(component.onlyShowIfDegraded && component.status === 'operational');
}

/**
 * The list's rows in page order: groups (with at least one shown member) and components outside
 * any group share one order by position, a group first when they tie, as Statuspage lists them.
 * A component whose group is unknown is listed on its own.
 */
export function componentRows(snapshot: Pick<StatusSnapshot, 'groups' | 'components'>): ComponentRow[] {
  const shown = (snapshot.components ?? []).filter(isShown);
  const groups = new Map((snapshot.groups ?? []).map((g) => [g.id, g]));
  const members = new Map<string, Component[]>();
  const rows: { row: ComponentRow; position: number; order: number }[] = [];
  for (const component of shown) {
    const group = component.groupId === null ? undefined : groups.get(component.groupId);
    if (group) {
      const list = members.get(group.id);
      if (list) list.push(component);
      else members.set(group.id, [component]);
    } else {
      rows.push({ row: { kind: 'component', component }, position: component.position, order: 1 });
    }
  }
  for (const [id, list] of members) {
    const group = groups.get(id)!;
    const sorted = [...list].sort((a, b) => a.position - b.position);
    rows.push({ row: { kind: 'group', group, members: sorted, status: worst(sorted.map((c) => c.status)) }, position: group.position, order: 0 });
  }
  return rows.sort((a, b) => a.position - b.position || a.order - b.order).map((r) => r.row);
}

/** The status of a row's component or group: icon and words. */
function statusTemplate(status: string): TemplateResult {
  const tone = componentTone(status);
  return html`<span class="state tone-${tone}">${statusIcon(tone)}<span part="status" class="status">${componentStatusWords(status)}</span></span>`;
}

/** One component: a row with its status; with a description, a disclosure that shows it. */
function componentTemplate(component: Component, grouped: boolean): TemplateResult {
  const description = component.description?.trim();
  const row = html`<span part="name" class="name">${component.name}</span>${statusTemplate(component.status)}`;
  return html`<li part="component${grouped ? ' member' : ''}" class="component" data-id=${component.id}>
    ${description
      ? html`<details part="component-details" class="about">
          <summary part="component-summary" class="row">${row}</summary>
          <p part="description" class="description">${description}</p>
        </details>`
      : html`<div class="row plain">${row}</div>`}
  </li>`;
}

function countWords(count: number): string {
  return count === 1
    ? msg('1 component', { id: 'component-list.one-component', desc: 'How many components a group shows, exactly one' })
    : msg(str`${count} components`, { id: 'component-list.components', desc: 'How many components a group shows, more than one' });
}

/** A group: a disclosure, open when a member is not operational, listing its members. */
function groupTemplate(row: Extract<ComponentRow, { kind: 'group' }>): TemplateResult {
  const { group, members, status } = row;
  return html`<li part="group" class="group" data-id=${group.id}>
    <details part="group-details" ?open=${status !== 'operational'}>
      <summary part="group-summary" class="row">
        <span class="heading"><span part="name group-name" class="name">${group.name}</span><span part="count" class="count">${countWords(members.length)}</span></span
        >${statusTemplate(status)}
      </summary>
      ${group.description?.trim() ? html`<p part="description group-description" class="description">${group.description.trim()}</p>` : nothing}
      <ul part="members" class="members" role="list">
        ${members.map((c) => componentTemplate(c, true))}
      </ul>
    </details>
  </li>`;
}

/**
 * The components of the page, grouped, each with its status as an icon and words; the "as of"
 * note when the status is the last known one; loading, error and empty states.
 */
export function componentListTemplate(view: StatusView, ctx: StatusTemplateContext): TemplateResult {
  if (view.state === 'missing') return missingTemplate();
  if (view.state === 'loading') return loadingTemplate();
  if (view.state === 'error') return errorTemplate(ctx);
  const rows = componentRows(view.snapshot);
  return html`<div part="base" class="base">
    ${view.asOf ? asOfTemplate(view.asOf, ctx) : nothing}
    ${rows.length === 0
      ? html`<p part="empty" class="empty">${msg('No components to show.', { id: 'component-list.empty', desc: 'The status page lists no components' })}</p>`
      : html`<ul part="list" class="list" role="list">
          ${rows.map((row) => (row.kind === 'group' ? groupTemplate(row) : componentTemplate(row.component, false)))}
        </ul>`}
  </div>`;
}
