/**
 * SLOs in memory, by the server's rules (apps/api/src/routes/slos.ts): OpenSLO-shaped
 * definitions, SLI samples upserted by instant, and reports from @hansei/core's `sloReport` at
 * the store's clock, charging each incident of the SLO's component its share of the budget.
 */
import {
  SliSampleBatchSchema,
  SloCreateSchema,
  SloListQuerySchema,
  SloPatchSchema,
  defaultWindowPairs,
  sloReport,
  sloWindow,
  toIso,
  validate,
  type Id,
  type IncidentSpan,
  type Page,
  type SliSample,
  type Slo,
  type SloReport,
  type Stored,
} from '@hansei/core';
import { definedOf } from './components.js';
import { check, forChange, stored, type Ctx } from './context.js';
import { pageOf } from './lists.js';
import { conflict, invalid, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

function requireComponent(ctx: Ctx, componentId: Id | null | undefined): void {
  if (componentId && !ctx.store.state.components.has(componentId)) {
    throw conflict(`There is no component with id "${componentId}". Create it first, or leave componentId empty.`);
  }
}

/** Index of the first sample at or after `at` in ascending `samples`. */
function lowerBound(samples: readonly SliSample[], at: number): number {
  let [low, high] = [0, samples.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((samples[mid] as SliSample).at < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Incidents of `componentId` that overlap `[from, now)`, oldest first. */
function componentIncidents(ctx: Ctx, componentId: Id, from: number, now: number): IncidentSpan[] {
  const [fromIso, nowIso] = [toIso(from), toIso(now)];
  return [...ctx.store.state.incidents.values()]
    .map((r) => r.doc)
    .filter((i) => i.startedAt < nowIso && (i.resolvedAt === null || i.resolvedAt > fromIso) && i.components.some((c) => c.componentId === componentId))
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1))
    .map((i) => ({ id: i.id, startedAt: i.startedAt, resolvedAt: i.resolvedAt }));
}

/** The report of `slo` at `now`; an SLO core cannot evaluate is a 409. */
export function reportOf(ctx: Ctx, slo: Slo, now: number): SloReport {
  try {
    const window = sloWindow(slo, now);
    const longest = Math.max(...defaultWindowPairs(window.end - window.start).map((p) => p.longMs));
    const from = Math.min(window.start, now - longest);
    const all = ctx.store.state.samples.get(slo.id) ?? [];
    const samples = all.slice(lowerBound(all, from), lowerBound(all, now));
    const incidents = slo.componentId ? componentIncidents(ctx, slo.componentId, window.start, now) : [];
    return deepFreeze(sloReport(slo, samples, { now, incidents }));
  } catch (error) {
    if (error instanceof RangeError) throw conflict(`This SLO cannot be evaluated: ${error.message}`);
    throw error;
  }
}

/** SLOs, oldest first, filtered by service, component and labels (any of). */
export function listSlos(ctx: Ctx, input: unknown): Page<Stored<Slo>> {
  const query = check(SloListQuerySchema, input ?? {}, 'query');
  const rows = [...ctx.store.state.slos.values()].filter(({ doc }) => {
    if (query.service !== undefined && doc.service !== query.service) return false;
    if (query.component !== undefined && doc.componentId !== query.component) return false;
    if (query.label !== undefined && !doc.labels.some((l) => query.label?.includes(l))) return false;
    return true;
  });
  return pageOf(rows, { key: (r) => r.createdAt, id: (r) => r.doc.id, direction: 'asc', cursor: query.cursor, limit: query.limit }, (r) => stored(r));
}

function requireSlo(ctx: Ctx, id: Id): Row<Slo> {
  const row = ctx.store.state.slos.get(id);
  if (!row) throw notFound('SLO', id);
  return row;
}

export function getSlo(ctx: Ctx, id: Id): Stored<Slo> {
  return stored(requireSlo(ctx, id));
}

export function getSloReport(ctx: Ctx, id: Id): SloReport {
  return reportOf(ctx, requireSlo(ctx, id).doc, ctx.store.now());
}

export function createSlo(ctx: Ctx, input: unknown): Stored<Slo> {
  const body = check(SloCreateSchema, input, 'body');
  requireComponent(ctx, body.componentId);
  const now = ctx.store.isoNow();
  const doc: Slo = deepFreeze({ id: ctx.store.newId('slo'), ...body, createdAt: now, updatedAt: now });
  const row: Row<Slo> = { doc, version: 1, createdAt: now };
  ctx.store.set({ slos: withRow(ctx.store.state.slos, row) });
  ctx.store.publish('internal', { type: 'slo.created', data: { slo: stored(row) } });
  return stored(row);
}

/** Changes an SLO; nested objects are replaced whole and the result must be a valid SLO. */
export function updateSlo(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Slo> {
  const body = check(SloPatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.slos, 'SLO', id, version);
  const { id: _id, createdAt, updatedAt: _updatedAt, ...fields } = current.doc;
  const merged = validate(SloCreateSchema, { ...fields, ...definedOf(body) });
  if (!merged.ok) throw invalid(merged.issues, 'SLO after this change');
  if (body.componentId !== undefined) requireComponent(ctx, merged.value.componentId);
  const doc: Slo = deepFreeze({ id, ...merged.value, createdAt, updatedAt: ctx.store.isoNow() });
  const row: Row<Slo> = { ...current, doc, version: current.version + 1 };
  ctx.store.set({ slos: withRow(ctx.store.state.slos, row) });
  ctx.store.publish('internal', { type: 'slo.updated', data: { slo: stored(row) } });
  return stored(row);
}

/** Deletes an SLO and its samples. */
export function deleteSlo(ctx: Ctx, id: Id, version: number): void {
  forChange(ctx.store.state.slos, 'SLO', id, version);
  const samples = new Map(ctx.store.state.samples);
  samples.delete(id);
  ctx.store.set({ slos: withoutRow(ctx.store.state.slos, id), samples });
  ctx.store.publish('internal', { type: 'slo.deleted', data: { id } });
}

/**
 * Adds samples; one at an instant already stored replaces it (the last of a batch wins), so a
 * re-send is harmless. Returns how many distinct instants were written.
 */
export function ingestSamples(ctx: Ctx, id: Id, input: unknown): number {
  const batch = check(SliSampleBatchSchema, input, 'body');
  requireSlo(ctx, id);
  const byAt = new Map<number, SliSample>();
  for (const sample of ctx.store.state.samples.get(id) ?? []) byAt.set(sample.at, sample);
  const given = new Map<number, SliSample>();
  for (const s of batch) given.set(s.at, Object.freeze({ at: s.at, good: s.good, total: s.total }));
  for (const [at, sample] of given) byAt.set(at, sample);
  const samples = new Map(ctx.store.state.samples).set(id, [...byAt.values()].sort((a, b) => a.at - b.at));
  ctx.store.set({ samples });
  const ats = [...given.keys()];
  ctx.store.publish('internal', { type: 'slo.samples', data: { sloId: id, accepted: given.size, from: Math.min(...ats), to: Math.max(...ats) } });
  return given.size;
}
