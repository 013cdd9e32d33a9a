import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident, Maintenance } from './domain.js';
import {
  canMoveMaintenance,
  componentTargetStatus,
  heldComponents,
  imposedStatus,
  statusAfterMaintenance,
  statusTimes,
  withComponents,
} from './incident-rules.js';

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9) + minutes * 60_000).toISOString();
type Open = Pick<Incident, 'id' | 'status' | 'visibility' | 'components'>;
const incident = (over: Partial<Open> = {}): Open => ({ id: 'inc_a', status: 'investigating', visibility: 'public', components: [], ...over });
const maintenance = (over: Partial<Pick<Maintenance, 'id' | 'status' | 'components'>> = {}) => ({ id: 'mnt_a', status: 'in_progress' as const, components: ['cmp_a'], ...over });

describe('statusTimes', () => {
  const base = { startedAt: T(0), mitigatedAt: null, resolvedAt: null };
  it('resolving sets the resolution and, when absent, the mitigation to the same time', () => {
    assert.deepEqual(statusTimes(base, 'resolved', T(30)), { resolvedAt: T(30), mitigatedAt: T(30) });
  });
  it('monitoring sets the mitigation once and keeps an earlier one', () => {
    assert.deepEqual(statusTimes(base, 'monitoring', T(10)), { resolvedAt: null, mitigatedAt: T(10) });
    assert.deepEqual(statusTimes({ ...base, mitigatedAt: T(5) }, 'monitoring', T(10)), { resolvedAt: null, mitigatedAt: T(5) });
  });
  it('reopening clears the resolution but keeps the mitigation', () => {
    assert.deepEqual(statusTimes({ ...base, mitigatedAt: T(5), resolvedAt: T(9) }, 'identified', T(20)), { resolvedAt: null, mitigatedAt: T(5) });
  });
  it('never puts a time before the start, nor a resolution before the mitigation', () => {
    assert.deepEqual(statusTimes(base, 'resolved', T(-10)), { resolvedAt: T(0), mitigatedAt: T(0) });
    assert.deepEqual(statusTimes({ ...base, mitigatedAt: T(40) }, 'resolved', T(30)), { resolvedAt: T(40), mitigatedAt: T(40) });
    assert.equal(statusTimes({ ...base, resolvedAt: T(50) }, 'resolved', T(60)).resolvedAt, T(50), 'an existing resolution stays');
  });
});

describe('withComponents', () => {
  it('changes listed components in place and appends new ones', () => {
    const current = [{ componentId: 'a', status: 'major_outage' as const }, { componentId: 'b', status: 'degraded_performance' as const }];
    assert.deepEqual(withComponents(current, [{ componentId: 'b', status: 'partial_outage' }, { componentId: 'c', status: 'operational' }]), [
      { componentId: 'a', status: 'major_outage' },
      { componentId: 'b', status: 'partial_outage' },
      { componentId: 'c', status: 'operational' },
    ]);
    assert.equal(current[1]?.status, 'degraded_performance', 'the input is not changed');
  });
});

describe('imposedStatus and componentTargetStatus', () => {
  const shown = { id: 'cmp_a', showcase: true };
  const hidden = { id: 'cmp_a', showcase: false };
  const affecting = incident({ components: [{ componentId: 'cmp_a', status: 'partial_outage' }] });
  it('only open incidents impose, and internal ones only on hidden components', () => {
    assert.deepEqual(imposedStatus(affecting, shown), { componentId: 'cmp_a', status: 'partial_outage' });
    assert.equal(imposedStatus({ ...affecting, status: 'resolved' }, shown), undefined);
    assert.equal(imposedStatus({ ...affecting, visibility: 'internal' }, shown), undefined);
    assert.deepEqual(imposedStatus({ ...affecting, visibility: 'internal' }, hidden), { componentId: 'cmp_a', status: 'partial_outage' });
    assert.equal(imposedStatus(incident(), shown), undefined, 'not listed');
  });
  it('takes the worst of open incidents and active maintenances, else operational', () => {
    const worse = incident({ id: 'inc_b', components: [{ componentId: 'cmp_a', status: 'major_outage' }] });
    assert.equal(componentTargetStatus(shown, [affecting, worse], []), 'major_outage');
    assert.equal(componentTargetStatus(shown, [{ ...worse, status: 'resolved' }], [maintenance()]), 'under_maintenance');
    assert.equal(componentTargetStatus(shown, [affecting], [maintenance()]), 'partial_outage', 'trouble outranks maintenance');
    assert.equal(componentTargetStatus(shown, [], [maintenance({ status: 'scheduled' }), maintenance({ status: 'completed' })]), 'operational');
  });
});

describe('maintenance rules', () => {
  it('moves forward, or from verifying back to in_progress, and never out of completed', () => {
    assert.ok(canMoveMaintenance('scheduled', 'completed'));
    assert.ok(canMoveMaintenance('verifying', 'in_progress'));
    assert.ok(canMoveMaintenance('in_progress', 'in_progress'));
    assert.ok(!canMoveMaintenance('verifying', 'scheduled'));
    assert.ok(!canMoveMaintenance('completed', 'in_progress'));
  });
  it('holds its components only while active', () => {
    assert.deepEqual([...heldComponents(maintenance({ status: 'verifying' }))], ['cmp_a']);
    assert.deepEqual([...heldComponents(maintenance({ status: 'scheduled' }))], []);
    assert.deepEqual([...heldComponents(null)], []);
  });
  it('returns a released component to what still affects it', () => {
    const component = { id: 'cmp_a', status: 'under_maintenance' as const };
    assert.deepEqual(statusAfterMaintenance(component, 'mnt_a', [], [maintenance()]), { status: 'operational', incidentId: null, maintenanceId: 'mnt_a' });
    assert.equal(statusAfterMaintenance({ ...component, status: 'major_outage' }, 'mnt_a', [], []), null, 'set by hand: left alone');
    assert.equal(statusAfterMaintenance(component, 'mnt_a', [], [maintenance({ id: 'mnt_b' })]), null, 'another maintenance holds it');
    const incidents = [
      incident({ id: 'inc_1', visibility: 'internal', components: [{ componentId: 'cmp_a', status: 'degraded_performance' }] }),
      incident({ id: 'inc_2', components: [{ componentId: 'cmp_a', status: 'partial_outage' }] }),
      incident({ id: 'inc_3', status: 'resolved', components: [{ componentId: 'cmp_a', status: 'major_outage' }] }),
    ];
    assert.deepEqual(statusAfterMaintenance(component, 'mnt_a', incidents, []), { status: 'partial_outage', incidentId: 'inc_2', maintenanceId: null });
  });
});
