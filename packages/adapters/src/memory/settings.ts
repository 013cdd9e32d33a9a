/**
 * Organisation settings and API tokens in memory, by the server's rules
 * (apps/api/src/routes/settings.ts, tokens.ts): the severity guideline (every required role must
 * be defined), the incident roles (keys unique; none the guideline requires may go), the page's
 * details, and tokens whose secret is shown once.
 */
import {
  PageInfoReplaceSchema,
  RoleDefinitionSchema,
  SeverityGuidelineReplaceSchema,
  TokenCreateSchema,
  checkGuideline,
  validate,
  type CreatedToken,
  type Id,
  type RoleDefinition,
  type SeverityGuideline,
  type StatusPageInfo,
  type TokenRecord,
} from '@hansei/core';
import { check, type Ctx } from './context.js';
import { conflict, invalid, notFound } from './problems.js';
import { deepFreeze, type TokenRow } from './state.js';

export const getSeverityGuideline = (ctx: Ctx): SeverityGuideline => ctx.store.state.guideline.doc;

/** Replaces the guideline (levels sorted by rank); a required role that is not defined is a 422. */
export function replaceSeverityGuideline(ctx: Ctx, input: unknown): SeverityGuideline {
  const body = check(SeverityGuidelineReplaceSchema, input, 'body');
  const doc: SeverityGuideline = deepFreeze({ levels: body.levels, whenUnsure: body.whenUnsure, updatedAt: ctx.store.isoNow() });
  const problems = checkGuideline(doc, ctx.store.state.roles.doc);
  if (problems.length > 0) throw invalid(problems, 'guideline');
  const version = ctx.store.state.guideline.version + 1;
  ctx.store.set({ guideline: { doc, version } });
  ctx.store.publish('internal', { type: 'guideline.updated', data: { guideline: doc, version } });
  return doc;
}

export const listRoles = (ctx: Ctx): readonly RoleDefinition[] => ctx.store.state.roles.doc;

/** Replaces the roles: 1 to 50, unique keys (422), none the guideline still requires left out (409). */
export function replaceRoles(ctx: Ctx, input: unknown): readonly RoleDefinition[] {
  if (!Array.isArray(input)) throw invalid([{ path: 'data', message: 'Roles must be a list.' }], 'body');
  const issues: { path: string; message: string }[] = [];
  if (input.length < 1) issues.push({ path: 'data', message: 'Define at least one role.' });
  if (input.length > 50) issues.push({ path: 'data', message: 'Define at most 50 roles.' });
  const roles: RoleDefinition[] = [];
  input.forEach((item: unknown, i) => {
    const result = validate(RoleDefinitionSchema, item);
    if (result.ok) roles.push(result.value);
    else issues.push(...result.issues.map((issue) => ({ path: issue.path ? `data.${i}.${issue.path}` : `data.${i}`, message: issue.message })));
  });
  if (issues.length > 0) throw invalid(issues, 'body');
  const seen = new Set<string>();
  const duplicates = roles.flatMap((role, i) => {
    const repeated = seen.has(role.key);
    seen.add(role.key);
    return repeated ? [{ path: `data.${i}.key`, message: `The role key "${role.key}" is used twice.` }] : [];
  });
  if (duplicates.length > 0) throw invalid(duplicates, 'body');
  const missing = checkGuideline(ctx.store.state.guideline.doc, roles).filter((p) => p.path.includes('requiredRoles'));
  if (missing.length > 0) {
    throw conflict(`The severity guideline still requires roles this list leaves out: ${missing.map((p) => p.message).join(' ')} Change the guideline first.`, { errors: missing });
  }
  const doc = deepFreeze(roles);
  const version = ctx.store.state.roles.version + 1;
  ctx.store.set({ roles: { doc, version } });
  ctx.store.publish('internal', { type: 'roles.updated', data: { roles: doc, version } });
  return doc;
}

export const getPage = (ctx: Ctx): StatusPageInfo => ctx.store.state.page.doc;

export function replacePage(ctx: Ctx, input: unknown): StatusPageInfo {
  const body = check(PageInfoReplaceSchema, input, 'body');
  const { page } = ctx.store.state;
  const doc: StatusPageInfo = deepFreeze({ id: page.doc.id, name: body.name, url: body.url, timeZone: body.timeZone, updatedAt: ctx.store.isoNow() });
  const version = page.version + 1;
  ctx.store.set({ page: { doc, version } });
  ctx.store.publish('public', { type: 'page.updated', data: { page: doc, version } });
  return doc;
}

const record = (row: TokenRow): TokenRecord => Object.freeze({ ...row });

/** Tokens, oldest first, revoked ones too; never a secret. */
export function listTokens(ctx: Ctx): readonly TokenRecord[] {
  return Object.freeze(
    [...ctx.store.state.tokens].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)).map(record),
  );
}

/** Creates a token: its secret is in this answer and nowhere else. */
export function createToken(ctx: Ctx, input: unknown): CreatedToken {
  const body = check(TokenCreateSchema, input, 'body');
  const row: TokenRow = Object.freeze({ id: ctx.store.newId('tok'), name: body.name, role: body.role, createdAt: ctx.store.isoNow(), lastUsedAt: null, revokedAt: null });
  ctx.store.set({ tokens: [...ctx.store.state.tokens, row] });
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = `hsk_${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  return Object.freeze({ ...record(row), token: secret });
}

/** Revokes a token (again: no change); 404 when there is none. */
export function revokeToken(ctx: Ctx, id: Id): void {
  const found = ctx.store.state.tokens.find((t) => t.id === id);
  if (!found) throw notFound('token', id);
  if (found.revokedAt !== null) return;
  const revokedAt = ctx.store.isoNow();
  ctx.store.set({ tokens: ctx.store.state.tokens.map((t) => (t.id === id ? Object.freeze({ ...t, revokedAt }) : t)) });
}
