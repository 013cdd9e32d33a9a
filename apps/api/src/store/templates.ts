/**
 * An organisation's templates, one table per kind (postmortem templates, incident templates),
 * beside the kit's built-in ones, which are @hansei/core's and never stored. A template's
 * document has no timestamps of its own; the row does, and `position` keeps the order they were
 * made in.
 */
import { findIncidentTemplate, findPostmortemTemplate, type IncidentTemplate, type PostmortemTemplate } from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Versioned } from './documents.js';

/** The rows of one kind of template. */
export interface TemplateTable<T extends { readonly id: string }> {
  /** The table's name (for locks and deletes). */
  readonly table: string;
  /** Every stored template, oldest first. */
  list(sql: Sql): Promise<Versioned<T>[]>;
  /** How many templates are stored. */
  count(sql: Sql): Promise<number>;
  /** Inserts a template as version 1. */
  insert(sql: Sql, template: T, at: string): Promise<Versioned<T>>;
  /** Replaces a template when its version is still `expected`; null when someone else wrote first (or it is gone). */
  update(sql: Sql, template: T, expected: number, at: string): Promise<Versioned<T> | null>;
  /** The template with `id`: a built-in one, or one of the organisation's; null when there is none. */
  find(sql: Sql, id: string): Promise<Versioned<T> | null>;
}

/** The templates of `table`, with `builtIn` finding the kit's own by id. */
export function templateTable<T extends { readonly id: string }>(table: string, builtIn: (id: string) => T | null): TemplateTable<T> {
  return {
    table,
    list: (sql) => sql.query<Versioned<T>>(`select doc, version from ${table} order by position`),
    async count(sql) {
      const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      return row?.n ?? 0;
    },
    async insert(sql, template, at) {
      await sql.query(`insert into ${table} (id, version, created_at, updated_at, doc) values ($1, 1, $2, $2, $3)`, [template.id, at, JSON.stringify(template)]);
      return { doc: template, version: 1 };
    },
    async update(sql, template, expected, at) {
      const [row] = await sql.query<{ version: number }>(
        `update ${table} set version = version + 1, updated_at = $3, doc = $4 where id = $1 and version = $2 returning version`,
        [template.id, expected, at, JSON.stringify(template)],
      );
      return row ? { doc: template, version: row.version } : null;
    },
    async find(sql, id) {
      const found = builtIn(id);
      if (found) return { doc: found, version: 1 };
      const [row] = await sql.query<Versioned<T>>(`select doc, version from ${table} where id = $1`, [id]);
      return row ?? null;
    },
  };
}

export const postmortemTemplates = templateTable<PostmortemTemplate>('postmortem_templates', findPostmortemTemplate);
export const incidentTemplates = templateTable<IncidentTemplate>('incident_templates', findIncidentTemplate);
