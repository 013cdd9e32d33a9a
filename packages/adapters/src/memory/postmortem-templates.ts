/**
 * Postmortem templates in memory, by the server's rules (apps/api/src/routes/postmortem-templates.ts):
 * the kit's built-in ones first (read-only, version 1), then the organisation's own, oldest
 * first; admins add, change and delete their own, at most 100 of them.
 */
import {
  BUILT_IN_POSTMORTEM_TEMPLATES,
  POSTMORTEM_TEMPLATES_MAX,
  PostmortemTemplateCreateSchema,
  PostmortemTemplatePatchSchema,
  builtInTemplateProblem,
  createdPostmortemTemplate,
  findPostmortemTemplate,
  patchedPostmortemTemplate,
  type Id,
  type PostmortemTemplate,
  type Stored,
} from '@hansei/core';
import { check, forChange, stored, type Ctx } from './context.js';
import { conflict, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

/** The template `id` (built-in or the organisation's) as a row, or null. */
export function findTemplate(ctx: Ctx, id: Id): Row<PostmortemTemplate> | null {
  const builtIn = findPostmortemTemplate(id);
  if (builtIn) return { doc: builtIn, version: 1, createdAt: '' };
  return ctx.store.state.templates.get(id) ?? null;
}

export function listPostmortemTemplates(ctx: Ctx): Stored<PostmortemTemplate>[] {
  return [...BUILT_IN_POSTMORTEM_TEMPLATES.map((doc) => ({ ...doc, version: 1 })), ...[...ctx.store.state.templates.values()].map((r) => stored(r))];
}

export function getPostmortemTemplate(ctx: Ctx, id: Id): Stored<PostmortemTemplate> {
  const row = findTemplate(ctx, id);
  if (!row) throw notFound('postmortem template', id);
  return stored(row);
}

export function createPostmortemTemplate(ctx: Ctx, input: unknown): Stored<PostmortemTemplate> {
  const body = check(PostmortemTemplateCreateSchema, input, 'body');
  if (ctx.store.state.templates.size >= POSTMORTEM_TEMPLATES_MAX) {
    throw conflict(`The organisation already has ${POSTMORTEM_TEMPLATES_MAX} postmortem templates of its own. Delete or reuse one first.`);
  }
  const row: Row<PostmortemTemplate> = { doc: deepFreeze(createdPostmortemTemplate(body, ctx.store.newId('pmt'))), version: 1, createdAt: ctx.store.isoNow() };
  ctx.store.set({ templates: withRow(ctx.store.state.templates, row) });
  ctx.store.publish('internal', { type: 'postmortem-template.created', data: { template: stored(row) } });
  return stored(row);
}

/** The organisation's template for a change: 409 for a built-in one, then 404 / 412 as usual. */
function templateForChange(ctx: Ctx, id: Id, version: number): Row<PostmortemTemplate> {
  const refusal = builtInTemplateProblem(id);
  if (refusal) throw conflict(refusal);
  return forChange(ctx.store.state.templates, 'postmortem template', id, version);
}

export function updatePostmortemTemplate(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<PostmortemTemplate> {
  const body = check(PostmortemTemplatePatchSchema, patch, 'body');
  const current = templateForChange(ctx, id, version);
  const row: Row<PostmortemTemplate> = { ...current, doc: deepFreeze(patchedPostmortemTemplate(current.doc, body)), version: current.version + 1 };
  ctx.store.set({ templates: withRow(ctx.store.state.templates, row) });
  ctx.store.publish('internal', { type: 'postmortem-template.updated', data: { template: stored(row) } });
  return stored(row);
}

export function deletePostmortemTemplate(ctx: Ctx, id: Id, version: number): void {
  templateForChange(ctx, id, version);
  ctx.store.set({ templates: withoutRow(ctx.store.state.templates, id) });
  ctx.store.publish('internal', { type: 'postmortem-template.deleted', data: { id } });
}
