/**
 * Components, their groups, status history and daily uptime, in memory, by the server's rules
 * (apps/api/src/routes/components.ts): anonymous callers see showcased components only; every
 * status change is recorded for uptime and published (publicly for a showcased component).
 */
import {
  ComponentCreateSchema,
  ComponentGroupCreateSchema,
  ComponentGroupPatchSchema,
  ComponentPatchSchema,
  dailyUptime,
  isTimeZone,
  type Component,
  type ComponentGroup,
  type ComponentStatus,
  type ComponentUptime,
  type Id,
  type Stored,
} from '@hansei/core';
import { byInstant, check, forChange, publicIncidentIds, stored, type Ctx } from './context.js';
import { conflict, invalid } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

const pageOrder = (a: Row<{ position: number; id: Id }>, b: Row<{ position: number; id: Id }>): number =>
  a.doc.position - b.doc.position || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);

function requireGroup(ctx: Ctx, groupId: Id | null | undefined): void {
  if (groupId && !ctx.store.state.groups.has(groupId)) {
    throw conflict(`There is no component group with id "${groupId}". Create it first, or leave groupId empty.`);
  }
}

function nextPosition(rows: Iterable<Row<{ position: number }>>): number {
  let max = -1;
  for (const row of rows) max = Math.max(max, row.doc.position);
  return max + 1;
}

function record(ctx: Ctx, componentId: Id, status: ComponentStatus, at: string, cause: { incidentId?: Id | null; maintenanceId?: Id | null } = {}): void {
  const change = deepFreeze({ componentId, status, at, incidentId: cause.incidentId ?? null, maintenanceId: cause.maintenanceId ?? null });
  ctx.store.set({ statusChanges: [...ctx.store.state.statusChanges, change] });
}

/**
 * Sets a component's status on behalf of an incident or maintenance: a new version, a history
 * entry and a `component.updated` change; nothing when it already has that status.
 */
export function setComponentStatus(ctx: Ctx, componentId: Id, status: ComponentStatus, cause: { incidentId?: Id | null; maintenanceId?: Id | null } = {}): void {
  const row = ctx.store.state.components.get(componentId);
  if (!row || row.doc.status === status) return;
  const at = ctx.store.isoNow();
  const next: Row<Component> = { ...row, doc: deepFreeze({ ...row.doc, status, updatedAt: at }), version: row.version + 1 };
  ctx.store.set({ components: withRow(ctx.store.state.components, next) });
  record(ctx, componentId, status, at, cause);
  ctx.store.publish(next.doc.showcase ? 'public' : 'internal', { type: 'component.updated', data: { component: stored(next) } });
}

/** Components in page order; anonymous callers get the showcased ones only. */
export function listComponents(ctx: Ctx): readonly Stored<Component>[] {
  const rows = [...ctx.store.state.components.values()].filter((r) => ctx.caller !== null || r.doc.showcase);
  return Object.freeze(rows.sort(pageOrder).map((r) => stored(r)));
}

/** Groups in page order. */
export function listComponentGroups(ctx: Ctx): readonly Stored<ComponentGroup>[] {
  return Object.freeze([...ctx.store.state.groups.values()].sort(pageOrder).map((r) => stored(r)));
}

/** The days and time zone of an uptime request, checked as the server checks its query. */
function uptimeQuery(options: { days?: number; timeZone?: string }): { days: number; timeZone: string | undefined } {
  const { days = 90, timeZone } = options;
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(days) || days < 0) issues.push({ path: 'days', message: 'Days must be a whole number from 1 to 90.' });
  else if (days < 1) issues.push({ path: 'days', message: 'Days must be 1 or more.' });
  else if (days > 90) issues.push({ path: 'days', message: 'Days must be 90 or less.' });
  if (timeZone !== undefined && (typeof timeZone !== 'string' || timeZone.length > 64 || !isTimeZone(timeZone))) {
    issues.push({ path: 'timeZone', message: 'The time zone must be an IANA time zone like Asia/Tokyo or UTC.' });
  }
  if (issues.length > 0) throw invalid(issues, 'query');
  return { days, timeZone };
}

/**
 * Daily uptime of every showcased component, in page order, over the last `days` (1 to 90,
 * default 90) cut at midnight in `timeZone` (default: the page's), as the server's `/v1/uptime`
 * gives it. Anonymous callers learn of public incidents only. Days that cannot be cut (a bad
 * start date) are a 409, as the server answers.
 */
export function uptime(ctx: Ctx, options: { days?: number; timeZone?: string }): readonly ComponentUptime[] {
  const query = uptimeQuery(options);
  const timeZone = query.timeZone ?? ctx.store.state.page.doc.timeZone;
  const visible = ctx.caller ? null : publicIncidentIds(ctx);
  const components = [...ctx.store.state.components.values()].filter((r) => r.doc.showcase).sort(pageOrder);
  const history = byInstant(ctx.store.state.statusChanges, (c) => c.at);
  return Object.freeze(
    components.map((row) => {
      let days;
      try {
        days = dailyUptime(history.filter((c) => c.componentId === row.doc.id), { end: ctx.store.now(), days: query.days, timeZone, startDate: row.doc.startDate });
      } catch (error) {
        throw conflict((error as Error).message);
      }
      if (visible) days = days.map((d) => ({ ...d, incidentIds: d.incidentIds.filter((id) => visible.has(id)) }));
      return deepFreeze({ componentId: row.doc.id, days });
    }),
  );
}

export function createComponent(ctx: Ctx, input: unknown): Stored<Component> {
  const body = check(ComponentCreateSchema, input, 'body');
  requireGroup(ctx, body.groupId);
  const now = ctx.store.isoNow();
  const doc: Component = deepFreeze({
    id: ctx.store.newId('cmp'),
    name: body.name,
    description: body.description,
    status: body.status,
    groupId: body.groupId,
    position: body.position ?? nextPosition(ctx.store.state.components.values()),
    showcase: body.showcase,
    onlyShowIfDegraded: body.onlyShowIfDegraded,
    startDate: body.startDate,
    createdAt: now,
    updatedAt: now,
  });
  const row: Row<Component> = { doc, version: 1, createdAt: now };
  ctx.store.set({ components: withRow(ctx.store.state.components, row) });
  record(ctx, doc.id, doc.status, now);
  ctx.store.publish(doc.showcase ? 'public' : 'internal', { type: 'component.created', data: { component: stored(row) } });
  return stored(row);
}

export function updateComponent(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Component> {
  const body = check(ComponentPatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.components, 'component', id, version);
  if (body.groupId !== undefined) requireGroup(ctx, body.groupId);
  const at = ctx.store.isoNow();
  const doc: Component = deepFreeze({ ...current.doc, ...definedOf(body), updatedAt: at });
  const row: Row<Component> = { ...current, doc, version: current.version + 1 };
  ctx.store.set({ components: withRow(ctx.store.state.components, row) });
  if (doc.status !== current.doc.status) record(ctx, id, doc.status, at);
  ctx.store.publish(doc.showcase || current.doc.showcase ? 'public' : 'internal', { type: 'component.updated', data: { component: stored(row) } });
  return stored(row);
}

/** Deletes a component and its status history. */
export function deleteComponent(ctx: Ctx, id: Id, version: number): void {
  const current = forChange(ctx.store.state.components, 'component', id, version);
  ctx.store.set({
    components: withoutRow(ctx.store.state.components, id),
    statusChanges: ctx.store.state.statusChanges.filter((c) => c.componentId !== id),
  });
  ctx.store.publish(current.doc.showcase ? 'public' : 'internal', { type: 'component.deleted', data: { id } });
}

export function createComponentGroup(ctx: Ctx, input: unknown): Stored<ComponentGroup> {
  const body = check(ComponentGroupCreateSchema, input, 'body');
  const now = ctx.store.isoNow();
  const doc: ComponentGroup = deepFreeze({
    id: ctx.store.newId('grp'),
    name: body.name,
    description: body.description,
    position: body.position ?? nextPosition(ctx.store.state.groups.values()),
    createdAt: now,
    updatedAt: now,
  });
  const row: Row<ComponentGroup> = { doc, version: 1, createdAt: now };
  ctx.store.set({ groups: withRow(ctx.store.state.groups, row) });
  ctx.store.publish('public', { type: 'component-group.created', data: { group: stored(row) } });
  return stored(row);
}

export function updateComponentGroup(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<ComponentGroup> {
  const body = check(ComponentGroupPatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.groups, 'component group', id, version);
  const row: Row<ComponentGroup> = { ...current, doc: deepFreeze({ ...current.doc, ...definedOf(body), updatedAt: ctx.store.isoNow() }), version: current.version + 1 };
  ctx.store.set({ groups: withRow(ctx.store.state.groups, row) });
  ctx.store.publish('public', { type: 'component-group.updated', data: { group: stored(row) } });
  return stored(row);
}

/** Deletes a group; its members become ungrouped (each a new version, as the server's foreign key does). */
export function deleteComponentGroup(ctx: Ctx, id: Id, version: number): void {
  forChange(ctx.store.state.groups, 'component group', id, version);
  const components = new Map(ctx.store.state.components);
  for (const [key, row] of components) {
    if (row.doc.groupId === id) components.set(key, { ...row, doc: deepFreeze({ ...row.doc, groupId: null }), version: row.version + 1 });
  }
  ctx.store.set({ groups: withoutRow(ctx.store.state.groups, id), components });
  ctx.store.publish('public', { type: 'component-group.deleted', data: { id } });
}

/** The given fields of a patch (those not undefined). */
export function definedOf<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
