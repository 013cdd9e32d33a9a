/**
 * The order a backend stores a dataset in (what `hansei seed` writes and the in-memory adapter
 * starts from): incidents apart from their updates, and histories in time order, so both keep the
 * same rows in the same order. Pure.
 */
import type { DemoDataset } from './demo.js';
import type { ComponentStatusChange, Incident, IncidentUpdate, RoleAssignment, TimelineEvent } from './domain.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Incidents as a backend stores them: each without its updates, and the updates on their own. */
export interface SplitIncidents {
  /** In the order given. */
  readonly incidents: Omit<Incident, 'updates'>[];
  /** All of them, in posting order: by display time, then by creation time. */
  readonly updates: IncidentUpdate[];
}

/** `incidents` split into the incident rows and the update rows a backend keeps ({@link SplitIncidents}). */
export function splitIncidents(incidents: readonly Incident[]): SplitIncidents {
  return {
    incidents: incidents.map(({ updates: _updates, ...incident }) => incident),
    updates: incidents.flatMap((i) => i.updates).sort((a, b) => byText(a.displayAt, b.displayAt) || byText(a.createdAt, b.createdAt)),
  };
}

/** A dataset in store order: see {@link storeOrder}. */
export interface StoreOrder extends Omit<DemoDataset, 'incidents' | 'statusChanges' | 'timeline' | 'roles'>, SplitIncidents {
  /** By time; changes at the same instant keep their order. */
  readonly statusChanges: ComponentStatusChange[];
  /** By time; events at the same instant keep their order. */
  readonly timeline: TimelineEvent[];
  /** Role assignments by the time they began; ties keep their order. */
  readonly roles: RoleAssignment[];
}

/**
 * `data` in the order a backend stores it: incidents split from their updates
 * ({@link splitIncidents}), status changes and timeline events by time, role assignments by the
 * time they began. The rest is as given. The objects are `data`'s own: copy them to keep them.
 */
export function storeOrder(data: DemoDataset): StoreOrder {
  return {
    ...data,
    ...splitIncidents(data.incidents),
    statusChanges: [...data.statusChanges].sort((a, b) => byText(a.at, b.at)),
    timeline: [...data.timeline].sort((a, b) => byText(a.at, b.at)),
    roles: [...data.roles].sort((a, b) => byText(a.assignedAt, b.assignedAt)),
  };
}
