/**
 * The Atlassian Statuspage public API v2 (`/api/v2/*.json`), both ways: the documents a Hansei
 * server publishes from its domain objects, and domain objects read back from any Statuspage
 * page's documents (validated, since they come from outside).
 *
 * Field names, enums, nullability and key order follow real pages (recorded summary.json payloads
 * of Instructure, Zoom and others, and Atlassian's v2 API documentation).
 */
import * as v from 'valibot';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  PAGE_INDICATORS,
} from './domain.js';
import type {
  AffectedComponent,
  Component,
  ComponentGroup,
  ComponentStatus,
  ComponentTransition,
  Id,
  Impact,
  Incident,
  IncidentStatus,
  IncidentUpdate,
  IsoDateTime,
  Maintenance,
  MaintenanceStatus,
  MaintenanceUpdate,
  PageIndicator,
  PageStatus,
  StatusPageInfo,
} from './domain.js';
import { effectiveComponents, groupStatus, isMaintenanceActive, isOpen, pageStatus } from './status.js';
import { toIso, toMs } from './time.js';

// ---------------------------------------------------------------------------------------------
// v2 JSON types

/** Incident status in v2: the domain's, plus `postmortem` (resolved, postmortem published). */
export type StatuspageIncidentStatus = IncidentStatus | 'postmortem';

/** `page`. */
export interface StatuspagePage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

/** `status`: the page's overall state. */
export interface StatuspageStatus {
  indicator: PageIndicator;
  description: string;
}

/** A component; a group is a component with `group: true` and the ids of its `components`. */
export interface StatuspageComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  /** `YYYY-MM-DD`. */
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Groups only: ids of the member components. */
  components?: string[];
}

/** One component's change recorded on an update. `code` is the component id. */
export interface StatuspageAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

/** `incident_updates[]` of an incident. */
export interface StatuspageIncidentUpdate {
  id: string;
  status: StatuspageIncidentStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[] | null;
}

/** An incident. */
export interface StatuspageIncident {
  id: string;
  name: string;
  status: StatuspageIncidentStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Impact;
  shortlink: string;
  started_at: string;
  page_id: string;
  /** Newest first. */
  incident_updates: StatuspageIncidentUpdate[];
  components: StatuspageComponent[];
}

/** `incident_updates[]` of a scheduled maintenance. */
export interface StatuspageMaintenanceUpdate extends Omit<StatuspageIncidentUpdate, 'status'> {
  status: MaintenanceStatus;
}

/** A scheduled maintenance: an incident with a window and impact `maintenance`. */
export interface StatuspageMaintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  /** Newest first. */
  incident_updates: StatuspageMaintenanceUpdate[];
  components: StatuspageComponent[];
  scheduled_for: string;
  scheduled_until: string;
}

/** `summary.json`. */
export interface StatuspageSummary {
  page: StatuspagePage;
  components: StatuspageComponent[];
  incidents: StatuspageIncident[];
  scheduled_maintenances: StatuspageMaintenance[];
  status: StatuspageStatus;
}

/** `status.json`. */
export interface StatuspageStatusDocument {
  page: StatuspagePage;
  status: StatuspageStatus;
}

/** `components.json`. */
export interface StatuspageComponentsDocument {
  page: StatuspagePage;
  components: StatuspageComponent[];
}

/** `incidents.json` and `incidents/unresolved.json`. */
export interface StatuspageIncidentsDocument {
  page: StatuspagePage;
  incidents: StatuspageIncident[];
}

/** `scheduled-maintenances.json` and its `upcoming.json` and `active.json`. */
export interface StatuspageMaintenancesDocument {
  page: StatuspagePage;
  scheduled_maintenances: StatuspageMaintenance[];
}

// ---------------------------------------------------------------------------------------------
// Domain -> v2

/** `incidents.json` and `scheduled-maintenances.json` hold at most this many. */
export const STATUSPAGE_LIST_LIMIT = 50;

/** Everything a page's documents are made from. Internal and hidden things are filtered out. */
export interface StatuspageData {
  readonly page: StatusPageInfo;
  readonly groups: readonly ComponentGroup[];
  readonly components: readonly Component[];
  readonly incidents: readonly Incident[];
  readonly maintenances: readonly Maintenance[];
}

export interface StatuspageOptions {
  /**
   * Incidents whose postmortem is published: once resolved, they show status `postmortem`.
   * A set of incident ids or a predicate on the incident id. Default: none.
   */
  readonly postmortemPublished?: ReadonlySet<Id> | ((incidentId: Id) => boolean);
}

/** What the public documents may show: visible components with their effective statuses. */
interface View {
  readonly data: StatuspageData;
  readonly page: StatuspagePage;
  /** Visible components (showcase) by id, with effective statuses. */
  readonly shown: ReadonlyMap<Id, Component>;
  /** Groups that have at least one visible member, by id. */
  readonly groups: ReadonlyMap<Id, ComponentGroup>;
  readonly published: (incidentId: Id) => boolean;
}

const byNumber = (a: number, b: number): number => a - b;
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = (a: IsoDateTime, b: IsoDateTime): number => toMs(b) - toMs(a);

function publicView(data: StatuspageData, options: StatuspageOptions = {}): View {
  const visible = data.components.filter((c) => c.showcase);
  const effective = effectiveComponents(visible, data.incidents, data.maintenances);
  const shown = new Map(effective.map((c) => [c.id, c]));
  const used = new Set(effective.map((c) => c.groupId));
  const groups = new Map(data.groups.filter((g) => used.has(g.id)).map((g) => [g.id, g]));
  const given = options.postmortemPublished;
  const published =
    given === undefined ? () => false : typeof given === 'function' ? given : (id: Id) => given.has(id);
  const { page } = data;
  return {
    data,
    page: { id: page.id, name: page.name, url: page.url, time_zone: page.timeZone, updated_at: page.updatedAt },
    shown,
    groups,
    published,
  };
}

function v2Component(c: Component, view: View): StatuspageComponent {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    position: c.position,
    description: c.description,
    showcase: true,
    start_date: c.startDate,
    group_id: c.groupId !== null && view.groups.has(c.groupId) ? c.groupId : null,
    page_id: view.page.id,
    group: false,
    only_show_if_degraded: c.onlyShowIfDegraded,
  };
}

function v2Group(g: ComponentGroup, view: View): StatuspageComponent {
  const members = [...view.shown.values()]
    .filter((c) => c.groupId === g.id)
    .sort((a, b) => byNumber(a.position, b.position) || byString(a.id, b.id));
  return {
    id: g.id,
    name: g.name,
    status: groupStatus(g, members),
    created_at: g.createdAt,
    updated_at: g.updatedAt,
    position: g.position,
    description: g.description,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: view.page.id,
    group: true,
    only_show_if_degraded: false,
    components: members.map((c) => c.id),
  };
}

/** Components as real pages list them: groups and members in one list, by position. */
function v2Components(view: View): StatuspageComponent[] {
  const all = [
    ...[...view.groups.values()].map((g) => v2Group(g, view)),
    ...[...view.shown.values()].map((c) => v2Component(c, view)),
  ];
  return all.sort(
    (a, b) => byNumber(a.position, b.position) || Number(b.group) - Number(a.group) || byString(a.id, b.id),
  );
}

/** The visible components among `ids`, by position (groups never: real pages list members only). */
function affected(ids: readonly Id[], view: View): StatuspageComponent[] {
  const found: Component[] = [];
  for (const id of new Set(ids)) {
    const c = view.shown.get(id);
    if (c) found.push(c);
  }
  return found
    .sort((a, b) => byNumber(a.position, b.position) || byString(a.id, b.id))
    .map((c) => v2Component(c, view));
}

function transitions(list: readonly ComponentTransition[] | null, view: View): StatuspageAffectedComponent[] | null {
  const kept = (list ?? []).filter((t) => view.shown.has(t.componentId));
  if (kept.length === 0) return null;
  return kept.map((t) => ({ code: t.componentId, name: t.name, old_status: t.oldStatus, new_status: t.newStatus }));
}

function shortlink(view: View, id: Id): string {
  return `${view.page.url.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`;
}

function v2Incident(i: Incident, view: View): StatuspageIncident {
  const updates = i.updates
    .filter((u) => u.visibility === 'public')
    .sort((a, b) => newestFirst(a.displayAt, b.displayAt) || newestFirst(a.createdAt, b.createdAt));
  const monitoring = updates.filter((u) => u.status === 'monitoring').at(-1);
  return {
    id: i.id,
    name: i.title,
    status: i.status === 'resolved' && view.published(i.id) ? 'postmortem' : i.status,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    monitoring_at: monitoring ? monitoring.displayAt : null,
    resolved_at: i.resolvedAt,
    impact: i.impact,
    shortlink: shortlink(view, i.id),
    started_at: i.startedAt,
    page_id: view.page.id,
    incident_updates: updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: i.id,
      created_at: u.createdAt,
      updated_at: u.updatedAt,
      display_at: u.displayAt,
      affected_components: transitions(u.affectedComponents, view),
    })),
    components: affected(
      i.components.map((c) => c.componentId),
      view,
    ),
  };
}

function v2Maintenance(m: Maintenance, view: View): StatuspageMaintenance {
  const updates = [...m.updates].sort(
    (a, b) => newestFirst(a.displayAt, b.displayAt) || newestFirst(a.createdAt, b.createdAt),
  );
  const completed = updates.find((u) => u.status === 'completed');
  return {
    id: m.id,
    name: m.title,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: m.status === 'completed' ? (completed?.displayAt ?? m.updatedAt) : null,
    impact: 'maintenance',
    shortlink: shortlink(view, m.id),
    started_at: m.createdAt,
    page_id: view.page.id,
    incident_updates: updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: m.id,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.displayAt,
      affected_components: null,
    })),
    components: affected(m.components, view),
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
  };
}

/** Public incidents matching `keep`, newest first (by creation), at most `limit`. */
function incidents(view: View, keep: (i: Incident) => boolean, limit = Infinity): StatuspageIncident[] {
  return view.data.incidents
    .filter((i) => i.visibility === 'public' && keep(i))
    .sort((a, b) => newestFirst(a.createdAt, b.createdAt) || byString(a.id, b.id))
    .slice(0, limit)
    .map((i) => v2Incident(i, view));
}

/** Maintenances matching `keep`, by window start (`soonest` first or last), at most `limit`. */
function maintenances(
  view: View,
  keep: (m: Maintenance) => boolean,
  order: 'soonest' | 'latest',
  limit = Infinity,
): StatuspageMaintenance[] {
  const sign = order === 'soonest' ? 1 : -1;
  return view.data.maintenances
    .filter(keep)
    .sort((a, b) => sign * (toMs(a.scheduledFor) - toMs(b.scheduledFor)) || byString(a.id, b.id))
    .slice(0, limit)
    .map((m) => v2Maintenance(m, view));
}

const isUpcoming = (m: Maintenance): boolean => m.status === 'scheduled';
const isUpcomingOrActive = (m: Maintenance): boolean => isUpcoming(m) || isMaintenanceActive(m);

function v2Status(data: StatuspageData): StatuspageStatus {
  const { indicator, description } = pageStatus(data.components, data.incidents, data.maintenances);
  return { indicator, description };
}

/**
 * `summary.json`: page, components (groups included, hidden ones omitted, statuses as shown now),
 * unresolved public incidents (newest first), upcoming and active maintenances (soonest first) and
 * the page status ({@link pageStatus}). Internal incidents and internal updates never appear.
 */
export function toStatuspageSummary(data: StatuspageData): StatuspageSummary {
  const seen = publicView(data);
  return {
    page: seen.page,
    components: v2Components(seen),
    incidents: incidents(seen, isOpen),
    scheduled_maintenances: maintenances(seen, isUpcomingOrActive, 'soonest'),
    status: v2Status(data),
  };
}

/** `status.json`: the page and its overall status ({@link pageStatus}). */
export function toStatuspageStatus(data: StatuspageData): StatuspageStatusDocument {
  return { page: publicView(data).page, status: v2Status(data) };
}

/**
 * `components.json`: visible components and the groups that have visible members, in position
 * order; a group is listed as a component with `group: true` and its members' ids.
 */
export function toStatuspageComponents(data: StatuspageData): StatuspageComponentsDocument {
  const seen = publicView(data);
  return { page: seen.page, components: v2Components(seen) };
}

/**
 * `incidents.json`: the {@link STATUSPAGE_LIST_LIMIT} most recently created public incidents,
 * newest first, open or resolved. A resolved incident with a published postmortem (option
 * `postmortemPublished`) has status `postmortem`.
 */
export function toStatuspageIncidents(data: StatuspageData, options?: StatuspageOptions): StatuspageIncidentsDocument {
  const seen = publicView(data, options);
  return { page: seen.page, incidents: incidents(seen, () => true, STATUSPAGE_LIST_LIMIT) };
}

/** `incidents/unresolved.json`: public incidents investigating, identified or monitoring, newest first. */
export function toStatuspageUnresolvedIncidents(data: StatuspageData): StatuspageIncidentsDocument {
  const seen = publicView(data);
  return { page: seen.page, incidents: incidents(seen, isOpen) };
}

/**
 * `scheduled-maintenances.json`: the {@link STATUSPAGE_LIST_LIMIT} maintenances with the latest
 * windows, latest first, whatever their status.
 */
export function toStatuspageMaintenances(data: StatuspageData): StatuspageMaintenancesDocument {
  const seen = publicView(data);
  return {
    page: seen.page,
    scheduled_maintenances: maintenances(seen, () => true, 'latest', STATUSPAGE_LIST_LIMIT),
  };
}

/** `scheduled-maintenances/upcoming.json`: maintenances still `scheduled`, soonest first. */
export function toStatuspageUpcomingMaintenances(data: StatuspageData): StatuspageMaintenancesDocument {
  const seen = publicView(data);
  return { page: seen.page, scheduled_maintenances: maintenances(seen, isUpcoming, 'soonest') };
}

/** `scheduled-maintenances/active.json`: maintenances `in_progress` or `verifying`, soonest first. */
export function toStatuspageActiveMaintenances(data: StatuspageData): StatuspageMaintenancesDocument {
  const seen = publicView(data);
  return { page: seen.page, scheduled_maintenances: maintenances(seen, isMaintenanceActive, 'soonest') };
}

// ---------------------------------------------------------------------------------------------
// v2 -> domain

/**
 * Severity codes given to imported incidents, by impact (v2 has no severity). Override any of
 * them with the `severity` option.
 */
export const DEFAULT_IMPACT_SEVERITY: Readonly<Record<Impact, string>> = {
  critical: 'SEV1',
  major: 'SEV2',
  minor: 'SEV3',
  none: 'SEV4',
};

export interface StatuspageImportOptions {
  /** Severity code per impact, over {@link DEFAULT_IMPACT_SEVERITY}. */
  readonly severity?: Partial<Record<Impact, string>>;
}

const instant = v.pipe(
  v.string(),
  v.check((s) => safeMs(s) !== null, 'expected an ISO 8601 instant with a time zone'),
  v.transform((s) => toIso(toMs(s))),
);
const maybeInstant = v.nullish(instant, null);
const text = v.string();
const componentStatus = v.picklist(COMPONENT_STATUSES);

function safeMs(s: string): number | null {
  try {
    return toMs(s);
  } catch {
    return null;
  }
}

const PageSchema = v.object({
  id: text,
  name: text,
  url: text,
  time_zone: v.nullish(text, 'Etc/UTC'),
  updated_at: instant,
});

const ComponentSchema = v.object({
  id: text,
  name: text,
  status: componentStatus,
  created_at: instant,
  updated_at: instant,
  position: v.nullish(v.number(), 0),
  description: v.nullish(text, null),
  start_date: v.nullish(v.pipe(text, v.isoDate('expected a date YYYY-MM-DD')), null),
  group_id: v.nullish(text, null),
  group: v.nullish(v.boolean(), false),
  only_show_if_degraded: v.nullish(v.boolean(), false),
});

const AffectedSchema = v.object({
  code: text,
  name: text,
  old_status: componentStatus,
  new_status: componentStatus,
});

const updateFields = {
  id: text,
  body: v.nullish(text, ''),
  created_at: instant,
  updated_at: maybeInstant,
  display_at: maybeInstant,
};

const incidentFields = {
  id: text,
  name: text,
  created_at: instant,
  updated_at: instant,
  resolved_at: maybeInstant,
  started_at: maybeInstant,
  components: v.nullish(v.array(ComponentSchema), () => []),
};

const IncidentSchema = v.object({
  ...incidentFields,
  status: v.picklist([...INCIDENT_STATUSES, 'postmortem']),
  impact: v.picklist(IMPACTS),
  incident_updates: v.nullish(
    v.array(
      v.object({
        ...updateFields,
        status: v.picklist([...INCIDENT_STATUSES, 'postmortem']),
        affected_components: v.nullish(v.array(AffectedSchema), null),
      }),
    ),
    () => [],
  ),
});

const MaintenanceSchema = v.object({
  ...incidentFields,
  status: v.picklist(MAINTENANCE_STATUSES),
  scheduled_for: instant,
  scheduled_until: instant,
  incident_updates: v.nullish(v.array(v.object({ ...updateFields, status: v.picklist(MAINTENANCE_STATUSES) })), () => []),
});

const StatusSchema = v.object({ indicator: v.picklist(PAGE_INDICATORS), description: text });

const SummarySchema = v.object({
  page: PageSchema,
  components: v.array(ComponentSchema),
  incidents: v.nullish(v.array(IncidentSchema), () => []),
  scheduled_maintenances: v.nullish(v.array(MaintenanceSchema), () => []),
  status: StatusSchema,
});
const ComponentsSchema = v.object({ page: PageSchema, components: v.array(ComponentSchema) });
const IncidentsSchema = v.object({ page: PageSchema, incidents: v.array(IncidentSchema) });
const MaintenancesSchema = v.object({ page: PageSchema, scheduled_maintenances: v.array(MaintenanceSchema) });

type V2Page = v.InferOutput<typeof PageSchema>;
type V2Component = v.InferOutput<typeof ComponentSchema>;
type V2Incident = v.InferOutput<typeof IncidentSchema>;
type V2Maintenance = v.InferOutput<typeof MaintenanceSchema>;

/** Validates `json` (a parsed value or JSON text); throws a TypeError naming the bad field. */
function read<S extends v.GenericSchema>(schema: S, json: unknown, document: string): v.InferOutput<S> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new TypeError(`Invalid Statuspage ${document}: not JSON (${(error as Error).message}).`, { cause: error });
    }
  }
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = (issue.path ?? [])
    .map((item, index) => (typeof item.key === 'number' ? `[${item.key}]` : `${index ? '.' : ''}${String(item.key)}`))
    .join('');
  const received = issue.message.includes('received') ? '' : ` but received ${issue.received}`;
  throw new TypeError(`Invalid Statuspage ${document}: ${path || '(root)'}: ${issue.message}${received}.`);
}

function domainPage(p: V2Page): StatusPageInfo {
  return { id: p.id, name: p.name, url: p.url, timeZone: p.time_zone, updatedAt: p.updated_at };
}

/** Groups and components of a v2 component list. Listed components are public: showcase true. */
function domainComponents(list: readonly V2Component[]): { groups: ComponentGroup[]; components: Component[] } {
  const groups: ComponentGroup[] = [];
  const components: Component[] = [];
  for (const c of list) {
    const common = {
      id: c.id,
      name: c.name,
      description: c.description,
      position: c.position,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    };
    if (c.group) {
      groups.push(common);
    } else {
      components.push({
        ...common,
        status: c.status,
        groupId: c.group_id,
        showcase: true,
        onlyShowIfDegraded: c.only_show_if_degraded,
        startDate: c.start_date,
      });
    }
  }
  return { groups, components };
}

const newestUpdateFirst = <T extends { displayAt: string; createdAt: string }>(a: T, b: T): number =>
  newestFirst(a.displayAt, b.displayAt) || newestFirst(a.createdAt, b.createdAt);

const resolvedIfPostmortem = (s: StatuspageIncidentStatus): IncidentStatus => (s === 'postmortem' ? 'resolved' : s);

function domainIncident(i: V2Incident, severity: Readonly<Record<Impact, string>>): Incident {
  const components: AffectedComponent[] = i.components
    .filter((c) => !c.group)
    .map((c) => ({ componentId: c.id, status: c.status }));
  const updates: IncidentUpdate[] = i.incident_updates.map((u) => ({
    id: u.id,
    incidentId: i.id,
    status: resolvedIfPostmortem(u.status),
    body: u.body,
    visibility: 'public',
    authorId: null,
    createdAt: u.created_at,
    updatedAt: u.updated_at ?? u.created_at,
    displayAt: u.display_at ?? u.created_at,
    affectedComponents:
      u.affected_components?.map((a) => ({
        componentId: a.code,
        name: a.name,
        oldStatus: a.old_status,
        newStatus: a.new_status,
      })) ?? null,
  }));
  return {
    id: i.id,
    title: i.name,
    summary: '',
    severity: severity[i.impact],
    impact: i.impact,
    status: resolvedIfPostmortem(i.status),
    visibility: 'public',
    components,
    labels: [],
    related: [],
    startedAt: i.started_at ?? i.created_at,
    detectedAt: i.created_at,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: i.resolved_at,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    updates: updates.sort(newestUpdateFirst),
    postmortemId: null,
  };
}

function domainMaintenance(m: V2Maintenance): Maintenance {
  const updates: MaintenanceUpdate[] = m.incident_updates.map((u) => ({
    id: u.id,
    maintenanceId: m.id,
    status: u.status,
    body: u.body,
    createdAt: u.created_at,
    displayAt: u.display_at ?? u.created_at,
  }));
  return {
    id: m.id,
    title: m.name,
    summary: '',
    status: m.status,
    scheduledFor: m.scheduled_for,
    scheduledUntil: m.scheduled_until,
    components: m.components.filter((c) => !c.group).map((c) => c.id),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    updates: updates.sort(newestUpdateFirst),
  };
}

function severities(options: StatuspageImportOptions): Readonly<Record<Impact, string>> {
  return { ...DEFAULT_IMPACT_SEVERITY, ...options.severity };
}

/** A page's `summary.json` read into domain objects. */
export interface StatuspageSummaryImport {
  readonly page: StatusPageInfo;
  readonly status: PageStatus;
  readonly groups: ComponentGroup[];
  readonly components: Component[];
  /** The page's unresolved incidents. */
  readonly incidents: Incident[];
  /** Its upcoming and active maintenances. */
  readonly maintenances: Maintenance[];
}

/**
 * Reads a page's `summary.json` (parsed, or as JSON text) into domain objects. Unknown fields are
 * ignored; missing optional ones get their v2 defaults (`incidents` and `scheduled_maintenances`
 * may be absent). What v2 lacks is filled in: every listed component is public (`showcase: true`;
 * v2's own `showcase` flag means "show uptime", not "show at all"), incidents and updates are
 * public, an incident's severity comes from its impact ({@link DEFAULT_IMPACT_SEVERITY}, option
 * `severity`), `postmortem` reads as `resolved`, summaries are empty, detection is creation, and
 * the other incident timestamps unknown to v2 are null. Instants come back in UTC. Updates are
 * newest first.
 *
 * @throws TypeError naming the first bad field, e.g. `components[2].status`, and what was expected.
 */
export function fromStatuspageSummary(json: unknown, options: StatuspageImportOptions = {}): StatuspageSummaryImport {
  const doc = read(SummarySchema, json, 'summary.json');
  const severity = severities(options);
  return {
    page: domainPage(doc.page),
    status: doc.status,
    ...domainComponents(doc.components),
    incidents: doc.incidents.map((i) => domainIncident(i, severity)),
    maintenances: doc.scheduled_maintenances.map(domainMaintenance),
  };
}

/** Reads `components.json` into the page, its groups and its components (see {@link fromStatuspageSummary}). */
export function fromStatuspageComponents(json: unknown): {
  page: StatusPageInfo;
  groups: ComponentGroup[];
  components: Component[];
} {
  const doc = read(ComponentsSchema, json, 'components.json');
  return { page: domainPage(doc.page), ...domainComponents(doc.components) };
}

/**
 * Reads `incidents.json` or `incidents/unresolved.json` into the page and its incidents (see
 * {@link fromStatuspageSummary} for defaults and errors).
 */
export function fromStatuspageIncidents(
  json: unknown,
  options: StatuspageImportOptions = {},
): { page: StatusPageInfo; incidents: Incident[] } {
  const doc = read(IncidentsSchema, json, 'incidents.json');
  const severity = severities(options);
  return { page: domainPage(doc.page), incidents: doc.incidents.map((i) => domainIncident(i, severity)) };
}

/**
 * Reads `scheduled-maintenances.json` (or `upcoming.json`, `active.json`) into the page and its
 * maintenances (see {@link fromStatuspageSummary} for defaults and errors).
 */
export function fromStatuspageMaintenances(json: unknown): { page: StatusPageInfo; maintenances: Maintenance[] } {
  const doc = read(MaintenancesSchema, json, 'scheduled-maintenances.json');
  return { page: domainPage(doc.page), maintenances: doc.scheduled_maintenances.map(domainMaintenance) };
}
