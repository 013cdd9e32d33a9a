/**
 * Incident work: declaring, updating and resolving, with its effects on component statuses, the
 * status snapshot, the timeline and the times; versions and conflicts; links; idempotent creates;
 * roles with hand-offs and history; pages that stay whole while incidents are added.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Component, Incident, IncidentListQuery, Stored } from '@hansei/core';
import { TEST_NOW, at, clock, everything, loose, paths, rejects, type SuiteContext } from './helpers.js';

const MINUTE = 60_000;

export function incidentWork(ctx: SuiteContext): void {
  const component = async (name: string, extra: Record<string, unknown> = {}): Promise<Stored<Component>> => ctx.admin.createComponent(loose({ name, ...extra }));
  const statusOf = async (id: string): Promise<string | undefined> => (await ctx.viewer.listComponents()).find((c) => c.id === id)?.status;
  const declare = (extra: Record<string, unknown> = {}, key?: string): Promise<Stored<Incident>> =>
    ctx.responder.declareIncident(loose({ title: 'Checkout fails', severity: 'SEV2', startedAt: at(-20), detectedAt: at(-15), ...extra }), key ? { idempotencyKey: key } : undefined);

  describe('incidents', () => {
    it('declares a public incident: version 1, its first update, component statuses, the snapshot and the timeline', async () => {
      const api = await component('Lifecycle API');
      const web = await component('Lifecycle web');
      const incident = await declare({
        title: 'Lifecycle: checkout errors',
        visibility: 'public',
        impact: 'major',
        components: [
          { componentId: api.id, status: 'major_outage' },
          { componentId: web.id, status: 'degraded_performance' },
        ],
        updateBody: 'We are investigating errors at checkout.',
      });
      assert.equal(incident.version, 1);
      assert.equal(incident.status, 'investigating');
      assert.equal(incident.updates.length, 1);
      assert.equal(incident.updates[0]?.visibility, 'public');
      assert.deepEqual(
        [...(incident.updates[0]?.affectedComponents ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
        [
          { componentId: api.id, name: 'Lifecycle API', oldStatus: 'operational', newStatus: 'major_outage' },
          { componentId: web.id, name: 'Lifecycle web', oldStatus: 'operational', newStatus: 'degraded_performance' },
        ],
      );
      assert.equal(await statusOf(api.id), 'major_outage');
      assert.equal(await statusOf(web.id), 'degraded_performance');
      const snapshot = await ctx.anon.status();
      assert.equal(snapshot.incidents[0]?.id, incident.id, 'the newest open incident comes first');
      assert.equal(snapshot.components.find((c) => c.id === api.id)?.status, 'major_outage');
      assert.equal(snapshot.status.indicator, 'major');
      assert.deepEqual((await ctx.viewer.listTimeline(incident.id)).map((e) => [e.kind, e.at]), [['detected', at(-15)]]);
    });

    it('posts updates that move statuses, set the mitigation and resolution times, and restore the components', async (t) => {
      if (!clock(ctx, TEST_NOW)) return t.skip('the target has no clock to move');
      const api = await component('Resolve API');
      const web = await component('Resolve web');
      const { id } = await declare({ visibility: 'public', components: [{ componentId: api.id, status: 'major_outage' }, { componentId: web.id, status: 'degraded_performance' }] });
      clock(ctx, TEST_NOW + 10 * MINUTE);
      const identified = await ctx.responder.postIncidentUpdate(id, loose({ status: 'identified', body: 'A bad deploy; rolling back.', components: [{ componentId: web.id, status: 'partial_outage' }] }));
      assert.equal(identified.incident.version, 2);
      assert.equal(identified.incident.status, 'identified');
      assert.deepEqual(identified.update.affectedComponents, [{ componentId: web.id, name: 'Resolve web', oldStatus: 'degraded_performance', newStatus: 'partial_outage' }]);
      assert.equal(await statusOf(web.id), 'partial_outage');
      clock(ctx, TEST_NOW + 20 * MINUTE);
      const internal = await ctx.responder.postIncidentUpdate(id, loose({ status: 'identified', body: 'Rollback is slow on shard 3.', visibility: 'internal' }));
      assert.equal(internal.update.affectedComponents, null);
      const monitoring = await ctx.responder.postIncidentUpdate(id, loose({ status: 'monitoring', body: 'Fix deployed; watching.' }));
      assert.equal(monitoring.incident.mitigatedAt, at(20));
      assert.equal(monitoring.incident.resolvedAt, null);
      clock(ctx, TEST_NOW + 40 * MINUTE);
      const resolved = await ctx.responder.postIncidentUpdate(id, loose({ status: 'resolved', body: 'All clear.' }));
      assert.equal(resolved.incident.resolvedAt, at(40));
      assert.equal(resolved.incident.mitigatedAt, at(20), 'kept');
      assert.equal(resolved.incident.version, 5);
      assert.equal(await statusOf(api.id), 'operational');
      assert.equal(await statusOf(web.id), 'operational');
      const incident = await ctx.viewer.getIncident(id);
      assert.deepEqual(incident.updates.map((u) => u.status), ['resolved', 'monitoring', 'identified', 'identified']);
      assert.deepEqual((await ctx.anon.getIncident(id)).updates.map((u) => u.status), ['resolved', 'monitoring', 'identified'], 'anonymous: public updates only');
      assert.deepEqual((await ctx.viewer.listTimeline(id)).map((e) => e.kind), ['detected', 'status_changed', 'update_posted', 'update_posted', 'status_changed', 'update_posted', 'status_changed', 'update_posted']);
      assert.ok(!(await ctx.anon.status()).incidents.some((i) => i.id === id), 'resolved: off the status page');
    });

    it('keeps a component at the worst status open incidents give it', async () => {
      const shared = await component('Shared DB');
      const one = await declare({ visibility: 'public', components: [{ componentId: shared.id, status: 'major_outage' }] });
      const two = await declare({ visibility: 'public', components: [{ componentId: shared.id, status: 'degraded_performance' }] });
      assert.equal(await statusOf(shared.id), 'major_outage');
      await ctx.responder.postIncidentUpdate(one.id, loose({ status: 'resolved', body: 'First fixed.' }));
      assert.equal(await statusOf(shared.id), 'degraded_performance', 'the other incident still affects it');
      const resolved = await ctx.responder.updateIncident(two.id, loose({ status: 'resolved' }), 1);
      assert.equal(resolved.version, 2);
      assert.ok(resolved.resolvedAt !== null && resolved.mitigatedAt !== null);
      assert.equal(await statusOf(shared.id), 'operational');
      const reopened = await ctx.responder.updateIncident(two.id, loose({ status: 'identified' }), 2);
      assert.equal(reopened.resolvedAt, null);
      assert.equal(await statusOf(shared.id), 'degraded_performance', 'reopening sets it again');
    });

    it('keeps internal incidents off the public page until they go public', async () => {
      const shown = await component('Shown on page');
      const hidden = await component('Batch jobs', { showcase: false });
      const secret = await declare({ title: 'Secret internal breach', components: [{ componentId: shown.id, status: 'major_outage' }, { componentId: hidden.id, status: 'major_outage' }] });
      assert.equal(secret.visibility, 'internal');
      assert.equal(await statusOf(shown.id), 'operational', 'a shown component is left alone');
      assert.equal(await statusOf(hidden.id), 'major_outage');
      await rejects(ctx.anon.getIncident(secret.id), 'not_found');
      const list = await ctx.anon.listIncidents(loose<IncidentListQuery>({ limit: 200 }));
      assert.ok(!JSON.stringify(list).includes('Secret internal breach'));
      assert.ok(!JSON.stringify(await ctx.anon.status()).includes(secret.id));
      const published = await ctx.responder.updateIncident(secret.id, loose({ visibility: 'public' }), 1);
      assert.equal(published.version, 2);
      assert.equal(await statusOf(shown.id), 'major_outage', 'going public applies it');
      assert.equal((await ctx.anon.getIncident(secret.id)).id, secret.id);
      await ctx.responder.updateIncident(secret.id, loose({ visibility: 'internal', status: 'resolved' }), 2);
      await rejects(ctx.anon.getIncident(secret.id), 'not_found', 'withdrawn');
    });

    it('changes an incident only at its current version, logging severity changes', async () => {
      const incident = await declare({ summary: 'Original summary' });
      const changed = await ctx.responder.updateIncident(incident.id, loose({ severity: 'SEV1', summary: 'Worse than thought' }), 1);
      assert.equal(changed.version, 2);
      const stale = await rejects(ctx.responder.updateIncident(incident.id, loose({ summary: 'Overwrite attempt', severity: 'SEV3' }), 1), 'conflict');
      const current = stale.current as Stored<Incident>;
      assert.equal(current.summary, 'Worse than thought');
      assert.equal(current.version, 2);
      const now = await ctx.viewer.getIncident(incident.id);
      assert.deepEqual([now.summary, now.severity, now.version], ['Worse than thought', 'SEV1', 2], 'nothing overwritten');
      assert.deepEqual(paths(await rejects(ctx.responder.updateIncident(incident.id, loose({ severity: 'SEV7' }), 2), 'validation')), ['severity']);
      assert.ok(paths(await rejects(ctx.responder.updateIncident(incident.id, loose({ resolvedAt: at(5) }), 2), 'validation')).includes('resolvedAt'));
      await rejects(ctx.responder.updateIncident(incident.id, loose({ startedAt: at(-10) }), 2), 'validation', 'the merged incident obeys the create rules');
      await rejects(ctx.responder.updateIncident('inc_nope', loose({ summary: 'x' }), 1), 'not_found');
      const events = await ctx.viewer.listTimeline(incident.id);
      assert.deepEqual(events.map((e) => e.kind), ['detected', 'severity_changed']);
      assert.equal(events[1]?.body, 'Severity changed from SEV2 to SEV1.');
    });

    it('refuses updates naming unknown components or incidents', async () => {
      const incident = await declare();
      await rejects(ctx.responder.postIncidentUpdate(incident.id, loose({ status: 'identified', body: 'x', components: [{ componentId: 'cmp_nope', status: 'major_outage' }] })), 'conflict');
      await rejects(ctx.responder.postIncidentUpdate('inc_nope', loose({ status: 'identified', body: 'x' })), 'not_found');
      const unknown = await rejects(declare({ components: [{ componentId: 'cmp_nope', status: 'major_outage' }] }), 'conflict');
      assert.match(unknown.message, /cmp_nope/);
      assert.equal((await ctx.viewer.getIncident(incident.id)).version, 1, 'nothing written');
    });

    it('declares and posts once per idempotency key', async () => {
      const first = await declare({ title: 'Replayed declaration' }, 'suite-declare-replayed');
      const again = await declare({ title: 'Replayed declaration' }, 'suite-declare-replayed');
      assert.equal(again.id, first.id);
      assert.equal((await ctx.viewer.listIncidents(loose<IncidentListQuery>({ q: 'Replayed declaration' }))).data.length, 1);
      await rejects(declare({ title: 'Something else' }, 'suite-declare-replayed'), 'validation', 'the same key for another request');
      await rejects(declare({ title: 'Bad key' }, 'a key with spaces'), 'validation');
      const update = { status: 'identified', body: 'Found it.' };
      const posted = await ctx.responder.postIncidentUpdate(first.id, loose(update), { idempotencyKey: `suite-update-${first.id}` });
      const replayed = await ctx.responder.postIncidentUpdate(first.id, loose(update), { idempotencyKey: `suite-update-${first.id}` });
      assert.equal(replayed.update.id, posted.update.id);
      const incident = await ctx.viewer.getIncident(first.id);
      assert.equal(incident.updates.length, 1);
      assert.equal(incident.version, 2);
    });

    it('links related incidents: recurrences of earlier ones only, never itself, never twice', async () => {
      const earlier = await declare({ startedAt: at(-300), detectedAt: at(-300) });
      const later = await declare({ startedAt: at(-100), detectedAt: at(-100) });
      assert.match((await rejects(ctx.responder.linkIncident(earlier.id, loose({ incidentId: later.id, relation: 'recurrence_of' })), 'conflict')).message, /earlier/);
      assert.deepEqual(paths(await rejects(ctx.responder.linkIncident(later.id, loose({ incidentId: later.id })), 'validation')), ['incidentId']);
      await rejects(ctx.responder.linkIncident(later.id, loose({ incidentId: 'inc_nope' })), 'conflict');
      await rejects(ctx.responder.linkIncident('inc_nope', loose({ incidentId: later.id })), 'not_found');
      const linked = await ctx.responder.linkIncident(later.id, loose({ incidentId: earlier.id, relation: 'recurrence_of' }));
      assert.equal(linked.version, 2);
      assert.deepEqual(linked.related, [{ incidentId: earlier.id, relation: 'recurrence_of' }]);
      await rejects(ctx.responder.linkIncident(later.id, loose({ incidentId: earlier.id, relation: 'related' })), 'conflict', 'no duplicates');
      await rejects(ctx.responder.updateIncident(later.id, loose({ startedAt: at(-400), detectedAt: at(-400) }), 2), 'conflict', 'a recurrence stays later than what it recurs');
      await rejects(ctx.responder.unlinkIncident(later.id, earlier.id, 1), 'conflict', 'an unlink names the version it was based on');
      const unlinked = await ctx.responder.unlinkIncident(later.id, earlier.id, 2);
      assert.deepEqual(unlinked.related, []);
      assert.equal(unlinked.version, 3);
      await rejects(ctx.responder.unlinkIncident(later.id, earlier.id, 3), 'not_found');
      await rejects(declare({ startedAt: at(-500), detectedAt: at(-500), related: [{ incidentId: earlier.id, relation: 'recurrence_of' }] }), 'conflict');
    });

    it('shows anonymous readers only links to public incidents', async () => {
      const secret = await declare({ title: 'Hidden cause' });
      const open = await declare({ title: 'Visible slowness', visibility: 'public', updateBody: 'We see slowness.' });
      await ctx.responder.postIncidentUpdate(open.id, loose({ status: 'identified', body: 'Internal note: shard 7', visibility: 'internal' }));
      await ctx.responder.linkIncident(open.id, loose({ incidentId: secret.id }));
      const seen = await ctx.anon.getIncident(open.id);
      assert.deepEqual(seen.related, []);
      assert.deepEqual(seen.updates.map((u) => u.body), ['We see slowness.']);
      const full = await ctx.viewer.getIncident(open.id);
      assert.deepEqual(full.related, [{ incidentId: secret.id, relation: 'related' }]);
      assert.equal(full.updates.length, 2);
    });

    it('keeps notes on the timeline in time order', async () => {
      const incident = await declare();
      const note = await ctx.responder.addTimelineEvent(incident.id, loose({ body: 'Paged the DB team.', at: at(-16), link: 'https://chat.example/msg/1' }));
      assert.equal(note.kind, 'note');
      assert.equal(note.link, 'https://chat.example/msg/1');
      await ctx.responder.addTimelineEvent(incident.id, loose({ kind: 'action', body: 'Restarted the pool.', at: at(-1) }));
      assert.deepEqual((await ctx.viewer.listTimeline(incident.id)).map((e) => e.kind), ['note', 'detected', 'action']);
      await rejects(ctx.responder.addTimelineEvent('inc_nope', loose({ body: 'x' })), 'not_found');
    });

    it('pages without gaps or duplicates while incidents are declared', async () => {
      const label = 'suite-paging';
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await declare({ title: `Paging ${i}`, labels: [label], startedAt: at(-1000 + i * 10), detectedAt: at(-1000 + i * 10) })).id);
      const query = (cursor?: string) => ctx.viewer.listIncidents(loose<IncidentListQuery>({ label: [label], limit: 3, ...(cursor ? { cursor } : {}) }));
      const first = await query();
      assert.deepEqual(first.data.map((i) => i.id), [made[6], made[5], made[4]]);
      await declare({ title: 'Paging newest', labels: [label], startedAt: at(-2), detectedAt: at(-2) });
      const rest = await everything((cursor) => query(cursor ?? (first.nextCursor as string)), 3);
      assert.deepEqual([...first.data.map((i) => i.id), ...rest.map((i) => i.id)], [...made].reverse(), 'every incident once, newest first');
    });
  });

  describe('incident roles', () => {
    it('assigns roles, hands them off with history, releases them, and lists what is missing', async (t) => {
      if (!clock(ctx, TEST_NOW)) return t.skip('the target has no clock to move');
      const incident = await declare({ severity: 'SEV1' });
      const roles = () => ctx.viewer.listIncidentRoles(incident.id);
      assert.deepEqual(await roles(), { current: [], history: [], missing: ['incident_commander', 'communications', 'scribe'] });
      const assign = (role: string, personId: string, note?: string) => ctx.responder.assignRole(incident.id, loose({ role, personId, ...(note ? { note } : {}) }));
      const ic = await assign('incident_commander', 'per_tanaka', 'on call');
      assert.deepEqual([ic.personId, ic.releasedAt, ic.note], ['per_tanaka', null, 'on call']);
      const taken = await rejects(assign('incident_commander', 'per_sato'), 'conflict');
      assert.equal(taken.problem?.['assignmentId'], ic.id);
      await rejects(assign('scribe', 'per_nobody'), 'conflict', 'an unknown person');
      assert.deepEqual(paths(await rejects(assign('chief_of_fun', 'per_tanaka'), 'validation')), ['role']);
      await rejects(ctx.responder.handOffRole(incident.id, loose({ assignmentId: ic.id, personId: 'per_tanaka' })), 'conflict', 'not to the holder');
      clock(ctx, TEST_NOW + 30 * MINUTE);
      const handOff = await ctx.responder.handOffRole(incident.id, loose({ assignmentId: ic.id, personId: 'per_sato', note: 'shift change' }));
      assert.deepEqual([handOff.released.id, handOff.released.releasedAt, handOff.released.handedOffTo, handOff.released.note], [ic.id, at(30), handOff.assignment.id, 'on call']);
      assert.deepEqual([handOff.assignment.personId, handOff.assignment.role, handOff.assignment.assignedAt], ['per_sato', 'incident_commander', at(30)]);
      await rejects(ctx.responder.handOffRole(incident.id, loose({ assignmentId: ic.id, personId: 'per_suzuki' })), 'conflict', 'an ended assignment');
      await assign('subject_matter_expert', 'per_tanaka');
      await assign('subject_matter_expert', 'per_suzuki');
      await rejects(assign('subject_matter_expert', 'per_suzuki'), 'conflict', 'not the same expert twice');
      const scribe = await assign('scribe', 'per_suzuki');
      const now = await roles();
      assert.deepEqual(now.missing, ['communications']);
      assert.deepEqual(now.current.map((a) => [a.role, a.personId]), [['incident_commander', 'per_sato'], ['subject_matter_expert', 'per_tanaka'], ['subject_matter_expert', 'per_suzuki'], ['scribe', 'per_suzuki']]);
      assert.equal(now.history.length, 5);
      assert.deepEqual([now.history[0]?.personId, now.history[0]?.handedOffTo], ['per_tanaka', handOff.assignment.id]);
      assert.deepEqual(paths(await rejects(ctx.responder.releaseRole(incident.id, loose({ assignmentId: scribe.id, at: at(0) })), 'validation')), ['at']);
      clock(ctx, TEST_NOW + 45 * MINUTE);
      const released = await ctx.responder.releaseRole(incident.id, loose({ assignmentId: scribe.id, note: 'went home' }));
      assert.deepEqual([released.releasedAt, released.handedOffTo], [at(45), null]);
      await rejects(ctx.responder.releaseRole(incident.id, loose({ assignmentId: scribe.id })), 'conflict', 'released already');
      assert.deepEqual((await roles()).missing, ['communications', 'scribe']);
      const other = await declare();
      await rejects(ctx.responder.releaseRole(other.id, loose({ assignmentId: handOff.assignment.id })), 'not_found', "another incident's assignment");
      const logged = (await ctx.viewer.listTimeline(incident.id)).filter((e) => e.kind === 'role_changed').map((e) => e.body);
      assert.ok(logged.includes('Yui Tanaka took the Incident Commander role.'), logged.join(' | '));
      assert.ok(logged.some((body) => body.startsWith('Incident Commander handed off from Yui Tanaka to ')));
      assert.ok(logged.some((body) => body.endsWith(' released the Scribe role. went home')));
      await ctx.responder.updateIncident(incident.id, loose({ status: 'resolved' }), 1);
      assert.deepEqual((await roles()).missing, [], 'nothing is missing once resolved');
    });
  });
}
