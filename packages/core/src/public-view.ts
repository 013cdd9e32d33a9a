/**
 * What anonymous readers may see: the public view of an incident and of a maintenance, the
 * status page's details before anyone sets them, and the {@link StatusSnapshot} the status page
 * shows at first sight, by the same rules as the Statuspage v2 documents (statuspage.ts) and the
 * page status (status.ts). Pure; no clock.
 */
import type { StatusSnapshot } from './answers.js';
import type { Component, ComponentGroup, Id, Incident, IncidentUpdate, IsoDateTime, Maintenance, StatusPageInfo } from './domain.js';
import { effectiveComponents, isMaintenanceActive, isOpen, pageStatus } from './status.js';
import type { StatuspageData } from './statuspage.js';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The status page's details before an admin sets them; `origin` is the page's URL. */
export function defaultPageInfo(origin = 'http://localhost:3000'): StatusPageInfo {
  return { id: 'page', name: 'Hansei Status', url: origin, timeZone: 'UTC', updatedAt: EPOCH };
}

/**
 * What anonymous readers may see of a public incident: its public updates only, and links to
 * related incidents only when those are public too (`publicIds`; none when omitted).
 */
export function publicIncident(incident: Incident, publicIds: ReadonlySet<Id> = new Set()): Incident {
  return {
    ...incident,
    updates: incident.updates.filter((u) => u.visibility === 'public'),
    related: incident.related.filter((r) => publicIds.has(r.incidentId)),
  };
}

/** A maintenance as anonymous readers see it: without the components the public page hides (`showcased`: the shown ones' ids). */
export function publicMaintenance(maintenance: Maintenance, showcased: ReadonlySet<Id>): Maintenance {
  return maintenance.components.every((id) => showcased.has(id))
    ? maintenance
    : { ...maintenance, components: maintenance.components.filter((id) => showcased.has(id)) };
}

/** The latest of ISO instants (normalised, so they compare as text); the epoch when there are none. */
export function latestInstant(instants: Iterable<IsoDateTime | null | undefined>): IsoDateTime {
  let max = EPOCH;
  for (const at of instants) if (typeof at === 'string' && at > max) max = at;
  return max;
}

/**
 * The page as readers see it: its `updatedAt` moves with the latest change of anything it shows
 * (groups, components, incidents, maintenances), as Statuspage's `page.updated_at` does.
 */
export function pageAsShown(data: StatuspageData): StatusPageInfo {
  const changes = [data.groups, data.components, data.incidents, data.maintenances].flatMap((list: readonly { updatedAt: IsoDateTime }[]) =>
    list.map((item) => item.updatedAt),
  );
  return { ...data.page, updatedAt: latestInstant([data.page.updatedAt, ...changes]) };
}

/** An update without the component changes of components readers may not see (`shown`: the shown ones' ids); null when none is left. */
function shownUpdate(update: IncidentUpdate, shown: ReadonlySet<Id>): IncidentUpdate {
  if (update.affectedComponents === null) return update;
  const kept = update.affectedComponents.filter((c) => shown.has(c.componentId));
  return kept.length === update.affectedComponents.length ? update : { ...update, affectedComponents: kept.length > 0 ? kept : null };
}

/**
 * An incident as the status page shows it: its public updates only, and without the components
 * the page hides (`shown`: the shown ones' ids), neither in its components nor in its updates'
 * changes, as the Statuspage v2 documents leave them out.
 */
function shownIncident(incident: Incident, shown: ReadonlySet<Id>): Incident {
  return {
    ...incident,
    components: incident.components.filter((c) => shown.has(c.componentId)),
    updates: incident.updates.filter((u) => u.visibility === 'public').map((u) => shownUpdate(u, shown)),
  };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const pageOrder = (a: { position: number; id: Id }, b: { position: number; id: Id }): number => a.position - b.position || byText(a.id, b.id);

/**
 * The status snapshot of `data` at `generatedAt`:
 * - `page`: {@link pageAsShown};
 * - `status`: {@link pageStatus} of all of it;
 * - `components`: the shown ones (`showcase`), with the statuses the page shows
 *   ({@link effectiveComponents}), by position then id;
 * - `groups`: those with at least one shown member, by position then id;
 * - `incidents`: public ones not yet resolved, most recently started first, with their public
 *   updates only and without hidden components, neither in their `components` nor in their
 *   updates' `affectedComponents` (an update left with none has null); related links are kept
 *   as given: pass public views, see {@link publicIncident};
 * - `maintenances`: scheduled, in progress or verifying, soonest window first, without hidden
 *   components ({@link publicMaintenance}).
 */
export function statusSnapshot(data: StatuspageData, generatedAt: IsoDateTime): StatusSnapshot {
  const shown = data.components.filter((c) => c.showcase);
  const components: Component[] = effectiveComponents(shown, data.incidents, data.maintenances).sort(pageOrder);
  const used = new Set(components.map((c) => c.groupId));
  const groups: ComponentGroup[] = data.groups.filter((g) => used.has(g.id)).sort(pageOrder);
  const showcased = new Set(components.map((c) => c.id));
  const incidents = data.incidents
    .filter((i) => i.visibility === 'public' && isOpen(i))
    .sort((a, b) => byText(b.startedAt, a.startedAt) || byText(b.id, a.id))
    .map((i) => shownIncident(i, showcased));
  const maintenances = data.maintenances
    .filter((m) => m.status === 'scheduled' || isMaintenanceActive(m))
    .sort((a, b) => byText(a.scheduledFor, b.scheduledFor) || byText(a.id, b.id))
    .map((m) => publicMaintenance(m, showcased));
  return {
    page: pageAsShown(data),
    status: pageStatus(data.components, data.incidents, data.maintenances),
    groups,
    components,
    incidents,
    maintenances,
    generatedAt,
  };
}
