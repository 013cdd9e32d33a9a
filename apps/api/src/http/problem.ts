/**
 * RFC 9457 problem details: every error the API returns has this shape and the media type
 * `application/problem+json`, with a `detail` a person can act on.
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A field-level issue: `path` is dotted (`components.0.status`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** Problem type URIs are relative references resolved against the API's own docs. */
const TYPE_BASE = '/v1/problems/';

/** Builds a problem; `type` is a short slug such as `not-found`. */
export function problem(status: number, type: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: `${TYPE_BASE}${type}`, title, status, detail, ...extensions };
}

/** A Response carrying a problem. */
export function problemResponse(value: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status: value.status,
    headers: { 'content-type': PROBLEM_MEDIA_TYPE, 'cache-control': 'no-store', ...headers },
  });
}
