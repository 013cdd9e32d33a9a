import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentTransition, Incident } from './domain.js';
import {
  changeEntries,
  declaredEntry,
  declaredIncident,
  incidentAfterUpdate,
  incidentUpdate,
  patchedIncident,
  postedEntries,
  reportedTransitions,
} from './incident-writes.js';
import { IncidentCreateSchema, IncidentPatchSchema, IncidentUpdatePostSchema } from './schemas.js';
import { assertValid } from './validate.js';

const now = '2026-11-25T10:00:00.000Z';
const started = '2026-11-25T09:00:00.000Z';

const declare = (input: Record<string, unknown>) =>
  declaredIncident(assertValid(IncidentCreateSchema, { title: 'Checkout fails', severity: 'SEV2', startedAt: started, detectedAt: started, ...input }), 'inc_1', now);

const transition = (componentId: string, oldStatus: ComponentTransition['oldStatus'], newStatus: ComponentTransition['newStatus']): ComponentTransition => ({
  componentId,
  name: componentId.toUpperCase(),
  oldStatus,
  newStatus,
});

describe('declaredIncident', () => {
  it('takes the fields of the request, with the defaults the schema fills in', () => {
    const doc = declare({ components: [{ componentId: 'cmp_a', status: 'major_outage' }], labels: ['payments'] });
    assert.deepEqual(doc, {
      id: 'inc_1',
      title: 'Checkout fails',
      summary: '',
      severity: 'SEV2',
      impact: 'none',
      status: 'investigating',
      visibility: 'internal',
      components: [{ componentId: 'cmp_a', status: 'major_outage' }],
      labels: ['payments'],
      related: [],
      startedAt: started,
      detectedAt: started,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      createdAt: now,
      updatedAt: now,
      postmortemId: null,
    });
  });
  it('keeps the instructions of the request out of the document', () => {
    const doc = declare({ updateBody: 'We are looking into it.' });
    assert.equal('updateBody' in doc, false);
    assert.equal('templateId' in doc, false);
  });
});

describe('patchedIncident', () => {
  const before = declare({ status: 'identified' });
  it('changes only the fields given and stamps updatedAt', () => {
    const later = '2026-11-25T11:00:00.000Z';
    const doc = patchedIncident(before, assertValid(IncidentPatchSchema, { title: 'Checkout fails for card payments' }), later);
    assert.deepEqual(doc, { ...before, title: 'Checkout fails for card payments', updatedAt: later });
  });
  it('sets the times a new status implies', () => {
    const doc = patchedIncident(before, assertValid(IncidentPatchSchema, { status: 'resolved' }), now);
    assert.equal(doc.resolvedAt, now);
    assert.equal(doc.mitigatedAt, now);
  });
  it('keeps a time the patch sets itself', () => {
    const mitigated = '2026-11-25T09:30:00.000Z';
    const doc = patchedIncident(before, assertValid(IncidentPatchSchema, { status: 'monitoring', mitigatedAt: mitigated }), now);
    assert.equal(doc.mitigatedAt, mitigated);
  });
  it('leaves the times alone when the status stays', () => {
    const doc = patchedIncident(before, assertValid(IncidentPatchSchema, { status: 'identified' }), now);
    assert.equal(doc.mitigatedAt, null);
    assert.equal(doc.resolvedAt, null);
  });
});

describe('incidentAfterUpdate', () => {
  it('moves the status, sets its times at the display time and merges the components', () => {
    const before = declare({ components: [{ componentId: 'cmp_a', status: 'major_outage' }] });
    const post = assertValid(IncidentUpdatePostSchema, { status: 'monitoring', body: 'Fixed.', components: [{ componentId: 'cmp_a', status: 'degraded_performance' }, { componentId: 'cmp_b', status: 'partial_outage' }] });
    const shown = '2026-11-25T09:45:00.000Z';
    const doc = incidentAfterUpdate(before, post, shown, now);
    assert.equal(doc.status, 'monitoring');
    assert.equal(doc.mitigatedAt, shown);
    assert.equal(doc.updatedAt, now);
    assert.deepEqual(doc.components, [
      { componentId: 'cmp_a', status: 'degraded_performance' },
      { componentId: 'cmp_b', status: 'partial_outage' },
    ]);
  });
});

describe('reportedTransitions', () => {
  it('adds the components named but not moved, unchanged, after the moves', () => {
    const made = [transition('cmp_a', 'operational', 'major_outage')];
    const mentioned = [
      { id: 'cmp_a', name: 'A', status: 'operational' as const },
      { id: 'cmp_b', name: 'B', status: 'degraded_performance' as const },
    ];
    assert.deepEqual(reportedTransitions(made, mentioned), [made[0], { componentId: 'cmp_b', name: 'B', oldStatus: 'degraded_performance', newStatus: 'degraded_performance' }]);
    assert.equal(made.length, 1, 'the list given is not changed');
  });
});

describe('incidentUpdate', () => {
  const base = { id: 'upd_1', incidentId: 'inc_1', status: 'identified' as const, body: 'Found it.', visibility: 'public' as const, now };
  it('is posted by the backend now, shown now unless backdated, without changes as null', () => {
    assert.deepEqual(incidentUpdate({ ...base, changes: [] }), {
      id: 'upd_1',
      incidentId: 'inc_1',
      status: 'identified',
      body: 'Found it.',
      visibility: 'public',
      authorId: null,
      createdAt: now,
      updatedAt: now,
      displayAt: now,
      affectedComponents: null,
    });
  });
  it('keeps a backdated display time and the changes', () => {
    const changes = [transition('cmp_a', 'operational', 'partial_outage')];
    const update = incidentUpdate({ ...base, displayAt: started, changes });
    assert.equal(update.displayAt, started);
    assert.deepEqual(update.affectedComponents, changes);
  });
});

describe('timeline entries', () => {
  const before: Pick<Incident, 'severity' | 'status'> = { severity: 'SEV2', status: 'investigating' };
  it('records a declaration', () => {
    assert.deepEqual(declaredEntry({ title: 'Checkout fails', severity: 'SEV2', status: 'identified' }), { kind: 'detected', body: 'Incident declared: Checkout fails (SEV2, identified).' });
  });
  it('records severity, status and component changes in that order', () => {
    const changes = [transition('cmp_a', 'operational', 'major_outage'), transition('cmp_b', 'degraded_performance', 'operational')];
    assert.deepEqual(changeEntries(before, { severity: 'SEV1', status: 'identified' }, changes), [
      { kind: 'severity_changed', body: 'Severity changed from SEV2 to SEV1.' },
      { kind: 'status_changed', body: 'Status changed from investigating to identified.' },
      { kind: 'component_changed', body: 'CMP_A: operational -> major_outage; CMP_B: degraded_performance -> operational' },
    ]);
  });
  it('records nothing when nothing it tracks changed', () => {
    assert.deepEqual(changeEntries(before, before, []), []);
  });
  it('records a posted update after the status it moved, its text cut at 500 characters', () => {
    const body = 'x'.repeat(600);
    assert.deepEqual(postedEntries(before, { status: 'monitoring' }, { visibility: 'internal', status: 'monitoring', body }), [
      { kind: 'status_changed', body: 'Status changed from investigating to monitoring.' },
      { kind: 'update_posted', body: `Internal update posted (monitoring): ${'x'.repeat(500)}` },
    ]);
    assert.deepEqual(postedEntries(before, before, { visibility: 'public', status: 'investigating', body: 'Still looking.' }), [
      { kind: 'update_posted', body: 'Public update posted (investigating): Still looking.' },
    ]);
  });
});
