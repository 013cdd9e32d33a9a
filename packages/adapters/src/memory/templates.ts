/**
 * Templates in memory (postmortem templates, incident templates), by the server's rules
 * (apps/api/src/routes/templates.ts): the kit's built-in ones first (read-only, version 1), then
 * the organisation's own, oldest first; admins add, change and delete their own, at most 100 of
 * each kind.
 */
import {
  BUILT_IN_INCIDENT_TEMPLATES,
  BUILT_IN_POSTMORTEM_TEMPLATES,
  INCIDENT_TEMPLATES_MAX,
  IncidentTemplateCreateSchema,
  IncidentTemplatePatchSchema,
  POSTMORTEM_TEMPLATES_MAX,
  PostmortemTemplateCreateSchema,
  PostmortemTemplatePatchSchema,
  builtInIncidentTemplateProblem,
  builtInTemplateProblem,
  createdIncidentTemplate,
  createdPostmortemTemplate,
  findIncidentTemplate,
  findPostmortemTemplate,
  patchedIncidentTemplate,
  patchedPostmortemTemplate,
  type Id,
  type IncidentTemplate,
  type IncidentTemplateCreateInput,
  type IncidentTemplatePatchInput,
  type PostmortemTemplate,
  type PostmortemTemplateCreateInput,
  type PostmortemTemplatePatchInput,
  type Stored,
} from '@hansei/core';
import type { Change } from '../adapter.js';
import { check, forChange, stored, type Ctx } from './context.js';
import { conflict, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row, type Table } from './state.js';

type TableKey = 'postmortemTemplates' | 'incidentTemplates';
type Template = { readonly id: Id };
type Schema = Parameters<typeof check>[0];

/** What differs between kinds of template. */
interface TemplateKind<T extends Template, C, P> {
  readonly noun: string;
  /** Change events' prefix. */
  readonly event: 'postmortem-template' | 'incident-template';
  readonly idPrefix: string;
  readonly max: number;
  readonly key: TableKey;
  readonly builtIns: readonly T[];
  find(id: Id): T | null;
  builtInProblem(id: Id): string | null;
  /** Schemas whose output is `C` and `P`. */
  readonly createSchema: Schema;
  readonly patchSchema: Schema;
  created(body: C, id: Id): T;
  patched(before: T, patch: P): T;
}

/** The operations on one kind of template. */
export interface TemplateOps<T extends Template> {
  /** The template `id` (built-in or the organisation's) as a row, or null. */
  find(ctx: Ctx, id: Id): Row<T> | null;
  list(ctx: Ctx): Stored<T>[];
  get(ctx: Ctx, id: Id): Stored<T>;
  create(ctx: Ctx, input: unknown): Stored<T>;
  update(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<T>;
  remove(ctx: Ctx, id: Id, version: number): void;
}

function templateOps<T extends Template, C, P>(kind: TemplateKind<T, C, P>): TemplateOps<T> {
  const table = (ctx: Ctx) => ctx.store.state[kind.key] as unknown as Table<T>;
  const save = (ctx: Ctx, next: Table<T>) => ctx.store.set({ [kind.key]: next });
  const announce = (ctx: Ctx, change: { type: string; data: unknown }) => ctx.store.publish('internal', change as Change);
  /** The organisation's template for a change: 409 for a built-in one, then 404 / 412 as usual. */
  const forUpdate = (ctx: Ctx, id: Id, version: number): Row<T> => {
    const refusal = kind.builtInProblem(id);
    if (refusal) throw conflict(refusal);
    return forChange(table(ctx), kind.noun, id, version);
  };
  const ops: TemplateOps<T> = {
    find(ctx, id) {
      const builtIn = kind.find(id);
      if (builtIn) return { doc: builtIn, version: 1, createdAt: '' };
      return table(ctx).get(id) ?? null;
    },
    list: (ctx) => [...kind.builtIns.map((doc) => ({ ...doc, version: 1 })), ...[...table(ctx).values()].map((r) => stored(r))],
    get(ctx, id) {
      const row = ops.find(ctx, id);
      if (!row) throw notFound(kind.noun, id);
      return stored(row);
    },
    create(ctx, input) {
      const body = check(kind.createSchema, input, 'body') as C;
      if (table(ctx).size >= kind.max) throw conflict(`The organisation already has ${kind.max} ${kind.noun}s of its own. Delete or reuse one first.`);
      const row: Row<T> = { doc: deepFreeze(kind.created(body, ctx.store.newId(kind.idPrefix))), version: 1, createdAt: ctx.store.isoNow() };
      save(ctx, withRow(table(ctx), row));
      announce(ctx, { type: `${kind.event}.created`, data: { template: stored(row) } });
      return stored(row);
    },
    update(ctx, id, patch, version) {
      const body = check(kind.patchSchema, patch, 'body') as P;
      const current = forUpdate(ctx, id, version);
      const row: Row<T> = { ...current, doc: deepFreeze(kind.patched(current.doc, body)), version: current.version + 1 };
      save(ctx, withRow(table(ctx), row));
      announce(ctx, { type: `${kind.event}.updated`, data: { template: stored(row) } });
      return stored(row);
    },
    remove(ctx, id, version) {
      forUpdate(ctx, id, version);
      save(ctx, withoutRow(table(ctx), id));
      announce(ctx, { type: `${kind.event}.deleted`, data: { id } });
    },
  };
  return ops;
}

export const postmortemTemplates = templateOps<PostmortemTemplate, PostmortemTemplateCreateInput, PostmortemTemplatePatchInput>({
  noun: 'postmortem template',
  event: 'postmortem-template',
  idPrefix: 'pmt',
  max: POSTMORTEM_TEMPLATES_MAX,
  key: 'postmortemTemplates',
  builtIns: BUILT_IN_POSTMORTEM_TEMPLATES,
  find: findPostmortemTemplate,
  builtInProblem: builtInTemplateProblem,
  createSchema: PostmortemTemplateCreateSchema,
  patchSchema: PostmortemTemplatePatchSchema,
  created: createdPostmortemTemplate,
  patched: patchedPostmortemTemplate,
});

export const incidentTemplates = templateOps<IncidentTemplate, IncidentTemplateCreateInput, IncidentTemplatePatchInput>({
  noun: 'incident template',
  event: 'incident-template',
  idPrefix: 'itpl',
  max: INCIDENT_TEMPLATES_MAX,
  key: 'incidentTemplates',
  builtIns: BUILT_IN_INCIDENT_TEMPLATES,
  find: findIncidentTemplate,
  builtInProblem: builtInIncidentTemplateProblem,
  createSchema: IncidentTemplateCreateSchema,
  patchSchema: IncidentTemplatePatchSchema,
  created: createdIncidentTemplate,
  patched: patchedIncidentTemplate,
});
