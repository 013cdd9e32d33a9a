/**
 * The learning loop after an incident: postmortems through review to a public summary,
 * prevention actions on the board (ranks, moves, done), SLOs and their samples, people, and the
 * organisation's settings and tokens.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POSTMORTEM_TEMPLATE, type Incident, type Postmortem, type PreventionAction, type Stored } from '@hansei/core';
import { TEST_NOW, at, clock, everything, loose, paths, rejects, type SuiteContext } from './helpers.js';

export function learningLoop(ctx: SuiteContext): void {
  const declare = (extra: Record<string, unknown> = {}): Promise<Stored<Incident>> =>
    ctx.responder.declareIncident(loose({ title: 'Payments down', severity: 'SEV2', startedAt: at(-60), detectedAt: at(-55), ...extra }));

  describe('postmortems', () => {
    it("starts an incident's postmortem from the template and links the incident", async () => {
      const incident = await declare();
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id, contributingFactors: [{ category: 'architecture_infrastructure', description: 'Single database primary' }] }));
      assert.deepEqual([pm.version, pm.title, pm.status, pm.templateId, pm.publishedAt], [1, 'Payments down', 'draft', 'default', null]);
      assert.deepEqual(pm.sections.map((s) => s.key), DEFAULT_POSTMORTEM_TEMPLATE.sections.map((s) => s.key));
      assert.ok(pm.contributingFactors[0]?.id);
      const linked = await ctx.viewer.getIncident(incident.id);
      assert.deepEqual([linked.postmortemId, linked.version], [pm.id, 2], 'the incident names it: a new version');
      const again = await rejects(ctx.responder.createPostmortem(loose({ incidentId: incident.id })), 'conflict');
      assert.equal(again.problem?.['postmortemId'], pm.id);
      await rejects(ctx.responder.createPostmortem(loose({ incidentId: 'inc_missing' })), 'conflict');
      const other = await declare();
      assert.match((await rejects(ctx.responder.createPostmortem(loose({ incidentId: other.id, ownerId: 'per_missing' })), 'conflict')).message, /per_missing/);
      const invalid = paths(await rejects(ctx.responder.createPostmortem(loose({ title: '', sections: [{ key: 'Bad Key', title: 'x', body: '' }] })), 'validation'));
      for (const path of ['incidentId', 'title', 'sections.0.key']) assert.ok(invalid.includes(path), invalid.join(', '));
      assert.equal((await ctx.viewer.getIncident(other.id)).postmortemId, null, 'nothing linked');
    });

    it('refuses a stale edit with the current document, losing nothing', async () => {
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: (await declare()).id }));
      const edit = (doc: Postmortem, key: string, body: string) => doc.sections.map((s) => (s.key === key ? { ...s, body } : s));
      const first = await ctx.responder.updatePostmortem(pm.id, loose({ sections: edit(pm, 'summary', 'A deploy broke payments.') }), 1);
      assert.equal(first.version, 2);
      const stale = await rejects(ctx.responder.updatePostmortem(pm.id, loose({ sections: edit(pm, 'impact', '12% of payments failed.') }), 1), 'conflict');
      const current = stale.current as Stored<Postmortem>;
      assert.equal(current.version, 2);
      assert.equal(current.sections.find((s) => s.key === 'summary')?.body, 'A deploy broke payments.');
      const merged = await ctx.responder.updatePostmortem(pm.id, loose({ sections: edit(current, 'impact', '12% of payments failed.') }), current.version);
      const bodies = Object.fromEntries(merged.sections.map((s) => [s.key, s.body]));
      assert.deepEqual([bodies['summary'], bodies['impact'], merged.version], ['A deploy broke payments.', '12% of payments failed.', 3]);
      await rejects(ctx.viewer.updatePostmortem(pm.id, loose({ title: 'x' }), 3), 'forbidden');
      await rejects(ctx.responder.updatePostmortem('pm_missing', loose({ title: 'x' }), 1), 'not_found');
    });

    it('publishes through review with a public summary, which the status page then shows', async (t) => {
      if (!clock(ctx, TEST_NOW)) return t.skip('the target has no clock to move');
      const incident = await declare({ title: 'Login outage', visibility: 'public', status: 'resolved', resolvedAt: at(-10) });
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id }));
      assert.match((await rejects(ctx.responder.updatePostmortem(pm.id, loose({ status: 'published', publicSummary: 'Too soon.' }), 1), 'conflict')).message, /review first/);
      assert.equal((await ctx.responder.updatePostmortem(pm.id, loose({ status: 'in_review' }), 1)).version, 2);
      assert.deepEqual(paths(await rejects(ctx.responder.updatePostmortem(pm.id, loose({ status: 'published' }), 2), 'validation')), ['publicSummary']);
      await rejects(ctx.anon.getPostmortemSummary(incident.id), 'not_found', 'in review: still hidden');
      clock(ctx, TEST_NOW + 86_400_000);
      const published = await ctx.responder.updatePostmortem(pm.id, loose({ status: 'published', publicSummary: 'A bad certificate broke logins for 20 minutes.' }), 2);
      assert.equal(published.publishedAt, new Date(TEST_NOW + 86_400_000).toISOString());
      assert.deepEqual(await ctx.anon.getPostmortemSummary(incident.id), { incidentId: incident.id, title: 'Login outage', publicSummary: 'A bad certificate broke logins for 20 minutes.', publishedAt: published.publishedAt });
      await rejects(ctx.admin.updatePostmortem(pm.id, loose({ status: 'draft' }), 3), 'conflict', 'never back to draft');
      await rejects(ctx.responder.updatePostmortem(pm.id, loose({ status: 'in_review' }), 3), 'forbidden', 'only an admin unpublishes');
      const unpublished = await ctx.admin.updatePostmortem(pm.id, loose({ status: 'in_review' }), 3);
      assert.equal(unpublished.publishedAt, null);
      await rejects(ctx.anon.getPostmortemSummary(incident.id), 'not_found', 'off the status page again');
    });

    it('never shows the summary of an internal incident, and deletes for admins only', async () => {
      const incident = await declare();
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id }));
      await ctx.responder.updatePostmortem(pm.id, loose({ status: 'in_review' }), 1);
      await ctx.responder.updatePostmortem(pm.id, loose({ status: 'published', publicSummary: 'Internal words' }), 2);
      await rejects(ctx.anon.getPostmortemSummary(incident.id), 'not_found');
      await rejects(ctx.viewer.getPostmortemSummary(incident.id), 'not_found');
      await rejects(ctx.responder.deletePostmortem(pm.id, 3), 'forbidden');
      await ctx.admin.deletePostmortem(pm.id, 3);
      await rejects(ctx.viewer.getPostmortem(pm.id), 'not_found');
      const unlinked = await ctx.viewer.getIncident(incident.id);
      assert.deepEqual([unlinked.postmortemId, unlinked.version], [null, 3]);
    });
  });

  describe('prevention actions', () => {
    const incidentId = 'inc_0025';
    const card = (title: string, extra: Record<string, unknown> = {}): Promise<Stored<PreventionAction>> =>
      ctx.responder.createAction(loose({ title, kind: 'prevent', incidentIds: [incidentId], ...extra }));
    /** Ids of the cards of `status` whose title starts with `prefix`, in board order. */
    const column = async (status: string, prefix: string): Promise<string[]> =>
      (await ctx.viewer.listActions(loose({ status: [status], limit: 200 }))).data.filter((a) => a.title.startsWith(prefix)).map((a) => a.id);

    it('creates cards at the bottom of their column; done stamps completedAt', async () => {
      const first = await card('Bottom A');
      const next = await card('Bottom B');
      assert.equal(first.version, 1);
      assert.ok(first.rank < next.rank);
      const todo = await column('todo', '');
      assert.deepEqual(todo.slice(-2), [first.id, next.id]);
      const done = await card('Hotfix', { kind: 'mitigate', status: 'done' });
      assert.ok(done.completedAt !== null);
      assert.equal(first.completedAt, null);
      const unknown = await rejects(card('x', { incidentIds: [incidentId, 'inc_nope'] }), 'conflict');
      assert.deepEqual(unknown.problem?.['missing'], ['inc_nope']);
      await rejects(card('x', { postmortemId: 'pm_nope' }), 'conflict');
      await rejects(card('x', { ownerId: 'per_nope' }), 'conflict');
    });

    it('moves a card between columns and within one in a single call', async () => {
      const [a, b, c] = [await card('Move A'), await card('Move B'), await card('Move C')];
      const [x, y] = [await card('Move X', { status: 'in_progress' }), await card('Move Y', { status: 'in_progress' })];
      assert.deepEqual(await column('todo', 'Move'), [a.id, b.id, c.id]);
      const top = await ctx.responder.moveAction(c.id, loose({ status: 'todo', beforeId: a.id }), 1);
      assert.equal(top.version, 2);
      assert.deepEqual(await column('todo', 'Move'), [c.id, a.id, b.id]);
      const across = await ctx.responder.moveAction(a.id, loose({ status: 'in_progress', afterId: x.id, beforeId: y.id }), 1);
      assert.equal(across.status, 'in_progress');
      assert.deepEqual(await column('in_progress', 'Move'), [x.id, a.id, y.id]);
      assert.deepEqual(await column('todo', 'Move'), [c.id, b.id]);
      await ctx.responder.moveAction(b.id, loose({ status: 'in_progress', afterId: y.id }), 1);
      assert.deepEqual(await column('in_progress', 'Move'), [x.id, a.id, y.id, b.id]);
      const done = await ctx.responder.moveAction(b.id, loose({ status: 'done' }), 2);
      assert.ok(done.completedAt !== null);
      const back = await ctx.responder.moveAction(b.id, loose({ status: 'todo', beforeId: c.id }), 3);
      assert.equal(back.completedAt, null);
      assert.deepEqual(await column('todo', 'Move'), [b.id, c.id]);
      const explicit = await ctx.responder.moveAction(x.id, loose({ status: 'in_progress', rank: 'zzz' }), 1);
      assert.equal(explicit.rank, 'zzz');
      assert.deepEqual(await column('in_progress', 'Move'), [a.id, y.id, x.id]);
    });

    it('refuses moves that do not fit the board, moving nothing', async () => {
      const [a, b, c] = [await card('Edge A'), await card('Edge B'), await card('Edge C')];
      const elsewhere = await card('Edge elsewhere', { status: 'in_review' });
      await rejects(ctx.viewer.moveAction(a.id, loose({ status: 'todo' }), 1), 'forbidden');
      await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo' }), 5), 'conflict', 'a stale version');
      await rejects(ctx.responder.moveAction('act_missing', loose({ status: 'todo' }), 1), 'not_found');
      assert.match((await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo', afterId: elsewhere.id }), 1), 'conflict')).message, /in the in_review column, not todo/);
      await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo', beforeId: a.id }), 1), 'conflict');
      assert.match((await rejects(ctx.responder.moveAction(elsewhere.id, loose({ status: 'todo', afterId: a.id, beforeId: c.id }), 1), 'conflict')).message, /not next to each other/);
      assert.deepEqual(paths(await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo', rank: 'a', afterId: b.id }), 1), 'validation')), ['rank']);
      assert.deepEqual(paths(await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo', rank: 'a0' }), 1), 'validation')), ['rank']);
      assert.match((await rejects(ctx.responder.moveAction(a.id, loose({ status: 'todo', rank: b.rank }), 1), 'conflict')).message, /already taken/);
      assert.deepEqual(await column('todo', 'Edge'), [a.id, b.id, c.id]);
      assert.equal((await ctx.viewer.getAction(a.id)).version, 1);
    });

    it('changes a card at its current version: done sets completedAt, leaving done clears it', async () => {
      const a = await card('Patch me');
      assert.deepEqual(paths(await rejects(ctx.responder.updateAction(a.id, loose({ effectiveness: 'effective' }), 1), 'validation')), ['effectiveness']);
      await rejects(ctx.responder.updateAction(a.id, loose({}), 1), 'validation');
      const done = await ctx.responder.updateAction(a.id, loose({ status: 'done', effectiveness: 'effective', dueDate: '2026-12-31' }), 1);
      assert.deepEqual([done.version, done.effectiveness, done.dueDate], [2, 'effective', '2026-12-31']);
      assert.ok(done.completedAt !== null);
      const doneColumn = await column('done', '');
      assert.equal(doneColumn[doneColumn.length - 1], a.id, 'a new column puts it at the bottom');
      const retitled = await ctx.responder.updateAction(a.id, loose({ title: 'Patched' }), 2);
      assert.equal(retitled.completedAt, done.completedAt, 'staying done keeps completedAt');
      assert.equal(((await rejects(ctx.responder.updateAction(a.id, loose({ title: 'Lost' }), 2), 'conflict')).current as Stored<PreventionAction>).title, 'Patched');
      const reopened = await ctx.responder.updateAction(a.id, loose({ status: 'in_progress' }), 3);
      assert.deepEqual([reopened.completedAt, reopened.effectiveness], [null, 'unverified']);
      await rejects(ctx.responder.deleteAction(a.id, 4), 'forbidden');
      await rejects(ctx.admin.deleteAction(a.id, 1), 'conflict');
      await ctx.admin.deleteAction(a.id, 4);
      await rejects(ctx.viewer.getAction(a.id), 'not_found');
    });

    it('pages the whole board in board order, without duplicates', async () => {
      const limit = 7;
      const seen = await everything((cursor) => ctx.viewer.listActions(loose({ limit, ...(cursor ? { cursor } : {}) })), limit);
      const all = await ctx.viewer.listActions(loose({ limit: 200 }));
      assert.deepEqual(seen.map((a) => a.id), all.data.map((a) => a.id));
      const order = ['todo', 'in_progress', 'in_review', 'done', 'wont_do'];
      for (let i = 1; i < seen.length; i++) {
        const [p, q] = [seen[i - 1] as PreventionAction, seen[i] as PreventionAction];
        const byColumn = order.indexOf(p.status) - order.indexOf(q.status);
        assert.ok(byColumn < 0 || (byColumn === 0 && p.rank < q.rank), `${p.status}/${p.rank} before ${q.status}/${q.rank}`);
      }
    });
  });

  describe('SLOs', () => {
    const availability = {
      name: 'Suite availability',
      service: 'suite-checkout',
      indicator: { good: 'http_requests{code!~"5.."}', total: 'http_requests' },
      timeWindow: { duration: '30d', isRolling: true },
      budgetingMethod: 'Occurrences',
      objective: { target: 0.99 },
      labels: ['payments'],
    };

    it('creates SLOs for admins, re-validates the merged SLO on change, and refuses stale versions', async () => {
      await rejects(ctx.responder.createSlo(loose(availability)), 'forbidden');
      await rejects(ctx.admin.createSlo(loose({ ...availability, componentId: 'cmp_nope' })), 'conflict');
      const slo = await ctx.admin.createSlo(loose({ ...availability, componentId: 'cmp_payments' }));
      assert.equal(slo.version, 1);
      assert.deepEqual(slo.objective, { target: 0.99, timeSliceTarget: null, timeSliceWindow: null });
      assert.deepEqual((await ctx.viewer.listSlos(loose({ service: 'suite-checkout' }))).data.map((s) => s.id), [slo.id]);
      assert.deepEqual(paths(await rejects(ctx.admin.updateSlo(slo.id, loose({ budgetingMethod: 'Timeslices' }), 1), 'validation')), ['objective.timeSliceTarget', 'objective.timeSliceWindow']);
      const saved = await ctx.admin.updateSlo(slo.id, loose({ budgetingMethod: 'Timeslices', objective: { target: 0.95, timeSliceTarget: 0.9, timeSliceWindow: '5m' } }), 1);
      assert.deepEqual([saved.version, saved.budgetingMethod, saved.name, saved.createdAt], [2, 'Timeslices', 'Suite availability', slo.createdAt]);
      assert.equal(((await rejects(ctx.admin.updateSlo(slo.id, loose({ name: 'Stale' }), 1), 'conflict')).current as { budgetingMethod: string }).budgetingMethod, 'Timeslices');
      await rejects(ctx.admin.deleteSlo(slo.id, 1), 'conflict');
      await ctx.admin.deleteSlo(slo.id, 2);
      await rejects(ctx.viewer.getSlo(slo.id), 'not_found');
    });

    it('ingests samples by instant, so a re-send is harmless, and reports on them', async () => {
      const slo = await ctx.admin.createSlo(loose({ ...availability, name: 'Suite ingest', service: 'suite-ingest' }));
      const empty = await ctx.viewer.getSloReport(slo.id);
      assert.deepEqual([empty.total, empty.attainment, empty.budgetRemaining], [0, null, 1]);
      const hour = 3_600_000;
      const batch = Array.from({ length: 12 }, (_, i) => ({ at: TEST_NOW - hour + i * 300_000, good: i < 6 ? 100 : 90, total: 100 }));
      await rejects(ctx.viewer.ingestSamples(slo.id, batch), 'forbidden');
      assert.equal(await ctx.responder.ingestSamples(slo.id, batch), 12);
      assert.equal(await ctx.responder.ingestSamples(slo.id, batch), 12, 'the same instants again');
      const report = await ctx.viewer.getSloReport(slo.id);
      assert.deepEqual([report.good, report.total], [1140, 1200]);
      assert.equal(report.attainment, 0.95);
      await rejects(ctx.responder.ingestSamples('slo_nope', batch), 'not_found');
      await rejects(ctx.responder.ingestSamples(slo.id, []), 'validation');
    });
  });

  describe('people and settings', () => {
    it('adds and changes people at their current version; refuses to remove someone with an active role', async () => {
      const person = await ctx.admin.createPerson(loose({ name: 'Jiro', email: '' }));
      assert.deepEqual([person.version, person.email], [1, null]);
      const changed = await ctx.admin.updatePerson(person.id, loose({ handle: '@jiro' }), 1);
      assert.deepEqual([changed.version, changed.handle], [2, 'jiro']);
      assert.equal(((await rejects(ctx.admin.updatePerson(person.id, loose({ name: 'Saburo' }), 1), 'conflict')).current as { handle: string }).handle, 'jiro');
      const incident = await declare({ title: 'Held role' });
      const role = await ctx.responder.assignRole(incident.id, loose({ role: 'incident_commander', personId: person.id }));
      const refused = await rejects(ctx.admin.deletePerson(person.id, 2), 'conflict');
      assert.deepEqual(refused.problem?.['roles'], [{ incidentId: incident.id, incidentTitle: 'Held role', role: 'incident_commander' }]);
      await ctx.responder.releaseRole(incident.id, loose({ assignmentId: role.id }));
      await rejects(ctx.responder.deletePerson(person.id, 2), 'forbidden');
      await ctx.admin.deletePerson(person.id, 2);
      await rejects(ctx.viewer.getPerson(person.id), 'not_found');
    });

    it('replaces the page details, roles and guideline by their rules', async () => {
      const page = await ctx.admin.replacePage(loose({ name: 'Kinetic Status (suite)', url: 'https://status.kinetic.example', timeZone: 'Asia/Tokyo' }));
      assert.equal(page.name, 'Kinetic Status (suite)');
      assert.equal((await ctx.anon.getPage()).name, 'Kinetic Status (suite)');
      assert.equal((await ctx.anon.status()).page.name, 'Kinetic Status (suite)');
      const roles = ctx.data.roleDefinitions;
      assert.deepEqual(paths(await rejects(ctx.admin.replaceRoles([...roles, { ...(roles[0] as (typeof roles)[number]) }]), 'validation')), [`data.${roles.length}.key`]);
      await rejects(ctx.admin.replaceRoles(roles.filter((r) => r.key !== 'scribe')), 'conflict', 'SEV1 requires a scribe');
      const guideline = ctx.data.guideline;
      const unknownRole = { levels: guideline.levels.map((l, i) => (i === 0 ? { ...l, demands: { ...l.demands, requiredRoles: ['chief_of_fun'] } } : l)), whenUnsure: guideline.whenUnsure };
      assert.deepEqual(paths(await rejects(ctx.admin.replaceSeverityGuideline(loose(unknownRole)), 'validation')), ['levels.0.demands.requiredRoles.0']);
      assert.deepEqual(await ctx.viewer.listRoles(), roles, 'nothing replaced');
    });

    it('creates tokens whose secret is shown once, and revokes them', async () => {
      const created = await ctx.admin.createToken(loose({ role: 'viewer', name: 'Suite dashboard' }));
      assert.ok(created.token.length > 20);
      const listed = (await ctx.admin.listTokens()).find((t) => t.id === created.id);
      assert.deepEqual(listed && [listed.name, listed.role, listed.revokedAt], ['Suite dashboard', 'viewer', null]);
      assert.ok(!JSON.stringify(await ctx.admin.listTokens()).includes(created.token), 'never the secret');
      await ctx.admin.revokeToken(created.id);
      assert.ok((await ctx.admin.listTokens()).find((t) => t.id === created.id)?.revokedAt);
      await rejects(ctx.admin.revokeToken('tok_nope'), 'not_found');
    });
  });
}
