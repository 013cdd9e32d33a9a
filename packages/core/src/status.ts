/**
 * Status aggregation: the worst of several component statuses, a group's status, the status each
 * component shows on the public page, and the page's overall status (Statuspage's `status`).
 * Pure; no clock.
 */
import type {
  Component,
  ComponentGroup,
  ComponentStatus,
  Impact,
  Incident,
  Maintenance,
  PageIndicator,
  PageStatus,
} from './domain.js';

/**
 * Component statuses from best to worst. Maintenance is planned, so it ranks just above
 * `operational` and below every kind of trouble.
 */
export const STATUS_SEVERITY: readonly ComponentStatus[] = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];

const STATUS_RANK = new Map<string, number>(STATUS_SEVERITY.map((status, rank) => [status, rank]));
const IMPACT_RANK = new Map<string, number>([
  ['none', 0],
  ['minor', 1],
  ['major', 2],
  ['critical', 3],
]);

/**
 * Rank of a component status in {@link STATUS_SEVERITY}: 0 for `operational` up to 4 for
 * `major_outage`. Throws a TypeError naming the value when it is not a component status.
 */
export function statusSeverity(status: ComponentStatus): number {
  const rank = STATUS_RANK.get(status);
  if (rank === undefined) {
    throw new TypeError(`Unknown component status "${String(status)}": expected one of ${STATUS_SEVERITY.join(', ')}.`);
  }
  return rank;
}

function impactRank(impact: Impact): number {
  const rank = IMPACT_RANK.get(impact);
  if (rank === undefined) {
    throw new TypeError(`Unknown impact "${String(impact)}": expected one of none, minor, major, critical.`);
  }
  return rank;
}

/**
 * The worst of some component statuses, by {@link STATUS_SEVERITY}. No statuses: `operational`.
 * Throws a TypeError naming any value that is not a component status.
 */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) {
    if (statusSeverity(status) > statusSeverity(worst)) worst = status;
  }
  return worst;
}

/**
 * A group's status: the worst status of its members among `components` (those whose `groupId`
 * is the group's id). A group without members is `operational`.
 */
export function groupStatus(group: Pick<ComponentGroup, 'id'>, components: readonly Component[]): ComponentStatus {
  return worstStatus(components.filter((c) => c.groupId === group.id).map((c) => c.status));
}

/** True while an incident is unresolved: `investigating`, `identified` or `monitoring`. */
export function isOpen(incident: Pick<Incident, 'status'>): boolean {
  return incident.status === 'investigating' || incident.status === 'identified' || incident.status === 'monitoring';
}

/** True while a maintenance is under way: `in_progress` or `verifying`. */
export function isMaintenanceActive(maintenance: Pick<Maintenance, 'status'>): boolean {
  return maintenance.status === 'in_progress' || maintenance.status === 'verifying';
}

/**
 * The components as the public page shows them right now: each one's status becomes the worst of
 * its own status, the statuses that open public incidents set on it, and `under_maintenance` while
 * an active maintenance covers it. Internal incidents, resolved incidents and maintenances that are
 * not under way change nothing. Returns the same objects when nothing changes, new ones otherwise;
 * order is kept. Throws a TypeError on an unknown status.
 */
export function effectiveComponents(
  components: readonly Component[],
  incidents: readonly Incident[] = [],
  maintenances: readonly Maintenance[] = [],
): Component[] {
  const imposed = new Map<string, ComponentStatus[]>();
  const impose = (id: string, status: ComponentStatus): void => {
    const list = imposed.get(id);
    if (list) list.push(status);
    else imposed.set(id, [status]);
  };
  for (const incident of incidents) {
    if (incident.visibility !== 'public' || !isOpen(incident)) continue;
    for (const affected of incident.components) impose(affected.componentId, affected.status);
  }
  for (const maintenance of maintenances) {
    if (!isMaintenanceActive(maintenance)) continue;
    for (const id of maintenance.components) impose(id, 'under_maintenance');
  }
  return components.map((component) => {
    const extra = imposed.get(component.id);
    if (!extra) return component;
    const status = worstStatus([component.status, ...extra]);
    return status === component.status ? component : { ...component, status };
  });
}

const said = (indicator: PageIndicator, description: string): PageStatus => Object.freeze({ indicator, description });

const OPERATIONAL = said('none', 'All Systems Operational');
const MAINTENANCE = said('maintenance', 'Service Under Maintenance');
const PARTIALLY_DEGRADED = said('minor', 'Partially Degraded Service');
const DEGRADED_SYSTEM = said('minor', 'Degraded System Service');
const MINOR_OUTAGE = said('minor', 'Minor Service Outage');
const PARTIAL_OUTAGE = said('major', 'Partial System Outage');
const MAJOR_SYSTEM_OUTAGE = said('critical', 'Major System Outage');

/** What the page says when a single component has this status. */
const SINGLE: Readonly<Record<ComponentStatus, PageStatus>> = {
  operational: OPERATIONAL,
  under_maintenance: MAINTENANCE,
  degraded_performance: PARTIALLY_DEGRADED,
  partial_outage: PARTIAL_OUTAGE,
  major_outage: MAJOR_SYSTEM_OUTAGE,
};

/** What the page says for an open incident when no component shows trouble, by impact. */
const BY_IMPACT: Readonly<Record<Exclude<Impact, 'none'>, PageStatus>> = {
  minor: MINOR_OUTAGE,
  major: PARTIAL_OUTAGE,
  critical: said('critical', 'Major Service Outage'),
};

/** Statuspage's blend of component statuses into one top-level status. */
function blend(statuses: readonly ComponentStatus[]): PageStatus {
  for (const s of statuses) statusSeverity(s);
  const [only] = statuses;
  if (statuses.length === 1 && only !== undefined) return SINGLE[only];
  const count = (s: ComponentStatus): number => statuses.filter((x) => x === s).length;
  const all = (s: ComponentStatus): boolean => statuses.length > 0 && count(s) === statuses.length;
  if (all('major_outage')) return MAJOR_SYSTEM_OUTAGE;
  if (count('major_outage') > 0 || all('partial_outage')) return PARTIAL_OUTAGE;
  if (count('partial_outage') > 0) return MINOR_OUTAGE;
  if (all('degraded_performance')) return DEGRADED_SYSTEM;
  if (count('degraded_performance') > 0) return PARTIALLY_DEGRADED;
  if (count('under_maintenance') > 0) return MAINTENANCE;
  return OPERATIONAL;
}

/**
 * The page's overall status (`indicator` and `description`), the way Atlassian Statuspage derives
 * `status` in `status.json` and `summary.json`.
 *
 * 1. Only components shown on the public page count (`showcase`), each with its effective status
 *    ({@link effectiveComponents}: open public incidents and active maintenances applied).
 * 2. The components are blended (Atlassian's "top-level status" rules):
 *    - none, or all operational: `none` "All Systems Operational";
 *    - exactly one component: operational / under maintenance / degraded / partial / major gives
 *      "All Systems Operational" / "Service Under Maintenance" (`maintenance`) /
 *      "Partially Degraded Service" (`minor`) / "Partial System Outage" (`major`) /
 *      "Major System Outage" (`critical`);
 *    - two or more, first match wins: all major outage: `critical` "Major System Outage"; any
 *      major outage, or all partial outage: `major` "Partial System Outage"; any partial outage:
 *      `minor` "Minor Service Outage"; all degraded: `minor` "Degraded System Service"; any
 *      degraded: `minor` "Partially Degraded Service"; any under maintenance: `maintenance`
 *      "Service Under Maintenance".
 * 3. Incidents speak only when no component shows trouble (the blend is `none` or `maintenance`):
 *    then the worst impact among open public incidents decides: `minor` "Minor Service Outage",
 *    `major` "Partial System Outage", `critical` "Major Service Outage"; impact `none` changes
 *    nothing. An incident never raises the page above what its components show.
 *
 * Sources: Atlassian Support, "Top-level status and incident impact calculations"
 * (support.atlassian.com/statuspage/docs/top-level-status-and-incident-impact-calculations/) for
 * the blend and its seven descriptions, and "0 components: All Systems Operational unless there is
 * an active incident"; Freshstatus's copy of the same rules for the two-or-more cases; the v2 API
 * docs ("a human description of the blended component status ... 'All Systems Operational',
 * 'Partial System Outage', and 'Major Service Outage'"); recorded payloads: Instructure's
 * summary.json (a minor incident over degraded components: `minor` "Partially Degraded Service"),
 * Atlassian's own v2 example (partial plus major outage under a critical incident: `major`
 * "Partial System Outage", likewise a recorded GitHub outage), Asana (`maintenance` "Service Under
 * Maintenance" during maintenance) and pages with an open minor incident on operational components
 * (`minor` "Minor Service Outage"). The major and critical rows of step 3 are inferred, not observed.
 *
 * @param components all components of the page; hidden ones (`showcase: false`) are ignored.
 * @param openIncidents incidents; resolved and internal ones are ignored, so all may be passed.
 * @param activeMaintenances maintenances; only `in_progress` and `verifying` ones count.
 * @throws TypeError on an unknown component status or impact.
 */
export function pageStatus(
  components: readonly Component[],
  openIncidents: readonly Incident[],
  activeMaintenances: readonly Maintenance[] = [],
): PageStatus {
  const shown = effectiveComponents(
    components.filter((c) => c.showcase),
    openIncidents,
    activeMaintenances,
  );
  const fromComponents = blend(shown.map((c) => c.status));
  let worst: Impact = 'none';
  for (const incident of openIncidents) {
    if (incident.visibility !== 'public' || !isOpen(incident)) continue;
    if (impactRank(incident.impact) > impactRank(worst)) worst = incident.impact;
  }
  const quiet = fromComponents.indicator === 'none' || fromComponents.indicator === 'maintenance';
  return quiet && worst !== 'none' ? BY_IMPACT[worst] : fromComponents;
}
