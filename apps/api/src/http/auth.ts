/**
 * Bearer tokens. A token is shown once when created (`hansei token create`) and stored only as
 * its SHA-256 hash. Each has one role: viewer reads, responder also writes incident work, admin
 * also configures.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TokenRecord, TokenRole } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { newId } from '../ids.js';
import type { Services } from '../services.js';
import { unauthorized } from './errors.js';

export interface Caller {
  readonly tokenId: string;
  readonly role: TokenRole;
  readonly name: string;
}

interface TokenRow {
  id: string;
  name: string;
  role: TokenRole;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const PREFIX = 'hsk_';
/** How long a resolved token is trusted without asking the database (and so how late a revocation can bite). */
const CACHE_MS = 5_000;
/** `last_used_at` is written at most this often per token. */
const TOUCH_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function record(row: TokenRow): TokenRecord {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** Creates a token; the secret is in the result and nowhere else. */
export async function createToken(sql: Sql, input: { role: TokenRole; name: string }, now = Date.now()): Promise<{ token: string; record: TokenRecord }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await sql.query<TokenRow>(
    'insert into tokens (id, name, role, hash, created_at) values ($1, $2, $3, $4, $5) returning id, name, role, created_at, last_used_at, revoked_at',
    [newId('tok', now), input.name, input.role, hashToken(token), new Date(now).toISOString()],
  );
  return { token, record: record(row as TokenRow) };
}

export async function listTokens(sql: Sql): Promise<TokenRecord[]> {
  const rows = await sql.query<TokenRow>('select id, name, role, created_at, last_used_at, revoked_at from tokens order by created_at, id');
  return rows.map(record);
}

/** Revokes a token; false when there is no such token. */
export async function revokeToken(sql: Sql, id: string, now = Date.now()): Promise<boolean> {
  const rows = await sql.query('update tokens set revoked_at = coalesce(revoked_at, $2) where id = $1 returning id', [id, new Date(now).toISOString()]);
  cache.clear();
  return rows.length > 0;
}

const cache = new Map<string, { caller: Caller; until: number; touched: number }>();

/**
 * The caller an Authorization header names: null without one; a 401 HttpError for a malformed,
 * unknown or revoked token (also on public routes: a wrong token is a mistake worth telling).
 */
export async function resolveCaller(services: Services, header: string | null): Promise<Caller | null> {
  if (header === null || header === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
  const hash = hashToken(match[1] as string);
  const now = services.now();
  const cached = cache.get(hash);
  if (cached && cached.until > now) return cached.caller;
  const [row] = await services.db.query<TokenRow & { hash: string }>('select id, name, role, revoked_at from tokens where hash = $1', [hash]);
  if (!row || row.revoked_at !== null) {
    cache.delete(hash);
    throw unauthorized('This token is unknown or has been revoked. Ask an admin for a new one.');
  }
  const caller: Caller = { tokenId: row.id, role: row.role, name: row.name };
  const touched = cached?.touched ?? 0;
  if (now - touched > TOUCH_MS) {
    await services.db.query('update tokens set last_used_at = $2 where id = $1', [row.id, new Date(now).toISOString()]);
  }
  cache.set(hash, { caller, until: now + CACHE_MS, touched: now - touched > TOUCH_MS ? now : touched });
  return caller;
}
