import type { FieldError } from './problem.js';
import { problem, type Problem } from './problem.js';

/** An error a handler throws to answer with a problem; the route kit turns it into the response. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

export const badRequest = (detail: string, extensions: Record<string, unknown> = {}) =>
  new HttpError(problem(400, 'bad-request', 'Bad Request', detail, extensions));

export const invalid = (errors: readonly FieldError[], where = 'request') =>
  new HttpError(
    problem(422, 'validation', 'Invalid request', `The ${where} has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(' ')}`, {
      errors,
    }),
  );

export const unauthorized = (detail: string) =>
  new HttpError(problem(401, 'unauthorized', 'Unauthorized', detail), { 'www-authenticate': 'Bearer realm="hansei"' });

export const forbidden = (detail: string) => new HttpError(problem(403, 'forbidden', 'Forbidden', detail));

export const notFound = (what: string, id: string) =>
  new HttpError(problem(404, 'not-found', 'Not Found', `There is no ${what} with id "${id}".`));

export const conflict = (detail: string, extensions: Record<string, unknown> = {}) =>
  new HttpError(problem(409, 'conflict', 'Conflict', detail, extensions));

/** A stale write: carries the current representation and its ETag, so the client can show what changed. */
export const preconditionFailed = (what: string, current: unknown, etag: string) =>
  new HttpError(
    problem(412, 'precondition-failed', 'Precondition Failed', `The ${what} was changed by someone else since you loaded it. Nothing was overwritten: review the current version and apply your change again.`, {
      current,
      currentEtag: etag,
    }),
    { etag },
  );

export const preconditionRequired = (what: string) =>
  new HttpError(
    problem(428, 'precondition-required', 'Precondition Required', `Updating a ${what} needs an If-Match header with the ETag you last read, so that nobody's change is overwritten.`),
  );
