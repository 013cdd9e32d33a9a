/**
 * People: the responders, owners and authors that incidents, postmortems and actions name.
 * A person's document has no timestamps of its own (the domain keeps it small); the row does.
 */
import type { Person } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { conflict } from '../http/errors.js';
import type { Versioned } from './documents.js';

/** Inserts a person as version 1. */
export async function insertPerson(sql: Sql, person: Person, at: string): Promise<Versioned<Person>> {
  await sql.query('insert into people (id, version, created_at, updated_at, doc) values ($1, 1, $2, $2, $3)', [person.id, at, JSON.stringify(person)]);
  return { doc: person, version: 1 };
}

/** Replaces a person when its version is still `expected`; null when someone else wrote first (or it is gone). */
export async function updatePerson(sql: Sql, person: Person, expected: number, at: string): Promise<Versioned<Person> | null> {
  const [row] = await sql.query<{ version: number }>(
    'update people set version = version + 1, updated_at = $3, doc = $4 where id = $1 and version = $2 returning version',
    [person.id, expected, at, JSON.stringify(person)],
  );
  return row ? { doc: person, version: row.version } : null;
}

/** The ids among `ids` that name nobody. */
export async function missingPeople(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>('select id from people where id = any($1)', [ids]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** Throws a 409 when `personId` (if given) names nobody; `field` says which input named them. */
export async function requirePerson(sql: Sql, personId: string | null | undefined, field: string): Promise<void> {
  if (personId && (await missingPeople(sql, [personId])).length > 0) {
    throw conflict(`${field} "${personId}" names nobody: there is no person with that id. Add them under /v1/people first, or leave ${field} empty.`);
  }
}

/** An unreleased role on an incident that is still open. */
export interface ActiveRole {
  readonly incidentId: string;
  readonly incidentTitle: string;
  readonly role: string;
}

/** An action that is not done (nor dropped). */
export interface OpenAction {
  readonly id: string;
  readonly title: string;
  readonly status: string;
}

/** What keeps a person from being deleted: roles they hold on open incidents and open actions they own. */
export async function personCommitments(sql: Sql, personId: string): Promise<{ roles: ActiveRole[]; actions: OpenAction[] }> {
  const roles = await sql.query<{ incident_id: string; title: string; role: string }>(
    `select r.incident_id, i.doc->>'title' as title, r.role from role_assignments r join incidents i on i.id = r.incident_id
     where r.person_id = $1 and r.released_at is null and i.status <> 'resolved' order by r.assigned_at, r.id`,
    [personId],
  );
  const actions = await sql.query<OpenAction>(
    `select id, doc->>'title' as title, status from prevention_actions
     where owner_id = $1 and status not in ('done', 'wont_do') order by created_at, id`,
    [personId],
  );
  return { roles: roles.map((r) => ({ incidentId: r.incident_id, incidentTitle: r.title, role: r.role })), actions };
}
