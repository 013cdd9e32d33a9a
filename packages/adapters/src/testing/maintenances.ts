/**
 * Maintenances and components: scheduling, the status lifecycle and the component statuses it
 * holds, what anonymous readers see, versions; components and groups with their versions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Component, Maintenance, MaintenanceListQuery, Stored } from '@hansei/core';
import { at, everything, loose, paths, rejects, type SuiteContext } from './helpers.js';

export function maintenancesAndComponents(ctx: SuiteContext): void {
  const component = async (name: string, extra: Record<string, unknown> = {}): Promise<Stored<Component>> => ctx.admin.createComponent(loose({ name, ...extra }));
  const statusOf = async (id: string): Promise<string | undefined> => (await ctx.viewer.listComponents()).find((c) => c.id === id)?.status;
  const schedule = (extra: Record<string, unknown>): Promise<Stored<Maintenance>> =>
    ctx.responder.scheduleMaintenance(loose({ title: 'Database upgrade', scheduledFor: at(60), scheduledUntil: at(120), ...extra }));
  const post = (id: string, status: string, body = `Now ${status}.`) => ctx.responder.postMaintenanceUpdate(id, loose({ status, body }));

  describe('maintenances', () => {
    it('schedules a window with its first update; nothing changes until it starts', async () => {
      const db = await component('Maintained database');
      const created = await schedule({ components: [db.id, db.id], updateBody: 'We will upgrade the database.', scheduledFor: '2026-11-25T19:00:00+09:00' });
      assert.equal(created.version, 1);
      assert.equal(created.status, 'scheduled');
      assert.equal(created.scheduledFor, '2026-11-25T10:00:00.000Z');
      assert.deepEqual(created.components, [db.id]);
      assert.deepEqual(created.updates.map((u) => [u.status, u.body]), [['scheduled', 'We will upgrade the database.']]);
      assert.equal(await statusOf(db.id), 'operational');
      const snapshot = await ctx.anon.status();
      assert.deepEqual(snapshot.maintenances.map((m) => m.id).slice(0, 2), ['mnt_0004', created.id], 'soonest window first');
      const unknown = await rejects(schedule({ components: ['cmp_nope'] }), 'conflict');
      assert.deepEqual(unknown.problem?.['missing'], ['cmp_nope']);
    });

    it('holds its components under maintenance while active and lets them go when completed', async () => {
      const a = await component('Storage');
      const b = await component('Search index');
      const m = await schedule({ title: 'Storage migration', components: [a.id, b.id] });
      const started = await post(m.id, 'in_progress', 'Migration started.');
      assert.equal(started.version, 2);
      assert.equal(started.updates[0]?.body, 'Migration started.');
      assert.equal(await statusOf(a.id), 'under_maintenance');
      assert.equal((await ctx.anon.status()).components.find((c) => c.id === b.id)?.status, 'under_maintenance');
      await ctx.responder.declareIncident(loose({ title: 'Search slow', severity: 'SEV3', startedAt: at(-5), detectedAt: at(-5), visibility: 'public', components: [{ componentId: b.id, status: 'degraded_performance' }] }));
      assert.equal((await post(m.id, 'verifying')).version, 3);
      assert.equal(await statusOf(a.id), 'under_maintenance', 'still held while verifying');
      assert.match((await rejects(post(m.id, 'scheduled'), 'conflict')).message, /cannot go back from verifying to scheduled/);
      await post(m.id, 'in_progress', 'Verification failed, retrying.');
      const done = await post(m.id, 'completed', 'All done.');
      assert.deepEqual(done.updates.map((u) => u.status), ['completed', 'in_progress', 'verifying', 'in_progress']);
      assert.equal(await statusOf(a.id), 'operational');
      assert.equal(await statusOf(b.id), 'degraded_performance', 'an open incident still affects it');
      await rejects(post(m.id, 'in_progress'), 'conflict', 'completed is final');
      await rejects(post('mnt_nope', 'in_progress'), 'not_found');
    });

    it('hides components the public page hides from anonymous readers', async () => {
      const shown = await component('Public API v2');
      const hidden = await component('Internal batch', { showcase: false });
      const m = await schedule({ title: 'Mixed window', components: [shown.id, hidden.id] });
      assert.deepEqual((await ctx.anon.getMaintenance(m.id)).components, [shown.id]);
      assert.deepEqual((await ctx.viewer.getMaintenance(m.id)).components, [shown.id, hidden.id]);
      assert.ok(!JSON.stringify(await ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ limit: 200 }))).includes(hidden.id));
    });

    it('changes a window at its current version, keeping the window and status rules', async () => {
      const a = await component('Mail');
      const b = await component('SMS');
      const m = await schedule({ title: 'Messaging', components: [a.id] });
      assert.deepEqual(paths(await rejects(ctx.responder.updateMaintenance(m.id, loose({ scheduledUntil: at(30) }), 1), 'validation')), ['scheduledUntil']);
      const started = await ctx.responder.updateMaintenance(m.id, loose({ status: 'in_progress', title: 'Messaging upgrade' }), 1);
      assert.equal(started.version, 2);
      assert.equal(await statusOf(a.id), 'under_maintenance');
      await ctx.responder.updateMaintenance(m.id, loose({ components: [b.id] }), 2);
      assert.equal(await statusOf(a.id), 'operational', 'taken off the list: released');
      assert.equal(await statusOf(b.id), 'under_maintenance', 'added while in progress: held');
      const stale = await rejects(ctx.responder.updateMaintenance(m.id, loose({ title: 'Lost edit' }), 2), 'conflict');
      assert.deepEqual((stale.current as Stored<Maintenance>).components, [b.id]);
      assert.equal((stale.current as Stored<Maintenance>).version, 3);
      await rejects(ctx.responder.updateMaintenance(m.id, loose({ status: 'scheduled' }), 3), 'conflict');
      await rejects(ctx.responder.updateMaintenance('mnt_nope', loose({ title: 'x' }), 1), 'not_found');
      await rejects(ctx.responder.deleteMaintenance(m.id, 3), 'forbidden');
      await rejects(ctx.admin.deleteMaintenance(m.id, 1), 'conflict', 'a stale version');
      await ctx.admin.deleteMaintenance(m.id, 3);
      await rejects(ctx.anon.getMaintenance(m.id), 'not_found');
      assert.equal(await statusOf(b.id), 'operational', 'deleting lets its components go');
    });

    it('pages by window start, latest first, without duplicates', async () => {
      for (let i = 0; i < 5; i++) await schedule({ title: `Window ${i}`, scheduledFor: at(6000 + i * 600), scheduledUntil: at(6060 + i * 600) });
      const seen = await everything((cursor) => ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ limit: 2, ...(cursor ? { cursor } : {}) })), 2);
      const all = await ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ limit: 200 }));
      assert.deepEqual(seen.map((m) => m.id), all.data.map((m) => m.id));
      assert.equal(new Set(seen.map((m) => m.id)).size, seen.length);
      const starts = seen.map((m) => m.scheduledFor);
      assert.deepEqual(starts, [...starts].sort().reverse());
      const ranged = await ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ from: at(7150), to: at(7250) }));
      assert.deepEqual(ranged.data.map((m) => m.title), ['Window 2']);
    });
  });

  describe('components and groups', () => {
    it('creates components for admins, changes them at their current version, hides unshown ones', async () => {
      const created = await component('  Webhooks  ', { description: 'Outgoing events' });
      assert.deepEqual([created.name, created.status, created.version], ['Webhooks', 'operational', 1]);
      const changed = await ctx.responder.updateComponent(created.id, loose({ status: 'degraded_performance' }), 1);
      assert.equal(changed.version, 2);
      const stale = await rejects(ctx.responder.updateComponent(created.id, loose({ name: 'Webhooks v2' }), 1), 'conflict');
      assert.equal((stale.current as Stored<Component>).status, 'degraded_performance');
      await rejects(ctx.responder.updateComponent('cmp_nope', loose({ name: 'x' }), 1), 'not_found');
      assert.ok(paths(await rejects(ctx.admin.createComponent(loose({ description: 'no name' })), 'validation')).includes('name'));
      const hidden = await component('Hidden worker', { showcase: false });
      assert.ok(!(await ctx.anon.listComponents()).some((c) => c.id === hidden.id));
      assert.ok((await ctx.viewer.listComponents()).some((c) => c.id === hidden.id));
      await rejects(ctx.admin.deleteComponent(created.id, 1), 'conflict');
      await ctx.admin.deleteComponent(created.id, 2);
      assert.ok(!(await ctx.viewer.listComponents()).some((c) => c.id === created.id));
    });

    it('groups components, refuses unknown groups, and ungroups members when a group goes', async () => {
      const group = await ctx.admin.createComponentGroup(loose({ name: 'Suite payments' }));
      assert.equal(group.version, 1);
      await rejects(component('Card', { groupId: 'grp_missing' }), 'conflict');
      const member = await component('Card', { groupId: group.id });
      const renamed = await ctx.admin.updateComponentGroup(group.id, loose({ name: 'Payments & billing' }), 1);
      assert.equal(renamed.version, 2);
      assert.ok((await ctx.anon.listComponentGroups()).some((g) => g.name === 'Payments & billing'));
      await rejects(ctx.admin.deleteComponentGroup(group.id, 1), 'conflict');
      await ctx.admin.deleteComponentGroup(group.id, 2);
      const after = (await ctx.viewer.listComponents()).find((c) => c.id === member.id);
      assert.equal(after?.groupId, null);
      assert.equal(after?.version, 2, 'ungrouping is a new version');
    });

    it('creates a component once per idempotency key', async () => {
      const first = await ctx.admin.createComponent(loose({ name: 'Checkout once' }), { idempotencyKey: 'suite-component-once' });
      const again = await ctx.admin.createComponent(loose({ name: 'Checkout once' }), { idempotencyKey: 'suite-component-once' });
      assert.equal(again.id, first.id);
      assert.equal((await ctx.viewer.listComponents()).filter((c) => c.name === 'Checkout once').length, 1);
    });
  });
}
