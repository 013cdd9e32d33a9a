/**
 * Postmortems in memory, by the server's rules (apps/api/src/routes/postmortems.ts): one per
 * incident, internal while written, draft <-> in_review -> published (an admin takes a published
 * one back to review), a public summary that the status page shows for a public incident.
 */
import {
  DEFAULT_POSTMORTEM_TEMPLATE_ID,
  PostmortemCreateSchema,
  PostmortemListQuerySchema,
  PostmortemPatchSchema,
  patchedPostmortem,
  postmortemMatches,
  postmortemSummaryChange,
  postmortemTransitionProblem,
  publicationIssue,
  startedPostmortem,
  type Id,
  type Page,
  type Postmortem,
  type PostmortemSummary,
  type Stored,
} from '@hansei/core';
import { check, forChange, stored, type Ctx } from './context.js';
import { saveIncident } from './incidents.js';
import { postmortemTemplates } from './templates.js';
import { pageOf } from './lists.js';
import { conflict, forbidden, invalid, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

/** 409 when `personId` (if given) names nobody; `field` says which input named them. */
export function requireOwner(ctx: Ctx, personId: Id | null | undefined, field: string): void {
  if (personId && !ctx.store.state.people.has(personId)) {
    throw conflict(`${field} "${personId}" names nobody: there is no person with that id. Add them under /v1/people first, or leave ${field} empty.`);
  }
}

/** Sets (or clears) the incident's postmortemId: a new version of the incident. */
function linkIncident(ctx: Ctx, incidentId: Id, postmortemId: Id | null, at: string): void {
  const row = ctx.store.state.incidents.get(incidentId);
  if (row) saveIncident(ctx, row, { ...row.doc, postmortemId, updatedAt: at });
}

/** Tells status-page readers when what they see of a postmortem changes (public incidents only). */
function publishSummaryChange(ctx: Ctx, before: Postmortem | null, after: Postmortem | null): void {
  const incidentId = (after ?? before)?.incidentId;
  if (!incidentId || ctx.store.state.incidents.get(incidentId)?.doc.visibility !== 'public') return;
  const change = postmortemSummaryChange(before, after);
  if (change?.type === 'updated') ctx.store.publish('public', { type: 'postmortem-summary.updated', data: Object.freeze(change.summary) });
  else if (change?.type === 'deleted') ctx.store.publish('public', { type: 'postmortem-summary.deleted', data: { incidentId } });
}

/**
 * Postmortems, most recently edited first, filtered as the server does (core's
 * `postmortemMatches`: status, owner, incident, label, component, category and words).
 */
export function listPostmortems(ctx: Ctx, input: unknown): Page<Stored<Postmortem>> {
  const query = check(PostmortemListQuerySchema, input ?? {}, 'query');
  const incidents = ctx.store.state.incidents;
  const rows = [...ctx.store.state.postmortems.values()].filter(({ doc }) => postmortemMatches(doc, incidents.get(doc.incidentId)?.doc ?? null, query));
  return pageOf(rows, { key: (r) => r.doc.updatedAt, id: (r) => r.doc.id, direction: 'desc', cursor: query.cursor, limit: query.limit }, (r) => stored(r));
}

export function getPostmortem(ctx: Ctx, id: Id): Stored<Postmortem> {
  const row = ctx.store.state.postmortems.get(id);
  if (!row) throw notFound('postmortem', id);
  return stored(row);
}

/** Starts an incident's postmortem (one per incident) from the template, linking the incident. */
export function createPostmortem(ctx: Ctx, input: unknown): Stored<Postmortem> {
  const body = check(PostmortemCreateSchema, input, 'body');
  const incident = ctx.store.state.incidents.get(body.incidentId);
  if (!incident) throw conflict(`There is no incident with id "${body.incidentId}". A postmortem belongs to an existing incident.`);
  const existing = [...ctx.store.state.postmortems.values()].find((r) => r.doc.incidentId === body.incidentId);
  if (existing) {
    throw conflict(`Incident "${body.incidentId}" already has a postmortem (${existing.doc.id}); edit that one instead.`, { postmortemId: existing.doc.id });
  }
  requireOwner(ctx, body.ownerId, 'ownerId');
  const templateId = body.templateId ?? DEFAULT_POSTMORTEM_TEMPLATE_ID;
  const template = postmortemTemplates.find(ctx, templateId)?.doc;
  if (!template) throw conflict(`There is no postmortem template with id "${templateId}". Leave templateId out to use the default template.`);
  const now = ctx.store.isoNow();
  const doc: Postmortem = deepFreeze(
    startedPostmortem(body, { id: ctx.store.newId('pm'), incidentTitle: incident.doc.title, template, now, newFactorId: () => ctx.store.newId('cf') }),
  );
  const row: Row<Postmortem> = { doc, version: 1, createdAt: now };
  ctx.store.set({ postmortems: withRow(ctx.store.state.postmortems, row) });
  linkIncident(ctx, doc.incidentId, doc.id, now);
  ctx.store.publish('internal', { type: 'postmortem.created', data: { postmortem: stored(row) } });
  return stored(row);
}

/** Edits a postmortem or moves its status; publishing needs a public summary. */
export function updatePostmortem(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<Postmortem> {
  const body = check(PostmortemPatchSchema, patch, 'body');
  const current = forChange(ctx.store.state.postmortems, 'postmortem', id, version);
  const before = current.doc;
  const status = body.status ?? before.status;
  const refusal = postmortemTransitionProblem(before.status, status, ctx.caller?.role === 'admin');
  if (refusal) throw refusal.status === 403 ? forbidden(refusal.detail) : conflict(refusal.detail);
  if (body.ownerId !== undefined) requireOwner(ctx, body.ownerId, 'ownerId');
  const doc = patchedPostmortem(before, body, ctx.store.isoNow(), () => ctx.store.newId('cf'));
  const issue = publicationIssue(doc);
  if (issue) throw invalid([issue], 'body');
  const row: Row<Postmortem> = { ...current, doc: deepFreeze(doc), version: current.version + 1 };
  ctx.store.set({ postmortems: withRow(ctx.store.state.postmortems, row) });
  ctx.store.publish('internal', { type: 'postmortem.updated', data: { postmortem: stored(row) } });
  publishSummaryChange(ctx, before, row.doc);
  return stored(row);
}

/** Deletes a postmortem: clears the incident's postmortemId and unlinks the actions that named it. */
export function deletePostmortem(ctx: Ctx, id: Id, version: number): void {
  const current = forChange(ctx.store.state.postmortems, 'postmortem', id, version);
  const now = ctx.store.isoNow();
  ctx.store.set({ postmortems: withoutRow(ctx.store.state.postmortems, id) });
  linkIncident(ctx, current.doc.incidentId, null, now);
  const actions = new Map(ctx.store.state.actions);
  for (const [key, row] of actions) {
    if (row.doc.postmortemId === id) actions.set(key, { ...row, doc: deepFreeze({ ...row.doc, postmortemId: null, updatedAt: now }), version: row.version + 1 });
  }
  ctx.store.set({ actions });
  ctx.store.publish('internal', { type: 'postmortem.deleted', data: { id, incidentId: current.doc.incidentId } });
  publishSummaryChange(ctx, current.doc, null);
}

/** The public summary of a public incident's published postmortem; 404 otherwise. */
export function getPostmortemSummary(ctx: Ctx, incidentId: Id): PostmortemSummary {
  const incident = ctx.store.state.incidents.get(incidentId);
  const postmortem = [...ctx.store.state.postmortems.values()].find((r) => r.doc.incidentId === incidentId)?.doc;
  if (incident?.doc.visibility !== 'public' || postmortem?.status !== 'published') throw notFound('published postmortem for a public incident', incidentId);
  return Object.freeze({ incidentId, title: postmortem.title, publicSummary: postmortem.publicSummary ?? '', publishedAt: postmortem.publishedAt ?? '' });
}
