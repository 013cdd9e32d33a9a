/**
 * An organisation's postmortem templates (the built-in ones are @hansei/core's and never stored).
 * A template's document has no timestamps of its own; the row does, and `position` keeps the
 * order they were made in.
 */
import { findPostmortemTemplate, type PostmortemTemplate } from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Versioned } from './documents.js';

const TABLE = 'postmortem_templates';

/** Every stored template, oldest first. */
export async function listTemplates(sql: Sql): Promise<Versioned<PostmortemTemplate>[]> {
  return sql.query<Versioned<PostmortemTemplate>>(`select doc, version from ${TABLE} order by position`);
}

/** How many templates are stored. */
export async function countTemplates(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from ${TABLE}`);
  return row?.n ?? 0;
}

/** Inserts a template as version 1. */
export async function insertTemplate(sql: Sql, template: PostmortemTemplate, at: string): Promise<Versioned<PostmortemTemplate>> {
  await sql.query(`insert into ${TABLE} (id, version, created_at, updated_at, doc) values ($1, 1, $2, $2, $3)`, [template.id, at, JSON.stringify(template)]);
  return { doc: template, version: 1 };
}

/** Replaces a template when its version is still `expected`; null when someone else wrote first (or it is gone). */
export async function updateTemplate(sql: Sql, template: PostmortemTemplate, expected: number, at: string): Promise<Versioned<PostmortemTemplate> | null> {
  const [row] = await sql.query<{ version: number }>(
    `update ${TABLE} set version = version + 1, updated_at = $3, doc = $4 where id = $1 and version = $2 returning version`,
    [template.id, expected, at, JSON.stringify(template)],
  );
  return row ? { doc: template, version: row.version } : null;
}

/** The template with `id`: a built-in one, or one of the organisation's; null when there is none. */
export async function findTemplate(sql: Sql, id: string): Promise<Versioned<PostmortemTemplate> | null> {
  const builtIn = findPostmortemTemplate(id);
  if (builtIn) return { doc: builtIn, version: 1 };
  const [row] = await sql.query<Versioned<PostmortemTemplate>>(`select doc, version from ${TABLE} where id = $1`, [id]);
  return row ?? null;
}
