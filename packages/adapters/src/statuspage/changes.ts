/**
 * What changed between two readings of a page's `summary.json`, as the adapter interface's
 * {@link Change}s. The summary holds the page's components and groups, its unresolved incidents
 * and its upcoming and active maintenances. So an incident or maintenance that leaves it was
 * resolved, completed or deleted, and the summary does not say which: {@link SummaryDiff.gone}
 * lists those ids for the caller to look up.
 */
import type { Component, ComponentGroup, Id, Incident, Maintenance, Stored } from '@hansei/core';
import type { Change } from '../adapter.js';

/** The entities of one summary reading, as the adapter returns them. */
export interface SummaryEntities {
  readonly groups: readonly Stored<ComponentGroup>[];
  readonly components: readonly Stored<Component>[];
  readonly incidents: readonly Stored<Incident>[];
  readonly maintenances: readonly Stored<Maintenance>[];
}

export interface SummaryDiff {
  /** Created, updated and deleted components and groups; created and updated incidents and maintenances. */
  readonly changes: Change[];
  /** Incidents and maintenances in the earlier reading and not in the later one. */
  readonly gone: { readonly incidents: readonly Id[]; readonly maintenances: readonly Id[] };
}

interface Compared<T> {
  readonly created: T[];
  readonly updated: T[];
  readonly removed: Id[];
}

/** Entities of `after` new or different since `before` (compared whole), and ids no longer there. */
function compare<T extends { readonly id: Id }>(before: readonly T[], after: readonly T[]): Compared<T> {
  const earlier = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  const later = new Set(after.map((x) => x.id));
  const created: T[] = [];
  const updated: T[] = [];
  for (const x of after) {
    const was = earlier.get(x.id);
    if (was === undefined) created.push(x);
    else if (was !== JSON.stringify(x)) updated.push(x);
  }
  return { created, updated, removed: before.map((x) => x.id).filter((id) => !later.has(id)) };
}

/**
 * The changes from `before` to `after`: groups first, then components, incidents and
 * maintenances, each in the order of `after`.
 */
export function diffSummaries(before: SummaryEntities, after: SummaryEntities): SummaryDiff {
  const changes: Change[] = [];
  const groups = compare(before.groups, after.groups);
  for (const group of groups.created) changes.push({ type: 'component-group.created', data: { group } });
  for (const group of groups.updated) changes.push({ type: 'component-group.updated', data: { group } });
  for (const id of groups.removed) changes.push({ type: 'component-group.deleted', data: { id } });
  const components = compare(before.components, after.components);
  for (const component of components.created) changes.push({ type: 'component.created', data: { component } });
  for (const component of components.updated) changes.push({ type: 'component.updated', data: { component } });
  for (const id of components.removed) changes.push({ type: 'component.deleted', data: { id } });
  const incidents = compare(before.incidents, after.incidents);
  for (const incident of incidents.created) changes.push({ type: 'incident.created', data: { incident } });
  for (const incident of incidents.updated) changes.push({ type: 'incident.updated', data: { incident } });
  const maintenances = compare(before.maintenances, after.maintenances);
  for (const maintenance of maintenances.created) changes.push({ type: 'maintenance.created', data: { maintenance } });
  for (const maintenance of maintenances.updated) changes.push({ type: 'maintenance.updated', data: { maintenance } });
  return { changes, gone: { incidents: incidents.removed, maintenances: maintenances.removed } };
}
