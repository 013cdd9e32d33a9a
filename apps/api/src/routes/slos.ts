/**
 * SLOs (internal: viewers and up): definitions, batch ingestion of SLI samples, and reports
 * computed by @hansei/core's `sloReport` at the server's clock.
 */
import * as v from 'valibot';
import {
  SliSampleBatchSchema,
  SloCreateSchema,
  SloListQuerySchema,
  SloPatchSchema,
  SloReportSchema,
  StoredSloSchema,
  defaultWindowPairs,
  pageOf,
  sloReport,
  sloWindow,
  validate,
  type IncidentSpan,
  type SliSample,
  type Slo,
  type SloReport,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import { deleteForChange, getDoc, getForChange, insertDoc, listDocs, saveChange, withVersion } from '../store/documents.js';
import { publish } from '../store/events.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['slos'];
/** 10,000 samples as JSON with generous whitespace. */
const SAMPLES_MAX_BODY = 2 * 1024 * 1024;

async function requireComponent(sql: Sql, componentId: string | null | undefined): Promise<void> {
  if (componentId && !(await getDoc(sql, 'components', componentId))) {
    throw conflict(`There is no component with id "${componentId}". Create it first, or leave componentId empty.`);
  }
}

/** The samples of `sloId` with `at` in `[from, to)`, ascending. */
export async function samplesBetween(sql: Sql, sloId: string, from: number, to: number): Promise<SliSample[]> {
  return sql.query<SliSample>('select at, good, total from sli_samples where slo_id = $1 and at >= $2 and at < $3 order by at', [sloId, from, to]);
}

/**
 * Inserts or replaces samples of `sloId` in one statement (the last of several with the same
 * `at` wins); returns how many distinct instants were written.
 */
export async function upsertSamples(sql: Sql, sloId: string, samples: readonly SliSample[]): Promise<number> {
  const byAt = new Map<number, SliSample>();
  for (const sample of samples) byAt.set(sample.at, sample);
  const rows = [...byAt.values()].map((s) => ({ at: s.at, good: s.good, total: s.total }));
  await sql.query(
    `insert into sli_samples (slo_id, at, good, total)
     select $1, x.at, x.good, x.total from jsonb_to_recordset($2::jsonb) as x(at bigint, good double precision, total double precision)
     on conflict (slo_id, at) do update set good = excluded.good, total = excluded.total`,
    [sloId, JSON.stringify(rows)],
  );
  return rows.length;
}

/** Incidents of `componentId` that overlap `[from, now)`, oldest first. */
async function componentIncidents(sql: Sql, componentId: string, from: number, now: number): Promise<IncidentSpan[]> {
  return sql.query<IncidentSpan>(
    `select id, doc->>'startedAt' as "startedAt", doc->>'resolvedAt' as "resolvedAt" from incidents
     where started_at < $2 and (doc->>'resolvedAt' is null or doc->>'resolvedAt' > $3)
       and doc->'components' @> $1::jsonb
     order by started_at, id`,
    [JSON.stringify([{ componentId }]), isoNow(now), isoNow(from)],
  );
}

/**
 * The report of `slo` at `now`: core's `sloReport` over the samples of its window and of the
 * longest burn-rate window, with the incidents of its component charged their budget use. A
 * RangeError from core (an impossible stored SLO) becomes a 409.
 */
export async function reportOf(sql: Sql, slo: Slo, now: number): Promise<SloReport> {
  try {
    const window = sloWindow(slo, now);
    const longest = Math.max(...defaultWindowPairs(window.end - window.start).map((p) => p.longMs));
    const from = Math.min(window.start, now - longest);
    const samples = await samplesBetween(sql, slo.id, from, now);
    const incidents = slo.componentId ? await componentIncidents(sql, slo.componentId, window.start, now) : [];
    return sloReport(slo, samples, { now, incidents });
  } catch (error) {
    if (error instanceof RangeError) throw conflict(`This SLO cannot be evaluated: ${error.message}`);
    throw error;
  }
}

export const sloRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/slos',
    operationId: 'listSlos',
    summary: 'List SLOs',
    description: 'Oldest first. Filters: `service`, `component` (id), `label` (any of several).',
    tags: TAGS,
    access: 'viewer',
    query: SloListQuerySchema,
    responses: { 200: { description: 'A page of SLOs.', schema: pageOf(StoredSloSchema) } },
    handler: async ({ services, caller, query }) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.service !== undefined) {
        params.push(query.service);
        where.push(`doc->>'service' = $${params.length}`);
      }
      if (query.component !== undefined) {
        params.push(query.component);
        where.push(`doc->>'componentId' = $${params.length}`);
      }
      if (query.label !== undefined) {
        params.push(JSON.stringify(query.label));
        where.push(`exists (select 1 from jsonb_array_elements_text(doc->'labels') l where l in (select jsonb_array_elements_text($${params.length}::jsonb)))`);
      }
      const page = await listDocs<Slo>(services.db, 'slos', { where, params, orderBy: 'created_at', direction: 'asc', cursor: query.cursor, limit: query.limit });
      const body = { data: page.data.map(withVersion), nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/slos/:id',
    operationId: 'getSlo',
    summary: 'Get one SLO',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The SLO.', schema: StoredSloSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Slo>(services.db, 'slos', params.id);
      if (!found) throw notFound('SLO', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/slos',
    operationId: 'createSlo',
    summary: 'Create an SLO',
    tags: TAGS,
    access: 'admin',
    body: SloCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredSloSchema } },
    handler: async ({ services, body }) => {
      const now = isoNow(services.now());
      const saved = await services.db.transaction(async (tx) => {
        await requireComponent(tx, body.componentId);
        const doc: Slo = { id: newId('slo', services.now()), ...body, createdAt: now, updatedAt: now };
        const result = await insertDoc(tx, 'slos', doc);
        await publish(services.db, tx, 'internal', 'slo.created', { slo: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/slos/${saved.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/slos/:id',
    operationId: 'updateSlo',
    summary: 'Change an SLO',
    description: 'Nested objects (indicator, timeWindow, objective) are replaced whole; the result must be a valid SLO.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    body: SloPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredSloSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getForChange<Slo>(tx, 'slos', 'SLO', params.id, ifMatch);
        const { id, createdAt, updatedAt: _updatedAt, ...fields } = current.doc;
        const merged = validate(SloCreateSchema, { ...fields, ...body });
        if (!merged.ok) throw invalid(merged.issues, 'SLO after this change');
        if (body.componentId !== undefined) await requireComponent(tx, merged.value.componentId);
        const doc: Slo = { id, ...merged.value, createdAt, updatedAt: isoNow(services.now()) };
        const result = await saveChange(tx, 'slos', 'SLO', current, doc);
        await publish(services.db, tx, 'internal', 'slo.updated', { slo: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/slos/:id',
    operationId: 'deleteSlo',
    summary: 'Delete an SLO and its samples',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        await deleteForChange<Slo>(tx, 'slos', 'SLO', params.id, ifMatch);
        await publish(services.db, tx, 'internal', 'slo.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/slos/:id/samples',
    operationId: 'ingestSliSamples',
    summary: 'Add SLI samples (1 to 10,000)',
    description:
      'A sample at an instant the SLO already has replaces it, so re-sending a batch is harmless. Several samples with the same `at` in one batch: the last wins. Up to 2 MiB.',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: SliSampleBatchSchema,
    maxBodyBytes: SAMPLES_MAX_BODY,
    responses: { 200: { description: 'Stored.', schema: v.object({ accepted: v.number() }) } },
    handler: async ({ services, params, body }) => {
      const accepted = await services.db.transaction(async (tx) => {
        if (!(await getDoc<Slo>(tx, 'slos', params.id))) throw notFound('SLO', params.id);
        const count = await upsertSamples(tx, params.id, body);
        const from = body.reduce((min, s) => Math.min(min, s.at), Infinity);
        const to = body.reduce((max, s) => Math.max(max, s.at), -Infinity);
        await publish(services.db, tx, 'internal', 'slo.samples', { sloId: params.id, accepted: count, from, to }, services.now());
        return count;
      });
      return json({ accepted });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/slos/:id/report',
    operationId: 'getSloReport',
    summary: "An SLO's report now",
    description: 'Attainment, budget remaining, burn rates over the SRE-workbook window pairs, alert state, time to exhaustion, the budget burndown and the budget each incident of its component consumed.',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The report.', schema: SloReportSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Slo>(services.db, 'slos', params.id);
      if (!found) throw notFound('SLO', params.id);
      const report = await reportOf(services.db, found.doc, services.now());
      return json(report, { etag: contentTag(JSON.stringify(report)), cacheControl: readCache(caller) });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
