/** Pieces every resource's routes share. */
import * as v from 'valibot';
import type { Caller } from '../http/auth.js';

/** `{ id }` path parameter. */
export const IdParams = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'The id is empty.'), v.maxLength(100, 'The id is longer than 100 characters.')),
});

/** Cache-Control for a read: shared caches may keep anonymous answers briefly; tokens' answers are private. */
export function readCache(caller: Caller | null): string {
  return caller ? 'private, no-cache' : 'public, max-age=5, stale-while-revalidate=30';
}

/** The ISO instant of `now`. */
export function isoNow(now: number): string {
  return new Date(now).toISOString();
}

/** `text` taken literally inside a LIKE/ILIKE pattern (the default escape character is `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
