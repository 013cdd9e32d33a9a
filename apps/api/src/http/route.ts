/**
 * The route kit. A route is one declarative {@link RouteSpec}: method, path, access, the valibot
 * schemas of its path parameters, query and body (the same schemas forms use, from
 * @hansei/core), its responses, and a handler. From it the kit
 * - validates every parameter, query and body, answering 400/415/422 problem+json;
 * - checks the bearer token's role (401/403), public routes being anonymous;
 * - answers conditional GETs with 304 from the handler's ETag;
 * - requires If-Match on updates (428) and hands the handler the expected version;
 * - replays POSTs that repeat an Idempotency-Key, so a retried create never duplicates;
 * - records the route for the OpenAPI document (openapi.ts).
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type * as v from 'valibot';
import { validate, type TokenRole } from '@hansei/core';
import type { Services } from '../services.js';
import { resolveCaller, type Caller } from './auth.js';
import { HttpError, badRequest, forbidden, invalid, preconditionRequired, unauthorized } from './errors.js';
import { problem, problemResponse } from './problem.js';

export type Access = 'public' | TokenRole;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: v.GenericSchema;
  /** Media type when not JSON (an SVG badge, an Atom feed, an event stream). */
  readonly mediaType?: string;
}

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The token's holder; null on public routes called anonymously. */
  readonly caller: Caller | null;
  readonly services: Services;
  readonly request: Request;
  /** The version an If-Match asked for (`"3"` -> 3), when the route takes one. */
  readonly ifMatch: number | null;
  /** The Hono context, for the rare route that needs more (streams). */
  readonly context: Context;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  readonly method: Method;
  /** Hono path syntax: `/v1/incidents/:id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: Access;
  readonly params?: v.GenericSchema<unknown, P>;
  readonly query?: v.GenericSchema<unknown, Q>;
  readonly body?: v.GenericSchema<unknown, B>;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Accepts an Idempotency-Key header (creates). */
  readonly idempotent?: boolean;
  /** Requires If-Match (updates and deletes of versioned resources). */
  readonly ifMatch?: boolean;
  /** Largest accepted body, in bytes (default 256 KiB). */
  readonly maxBodyBytes?: number;
  readonly handler: (input: RouteInput<P, Q, B>) => Promise<Response>;
}

const ROLE_RANK: Readonly<Record<TokenRole, number>> = { viewer: 1, responder: 2, admin: 3 };
const DEFAULT_MAX_BODY = 256 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Responses

export interface JsonOptions {
  readonly status?: number;
  readonly etag?: string | null;
  readonly cacheControl?: string;
  readonly headers?: Record<string, string>;
}

/** A JSON response; `cache-control` defaults to `private, no-cache` (revalidate with the ETag). */
export function json(body: unknown, options: JsonOptions = {}): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': options.cacheControl ?? 'private, no-cache',
    ...options.headers,
  };
  if (options.etag) headers['etag'] = options.etag;
  return new Response(JSON.stringify(body), { status: options.status ?? 200, headers });
}

/** The ETag of a versioned resource. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** A strong ETag from the bytes of a representation (lists, public documents). */
export function contentTag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
}

/** The version an If-Match header names, or NaN when it names none we issued. */
function parseIfMatch(header: string): number {
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

// ---------------------------------------------------------------------------------------------
// Input

function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

function check<T>(schema: v.GenericSchema<unknown, T> | undefined, input: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = validate(schema, input);
  if (!result.ok) throw invalid(result.issues, where);
  return result.value;
}

async function readJson(request: Request, limit: number): Promise<{ text: string; value: unknown }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new HttpError(problem(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the body as JSON, with the header Content-Type: application/json.'));
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}.`);
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(problem(413, 'payload-too-large', 'Content Too Large', `The body is larger than this route accepts (${Math.round(limit / 1024)} KiB).`));
}

// ---------------------------------------------------------------------------------------------
// Idempotency

interface StoredResponse {
  readonly status: number | null;
  readonly headers: Record<string, string> | null;
  readonly body: string | null;
  readonly request_hash: string;
}

async function withIdempotency(services: Services, scope: string, key: string, request: Request, bodyText: string, run: () => Promise<Response>): Promise<Response> {
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw badRequest('The Idempotency-Key header must be 1 to 200 visible ASCII characters (a UUID is a good choice).');
  }
  const url = new URL(request.url);
  const hash = createHash('sha256').update(`${request.method} ${url.pathname}\n${bodyText}`).digest('hex');
  const now = services.now();
  const { db } = services;
  await db.query('delete from idempotency_keys where created_at < $1', [new Date(now - IDEMPOTENCY_TTL_MS).toISOString()]);
  const claimed = await db.query(
    `insert into idempotency_keys (scope, key, method, path, request_hash, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (scope, key) do nothing returning key`,
    [scope, key, request.method, url.pathname, hash, new Date(now).toISOString()],
  );
  if (claimed.length === 0) {
    const [stored] = await db.query<StoredResponse>('select status, headers, body, request_hash from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    if (!stored) return withIdempotency(services, scope, key, request, bodyText, run);
    if (stored.request_hash !== hash) {
      throw new HttpError(problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.'));
    }
    if (stored.status === null) {
      throw new HttpError(problem(409, 'idempotency-in-progress', 'Request in progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment.'), { 'retry-after': '1' });
    }
    return new Response(stored.body, { status: stored.status, headers: { ...stored.headers, 'idempotent-replayed': 'true' } });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.query('delete from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    throw error;
  }
  if (response.status >= 500) {
    await db.query('delete from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    return response;
  }
  const body = await response.clone().text();
  await db.query('update idempotency_keys set status = $3, headers = $4, body = $5 where scope = $1 and key = $2', [
    scope,
    key,
    response.status,
    Object.fromEntries(response.headers),
    body,
  ]);
  return response;
}

// ---------------------------------------------------------------------------------------------
// Mounting

function toResponse(error: unknown): Response {
  if (error instanceof HttpError) return problemResponse(error.problem, error.headers);
  throw error;
}

/** Adds `spec` to `app`, served with `services`. */
export function mountRoute<P, Q, B>(app: Hono, services: Services, spec: RouteSpec<P, Q, B>): void {
  const limit = spec.maxBodyBytes ?? DEFAULT_MAX_BODY;
  app.on(spec.method, spec.path, async (c) => {
    try {
      const request = c.req.raw;
      const caller = await resolveCaller(services, request.headers.get('authorization'));
      if (spec.access !== 'public') {
        if (!caller) throw unauthorized('This needs a bearer token: send Authorization: Bearer <token> (create one with `hansei token create`).');
        if (ROLE_RANK[caller.role] < ROLE_RANK[spec.access]) {
          throw forbidden(`This needs the ${spec.access} role; your token has the ${caller.role} role.`);
        }
      }
      const params = check(spec.params, c.req.param(), 'path');
      const query = check(spec.query, queryObject(new URL(request.url)), 'query');
      let bodyText = '';
      let body = undefined as B;
      if (spec.body) {
        const read = await readJson(request, limit);
        bodyText = read.text;
        body = check(spec.body, read.value, 'body');
      }
      let ifMatch: number | null = null;
      if (spec.ifMatch) {
        const header = request.headers.get('if-match');
        if (!header) throw preconditionRequired(spec.tags[0] ?? 'resource');
        ifMatch = parseIfMatch(header);
      }
      const run = () => spec.handler({ params, query, body, caller, services, request, ifMatch, context: c });
      const key = spec.idempotent ? request.headers.get('idempotency-key') : null;
      const response = key !== null ? await withIdempotency(services, caller?.tokenId ?? 'anonymous', key, request, bodyText, run) : await run();
      if (spec.method === 'GET' && response.status === 200) {
        const etag = response.headers.get('etag');
        if (etag && etagMatches(request.headers.get('if-none-match') ?? undefined, etag)) {
          const headers = new Headers(response.headers);
          headers.delete('content-type');
          headers.delete('content-length');
          return new Response(null, { status: 304, headers });
        }
      }
      return response;
    } catch (error) {
      return toResponse(error);
    }
  });
}

/** The roles, weakest first. */
export const ROLES_BY_RANK = (Object.keys(ROLE_RANK) as TokenRole[]).sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
