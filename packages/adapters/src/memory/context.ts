/**
 * What every in-memory operation gets: the store and who calls (the role the adapter acts as),
 * and the small helpers they share: input checks, stored views, lookups.
 */
import { publicIncident, validate, type Id, type Incident, type IncidentUpdate, type TokenRole } from '@hansei/core';
import { invalid, notFound, preconditionFailed } from './problems.js';
import type { Row, StoredIncident } from './state.js';
import type { MemoryStore } from './store.js';

/** The token an adapter's role stands for. */
export interface Caller {
  readonly role: TokenRole;
  readonly tokenId: Id;
  readonly name: string;
}

export interface Ctx {
  readonly store: MemoryStore;
  /** Null: anonymous. */
  readonly caller: Caller | null;
}

/** The parsed `input`, or a 422 naming every issue at its dotted path. */
export function check<const S extends Parameters<typeof validate>[0]>(schema: S, input: unknown, where: string) {
  const result = validate(schema, input);
  if (!result.ok) throw invalid(result.issues, where);
  return result.value;
}

/** A stored document as callers get it: with its version (the adapter freezes what it returns). */
export function stored<T extends object>(row: { readonly doc: T; readonly version: number }): T & { readonly version: number } {
  return { ...row.doc, version: row.version };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The updates of incident `id`, newest first by display time, then by posting order. */
export function updatesOf(ctx: Ctx, id: Id): IncidentUpdate[] {
  const list = ctx.store.state.updates.map((u, seq) => ({ u, seq })).filter((x) => x.u.incidentId === id);
  return list.sort((a, b) => byText(b.u.displayAt, a.u.displayAt) || b.seq - a.seq).map((x) => x.u);
}

/** The full incident of a stored row: with its updates. */
export function fullIncident(ctx: Ctx, row: Row<StoredIncident>): Incident {
  return { ...row.doc, updates: updatesOf(ctx, row.doc.id) };
}

/** Ids of the public incidents. */
export function publicIncidentIds(ctx: Ctx): Set<Id> {
  return new Set([...ctx.store.state.incidents.values()].filter((r) => r.doc.visibility === 'public').map((r) => r.doc.id));
}

/** An incident as `ctx`'s caller may see it: whole for a role, the public view for anonymous callers. */
export function incidentFor(ctx: Ctx, row: Row<StoredIncident>, publicIds?: ReadonlySet<Id>): Incident & { readonly version: number } {
  const incident = fullIncident(ctx, row);
  return stored({ doc: ctx.caller ? incident : publicIncident(incident, publicIds ?? publicIncidentIds(ctx)), version: row.version });
}

/** Ids of the components the public page shows. */
export function showcasedIds(ctx: Ctx): Set<Id> {
  return new Set([...ctx.store.state.components.values()].filter((r) => r.doc.showcase).map((r) => r.doc.id));
}

/** Stable sort by an ISO instant, keeping insertion order among equal ones. */
export function byInstant<T>(list: readonly T[], at: (item: T) => string): T[] {
  return list.map((item, seq) => ({ item, seq })).sort((a, b) => byText(at(a.item), at(b.item)) || a.seq - b.seq).map((x) => x.item);
}

/**
 * The row `id` of `table` for a change made against `version`: a 404 (`what` names it) when it
 * is missing, a 412 carrying it as it now is when `version` is not its version.
 */
export function forChange<T extends object>(table: ReadonlyMap<Id, Row<T>>, what: string, id: Id, version: number): Row<T> {
  const row = table.get(id);
  if (!row) throw notFound(what, id);
  if (row.version !== version) throw preconditionFailed(what, stored(row));
  return row;
}
