/**
 * What the in-memory backend holds: the same rows the reference server keeps in its tables
 * (apps/api/src/db/migrations.ts), as immutable maps and lists. A write never changes a value in
 * place: it builds the next state, so a failed write is undone by keeping the previous one, and
 * nothing a caller holds can change under it.
 */
import {
  DEFAULT_ROLES,
  DEFAULT_SEVERITY_GUIDELINE,
  defaultPageInfo,
  storeOrder,
  type Component,
  type ComponentGroup,
  type ComponentStatusChange,
  type DemoDataset,
  type Id,
  type Incident,
  type IncidentUpdate,
  type IsoDateTime,
  type Maintenance,
  type Person,
  type Postmortem,
  type PostmortemTemplate,
  type IncidentTemplate,
  type PreventionAction,
  type RoleAssignment,
  type RoleDefinition,
  type SeverityGuideline,
  type SliSample,
  type Slo,
  type StatusPageInfo,
  type TimelineEvent,
  type TokenRecord,
} from '@hansei/core';

/** A stored document: its version (1 when created, +1 per write) and when its row was created. */
export interface Row<T> {
  readonly doc: T;
  readonly version: number;
  readonly createdAt: IsoDateTime;
}

/** A setting: version 0 until first written (the kit's default). */
export interface Setting<T> {
  readonly doc: T;
  readonly version: number;
}

/** An incident as stored: everything but its updates, which are kept on their own. */
export type StoredIncident = Omit<Incident, 'updates'>;

/** An API token as admins see it (the secret is never kept). */
export type TokenRow = TokenRecord;

export type Table<T> = ReadonlyMap<Id, Row<T>>;

export interface MemoryState {
  readonly page: Setting<StatusPageInfo>;
  readonly guideline: Setting<SeverityGuideline>;
  readonly roles: Setting<readonly RoleDefinition[]>;
  readonly groups: Table<ComponentGroup>;
  readonly components: Table<Component>;
  /** Status history, in the order recorded. */
  readonly statusChanges: readonly ComponentStatusChange[];
  readonly incidents: Table<StoredIncident>;
  /** Incident updates, in posting order. */
  readonly updates: readonly IncidentUpdate[];
  /** Timeline events, in the order added. */
  readonly timeline: readonly TimelineEvent[];
  /** Role assignments, in the order made. */
  readonly assignments: readonly RoleAssignment[];
  readonly maintenances: Table<Maintenance>;
  readonly postmortems: Table<Postmortem>;
  /** The organisation's own postmortem templates, in the order made (the built-in ones are core's). */
  readonly postmortemTemplates: Table<PostmortemTemplate>;
  /** The organisation's own incident templates, in the order made (the built-in ones are core's). */
  readonly incidentTemplates: Table<IncidentTemplate>;
  readonly actions: Table<PreventionAction>;
  readonly slos: Table<Slo>;
  /** SLI samples per SLO, ascending `at`, one per instant. */
  readonly samples: ReadonlyMap<Id, readonly SliSample[]>;
  readonly people: Table<Person>;
  readonly tokens: readonly TokenRow[];
}

/** Freezes `value` and everything in it (plain objects and arrays), so no holder can change it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** A map with `row` put under its document's id. */
export function withRow<T extends { readonly id: Id }>(table: Table<T>, row: Row<T>): Table<T> {
  return new Map(table).set(row.doc.id, row);
}

/** A map without `id`. */
export function withoutRow<T>(table: Table<T>, id: Id): Table<T> {
  const next = new Map(table);
  next.delete(id);
  return next;
}

/** A version-1 row of `doc` (frozen: pass a copy of what the caller keeps). */
const first = <T extends { readonly id: Id }>(doc: T, createdAt: IsoDateTime): [Id, Row<T>] => [doc.id, { doc: deepFreeze(doc), version: 1, createdAt }];

/** The tokens the memory caller's roles stand for: one per role, like a server's test harness. */
export function roleTokens(at: IsoDateTime): TokenRow[] {
  return (['viewer', 'responder', 'admin'] as const).map((role) => ({ id: `tok_memory_${role}`, name: `memory ${role}`, role, createdAt: at, lastUsedAt: null, revokedAt: null }));
}

/** An empty backend: the kit's default settings (version 0), no data, the role tokens. */
export function emptyState(at: IsoDateTime): MemoryState {
  return deepFreeze({
    page: { doc: defaultPageInfo(), version: 0 },
    guideline: { doc: DEFAULT_SEVERITY_GUIDELINE, version: 0 },
    roles: { doc: DEFAULT_ROLES, version: 0 },
    groups: new Map(),
    components: new Map(),
    statusChanges: [],
    incidents: new Map(),
    updates: [],
    timeline: [],
    assignments: [],
    maintenances: new Map(),
    postmortems: new Map(),
    postmortemTemplates: new Map(),
    incidentTemplates: new Map(),
    actions: new Map(),
    slos: new Map(),
    samples: new Map(),
    people: new Map(),
    tokens: roleTokens(at),
  });
}

/**
 * The state the reference server holds after `hansei seed` of `data` at `at`: every entity at
 * version 1, the settings written (version 1), updates and history in time order, the role
 * tokens.
 */
export function seededState(data: DemoDataset, at: IsoDateTime): MemoryState {
  // A copy of everything but the samples: many, only ever read, and frozen where they are.
  const rows = storeOrder(structuredClone({ ...data, samples: {} }));
  const samples = new Map(Object.entries(data.samples).map(([id, list]) => [id, [...list].sort((a, b) => a.at - b.at)]));
  return deepFreeze({
    page: { doc: rows.page, version: 1 },
    guideline: { doc: rows.guideline, version: 1 },
    roles: { doc: rows.roleDefinitions, version: 1 },
    groups: new Map(rows.groups.map((g) => first(g, g.createdAt))),
    components: new Map(rows.components.map((c) => first(c, c.createdAt))),
    statusChanges: rows.statusChanges,
    incidents: new Map(rows.incidents.map((i) => first<StoredIncident>(i, i.createdAt))),
    updates: rows.updates,
    timeline: rows.timeline,
    assignments: rows.roles,
    maintenances: new Map(rows.maintenances.map((m) => first(m, m.createdAt))),
    postmortems: new Map(rows.postmortems.map((p) => first(p, p.createdAt))),
    postmortemTemplates: new Map(),
    incidentTemplates: new Map(),
    actions: new Map(rows.actions.map((a) => first(a, a.createdAt))),
    slos: new Map(rows.slos.map((s) => first(s, s.createdAt))),
    samples,
    people: new Map(rows.people.map((p) => first(p, at))),
    tokens: roleTokens(at),
  });
}
