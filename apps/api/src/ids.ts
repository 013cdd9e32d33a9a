import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/**
 * A new id: `<prefix>_` + 10 characters of time (milliseconds, so ids sort by creation) + 10
 * random characters (50 bits). Readable in URLs and logs: `inc_01jf3k9q2x7c4m8p0zr5`.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = (ALPHABET[t % 32] as string) + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % 32] as string;
  return `${prefix}_${time}${random}`;
}
