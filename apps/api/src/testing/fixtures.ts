/**
 * Rows that route tests need from other resources, written straight to the database so a test
 * of postmortems or actions does not depend on the incident routes.
 */
import type { Incident, RoleAssignment } from '@hansei/core';
import type { Sql } from '../db/database.js';
import { newId } from '../ids.js';
import { TEST_NOW } from './harness.js';

/** Inserts an incident (open, internal, SEV3 unless `fields` say otherwise) and returns it. */
export async function insertIncident(sql: Sql, fields: Partial<Incident> = {}): Promise<Incident> {
  const at = new Date(TEST_NOW - 3600_000).toISOString();
  const incident: Incident = {
    id: newId('inc'),
    title: 'Checkout errors',
    summary: '',
    severity: 'SEV3',
    impact: 'minor',
    status: 'investigating',
    visibility: 'internal',
    components: [],
    labels: [],
    related: [],
    startedAt: at,
    detectedAt: at,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    createdAt: at,
    updatedAt: at,
    updates: [],
    postmortemId: null,
    ...fields,
  };
  await sql.query(
    `insert into incidents (id, version, created_at, updated_at, started_at, status, severity, visibility, doc)
     values ($1, 1, $2, $3, $4, $5, $6, $7, $8)`,
    [incident.id, incident.createdAt, incident.updatedAt, incident.startedAt, incident.status, incident.severity, incident.visibility, JSON.stringify(incident)],
  );
  return incident;
}

/** Gives `personId` role `role` on an incident (unreleased unless `releasedAt`). */
export async function insertRoleAssignment(sql: Sql, incidentId: string, personId: string, role: string, releasedAt: string | null = null): Promise<RoleAssignment> {
  const assignment: RoleAssignment = {
    id: newId('ra'),
    incidentId,
    role,
    personId,
    assignedAt: new Date(TEST_NOW - 1800_000).toISOString(),
    assignedBy: null,
    releasedAt,
    handedOffTo: null,
    note: null,
  };
  await sql.query('insert into role_assignments (id, incident_id, role, person_id, assigned_at, released_at, doc) values ($1, $2, $3, $4, $5, $6, $7)', [
    assignment.id,
    incidentId,
    role,
    personId,
    assignment.assignedAt,
    releasedAt,
    JSON.stringify(assignment),
  ]);
  return assignment;
}

/** Sets an incident's status column and document (resolving it, say). */
export async function setIncidentStatus(sql: Sql, incidentId: string, status: Incident['status']): Promise<void> {
  await sql.query(`update incidents set status = $2, doc = jsonb_set(doc, '{status}', to_jsonb($2::text)) where id = $1`, [incidentId, status]);
}
