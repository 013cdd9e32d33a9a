/**
 * The routes of one kind of template (postmortem templates, incident templates): the kit's
 * built-in ones (read-only, always version 1) and an organisation's own, which admins write with
 * If-Match, at most `max` of them. Every token holder reads them. Writes publish
 * `<event>.created` / `.updated` (`{ template, version }`) and `<event>.deleted` (`{ id }`) to
 * token holders.
 */
import * as v from 'valibot';
import type { Stored } from '@hansei/core';
import { conflict, notFound } from '../http/errors.js';
import { contentTag, defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import { newId } from '../ids.js';
import { deleteDoc, stale, withVersion, type Versioned } from '../store/documents.js';
import { publish } from '../store/events.js';
import type { TemplateTable } from '../store/templates.js';
import { IdParams, isoNow, readCache } from './common.js';

type Template = { readonly id: string };

/** What differs between kinds of template: names, schemas, the pure rules, and the docs. */
export interface TemplateKind<T extends Template, C, P> {
  /** In words, for errors: `postmortem template`. */
  readonly noun: string;
  /** The collection's path under /v1 (`postmortem-templates`). */
  readonly path: string;
  /** The operation ids' noun (`PostmortemTemplate`; `listPostmortemTemplates`, ...). */
  readonly operation: string;
  /** Change events' prefix (`postmortem-template`). */
  readonly event: string;
  readonly tags: readonly string[];
  /** Prefix of new ids (`pmt`). */
  readonly idPrefix: string;
  /** How many of its own an organisation may keep. */
  readonly max: number;
  readonly builtIns: readonly T[];
  readonly store: TemplateTable<T>;
  readonly createSchema: v.GenericSchema<unknown, C>;
  readonly patchSchema: v.GenericSchema<unknown, P>;
  readonly storedSchema: v.GenericSchema<unknown, Stored<T>>;
  /** Why a template may not be changed (a built-in one), or null. */
  builtInProblem(id: string): string | null;
  created(body: C, id: string): T;
  patched(before: T, patch: P): T;
  /** The docs: a summary per operation, and a description where more helps. */
  readonly docs: {
    readonly list: readonly [summary: string, description: string];
    readonly get: string;
    readonly create: readonly [summary: string, description: string];
    readonly update: readonly [summary: string, description: string];
    readonly delete: readonly [summary: string, description: string];
  };
}

/** The five routes of `kind`: list, get, create (admin, idempotent), update and delete (admin, If-Match). */
export function templateRoutes<T extends Template, C, P>(kind: TemplateKind<T, C, P>): RouteSpec<never, never, never>[] {
  const { store, noun, docs } = kind;
  const collection = `/v1/${kind.path}`;
  const builtIns: Versioned<T>[] = kind.builtIns.map((doc) => ({ doc, version: 1 }));

  /** The organisation's template `id` for a change: 409 for a built-in, 404 when missing, 412 when stale. */
  async function forChange(sql: Parameters<TemplateTable<T>['find']>[0], id: string, ifMatch: number | null): Promise<Versioned<T>> {
    const refusal = kind.builtInProblem(id);
    if (refusal) throw conflict(refusal);
    const current = await store.find(sql, id);
    if (!current) throw notFound(noun, id);
    if (current.version !== ifMatch) throw stale(noun, current);
    return current;
  }

  return [
    defineRoute({
      method: 'GET',
      path: collection,
      operationId: `list${kind.operation}s`,
      summary: docs.list[0],
      description: docs.list[1],
      tags: kind.tags,
      access: 'viewer',
      responses: { 200: { description: 'Every template.', schema: v.object({ data: v.array(kind.storedSchema) }) } },
      handler: async ({ services, caller }) => {
        const data = [...builtIns, ...(await store.list(services.db))].map(withVersion);
        return json({ data }, { etag: contentTag(JSON.stringify({ data })), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${collection}/:id`,
      operationId: `get${kind.operation}`,
      summary: docs.get,
      tags: kind.tags,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The template.', schema: kind.storedSchema } },
      handler: async ({ services, caller, params }) => {
        const found = await store.find(services.db, params.id);
        if (!found) throw notFound(noun, params.id);
        return json(withVersion(found), { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
      },
    }),
    defineRoute({
      method: 'POST',
      path: collection,
      operationId: `create${kind.operation}`,
      summary: docs.create[0],
      description: docs.create[1],
      tags: kind.tags,
      access: 'admin',
      body: kind.createSchema,
      idempotent: true,
      responses: { 201: { description: 'Created.', schema: kind.storedSchema } },
      handler: async ({ services, body }) => {
        const doc = kind.created(body, newId(kind.idPrefix, services.now()));
        const saved = await services.db.transaction(async (tx) => {
          // Serialises concurrent creates, so the limit holds.
          await tx.query(`lock table ${store.table} in share row exclusive mode`);
          if ((await store.count(tx)) >= kind.max) {
            throw conflict(`The organisation already has ${kind.max} ${noun}s of its own. Delete or reuse one first.`);
          }
          const result = await store.insert(tx, doc, isoNow(services.now()));
          await publish(services.db, tx, 'internal', `${kind.event}.created`, { template: withVersion(result), version: result.version }, services.now());
          return result;
        });
        return json(withVersion(saved), { status: 201, etag: versionTag(saved.version), headers: { location: `${collection}/${doc.id}` } });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: `${collection}/:id`,
      operationId: `update${kind.operation}`,
      summary: docs.update[0],
      description: docs.update[1],
      tags: kind.tags,
      access: 'admin',
      params: IdParams,
      body: kind.patchSchema,
      ifMatch: true,
      responses: { 200: { description: 'Updated.', schema: kind.storedSchema } },
      handler: async ({ services, params, body, ifMatch }) => {
        const saved = await services.db.transaction(async (tx) => {
          const current = await forChange(tx, params.id, ifMatch);
          const result = await store.update(tx, kind.patched(current.doc, body), current.version, isoNow(services.now()));
          if (!result) throw stale(noun, current);
          await publish(services.db, tx, 'internal', `${kind.event}.updated`, { template: withVersion(result), version: result.version }, services.now());
          return result;
        });
        return json(withVersion(saved), { etag: versionTag(saved.version) });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: `${collection}/:id`,
      operationId: `delete${kind.operation}`,
      summary: docs.delete[0],
      description: docs.delete[1],
      tags: kind.tags,
      access: 'admin',
      params: IdParams,
      ifMatch: true,
      responses: { 204: { description: 'Deleted.' } },
      handler: async ({ services, params, ifMatch }) => {
        await services.db.transaction(async (tx) => {
          const current = await forChange(tx, params.id, ifMatch);
          if ((await deleteDoc(tx, store.table, params.id, current.version)) !== 'deleted') throw stale(noun, current);
          await publish(services.db, tx, 'internal', `${kind.event}.deleted`, { id: params.id }, services.now());
        });
        return new Response(null, { status: 204 });
      },
    }),
  ] as unknown as RouteSpec<never, never, never>[];
}
