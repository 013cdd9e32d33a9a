/**
 * Postmortem templates: the kit's built-in ones (the default, the Google SRE book's, Atlassian's,
 * PagerDuty's; read-only, always version 1) and an organisation's own, which admins write. Every
 * token holder reads them (the postmortem element offers them when a postmortem starts). A
 * postmortem copies its template's sections when it starts, so changing or deleting a template
 * never changes a postmortem.
 */
import * as v from 'valibot';
import {
  BUILT_IN_POSTMORTEM_TEMPLATES,
  POSTMORTEM_TEMPLATES_MAX,
  PostmortemTemplateCreateSchema,
  PostmortemTemplatePatchSchema,
  StoredPostmortemTemplateSchema,
  builtInTemplateProblem,
  createdPostmortemTemplate,
  patchedPostmortemTemplate,
  type PostmortemTemplate,
} from '@hansei/core';
import { conflict, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import { deleteDoc, stale, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import { countTemplates, findTemplate, insertTemplate, listTemplates, updateTemplate } from '../store/postmortem-templates.js';
import { IdParams, isoNow, readCache } from './common.js';

const TAGS = ['postmortems'];
const TABLE = 'postmortem_templates';
const builtIns: Versioned<PostmortemTemplate>[] = BUILT_IN_POSTMORTEM_TEMPLATES.map((doc) => ({ doc, version: 1 }));

/** The organisation's template `id` for a change: 409 for a built-in, 404 when missing, 412 when stale. */
async function forChange(sql: Parameters<typeof findTemplate>[0], id: string, ifMatch: number | null): Promise<Versioned<PostmortemTemplate>> {
  const refusal = builtInTemplateProblem(id);
  if (refusal) throw conflict(refusal);
  const current = await findTemplate(sql, id);
  if (!current) throw notFound('postmortem template', id);
  if (current.version !== ifMatch) throw stale('postmortem template', current);
  return current;
}

export const postmortemTemplateRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/postmortem-templates',
    operationId: 'listPostmortemTemplates',
    summary: 'List postmortem templates: the built-in ones, then the organisation’s own, oldest first',
    description: `Built-in templates have \`builtIn: true\` and version 1. An organisation keeps at most ${POSTMORTEM_TEMPLATES_MAX} of its own, so the list is not paged.`,
    tags: TAGS,
    access: 'viewer',
    responses: { 200: { description: 'Every template.', schema: v.object({ data: v.array(StoredPostmortemTemplateSchema) }) } },
    handler: async ({ services, caller }) => {
      const data = [...builtIns, ...(await listTemplates(services.db))].map(withVersion);
      return json({ data }, { etag: contentTag(JSON.stringify({ data })), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/postmortem-templates/:id',
    operationId: 'getPostmortemTemplate',
    summary: 'Get one postmortem template',
    tags: TAGS,
    access: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The template.', schema: StoredPostmortemTemplateSchema } },
    handler: async ({ services, caller, params }) => {
      const found = await findTemplate(services.db, params.id);
      if (!found) throw notFound('postmortem template', params.id);
      return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/postmortem-templates',
    operationId: 'createPostmortemTemplate',
    summary: 'Add a postmortem template of the organisation’s own',
    description: `Sections whose key the kit knows (impact, timeline, response, contributing_factors, five_whys, action_items, acknowledgements) get the postmortem element's prefill or builder. 409 when the organisation already has ${POSTMORTEM_TEMPLATES_MAX}.`,
    tags: TAGS,
    access: 'admin',
    body: PostmortemTemplateCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'Created.', schema: StoredPostmortemTemplateSchema } },
    handler: async ({ services, body }) => {
      const doc = createdPostmortemTemplate(body, newId('pmt', services.now()));
      const saved = await services.db.transaction(async (tx) => {
        // Serialises concurrent creates, so the limit holds.
        await tx.query(`lock table ${TABLE} in share row exclusive mode`);
        if ((await countTemplates(tx)) >= POSTMORTEM_TEMPLATES_MAX) {
          throw conflict(`The organisation already has ${POSTMORTEM_TEMPLATES_MAX} postmortem templates of its own. Delete or reuse one first.`);
        }
        const result = await insertTemplate(tx, doc, isoNow(services.now()));
        await publish(services.db, tx, 'internal', 'postmortem-template.created', { template: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `/v1/postmortem-templates/${doc.id}` } });
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/postmortem-templates/:id',
    operationId: 'updatePostmortemTemplate',
    summary: 'Change a postmortem template of the organisation’s own',
    description: 'Sections replace the stored ones. Built-in templates cannot be changed (409). Postmortems already started keep the sections they copied.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    body: PostmortemTemplatePatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'Updated.', schema: StoredPostmortemTemplateSchema } },
    handler: async ({ services, params, body, ifMatch }) => {
      const saved = await services.db.transaction(async (tx) => {
        const current = await forChange(tx, params.id, ifMatch);
        const result = await updateTemplate(tx, patchedPostmortemTemplate(current.doc, body), current.version, isoNow(services.now()));
        if (!result) throw stale('postmortem template', current);
        await publish(services.db, tx, 'internal', 'postmortem-template.updated', { template: withVersion(result), version: result.version }, services.now());
        return result;
      });
      return json(withVersion(saved), { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/postmortem-templates/:id',
    operationId: 'deletePostmortemTemplate',
    summary: 'Delete a postmortem template of the organisation’s own',
    description: 'Built-in templates cannot be deleted (409). Postmortems started from it keep their sections and its id.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ services, params, ifMatch }) => {
      await services.db.transaction(async (tx) => {
        const current = await forChange(tx, params.id, ifMatch);
        if ((await deleteDoc(tx, TABLE, params.id, current.version)) !== 'deleted') throw stale('postmortem template', current);
        await publish(services.db, tx, 'internal', 'postmortem-template.deleted', { id: params.id }, services.now());
      });
      return new Response(null, { status: 204 });
    },
  }),
] as unknown as RouteSpec<never, never, never>[];
