/** Words of the role board that do not depend on its state. */
import { msg } from '@lit/localize';

/** The error's own words (adapters reject with a HanseiError), else a generic sentence. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message.trim()) return error.message.trim();
  return msg('Something went wrong. Try again.', { desc: 'Role board: an error without a message of its own' });
}

/** True for an adapter error of kind `conflict` (another change came first). */
export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'conflict';
}

