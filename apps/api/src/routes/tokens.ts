/**
 * API tokens, for admins: list them (never their secret or hash), create one (its secret is in
 * that one response and nowhere else) and revoke one (its next request gets 401).
 */
import * as v from 'valibot';
import { CreatedTokenSchema, TokenCreateSchema, TokenRecordSchema, type CreatedToken } from '@hansei/core';
import { createToken, listTokens, revokeToken } from '../http/auth.js';
import { notFound } from '../http/errors.js';
import { defineRoute, json, type RouteSpec } from '../http/route.js';
import { IdParams } from './common.js';

const TAGS = ['tokens'];

/** Never cached anywhere: token lists and secrets. */
const NO_STORE = 'no-store';

export const tokenRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/tokens',
    operationId: 'listTokens',
    summary: 'List API tokens (revoked ones too)',
    description: 'Oldest first. Secrets are never listed: they are stored only as hashes.',
    tags: TAGS,
    access: 'admin',
    responses: { 200: { description: 'The tokens.', schema: v.object({ data: v.array(TokenRecordSchema) }) } },
    handler: async ({ services }) => json({ data: await listTokens(services.db) }, { cacheControl: NO_STORE }),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/tokens',
    operationId: 'createToken',
    summary: 'Create an API token',
    description:
      'The answer carries the secret (`token`) once: store it now, it cannot be shown again. Not idempotent on purpose: replaying the answer would mean keeping the secret.',
    tags: TAGS,
    access: 'admin',
    body: TokenCreateSchema,
    responses: { 201: { description: 'Created: the record and its secret.', schema: CreatedTokenSchema } },
    handler: async ({ services, body }) => {
      const { token, record } = await createToken(services.db, body, services.now());
      const created: CreatedToken = { ...record, token };
      return json(created, { status: 201, cacheControl: NO_STORE, headers: { location: `/v1/tokens/${record.id}` } });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke an API token',
    description: 'The token stops working at once, on every request after this one. Revoking a revoked token changes nothing.',
    tags: TAGS,
    access: 'admin',
    params: IdParams,
    responses: { 204: { description: 'Revoked.' } },
    handler: async ({ services, params }) => {
      if (!(await revokeToken(services.db, params.id, services.now()))) throw notFound('token', params.id);
      return new Response(null, { status: 204 });
    },
  }),
] as RouteSpec<never, never, never>[];
