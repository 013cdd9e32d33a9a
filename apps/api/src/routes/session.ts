/**
 * Who the caller is: the role of its bearer token, and the token's id and name, so a client can
 * show what the role allows before anyone tries. Anonymous callers get nulls; a bad token gets
 * 401 like on every route.
 */
import { SessionSchema, type Session } from '@hansei/core';
import { defineRoute, json, type RouteSpec } from '../http/route.js';

export const sessionRoutes: RouteSpec<never, never, never>[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/session',
    operationId: 'getSession',
    summary: "The caller's role and token",
    description:
      'Anonymous: `{ "role": null, "token": null }`. With a valid bearer token: its role, id and name (never the secret). An unknown or revoked token is 401. Never stored by caches (`private, no-store`).',
    tags: ['session'],
    access: 'public',
    responses: { 200: { description: 'The session.', schema: SessionSchema } },
    handler: ({ caller }) => {
      const session: Session = caller ? { role: caller.role, token: { id: caller.tokenId, name: caller.name } } : { role: null, token: null };
      return Promise.resolve(json(session, { cacheControl: 'private, no-store', headers: { vary: 'authorization' } }));
    },
  }),
] as RouteSpec<never, never, never>[];
