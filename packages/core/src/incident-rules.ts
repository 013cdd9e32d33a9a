/**
 * The rules a backend applies when incidents and maintenances change: the times a new incident
 * status implies, how an update's component statuses merge into an incident's, and which status
 * each component takes from the open incidents and active maintenances that affect it. Pure; the
 * reference server and the in-memory adapter both apply them, so they cannot drift.
 */
import type {
  AffectedComponent,
  Component,
  ComponentStatus,
  Id,
  Incident,
  IncidentStatus,
  IsoDateTime,
  Maintenance,
  MaintenanceStatus,
} from './domain.js';
import { MAINTENANCE_STATUSES } from './domain.js';
import { isMaintenanceActive, isOpen, worstStatus } from './status.js';

const later = (a: IsoDateTime, b: IsoDateTime | null): IsoDateTime => (b !== null && b > a ? b : a);

/**
 * The mitigation and resolution times an incident gets when it moves to `status` at `at`:
 * `resolved` sets `resolvedAt` (and `mitigatedAt`) when absent; `monitoring` sets `mitigatedAt`
 * when absent; any open status clears `resolvedAt`. Never before the start, and a resolution
 * never before the mitigation. Instants are normalised ISO strings (they compare as text).
 */
export function statusTimes(
  incident: Pick<Incident, 'startedAt' | 'mitigatedAt' | 'resolvedAt'>,
  status: IncidentStatus,
  at: IsoDateTime,
): Pick<Incident, 'mitigatedAt' | 'resolvedAt'> {
  const from = later(at, incident.startedAt);
  if (status === 'resolved') {
    const resolvedAt = incident.resolvedAt ?? later(from, incident.mitigatedAt);
    return { resolvedAt, mitigatedAt: incident.mitigatedAt ?? resolvedAt };
  }
  return { resolvedAt: null, mitigatedAt: status === 'monitoring' ? (incident.mitigatedAt ?? from) : incident.mitigatedAt };
}

/**
 * An incident's affected components with the statuses of `changes` applied: a component already
 * listed takes its new status in place, a new one is added at the end.
 */
export function withComponents(current: readonly AffectedComponent[], changes: readonly AffectedComponent[]): AffectedComponent[] {
  const next = [...current];
  for (const change of changes) {
    const at = next.findIndex((c) => c.componentId === change.componentId);
    if (at >= 0) next[at] = change;
    else next.push(change);
  }
  return next;
}

/**
 * What `incident` sets `component`'s status to, if anything: only while it is open, and an
 * internal incident only on components the public page does not show (an internal incident never
 * changes the public page).
 */
export function imposedStatus(
  incident: Pick<Incident, 'status' | 'visibility' | 'components'>,
  component: Pick<Component, 'id' | 'showcase'>,
): AffectedComponent | undefined {
  if (!isOpen(incident) || (incident.visibility !== 'public' && component.showcase)) return undefined;
  return incident.components.find((c) => c.componentId === component.id);
}

/**
 * The status `component` should have now: the worst of what open incidents impose on it
 * ({@link imposedStatus}) and `under_maintenance` while an active maintenance holds it; else
 * `operational`. `incidents` and `maintenances` may be all of them: the others are ignored.
 */
export function componentTargetStatus(
  component: Pick<Component, 'id' | 'showcase'>,
  incidents: readonly Pick<Incident, 'status' | 'visibility' | 'components'>[],
  maintenances: readonly Pick<Maintenance, 'status' | 'components'>[],
): ComponentStatus {
  const statuses = incidents.flatMap((incident) => imposedStatus(incident, component)?.status ?? []);
  if (maintenances.some((m) => isMaintenanceActive(m) && m.components.includes(component.id))) statuses.push('under_maintenance');
  return worstStatus(statuses);
}

/**
 * Whether a maintenance may go from `from` to `to`: forward along scheduled -> in_progress ->
 * verifying -> completed (skipping steps is fine: a cancelled window is completed straight from
 * scheduled), back from verifying to in_progress (verification failed), or staying put (a
 * progress note). Completed is final.
 */
export function canMoveMaintenance(from: MaintenanceStatus, to: MaintenanceStatus): boolean {
  if (from === to) return true;
  if (from === 'completed') return false;
  if (from === 'verifying' && to === 'in_progress') return true;
  return MAINTENANCE_STATUSES.indexOf(to) > MAINTENANCE_STATUSES.indexOf(from);
}

/** The components a maintenance in this state holds under maintenance (none when it is not active, or null). */
export function heldComponents(maintenance: Pick<Maintenance, 'status' | 'components'> | null): Set<Id> {
  return new Set(maintenance && isMaintenanceActive(maintenance) ? maintenance.components : []);
}

/** The status a component returns to when a maintenance lets go of it, and what caused it. */
export interface ReleasedStatus {
  readonly status: ComponentStatus;
  /** The open incident that sets it, when one does. */
  readonly incidentId: Id | null;
  /** The maintenance that let go, when nothing else affects the component. */
  readonly maintenanceId: Id | null;
}

/**
 * What a component returns to when maintenance `maintenanceId` lets go of it (completed, deleted,
 * or the component taken off its list): null (leave it alone) when it is not under maintenance
 * any more (someone set it by hand) or another active maintenance still holds it; else the worst
 * status open incidents that list it give it (the first such incident, by start, as the cause),
 * or `operational`.
 *
 * @param incidents open incidents are considered, oldest start first (pass them in that order).
 */
export function statusAfterMaintenance(
  component: Pick<Component, 'id' | 'status'>,
  maintenanceId: Id,
  incidents: readonly Pick<Incident, 'id' | 'status' | 'components'>[],
  maintenances: readonly Pick<Maintenance, 'id' | 'status' | 'components'>[],
): ReleasedStatus | null {
  if (component.status !== 'under_maintenance') return null;
  if (maintenances.some((m) => m.id !== maintenanceId && isMaintenanceActive(m) && m.components.includes(component.id))) return null;
  const imposed = incidents.flatMap((incident) =>
    isOpen(incident) ? incident.components.filter((c) => c.componentId === component.id).map((c) => ({ id: incident.id, status: c.status })) : [],
  );
  if (imposed.length === 0) return { status: 'operational', incidentId: null, maintenanceId };
  const status = worstStatus(imposed.map((i) => i.status));
  return { status, incidentId: imposed.find((i) => i.status === status)?.id ?? null, maintenanceId: null };
}
