/**
 * Fixtures for the public surface's tests: rows written straight into the tables (as the
 * incident, maintenance, postmortem and settings routes store them) and change events published
 * the way writes publish them.
 */
import type { Incident, IncidentUpdate, Maintenance, StatusPageInfo } from '@hansei/core';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { newId } from '../ids.js';
import { publish, type Audience } from '../store/events.js';
import { TEST_NOW, type TestApi } from './harness.js';

/** Text only internal records hold: no public answer may contain it. */
export const SECRET = 'SECRET-internal-only';
export const iso = (ms: number) => new Date(ms).toISOString();
export const HOUR = 3_600_000;


export type IncidentInput = Partial<Omit<Incident, 'updates'>> & {
  readonly title: string;
  /** Stored as incident_updates rows (the document keeps none). */
  readonly updates?: readonly (Partial<IncidentUpdate> & { body: string })[];
};

/** Inserts an incident and its updates; returns the incident as stored (updates included). */
export async function insertIncident(db: Database, input: IncidentInput): Promise<Incident> {
  const at = input.createdAt ?? iso(TEST_NOW);
  const id = input.id ?? newId('inc');
  const updates: IncidentUpdate[] = (input.updates ?? []).map((u, i) => ({
    id: u.id ?? `${id}_u${i}`,
    incidentId: id,
    status: u.status ?? 'investigating',
    body: u.body,
    visibility: u.visibility ?? 'public',
    authorId: null,
    createdAt: u.createdAt ?? at,
    updatedAt: u.updatedAt ?? u.createdAt ?? at,
    displayAt: u.displayAt ?? u.createdAt ?? at,
    affectedComponents: u.affectedComponents ?? null,
  }));
  const { updates: _ignored, ...rest } = input;
  const incident: Incident = {
    summary: '',
    severity: 'SEV2',
    impact: 'minor',
    status: 'investigating',
    visibility: 'public',
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
    postmortemId: null,
    ...rest,
    id,
    updates: [],
  };
  await db.query(
    'insert into incidents (id, version, created_at, updated_at, started_at, status, severity, visibility, doc) values ($1, 1, $2, $3, $4, $5, $6, $7, $8)',
    [id, incident.createdAt, incident.updatedAt, incident.startedAt, incident.status, incident.severity, incident.visibility, JSON.stringify(incident)],
  );
  for (const u of updates) {
    await db.query('insert into incident_updates (id, incident_id, visibility, display_at, doc) values ($1, $2, $3, $4, $5)', [u.id, id, u.visibility, u.displayAt, JSON.stringify(u)]);
  }
  return { ...incident, updates };
}

export type MaintenanceInput = Partial<Maintenance> & { readonly title: string; readonly scheduledFor: string; readonly scheduledUntil: string };

/** Inserts a maintenance (its updates live in its document). */
export async function insertMaintenance(db: Database, input: MaintenanceInput): Promise<Maintenance> {
  const at = input.createdAt ?? iso(TEST_NOW);
  const maintenance: Maintenance = { summary: '', status: 'scheduled', components: [], createdAt: at, updatedAt: at, updates: [], ...input, id: input.id ?? newId('mnt') };
  await db.query('insert into maintenances (id, version, created_at, updated_at, scheduled_for, status, doc) values ($1, 1, $2, $3, $4, $5, $6)', [
    maintenance.id,
    maintenance.createdAt,
    maintenance.updatedAt,
    maintenance.scheduledFor,
    maintenance.status,
    JSON.stringify(maintenance),
  ]);
  return maintenance;
}

/** Inserts a postmortem row for `incidentId` with `status`. */
export async function insertPostmortem(db: Database, incidentId: string, status: 'draft' | 'in_review' | 'published', publicSummary: string | null = null): Promise<string> {
  const id = newId('pm');
  const at = iso(TEST_NOW);
  const doc = { id, incidentId, title: 'Postmortem', ownerId: null, status, templateId: 'default', sections: [], contributingFactors: [], fiveWhys: [], acknowledgements: [], labels: [], publicSummary, createdAt: at, updatedAt: at, publishedAt: status === 'published' ? at : null };
  await db.query('insert into postmortems (id, version, created_at, updated_at, incident_id, status, doc) values ($1, 1, $2, $3, $4, $5, $6)', [id, at, at, incidentId, status, JSON.stringify(doc)]);
  return id;
}

/** Stores the `page` setting. */
export async function setPage(db: Database, page: StatusPageInfo): Promise<void> {
  await db.query(
    `insert into settings (key, version, updated_at, doc) values ('page', 1, $1, $2)
     on conflict (key) do update set version = settings.version + 1, updated_at = excluded.updated_at, doc = excluded.doc`,
    [page.updatedAt, JSON.stringify(page)],
  );
}

/** Publishes a change event in its own transaction, as a write does; resolves with its id. */
export function publishEvent(db: Database, audience: Audience, type: string, data: unknown = {}): Promise<number> {
  return db.transaction((tx) => publish(db, tx, audience, type, data, TEST_NOW));
}


/**
 * A page with something of everything, public and internal: a group of two components and a
 * hidden one (through the API), an open public incident with public and internal updates, an
 * internal incident, resolved incidents with a published and a draft postmortem, and upcoming,
 * active and completed maintenances. Returns their ids by name.
 */
export async function seedPage(api: TestApi): Promise<Record<string, string>> {
  const post = async (path: string, body: unknown) => {
    const res = await api.request('POST', path, { as: 'admin', body });
    assert.equal(res.status, 201, res.text);
    return (res.body as { id: string }).id;
  };
  const core = await post('/v1/component-groups', { name: 'Core', position: 0 });
  const api1 = await post('/v1/components', { name: 'API', groupId: core, position: 0 });
  const web = await post('/v1/components', { name: 'Web', groupId: core, position: 1 });
  const hidden = await post('/v1/components', { name: `Billing ${SECRET}`, showcase: false, position: 2 });
  const db = api.db;
  const open = await insertIncident(db, {
    title: 'Slow checkout',
    impact: 'major',
    status: 'identified',
    createdAt: iso(TEST_NOW - 2 * HOUR),
    updatedAt: iso(TEST_NOW - HOUR),
    components: [{ componentId: api1, status: 'partial_outage' }, { componentId: hidden, status: 'major_outage' }],
    updates: [
      { body: 'We are looking into it.', createdAt: iso(TEST_NOW - 2 * HOUR) },
      { body: `${SECRET}: the database primary died`, visibility: 'internal', createdAt: iso(TEST_NOW - 90 * 60_000) },
      {
        body: 'Cause found.',
        status: 'identified',
        createdAt: iso(TEST_NOW - HOUR),
        affectedComponents: [{ componentId: api1, name: 'API', oldStatus: 'operational', newStatus: 'partial_outage' }],
      },
    ],
  });
  const internal = await insertIncident(db, { title: `${SECRET} incident`, visibility: 'internal', impact: 'critical', updates: [{ body: SECRET }] });
  const withPostmortem = await insertIncident(db, {
    title: 'Login outage',
    status: 'resolved',
    impact: 'critical',
    createdAt: iso(TEST_NOW - 48 * HOUR),
    updatedAt: iso(TEST_NOW - 40 * HOUR),
    resolvedAt: iso(TEST_NOW - 40 * HOUR),
    updates: [{ body: 'Fixed.', status: 'resolved', createdAt: iso(TEST_NOW - 40 * HOUR) }],
  });
  await insertPostmortem(db, withPostmortem.id, 'published', 'What happened');
  const draft = await insertIncident(db, { title: 'Search down', status: 'resolved', createdAt: iso(TEST_NOW - 72 * HOUR), resolvedAt: iso(TEST_NOW - 71 * HOUR) });
  await insertPostmortem(db, draft.id, 'draft', SECRET);
  const upcoming = await insertMaintenance(db, { title: 'Database upgrade', scheduledFor: iso(TEST_NOW + 24 * HOUR), scheduledUntil: iso(TEST_NOW + 26 * HOUR), components: [web] });
  const active = await insertMaintenance(db, {
    title: 'Network work',
    status: 'in_progress',
    updatedAt: iso(TEST_NOW - 60_000),
    scheduledFor: iso(TEST_NOW - HOUR),
    scheduledUntil: iso(TEST_NOW + HOUR),
    components: [web],
    updates: [{ id: 'mu1', maintenanceId: 'x', status: 'in_progress', body: 'Started.', createdAt: iso(TEST_NOW - HOUR), displayAt: iso(TEST_NOW - HOUR) }],
  });
  const done = await insertMaintenance(db, { title: 'Old work', status: 'completed', updatedAt: iso(TEST_NOW - 120_000), scheduledFor: iso(TEST_NOW - 100 * HOUR), scheduledUntil: iso(TEST_NOW - 99 * HOUR) });
  await publishEvent(db, 'public', 'test.seeded');
  return { core, api: api1, web, hidden, open: open.id, internal: internal.id, withPostmortem: withPostmortem.id, draft: draft.id, upcoming: upcoming.id, active: active.id, done: done.id };
}

