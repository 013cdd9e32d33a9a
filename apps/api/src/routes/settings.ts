/**
 * Organisation settings: the severity guideline, the incident roles and the status page's own
 * details. Each is one versioned document (store/settings.ts); until an admin writes it, it reads
 * as the kit's default at ETag `"0"`.
 */
import * as v from 'valibot';
import {
  checkGuideline,
  defaultPageInfo,
  DEFAULT_ROLES,
  DEFAULT_SEVERITY_GUIDELINE,
  RoleDefinitionSchema,
  SeverityGuidelineReplaceSchema,
  SeverityGuidelineSchema,
  PageInfoReplaceSchema,
  StatusPageInfoSchema,
  type RoleDefinition,
  type SeverityGuideline,
  type StatusPageInfo,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict, invalid, preconditionFailed } from '../http/errors.js';
import { defineRoute, json, versionTag, type RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';
import type { Versioned } from '../store/documents.js';
import { publish, type Audience } from '../store/events.js';
import { SETTING_KEYS, readRoles, readSettingOr, writeSetting, type SettingKey } from '../store/settings.js';
import { isoNow, readCache } from './common.js';

const TAGS = ['settings'];

const RolesSchema = v.object({ data: v.array(RoleDefinitionSchema) });
const RolesReplaceSchema = v.object({
  data: v.pipe(
    v.array(RoleDefinitionSchema, 'Roles must be a list.'),
    v.minLength(1, 'Define at least one role.'),
    v.maxLength(50, 'Define at most 50 roles.'),
  ),
});

/** The origin the request came in on: the status page's URL until an admin sets one. */
function originOf(request: Request): string {
  return new URL(request.url).origin;
}

/**
 * Writes setting `key` inside a transaction when `expected` is its current version: 412 with
 * the current document when it is not; publishes `type` to `audience`.
 */
async function replaceSetting<T>(
  services: Services,
  key: SettingKey,
  what: string,
  expected: number | null,
  fallback: T,
  build: (current: T, tx: Sql) => Promise<T> | T,
  event: { audience: Audience; type: string; field: string },
): Promise<Versioned<T>> {
  return services.db.transaction(async (tx) => {
    const current = await readSettingOr<T>(tx, key, fallback);
    if (current.version !== expected) throw preconditionFailed(what, current.doc, versionTag(current.version));
    const doc = await build(current.doc, tx);
    const saved = await writeSetting(tx, key, doc, current.version, isoNow(services.now()));
    if (saved === 'conflict') throw preconditionFailed(what, current.doc, versionTag(current.version));
    await publish(services.db, tx, event.audience, event.type, { [event.field]: doc, version: saved.version }, services.now());
    return saved;
  });
}

export const settingsRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/severity-guideline',
    operationId: 'getSeverityGuideline',
    summary: "The organisation's severity guideline",
    description: 'The kit default (SEV1..SEV4) with ETag "0" until an admin replaces it.',
    tags: TAGS,
    access: 'viewer',
    responses: { 200: { description: 'The guideline.', schema: SeverityGuidelineSchema } },
    handler: async ({ services, caller }) => {
      const found = await readSettingOr(services.db, SETTING_KEYS.guideline, DEFAULT_SEVERITY_GUIDELINE);
      return json(found.doc, { etag: versionTag(found.version), cacheControl: readCache(caller) });
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/severity-guideline',
    operationId: 'replaceSeverityGuideline',
    summary: "Replace the organisation's severity guideline",
    description: 'Levels come out sorted by rank. Every role a level requires must be one of the defined roles (GET /v1/roles).',
    tags: TAGS,
    access: 'admin',
    body: SeverityGuidelineReplaceSchema,
    ifMatch: true,
    responses: { 200: { description: 'Replaced.', schema: SeverityGuidelineSchema } },
    handler: async ({ services, body, ifMatch }) => {
      const saved = await replaceSetting<SeverityGuideline>(
        services,
        SETTING_KEYS.guideline,
        'severity guideline',
        ifMatch,
        DEFAULT_SEVERITY_GUIDELINE,
        async (_current, tx) => {
          const doc: SeverityGuideline = { levels: body.levels, whenUnsure: body.whenUnsure, updatedAt: isoNow(services.now()) };
          const problems = checkGuideline(doc, await readRoles(tx));
          if (problems.length > 0) throw invalid(problems, 'guideline');
          return doc;
        },
        { audience: 'internal', type: 'guideline.updated', field: 'guideline' },
      );
      return json(saved.doc, { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/roles',
    operationId: 'listRoles',
    summary: 'The incident roles',
    description: 'The kit default roles with ETag "0" until an admin replaces them.',
    tags: TAGS,
    access: 'viewer',
    responses: { 200: { description: 'The roles, in the order the role board shows them.', schema: RolesSchema } },
    handler: async ({ services, caller }) => {
      const found = await readSettingOr(services.db, SETTING_KEYS.roles, DEFAULT_ROLES);
      return json({ data: found.doc }, { etag: versionTag(found.version), cacheControl: readCache(caller) });
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/roles',
    operationId: 'replaceRoles',
    summary: 'Replace the incident roles',
    description: 'Keys must be unique. A role the severity guideline requires cannot be left out (409): change the guideline first.',
    tags: TAGS,
    access: 'admin',
    body: RolesReplaceSchema,
    ifMatch: true,
    responses: { 200: { description: 'Replaced.', schema: RolesSchema } },
    handler: async ({ services, body, ifMatch }) => {
      const seen = new Set<string>();
      const duplicates = body.data.flatMap((role, i) => {
        const repeated = seen.has(role.key);
        seen.add(role.key);
        return repeated ? [{ path: `data.${i}.key`, message: `The role key "${role.key}" is used twice.` }] : [];
      });
      if (duplicates.length > 0) throw invalid(duplicates, 'body');
      const saved = await replaceSetting<readonly RoleDefinition[]>(
        services,
        SETTING_KEYS.roles,
        'role list',
        ifMatch,
        DEFAULT_ROLES,
        async (_current, tx) => {
          const guideline = (await readSettingOr(tx, SETTING_KEYS.guideline, DEFAULT_SEVERITY_GUIDELINE)).doc;
          const missing = checkGuideline(guideline, body.data).filter((p) => p.path.includes('requiredRoles'));
          if (missing.length > 0) {
            throw conflict(`The severity guideline still requires roles this list leaves out: ${missing.map((p) => p.message).join(' ')} Change the guideline first.`, { errors: missing });
          }
          return body.data;
        },
        { audience: 'internal', type: 'roles.updated', field: 'roles' },
      );
      return json({ data: saved.doc }, { etag: versionTag(saved.version) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/page',
    operationId: 'getPageInfo',
    summary: "The status page's name, URL and time zone",
    description: 'Public. "Hansei Status" at this server\'s address, in UTC, with ETag "0" until an admin sets them.',
    tags: TAGS,
    access: 'public',
    responses: { 200: { description: 'The page.', schema: StatusPageInfoSchema } },
    handler: async ({ services, caller, request }) => {
      const found = await readSettingOr(services.db, SETTING_KEYS.page, defaultPageInfo(originOf(request)));
      return json(found.doc, { etag: versionTag(found.version), cacheControl: readCache(caller), headers: { vary: 'authorization' } });
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/page',
    operationId: 'replacePageInfo',
    summary: "Set the status page's name, URL and time zone",
    tags: TAGS,
    access: 'admin',
    body: PageInfoReplaceSchema,
    ifMatch: true,
    responses: { 200: { description: 'Replaced.', schema: StatusPageInfoSchema } },
    handler: async ({ services, body, ifMatch, request }) => {
      const saved = await replaceSetting<StatusPageInfo>(
        services,
        SETTING_KEYS.page,
        'page',
        ifMatch,
        defaultPageInfo(originOf(request)),
        (current) => ({ id: current.id, name: body.name, url: body.url, timeZone: body.timeZone, updatedAt: isoNow(services.now()) }),
        { audience: 'public', type: 'page.updated', field: 'page' },
      );
      return json(saved.doc, { etag: versionTag(saved.version) });
    },
  }),
] as RouteSpec<never, never, never>[];
