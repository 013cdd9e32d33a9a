import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoDataset } from './demo.js';
import type { Incident, IncidentUpdate } from './domain.js';
import { splitIncidents, storeOrder } from './store-order.js';

const update = (id: string, incidentId: string, displayAt: string, createdAt: string): IncidentUpdate => ({
  id,
  incidentId,
  status: 'investigating',
  body: id,
  visibility: 'public',
  authorId: null,
  createdAt,
  updatedAt: createdAt,
  displayAt,
  affectedComponents: null,
});

const isSorted = (values: readonly string[]): boolean => values.every((v, i) => i === 0 || (values[i - 1] as string) <= v);

describe('splitIncidents', () => {
  it('keeps the incidents in order without updates, and every update by display then creation time', () => {
    const data = demoDataset({ now: Date.UTC(2026, 10, 25, 10) });
    const [a, b] = data.incidents as [Incident, Incident];
    const first = { ...a, updates: [update('u3', a.id, '2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z'), update('u1', a.id, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:05.000Z')] };
    const second = { ...b, updates: [update('u2', b.id, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:09.000Z'), update('u0', b.id, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z')] };
    const split = splitIncidents([first, second]);
    assert.deepEqual(split.incidents.map((i) => i.id), [a.id, b.id]);
    assert.ok(split.incidents.every((i) => !('updates' in i)));
    assert.deepEqual(split.updates.map((u) => u.id), ['u0', 'u1', 'u2', 'u3']);
    assert.equal(first.updates.length, 2, 'the incidents given keep their updates');
  });
});

describe('storeOrder', () => {
  const data = demoDataset({ now: Date.UTC(2026, 10, 25, 10) });
  const rows = storeOrder(data);
  it('puts histories in time order and keeps everything', () => {
    assert.ok(isSorted(rows.statusChanges.map((c) => c.at)));
    assert.ok(isSorted(rows.timeline.map((e) => e.at)));
    assert.ok(isSorted(rows.roles.map((r) => r.assignedAt)));
    assert.equal(rows.statusChanges.length, data.statusChanges.length);
    assert.equal(rows.timeline.length, data.timeline.length);
    assert.equal(rows.roles.length, data.roles.length);
    assert.equal(rows.updates.length, data.incidents.reduce((n, i) => n + i.updates.length, 0));
  });
  it('keeps entries at the same instant in their order', () => {
    const events = [...data.timeline].reverse();
    const sameAt = events.map((e) => ({ ...e, at: '2026-11-01T00:00:00.000Z' }));
    assert.deepEqual(storeOrder({ ...data, timeline: sameAt }).timeline.map((e) => e.id), events.map((e) => e.id));
  });
  it('leaves the rest as given and the dataset unchanged', () => {
    assert.equal(rows.slos, data.slos);
    assert.equal(rows.roleDefinitions, data.roleDefinitions);
    assert.ok(data.incidents.every((i) => Array.isArray(i.updates)));
  });
});
