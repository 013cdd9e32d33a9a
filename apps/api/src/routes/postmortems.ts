/**
 * Postmortems: one per incident, internal while they are written. A postmortem moves draft ->
 * in_review -> published (and back from in_review to draft); publishing needs a public summary,
 * which the status page then shows for a public incident. Only an admin takes a published
 * postmortem back to review; it never goes from published straight to draft. Every edit needs
 * If-Match, so two people editing at once get a 412 with the current document, never a lost
 * section.
 */
import {
  PostmortemCreateSchema,
  PostmortemListQuerySchema,
  PostmortemPatchSchema,
  PostmortemSummarySchema,
  StoredPostmortemSchema,
  DEFAULT_POSTMORTEM_TEMPLATE_ID,
  pageOf,
  patchedPostmortem,
  postmortemSummaryChange,
  postmortemTransitionProblem,
  publicationIssue,
  startedPostmortem,
  postmortemFoldedText,
  searchWords,
  type Postmortem,
  type PostmortemListQuery,
  type PreventionAction,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { deleteForChange, getDoc, insertDoc, listDocs, stale, updateDoc, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { getIncident } from '../store/incidents.js';
import { requirePerson } from '../store/people.js';
import { postmortemTemplates } from '../store/templates.js';
import { publicPostmortemSummaries } from '../store/postmortems.js';
import { IdParams, escapeLike, isoNow, readCache } from './common.js';
import { publishIncident } from './incidents.js';

const TAGS = ['postmortems'];
const TABLE = 'postmortems';

/**
 * Sets (or clears) the incident's postmortemId: a new version of the incident, which live
 * readers hear of (`incident.updated`).
 */
async function linkIncident(services: Services, sql: Sql, incidentId: string, postmortemId: string | null, at: string): Promise<number | null> {
  const [row] = await sql.query<{ version: number }>(
    `update incidents set version = version + 1, updated_at = $2, doc = doc || jsonb_build_object('postmortemId', $3::text, 'updatedAt', $2::text)
     where id = $1 returning version`,
    [incidentId, at, postmortemId],
  );
  const incident = row ? await getIncident(sql, incidentId) : null;
  if (incident) await publishIncident(services, sql, 'incident.updated', incident.doc, incident.version);
  return incident?.version ?? null;
}

async function incidentIsPublic(sql: Sql, incidentId: string): Promise<boolean> {
  const [row] = await sql.query<{ visibility: string }>('select visibility from incidents where id = $1', [incidentId]);
  return row?.visibility === 'public';
}

/**
 * Tells status-page readers when what they see of a postmortem changes (core's
 * `postmortemSummaryChange`; public incidents only).
 */
async function publishSummaryChange(services: Services, sql: Sql, before: Postmortem | null, after: Postmortem | null): Promise<void> {
  const change = postmortemSummaryChange(before, after);
  if (!change) return;
  const incidentId = change.type === 'updated' ? change.summary.incidentId : change.incidentId;
  if (!(await incidentIsPublic(sql, incidentId))) return;
  if (change.type === 'updated') await publish(services.db, sql, 'public', 'postmortem-summary.updated', change.summary, services.now());
  else await publish(services.db, sql, 'public', 'postmortem-summary.deleted', { incidentId }, services.now());
}

// ---------------------------------------------------------------------------------------------
// Listing: the library's search in SQL, as core's `postmortemMatches` does it in memory

/** The postmortem's incident (the row listed is `postmortems`). */
const INCIDENT = `(select i.doc from incidents i where i.id = postmortems.incident_id)`;

/**
 * What `q` searches (core's `postmortemSearchText`), folded: the postmortem's own text, folded
 * on write (`search_text`, core's `postmortemFoldedText`), and its incident's title, folded here.
 */
const SEARCHED_TEXT = `(search_text || E'\\n' || coalesce(lower(normalize(${INCIDENT}->>'title', NFKC)), ''))`;

/** The columns a postmortem's row keeps beside its document. */
const columns = (doc: Postmortem) => ({ incident_id: doc.incidentId, status: doc.status, search_text: postmortemFoldedText(doc) });

/** SQL conditions for the list filters. */
function listFilters(query: PostmortemListQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (query.status) add((p) => `status = any(${p})`, query.status);
  if (query.owner) add((p) => `doc->>'ownerId' = ${p}`, query.owner);
  if (query.incident) add((p) => `incident_id = ${p}`, query.incident);
  if (query.label) add((p) => `(doc->'labels' ?| ${p}::text[] or ${INCIDENT}->'labels' ?| ${p}::text[])`, query.label);
  if (query.component) add((p) => `${INCIDENT}->'components' @> ${p}::jsonb`, JSON.stringify([{ componentId: query.component }]));
  if (query.category) add((p) => `exists (select 1 from jsonb_array_elements(doc->'contributingFactors') c where c->>'category' = any(${p}))`, query.category);
  const words = searchWords(query.q);
  if (words.length) add((p) => `${SEARCHED_TEXT} like all(${p}::text[])`, words.map((w) => `%${escapeLike(w)}%`));
  return { where, params };
}

export const postmortemRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/postmortems',
    operationId: 'listPostmortems',
    summary: 'List postmortems, most recently edited first',
    description:
      'The library\'s search. Filters combine with "and"; several values of one filter with "or". `status` (any of), `owner`, `incident`; `label` (any of, on the postmortem or its incident); `component` (one of the incident\'s components); `category` (any of, on a contributing factor); `q`: words that must all appear in the title, public summary, section titles and bodies, contributing factors, five whys, labels or the incident\'s title, ignoring case and full-width forms (NFKC), `%` and `_` taken literally.',
    tags: TAGS,
    access: 'viewer',
    query: PostmortemListQuerySchema,
    responses: { 200: { description: 'A page of postmortems.', schema: pageOf(StoredPostmortemSchema) } },
    handler: async ({ services, caller, query }) => {
      const { where, params } = listFilters(query);
      const page = await listDocs<Postmortem>(services.db, TABLE, { where, params, orderBy: 'updated_at', direction: 'desc', cursor: query.cursor, limit: query.limit });
      const body = { data: page.data.map(withVersion), nextCursor: page.nextCursor };
      return json(body, { etag: contentTag(JSON.stringify(body)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/postmortems/:id',
    operationId: 'getPostmortem',
    summary: 'Get one postmortem',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The postmortem.', schema: StoredPostmortemSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await getDoc<Postmortem>(services.db, TABLE, params.id);
      if (!found) throw notFound('postmortem', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/postmortems',
    operationId: 'createPostmortem',
    summary: "Start an incident's postmortem",
    description: "One per incident (409 when it has one). Starts as a draft with the template's sections (a built-in template or the organisation's own; 409 when there is none with templateId), and sets the incident's postmortemId (a new incident version).",
    tags: TAGS,
    access: 'responder',
    body: PostmortemCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredPostmortemSchema } },
    handler: async ({ services, body }) => {
      const nowMs = services.now();
      const now = isoNow(nowMs);
      const saved = await services.db.transaction(async (tx) => {
        // Locking the incident serialises two people starting its postmortem at once.
        const [incident] = await tx.query<{ title: string }>(`select doc->>'title' as title from incidents where id = $1 for update`, [body.incidentId]);
        if (!incident) throw conflict(`There is no incident with id "${body.incidentId}". A postmortem belongs to an existing incident.`);
        const [existing] = await tx.query<{ id: string }>('select id from postmortems where incident_id = $1', [body.incidentId]);
        if (existing) {
          throw conflict(`Incident "${body.incidentId}" already has a postmortem (${existing.id}); edit that one instead.`, { postmortemId: existing.id });
        }
        await requirePerson(tx, body.ownerId, 'ownerId');
        const templateId = body.templateId ?? DEFAULT_POSTMORTEM_TEMPLATE_ID;
        const template = (await postmortemTemplates.find(tx, templateId))?.doc;
        if (!template) throw conflict(`There is no postmortem template with id "${templateId}". Leave templateId out to use the default template.`);
        const doc = startedPostmortem(body, { id: newId('pm', nowMs), incidentTitle: incident.title, template, now, newFactorId: () => newId('cf', nowMs) });
        const result = await insertDoc(tx, TABLE, doc, columns(doc));
        const incidentVersion = await linkIncident(services, tx, doc.incidentId, doc.id, now);
        await publish(services.db, tx, 'internal', 'postmortem.created', { postmortem: withVersion(result), version: result.version, incidentVersion }, nowMs);
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/postmortems/${saved.doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/postmortems/:id',
    operationId: 'updatePostmortem',
    summary: 'Edit a postmortem, or move its status',
    description: 'Lists (sections, factors, ...) replace the stored ones. Status: draft <-> in_review -> published; publishing needs publicSummary (422) and sets publishedAt; only an admin takes a published postmortem back to in_review (403), never to draft (409).',
    tags: TAGS,
    access: 'responder',
    params: IdParams,
    body: PostmortemPatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredPostmortemSchema } },
    handler: async ({ services, caller, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await getDoc<Postmortem>(tx, TABLE, params.id);
        if (!current) throw notFound('postmortem', params.id);
        if (current.version !== ifMatch) throw stale('postmortem', current);
        const before = current.doc;
        const status = body.status ?? before.status;
        const refusal = postmortemTransitionProblem(before.status, status, caller?.role === 'admin');
        if (refusal) throw refusal.status === 403 ? forbidden(refusal.detail) : conflict(refusal.detail);
        if (body.ownerId !== undefined) await requirePerson(tx, body.ownerId, 'ownerId');
        const nowMs = services.now();
        const doc = patchedPostmortem(before, body, isoNow(nowMs), () => newId('cf', nowMs));
        const issue = publicationIssue(doc);
        if (issue) throw invalid([issue], 'body');
        const result = await updateDoc(tx, TABLE, doc, current.version, columns(doc));
        if (typeof result === 'string') throw stale('postmortem', current);
        await publish(services.db, tx, 'internal', 'postmortem.updated', { postmortem: withVersion(result), version: result.version }, nowMs);
        await publishSummaryChange(services, tx, before, doc);
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/postmortems/:id',
    operationId: 'deletePostmortem',
    summary: 'Delete a postmortem',
    description: "Clears the incident's postmortemId and unlinks the prevention actions that named it (they stay linked to their incidents).",
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const current = await deleteForChange<Postmortem>(tx, TABLE, 'postmortem', params.id, ifMatch);
        const now = isoNow(services.now());
        await linkIncident(services, tx, current.doc.incidentId, null, now);
        const unlinked = await tx.query<Versioned<PreventionAction>>(
          `update prevention_actions set version = version + 1, updated_at = $2, doc = doc || jsonb_build_object('postmortemId', null, 'updatedAt', $2::text)
           where doc->>'postmortemId' = $1 returning doc, version`,
          [params.id, now],
        );
        for (const action of unlinked) {
          await publish(services.db, tx, 'internal', 'action.updated', { action: withVersion(action), version: action.version }, services.now());
        }
        await publish(services.db, tx, 'internal', 'postmortem.deleted', { id: params.id, incidentId: current.doc.incidentId }, services.now());
        await publishSummaryChange(services, tx, current.doc, null);
      });
      return new Response(null, { status: 204 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/incidents/:id/postmortem-summary',
    operationId: 'getPostmortemSummary',
    summary: "The public summary of an incident's postmortem",
    description: 'Anonymous. Only for a public incident whose postmortem is published; 404 otherwise (drafts and internal incidents are never shown).',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    responses: { 200: { description: 'The public summary.', schema: PostmortemSummarySchema } },
    handler: async ({ services, caller, params }) => {
      const [summary] = await publicPostmortemSummaries(services.db, params.id);
      if (!summary) throw notFound('published postmortem for a public incident', params.id);
      return json(summary, { etag: contentTag(JSON.stringify(summary)), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
