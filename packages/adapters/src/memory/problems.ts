/**
 * The errors the in-memory adapter rejects with: the same problem details (type, title, status,
 * detail, extensions) the reference server answers with, wrapped in a {@link HanseiError} whose
 * kind follows from the status, so elements and the shared suite see no difference.
 */
import type { ValidationIssue } from '@hansei/core';
import { HanseiError, kindForStatus, type ProblemDetails } from '../errors.js';

/** A problem as the server words it; `type` is a slug such as `not-found`. */
export function problem(status: number, type: string, title: string, detail: string, extensions: Record<string, unknown> = {}): HanseiError {
  const details: ProblemDetails = { type: `/v1/problems/${type}`, title, status, detail, ...extensions };
  return new HanseiError({ kind: kindForStatus(status), message: detail, status, problem: details });
}

/** 400: a malformed request (a cursor or an idempotency key this backend did not give out). */
export const badRequest = (detail: string): HanseiError => problem(400, 'bad-request', 'Bad Request', detail);

/** 422 with field-level issues; `where` names what had them ("body", "query"). */
export function invalid(errors: readonly ValidationIssue[], where = 'request'): HanseiError {
  const listed = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(' ');
  const count = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
  return problem(422, 'validation', 'Invalid request', `The ${where} has ${count}: ${listed}`, { errors });
}

export const unauthorized = (detail: string): HanseiError => problem(401, 'unauthorized', 'Unauthorized', detail);

export const forbidden = (detail: string): HanseiError => problem(403, 'forbidden', 'Forbidden', detail);

/** 404 for `what` with `id`. */
export const notFound = (what: string, id: string): HanseiError => problem(404, 'not-found', 'Not Found', `There is no ${what} with id "${id}".`);

/** 409: the request names something that does not exist, or breaks a rule of the stored state. */
export const conflict = (detail: string, extensions: Record<string, unknown> = {}): HanseiError => problem(409, 'conflict', 'Conflict', detail, extensions);

/** 412: a stale version. Carries the entity as it now is (`current`, with its version) and its ETag. */
export function preconditionFailed(what: string, current: { readonly version: number }): HanseiError {
  return problem(
    412,
    'precondition-failed',
    'Precondition Failed',
    `The ${what} was changed by someone else since you loaded it. Nothing was overwritten: review the current version and apply your change again.`,
    { current, currentEtag: `"${current.version}"` },
  );
}

/** The error of a call aborted through its signal. */
export function aborted(reason?: unknown): HanseiError {
  return new HanseiError({ kind: 'aborted', message: 'The call was aborted before it finished.', cause: reason });
}

/** The error of a call that took longer than its timeout. */
export function timedOut(ms: number): HanseiError {
  return new HanseiError({ kind: 'timeout', message: `The call took longer than ${ms} ms and was given up. Try again.` });
}
