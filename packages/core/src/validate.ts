/**
 * Running a valibot schema and getting every problem as `{ path, message }`: what a form shows
 * next to a field, and what the server turns into problem+json.
 */
import * as v from 'valibot';

/** One problem with an input: where (dotted, `components.0.status`; '' for the whole input) and what. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** The outcome of {@link validate}. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const SHOWN_IN_MESSAGE = 5;

/** Thrown by {@link assertValid}: carries every issue; its message summarises them. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const shown = issues.slice(0, SHOWN_IN_MESSAGE).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = issues.length - shown.length;
    super(
      `Invalid input (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}): ${shown.join(' ')}${more > 0 ? ` And ${more} more.` : ''}`,
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/**
 * Checks `input` against `schema` (synchronous schemas only). Success: the parsed value
 * (trimmed, defaults filled in, normalised). Failure: every issue, not only the first, in the
 * order the schema found them, each with a dotted path.
 */
export function validate<const S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): ValidationResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })),
  };
}

/**
 * Like {@link validate}, but returns the parsed value and throws a {@link ValidationError}
 * carrying every issue when `input` does not fit `schema`.
 */
export function assertValid<const S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = validate(schema, input);
  if (!result.ok) throw new ValidationError(result.issues);
  return result.value;
}
