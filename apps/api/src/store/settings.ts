/**
 * Organisation settings: one versioned JSON document per key in the `settings` table (the
 * severity guideline, the incident roles, the status page's own details). A key that was never
 * written reads as the kit's default at version 0, so its ETag is `"0"` and the first write
 * sends `If-Match: "0"`.
 */
import {
  DEFAULT_ROLES,
  DEFAULT_SEVERITY_GUIDELINE,
  defaultPageInfo,
  type RoleDefinition,
  type SeverityGuideline,
  type StatusPageInfo,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import type { Versioned } from './documents.js';

/** The settings keys the kit uses. */
export const SETTING_KEYS = {
  guideline: 'severity-guideline',
  roles: 'roles',
  page: 'page',
} as const;
export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** The stored document under `key`, or null when none was ever written. */
export async function readSetting<T>(sql: Sql, key: SettingKey): Promise<Versioned<T> | null> {
  const [row] = await sql.query<{ doc: T; version: number }>('select doc, version from settings where key = $1', [key]);
  return row ? { doc: row.doc, version: row.version } : null;
}

/** The stored document under `key`, or `fallback` at version 0. */
export async function readSettingOr<T>(sql: Sql, key: SettingKey, fallback: T): Promise<Versioned<T>> {
  return (await readSetting<T>(sql, key)) ?? { doc: fallback, version: 0 };
}

/**
 * Writes `doc` under `key` when its version is still `expected` (0: never written): the new
 * version, or 'conflict' with nothing written.
 */
export async function writeSetting<T>(sql: Sql, key: SettingKey, doc: T, expected: number, updatedAt: string): Promise<Versioned<T> | 'conflict'> {
  const rows =
    expected === 0
      ? await sql.query<{ version: number }>(
          'insert into settings (key, version, updated_at, doc) values ($1, 1, $2, $3) on conflict (key) do nothing returning version',
          [key, updatedAt, JSON.stringify(doc)],
        )
      : await sql.query<{ version: number }>(
          'update settings set version = version + 1, updated_at = $3, doc = $4 where key = $1 and version = $2 returning version',
          [key, expected, updatedAt, JSON.stringify(doc)],
        );
  return rows[0] ? { doc, version: rows[0].version } : 'conflict';
}

/** The organisation's severity guideline (the kit's default SEV1..SEV4 until an admin replaces it). */
export async function readGuideline(sql: Sql): Promise<SeverityGuideline> {
  return (await readSettingOr(sql, SETTING_KEYS.guideline, DEFAULT_SEVERITY_GUIDELINE)).doc;
}

/** The organisation's incident roles (the kit's defaults until an admin replaces them). */
export async function readRoles(sql: Sql): Promise<readonly RoleDefinition[]> {
  return (await readSettingOr(sql, SETTING_KEYS.roles, DEFAULT_ROLES)).doc;
}

/** The status page's details ({@link defaultPageInfo} until an admin sets them). */
export async function readPageInfo(sql: Sql, origin?: string): Promise<StatusPageInfo> {
  return (await readSettingOr(sql, SETTING_KEYS.page, defaultPageInfo(origin))).doc;
}
