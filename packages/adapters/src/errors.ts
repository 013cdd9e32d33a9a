/**
 * Typed errors for everything an adapter can fail at. A server's RFC 9457 problem+json body, a
 * network failure or a timeout all end as one {@link HanseiError} whose `kind` an element can
 * switch on, and whose `fieldErrors` it can show next to the fields they concern.
 */

/** RFC 9457 problem details, with Hansei's `errors` extension for field-level issues. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Field-level issues: `path` is dotted (`components.0.status`). */
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export const ERROR_KINDS = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
  'server',
  'timeout',
  'network',
  'bad_response',
  'aborted',
  'unsupported',
] as const;
/** What went wrong, in terms a caller can act on. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Kinds worth retrying later (for idempotent requests): the request may succeed unchanged. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['rate_limited', 'unavailable', 'timeout', 'network']);

export interface HanseiErrorInit {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly status?: number | null;
  readonly problem?: ProblemDetails | null;
  readonly retryAfterMs?: number | null;
  readonly cause?: unknown;
}

/** Marks a HanseiError made by any copy of this module (see `HanseiError[Symbol.hasInstance]`). */
const BRAND = Symbol.for('hansei.error');

/** The one error type adapters throw. */
export class HanseiError extends Error {
  /**
   * `error instanceof HanseiError` holds for a HanseiError from another copy of this module too:
   * a page may load an element and an adapter as separate single-file bundles, each with its own
   * copy, and the element must still recognise the adapter's conflicts and validation errors.
   * Subclasses (`QueuedError`) keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return this === HanseiError && typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  override readonly name = 'HanseiError';
  readonly kind: ErrorKind;
  /** HTTP status, when a response was received. */
  readonly status: number | null;
  readonly problem: ProblemDetails | null;
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(init: HanseiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Field-level issues from a validation problem; empty otherwise. */
  get fieldErrors(): readonly FieldError[] {
    return this.problem?.errors ?? [];
  }

  /**
   * On a conflict (412), the resource as it now is, with its `version` (from the problem's
   * `current`), so a person can see what changed and choose; null otherwise.
   */
  get current(): unknown {
    return this.problem?.['current'] ?? null;
  }

  /** True when the same request may succeed later unchanged. */
  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}
Object.defineProperty(HanseiError.prototype, BRAND, { value: true });

/** The error kind an HTTP status means. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server';
  return 'bad_response';
}

/** True for a value shaped like RFC 9457 problem details. */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record['title'] !== 'string' || typeof record['status'] !== 'number') return false;
  const errors = record['errors'];
  return (
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every(
        (e: unknown) =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as Record<string, unknown>)['path'] === 'string' &&
          typeof (e as Record<string, unknown>)['message'] === 'string',
      ))
  );
}

/**
 * Milliseconds to wait from a Retry-After header (delta-seconds or an HTTP date), or null.
 * `now` is the current time in epoch milliseconds.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The error for a failed HTTP response: `body` is its parsed JSON (or null when it had none or
 * was not JSON). Uses the problem's `detail`, else its `title`, else the status, as the message.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  options: { retryAfter?: string | null; now?: number } = {},
): HanseiError {
  const problem = isProblemDetails(body) ? body : null;
  const message = problem?.detail ?? problem?.title ?? `The server answered with HTTP ${status}.`;
  return new HanseiError({
    kind: kindForStatus(status),
    message,
    status,
    problem,
    retryAfterMs: parseRetryAfter(options.retryAfter, options.now ?? Date.now()),
  });
}
