/**
 * Reading and writing versioned documents: the rows of every resource table (see
 * db/migrations.ts) have `id`, `version`, a few filter columns, and `doc`, the domain object.
 * Writes with an expected version touch nothing when someone else wrote first.
 */
import type { Stored } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { badRequest, notFound, preconditionFailed, type HttpError } from '../http/errors.js';
import { versionTag } from '../http/route.js';

export interface Versioned<T> {
  readonly doc: T;
  readonly version: number;
}

/**
 * The entity of a row as the API answers it: the document with the row's version beside its
 * fields. The stored document never holds the version (the `version` column does), so it is
 * added here, on the way out, to answers and change events alike.
 */
export function withVersion<T extends object>(found: Versioned<T>): Stored<T> {
  return { ...found.doc, version: found.version };
}

/**
 * The 412 of a write whose If-Match is not `found`'s version: the problem carries the entity as
 * it is now, with its version (`current`), and its ETag (`currentEtag`).
 */
export function stale(what: string, found: Versioned<object>): HttpError {
  return preconditionFailed(what, withVersion(found), versionTag(found.version));
}

/** Filter and sort columns of a row, besides id, version, timestamps and doc. */
export type Columns = Readonly<Record<string, string | number | boolean | null>>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return name;
}

interface DocRow<T> {
  doc: T;
  version: number;
}

/** The document with `id`, or null. */
export async function getDoc<T>(sql: Sql, table: string, id: string): Promise<Versioned<T> | null> {
  const [row] = await sql.query<DocRow<T>>(`select doc, version from ${identifier(table)} where id = $1`, [id]);
  return row ? { doc: row.doc, version: row.version } : null;
}

/** Inserts a document (its `id`, `createdAt` and `updatedAt` fill the row's columns). */
export async function insertDoc<T extends { id: string; createdAt: string; updatedAt: string }>(
  sql: Sql,
  table: string,
  doc: T,
  columns: Columns = {},
): Promise<Versioned<T>> {
  const names = Object.keys(columns).map(identifier);
  const values = Object.values(columns);
  const placeholders = names.map((_, i) => `$${i + 5}`);
  await sql.query(
    `insert into ${identifier(table)} (id, version, created_at, updated_at, doc${names.map((n) => `, ${n}`).join('')})
     values ($1, 1, $2, $3, $4${placeholders.map((p) => `, ${p}`).join('')})`,
    [doc.id, doc.createdAt, doc.updatedAt, JSON.stringify(doc), ...values],
  );
  return { doc, version: 1 };
}

/**
 * Replaces the document when its version is still `expected`: the new version, or
 * `'missing'` / `'conflict'` (and nothing written).
 */
export async function updateDoc<T extends { id: string; updatedAt: string }>(
  sql: Sql,
  table: string,
  doc: T,
  expected: number,
  columns: Columns = {},
): Promise<Versioned<T> | 'missing' | 'conflict'> {
  const names = Object.keys(columns).map(identifier);
  const values = Object.values(columns);
  const rows = await sql.query<{ version: number }>(
    `update ${identifier(table)} set version = version + 1, updated_at = $3, doc = $4${names.map((n, i) => `, ${n} = $${i + 5}`).join('')}
     where id = $1 and version = $2 returning version`,
    [doc.id, expected, doc.updatedAt, JSON.stringify(doc), ...values],
  );
  if (rows[0]) return { doc, version: rows[0].version };
  const exists = await sql.query(`select 1 from ${identifier(table)} where id = $1`, [doc.id]);
  return exists.length ? 'conflict' : 'missing';
}

/**
 * The document `id` for a change guarded by If-Match: a 404 HttpError when it is missing, a 412
 * carrying the current document when `expected` (the If-Match version) is not its version.
 * `what` names the resource in the messages ("prevention action").
 */
export async function getForChange<T extends object>(sql: Sql, table: string, what: string, id: string, expected: number | null): Promise<Versioned<T>> {
  const found = await getDoc<T>(sql, table, id);
  if (!found) throw notFound(what, id);
  if (found.version !== expected) throw stale(what, found);
  return found;
}

/**
 * Writes `doc` over `current` (from {@link getForChange}): the new version, or a 412 with the
 * document as it was read when someone else wrote in between.
 */
export async function saveChange<T extends { id: string; updatedAt: string }>(
  sql: Sql,
  table: string,
  what: string,
  current: Versioned<T>,
  doc: T,
  columns: Columns = {},
): Promise<Versioned<T>> {
  const result = await updateDoc(sql, table, doc, current.version, columns);
  if (typeof result === 'string') throw stale(what, current);
  return result;
}

/**
 * Deletes the document `id` for a DELETE guarded by If-Match (404 / 412 as {@link getForChange})
 * and returns it as it was.
 */
export async function deleteForChange<T extends object>(sql: Sql, table: string, what: string, id: string, expected: number | null): Promise<Versioned<T>> {
  const current = await getForChange<T>(sql, table, what, id, expected);
  if ((await deleteDoc(sql, table, id, current.version)) !== 'deleted') throw stale(what, current);
  return current;
}

/** Deletes the document when its version is still `expected`. */
export async function deleteDoc(sql: Sql, table: string, id: string, expected: number): Promise<'deleted' | 'missing' | 'conflict'> {
  const rows = await sql.query(`delete from ${identifier(table)} where id = $1 and version = $2 returning id`, [id, expected]);
  if (rows.length) return 'deleted';
  const exists = await sql.query(`select 1 from ${identifier(table)} where id = $1`, [id]);
  return exists.length ? 'conflict' : 'missing';
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface Page<T> {
  readonly data: readonly T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export interface ListOptions {
  /** SQL conditions joined with `and`, using `$1`.. for `params`. */
  readonly where?: readonly string[];
  readonly params?: readonly unknown[];
  /** A column whose values are text or numbers; ties are broken by id. */
  readonly orderBy: string;
  readonly direction: 'asc' | 'desc';
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** A cursor: the last row's sort value and id, base64url JSON. Opaque to clients. */
export function encodeCursor(sortValue: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw badRequest('The cursor is not one this server gave out. Start again without a cursor.');
}

/** One page of documents in `table`, in a stable order, continuing after `cursor`. */
export async function listDocs<T>(sql: Sql, table: string, options: ListOptions): Promise<Page<Versioned<T>>> {
  const order = identifier(options.orderBy);
  const params: unknown[] = [...(options.params ?? [])];
  const where = [...(options.where ?? [])];
  if (options.cursor !== undefined) {
    const [value, id] = decodeCursor(options.cursor);
    params.push(value, id);
    const op = options.direction === 'desc' ? '<' : '>';
    where.push(`(${order}, id) ${op} ($${params.length - 1}, $${params.length})`);
  }
  params.push(options.limit + 1);
  const dir = options.direction === 'desc' ? 'desc' : 'asc';
  const rows = await sql.query<DocRow<T> & { id: string; sort_value: string | number }>(
    `select id, doc, version, ${order} as sort_value from ${identifier(table)}
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${order} ${dir}, id ${dir} limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({ doc: row.doc, version: row.version })),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.sort_value, last.id) : null,
  };
}
