/** How elements speak about an adapter's errors (adapters reject with a `HanseiError`). */
import { msg } from '@lit/localize';

/** The error's own words, else a generic sentence. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message.trim()) return error.message.trim();
  return msg('Something went wrong. Try again.', { desc: 'An error without a message of its own' });
}

/** True for an adapter error of kind `conflict` (another change came first). */
export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'conflict';
}

/** The entity a conflict carries as it is now (`HanseiError.current`), if any. */
export function currentOf<T>(error: unknown): T | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const current = (error as { current?: unknown }).current;
  return current === null || current === undefined ? undefined : (current as T);
}
