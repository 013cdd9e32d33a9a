/**
 * Daily uptime of components, from their status history (`component_status_changes`, written by
 * every status change) through @hansei/core's `dailyUptime`. One reading serves the uptime bar of
 * one component (`/v1/components/:id/uptime`) and of the whole page (`/v1/uptime`).
 */
import { dailyUptime, type Component, type ComponentStatus, type ComponentStatusChange, type ComponentUptime } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { publicIncidentIds } from './incidents.js';

export interface UptimeOptions {
  /** "Now", epoch ms: the last day is the one containing it. */
  readonly now: number;
  /** How many days, ending with today. */
  readonly days: number;
  /** IANA time zone whose midnights cut the days. */
  readonly timeZone: string;
  /** List only public incidents in `incidentIds` (anonymous readers). */
  readonly publicIncidentsOnly: boolean;
}

interface ChangeRow {
  component_id: string;
  at: string;
  status: ComponentStatus;
  incident_id: string | null;
  maintenance_id: string | null;
}

/**
 * The daily uptime of each of `components`, in the order given, oldest day first. Throws core's
 * RangeError when the days cannot be cut (an unknown time zone, a bad start date).
 */
export async function uptimeOf(sql: Sql, components: readonly Component[], options: UptimeOptions): Promise<ComponentUptime[]> {
  if (components.length === 0) return [];
  const rows = await sql.query<ChangeRow>(
    'select component_id, at, status, incident_id, maintenance_id from component_status_changes where component_id = any($1) order by at, seq',
    [components.map((c) => c.id)],
  );
  const history = new Map<string, ComponentStatusChange[]>(components.map((c) => [c.id, []]));
  for (const row of rows) {
    history.get(row.component_id)?.push({ componentId: row.component_id, at: row.at, status: row.status, incidentId: row.incident_id, maintenanceId: row.maintenance_id });
  }
  const answers = components.map((component) => ({
    componentId: component.id,
    days: dailyUptime(history.get(component.id) ?? [], { end: options.now, days: options.days, timeZone: options.timeZone, startDate: component.startDate }),
  }));
  if (!options.publicIncidentsOnly) return answers;
  // Anonymous readers learn only of public incidents.
  const visible = await publicIncidentIds(sql, [...new Set(answers.flatMap((a) => a.days.flatMap((d) => d.incidentIds)))]);
  return answers.map((a) => ({ ...a, days: a.days.map((d) => ({ ...d, incidentIds: d.incidentIds.filter((id) => visible.has(id)) })) }));
}
