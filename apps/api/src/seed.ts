/**
 * `hansei seed`: loads @hansei/core's demo dataset (components in groups, 90 days of status
 * history, incidents with updates, timelines and roles, postmortems, prevention actions, SLOs
 * with samples, people and settings) into every table, in one transaction.
 *
 * Rows go in with one multi-row INSERT per table (chunked): the rows travel as one jsonb array
 * parameter that `jsonb_array_elements ... with ordinality` unpacks in order, so the serial
 * `seq` columns follow the order given and both drivers take the same single parameter.
 */
import {
  demoDataset,
  postmortemFoldedText,
  splitIncidents,
  storeOrder,
  type SplitIncidents,
  type Component,
  type ComponentGroup,
  type ComponentStatusChange,
  type DemoDataset,
  type Incident,
  type Maintenance,
  type Person,
  type Postmortem,
  type PreventionAction,
  type RoleAssignment,
  type SliSample,
  type Slo,
  type TimelineEvent,
} from '@hansei/core';
import type { Database, Sql } from './db/database.js';
import { publish } from './store/events.js';
import { SETTING_KEYS } from './store/settings.js';

/** How many rows of each kind were written. */
export interface SeedSummary {
  readonly people: number;
  readonly componentGroups: number;
  readonly components: number;
  readonly statusChanges: number;
  readonly incidents: number;
  readonly incidentUpdates: number;
  readonly timelineEvents: number;
  readonly roleAssignments: number;
  readonly maintenances: number;
  readonly postmortems: number;
  readonly actions: number;
  readonly slos: number;
  readonly samples: number;
  readonly settings: number;
  /** Wall-clock time the load took, in milliseconds. */
  readonly ms: number;
}

export interface SeedOptions {
  /** Empty the tables first when the database already has incidents (default: refuse). */
  readonly replace?: boolean;
}

/** Rows per INSERT statement. */
const CHUNK = 5_000;

type ColumnType = 'text' | 'integer' | 'bigint' | 'double precision' | 'jsonb';
type Row = Record<string, unknown>;

/**
 * Inserts `rows` into `table` with one statement per {@link CHUNK} rows, in the order given.
 * `columns` names each column and its SQL type; a row's value for it is taken by that name.
 * `onConflict` is appended as is (`on conflict (key) do update ...`).
 */
export async function insertRows(
  sql: Sql,
  table: string,
  columns: Readonly<Record<string, ColumnType>>,
  rows: readonly Row[],
  onConflict = '',
): Promise<number> {
  const names = Object.keys(columns);
  const values = names.map((name) => (columns[name] === 'jsonb' ? `e.v->'${name}'` : `(e.v->>'${name}')::${columns[name] as string}`));
  const text = `insert into ${table} (${names.join(', ')}) select ${values.join(', ')} from jsonb_array_elements($1::jsonb) with ordinality as e(v, n) order by e.n ${onConflict}`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    await sql.query(text, [JSON.stringify(rows.slice(start, start + CHUNK))]);
  }
  return rows.length;
}

const VERSIONED = { id: 'text', version: 'integer', created_at: 'text', updated_at: 'text', doc: 'jsonb' } as const;

/** A version-1 resource row of `doc` with its filter columns. */
function resourceRow(doc: { id: string; createdAt: string; updatedAt: string }, columns: Row = {}): Row {
  return { id: doc.id, version: 1, created_at: doc.createdAt, updated_at: doc.updatedAt, doc, ...columns };
}

/** People (their rows are stamped `at`: a person's document has no timestamps). */
export function writePeople(sql: Sql, people: readonly Person[], at: string): Promise<number> {
  return insertRows(sql, 'people', VERSIONED, people.map((p) => ({ id: p.id, version: 1, created_at: at, updated_at: at, doc: p })));
}

export function writeComponentGroups(sql: Sql, groups: readonly ComponentGroup[]): Promise<number> {
  return insertRows(sql, 'component_groups', { ...VERSIONED, position: 'integer' }, groups.map((g) => resourceRow(g, { position: g.position })));
}

export function writeComponents(sql: Sql, components: readonly Component[]): Promise<number> {
  return insertRows(
    sql,
    'components',
    { ...VERSIONED, group_id: 'text', position: 'integer' },
    components.map((c) => resourceRow(c, { group_id: c.groupId, position: c.position })),
  );
}

/** Status history, in the order given (store order: by time, see core's `storeOrder`). */
export function writeStatusChanges(sql: Sql, changes: readonly ComponentStatusChange[]): Promise<number> {
  return insertRows(
    sql,
    'component_status_changes',
    { component_id: 'text', at: 'text', status: 'text', incident_id: 'text', maintenance_id: 'text' },
    changes.map((c) => ({ component_id: c.componentId, at: c.at, status: c.status, incident_id: c.incidentId, maintenance_id: c.maintenanceId })),
  );
}

/** Incidents (the row's document without updates) and their updates, oldest update first. */
export function writeIncidents(sql: Sql, incidents: readonly Incident[]): Promise<{ incidents: number; updates: number }> {
  return writeSplitIncidents(sql, splitIncidents(incidents));
}

/** Incident rows and update rows, each in the order given. */
async function writeSplitIncidents(sql: Sql, split: SplitIncidents): Promise<{ incidents: number; updates: number }> {
  const rows = split.incidents.map((stored) => resourceRow(stored, { started_at: stored.startedAt, status: stored.status, severity: stored.severity, visibility: stored.visibility }));
  await insertRows(sql, 'incidents', { ...VERSIONED, started_at: 'text', status: 'text', severity: 'text', visibility: 'text' }, rows);
  const updates = split.updates.map((u) => ({ id: u.id, incident_id: u.incidentId, visibility: u.visibility, display_at: u.displayAt, doc: u }));
  await insertRows(sql, 'incident_updates', { id: 'text', incident_id: 'text', visibility: 'text', display_at: 'text', doc: 'jsonb' }, updates);
  return { incidents: rows.length, updates: updates.length };
}

/** Timeline events, in the order given (store order: by time). */
export function writeTimeline(sql: Sql, events: readonly TimelineEvent[]): Promise<number> {
  return insertRows(sql, 'timeline_events', { id: 'text', incident_id: 'text', at: 'text', doc: 'jsonb' }, events.map((e) => ({ id: e.id, incident_id: e.incidentId, at: e.at, doc: e })));
}

/** Role assignments, in the order given (store order: by the time they began). */
export function writeRoleAssignments(sql: Sql, assignments: readonly RoleAssignment[]): Promise<number> {
  return insertRows(
    sql,
    'role_assignments',
    { id: 'text', incident_id: 'text', role: 'text', person_id: 'text', assigned_at: 'text', released_at: 'text', doc: 'jsonb' },
    assignments.map((a) => ({ id: a.id, incident_id: a.incidentId, role: a.role, person_id: a.personId, assigned_at: a.assignedAt, released_at: a.releasedAt, doc: a })),
  );
}

export function writeMaintenances(sql: Sql, maintenances: readonly Maintenance[]): Promise<number> {
  return insertRows(
    sql,
    'maintenances',
    { ...VERSIONED, scheduled_for: 'text', status: 'text' },
    maintenances.map((m) => resourceRow(m, { scheduled_for: m.scheduledFor, status: m.status })),
  );
}

export function writePostmortems(sql: Sql, postmortems: readonly Postmortem[]): Promise<number> {
  return insertRows(
    sql,
    'postmortems',
    { ...VERSIONED, incident_id: 'text', status: 'text', search_text: 'text' },
    postmortems.map((p) => resourceRow(p, { incident_id: p.incidentId, status: p.status, search_text: postmortemFoldedText(p) })),
  );
}

/** Prevention actions and their links to incidents. */
export async function writeActions(sql: Sql, actions: readonly PreventionAction[]): Promise<number> {
  await insertRows(
    sql,
    'prevention_actions',
    { ...VERSIONED, status: 'text', rank: 'text', due_date: 'text', owner_id: 'text' },
    actions.map((a) => resourceRow(a, { status: a.status, rank: a.rank, due_date: a.dueDate, owner_id: a.ownerId })),
  );
  const links = actions.flatMap((a) => [...new Set(a.incidentIds)].map((incidentId) => ({ action_id: a.id, incident_id: incidentId })));
  await insertRows(sql, 'action_incidents', { action_id: 'text', incident_id: 'text' }, links);
  return actions.length;
}

export function writeSlos(sql: Sql, slos: readonly Slo[]): Promise<number> {
  return insertRows(sql, 'slos', VERSIONED, slos.map((s) => resourceRow(s)));
}

/** SLI samples per SLO id (a sample at an instant already stored is an error: the samples route upserts). */
export function writeSamples(sql: Sql, samples: Readonly<Record<string, readonly SliSample[]>>): Promise<number> {
  return insertRows(
    sql,
    'sli_samples',
    { slo_id: 'text', at: 'bigint', good: 'double precision', total: 'double precision' },
    Object.entries(samples).flatMap(([sloId, list]) => list.map((s) => ({ slo_id: sloId, at: s.at, good: s.good, total: s.total }))),
  );
}

/** The guideline, roles and page details: written over any stored ones, whose version goes up. */
export function writeSettings(sql: Sql, settings: Pick<DemoDataset, 'guideline' | 'roleDefinitions' | 'page'>, at: string): Promise<number> {
  return insertRows(
    sql,
    'settings',
    { key: 'text', version: 'integer', updated_at: 'text', doc: 'jsonb' },
    [
      { key: SETTING_KEYS.guideline, version: 1, updated_at: settings.guideline.updatedAt, doc: settings.guideline },
      { key: SETTING_KEYS.roles, version: 1, updated_at: at, doc: settings.roleDefinitions },
      { key: SETTING_KEYS.page, version: 1, updated_at: settings.page.updatedAt, doc: settings.page },
    ],
    'on conflict (key) do update set version = settings.version + 1, updated_at = excluded.updated_at, doc = excluded.doc',
  );
}

/** The tables `replace` empties, children before parents. Tokens stay: admins keep access. */
const DATA_TABLES = [
  'sli_samples',
  'slos',
  'action_incidents',
  'prevention_actions',
  'postmortems',
  'role_assignments',
  'timeline_events',
  'incident_updates',
  'incidents',
  'maintenances',
  'component_status_changes',
  'components',
  'component_groups',
  'people',
  'settings',
  'postmortem_templates',
  'incident_templates',
  'idempotency_keys',
] as const;

/** Thrown by {@link seedDemo} when the database already has incidents and `replace` was not asked for. */
export class SeedRefusedError extends Error {
  override readonly name = 'SeedRefusedError';
}

/**
 * Loads the demo dataset built for `now` (epoch ms) into `db`, in one transaction: all of it or
 * nothing. Refuses with a {@link SeedRefusedError} when the database already has incidents,
 * unless `options.replace`, which first empties every data table (tokens stay). Publishes a
 * `demo.seeded` event so live clients reload.
 */
export async function seedDemo(db: Database, now: number, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const data = storeOrder(demoDataset({ now }));
  const at = new Date(now).toISOString();
  const counts = await db.transaction(async (tx) => {
    const [existing] = await tx.query<{ n: number }>('select count(*)::int as n from incidents');
    const incidents = existing?.n ?? 0;
    if (incidents > 0 && !options.replace) {
      throw new SeedRefusedError(
        `The database already has ${incidents} incident${incidents === 1 ? '' : 's'}; seeding would mix the demo with them. Use a fresh data folder, or replace everything (hansei seed --replace).`,
      );
    }
    if (options.replace) await tx.query(`truncate ${DATA_TABLES.join(', ')}`);
    const people = await writePeople(tx, data.people, at);
    const componentGroups = await writeComponentGroups(tx, data.groups);
    const components = await writeComponents(tx, data.components);
    const statusChanges = await writeStatusChanges(tx, data.statusChanges);
    const written = await writeSplitIncidents(tx, data);
    const timelineEvents = await writeTimeline(tx, data.timeline);
    const roleAssignments = await writeRoleAssignments(tx, data.roles);
    const maintenances = await writeMaintenances(tx, data.maintenances);
    const postmortems = await writePostmortems(tx, data.postmortems);
    const actions = await writeActions(tx, data.actions);
    const slos = await writeSlos(tx, data.slos);
    const samples = await writeSamples(tx, data.samples);
    const settings = await writeSettings(tx, data, at);
    const summary = {
      people,
      componentGroups,
      components,
      statusChanges,
      incidents: written.incidents,
      incidentUpdates: written.updates,
      timelineEvents,
      roleAssignments,
      maintenances,
      postmortems,
      actions,
      slos,
      samples,
      settings,
    };
    await publish(db, tx, 'public', 'demo.seeded', { replaced: options.replace === true }, now);
    return summary;
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}
