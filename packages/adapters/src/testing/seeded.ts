/**
 * The seeded demo, read before anything writes: counts and order of every list, what anonymous
 * readers see, the status snapshot, reports and settings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident, IncidentListQuery, ListQuery, MaintenanceListQuery } from '@hansei/core';
import { byText, everything, loose, rejects, type SuiteContext } from './helpers.js';

export function seededReads(ctx: SuiteContext): void {
  describe('the seeded demo', () => {
    const newestStarted = (list: readonly Incident[]) => [...list].sort((a, b) => byText(b.startedAt, a.startedAt) || byText(b.id, a.id)).map((i) => i.id);

    it('says who calls', async () => {
      assert.equal((await ctx.admin.session()).role, 'admin');
      assert.equal((await ctx.responder.session()).role, 'responder');
      const viewer = await ctx.viewer.session();
      assert.equal(viewer.role, 'viewer');
      assert.ok(viewer.token && viewer.token.id.length > 0);
      assert.deepEqual(await ctx.anon.session(), { role: null, token: null });
    });

    it('lists components in page order: all of them with a role, the showcased ones anonymously', async () => {
      const order = [...ctx.data.components].sort((a, b) => a.position - b.position || byText(a.id, b.id));
      const all = await ctx.viewer.listComponents();
      assert.deepEqual(all.map((c) => c.id), order.map((c) => c.id));
      assert.equal(all.length, 15);
      assert.ok(all.every((c) => c.version === 1));
      const shown = await ctx.anon.listComponents();
      assert.deepEqual(shown.map((c) => c.id), order.filter((c) => c.showcase).map((c) => c.id));
      assert.ok(!shown.some((c) => c.id === 'cmp_job_queue'));
      assert.equal(shown.find((c) => c.id === 'cmp_checkin')?.status, 'degraded_performance');
    });

    it('lists the component groups by position, to anyone', async () => {
      const groups = await ctx.anon.listComponentGroups();
      assert.deepEqual(groups.map((g) => g.id), ['grp_members', 'grp_studio', 'grp_payments', 'grp_platform']);
      assert.deepEqual(groups.map((g) => g.version), [1, 1, 1, 1]);
    });

    it('pages through every incident, most recently started first, each once', async () => {
      const seen = await everything((cursor) => ctx.viewer.listIncidents(loose<IncidentListQuery>({ limit: 10, ...(cursor ? { cursor } : {}) })), 10);
      assert.equal(seen.length, 27);
      assert.deepEqual(seen.map((i) => i.id), newestStarted(ctx.data.incidents));
      assert.equal(seen[0]?.id, 'inc_0027');
      assert.ok(seen.every((i) => i.version === 1));
      const secret = seen.find((i) => i.id === 'inc_0009');
      assert.equal(secret?.visibility, 'internal');
      assert.equal(secret?.updates.length, ctx.data.incidents.find((i) => i.id === 'inc_0009')?.updates.length);
    });

    it('shows anonymous readers public incidents with public updates only', async () => {
      const page = await ctx.anon.listIncidents(loose<IncidentListQuery>({ limit: 200 }));
      const publicOnes = ctx.data.incidents.filter((i) => i.visibility === 'public');
      assert.deepEqual(page.data.map((i) => i.id), newestStarted(publicOnes));
      assert.equal(page.nextCursor, null);
      assert.ok(page.data.every((i) => i.visibility === 'public' && i.updates.every((u) => u.visibility === 'public')));
      await rejects(ctx.anon.getIncident('inc_0009'), 'not_found', 'an internal incident, anonymously');
      assert.equal((await ctx.viewer.getIncident('inc_0009')).id, 'inc_0009');
      await rejects(ctx.viewer.getIncident('inc_nope'), 'not_found');
    });

    it('gives an incident with its updates newest first', async () => {
      const incident = await ctx.anon.getIncident('inc_0026');
      const expected = ctx.data.incidents.find((i) => i.id === 'inc_0026') as Incident;
      assert.equal(incident.version, 1);
      assert.equal(incident.status, 'monitoring');
      assert.deepEqual(incident.updates.map((u) => u.id), [...expected.updates].sort((a, b) => byText(b.displayAt, a.displayAt)).map((u) => u.id));
      assert.deepEqual(incident.related, [{ incidentId: 'inc_0012', relation: 'related' }], 'a link to a public incident stays');
    });

    it('filters incidents: open, severity, component, time range and text', async () => {
      const ids = async (query: Record<string, unknown>) => (await ctx.viewer.listIncidents(loose<IncidentListQuery>({ limit: 200, ...query }))).data.map((i) => i.id);
      assert.deepEqual(await ids({ open: true }), ['inc_0027', 'inc_0026']);
      assert.deepEqual(await ids({ status: ['monitoring'] }), ['inc_0026']);
      assert.deepEqual(await ids({ severity: ['SEV1'] }), newestStarted(ctx.data.incidents.filter((i) => i.severity === 'SEV1')));
      assert.deepEqual(await ids({ component: 'cmp_payments' }), newestStarted(ctx.data.incidents.filter((i) => i.components.some((c) => c.componentId === 'cmp_payments'))));
      assert.deepEqual(await ids({ visibility: 'internal' }), ['inc_0009']);
      const from = '2026-11-01T00:00:00.000Z';
      const to = '2026-11-15T00:00:00.000Z';
      assert.deepEqual(await ids({ from, to }), newestStarted(ctx.data.incidents.filter((i) => i.startedAt >= from && i.startedAt < to)));
      const word = (ctx.data.incidents.find((i) => i.id === 'inc_0020') as Incident).title.split(' ')[0] as string;
      const matching = ctx.data.incidents.filter((i) => `${i.title}\n${i.summary}`.toLowerCase().includes(word.toLowerCase()));
      assert.deepEqual(await ids({ q: word.toUpperCase() }), newestStarted(matching), 'search ignores case');
    });

    it('lists maintenances latest window first, with a status filter', async () => {
      const all = await ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ limit: 200 }));
      assert.deepEqual(all.data.map((m) => m.id), ['mnt_0006', 'mnt_0005', 'mnt_0004', 'mnt_0003', 'mnt_0002', 'mnt_0001']);
      const scheduled = await ctx.anon.listMaintenances(loose<MaintenanceListQuery>({ status: ['scheduled'] }));
      assert.deepEqual(scheduled.data.map((m) => m.id), ['mnt_0006', 'mnt_0005']);
      assert.equal((await ctx.anon.getMaintenance('mnt_0004')).status, 'in_progress');
      await rejects(ctx.anon.getMaintenance('mnt_nope'), 'not_found');
    });

    it('shows the status page at first sight: state, open incidents, maintenances, shown components', async () => {
      const snapshot = await ctx.anon.status();
      assert.deepEqual(snapshot.status, { indicator: 'minor', description: 'Partially Degraded Service' });
      assert.deepEqual(snapshot.incidents.map((i) => i.id), ['inc_0027', 'inc_0026']);
      assert.deepEqual(snapshot.maintenances.map((m) => m.id), ['mnt_0004', 'mnt_0005', 'mnt_0006']);
      assert.deepEqual(snapshot.components.map((c) => c.id).sort(), ctx.data.components.filter((c) => c.showcase).map((c) => c.id).sort());
      const status = Object.fromEntries(snapshot.components.map((c) => [c.id, c.status]));
      assert.equal(status['cmp_checkin'], 'degraded_performance');
      assert.equal(status['cmp_notifications'], 'degraded_performance');
      assert.equal(status['cmp_data_exports'], 'under_maintenance');
      assert.equal(status['cmp_payments'], 'operational');
      assert.deepEqual(snapshot.groups.map((g) => g.id).sort(), ['grp_members', 'grp_payments', 'grp_platform', 'grp_studio']);
      assert.equal(snapshot.page.name, ctx.data.page.name);
      assert.ok(!JSON.stringify(snapshot).includes('inc_0009'), 'nothing internal');
    });

    it('keeps the internal timeline, oldest first', async () => {
      const expected = ctx.data.timeline.filter((e) => e.incidentId === 'inc_0027');
      const timeline = await ctx.viewer.listTimeline('inc_0027');
      assert.deepEqual(timeline.map((e) => e.id), expected.map((e) => e.id));
      const times = timeline.map((e) => e.at);
      assert.deepEqual(times, [...times].sort());
      await rejects(ctx.viewer.listTimeline('inc_nope'), 'not_found');
    });

    it('lists who holds the roles of an incident, with the history', async () => {
      const roles = await ctx.viewer.listIncidentRoles('inc_0027');
      const history = ctx.data.roles.filter((a) => a.incidentId === 'inc_0027');
      assert.deepEqual(roles.history.map((a) => a.id).sort(), history.map((a) => a.id).sort());
      assert.deepEqual(roles.current.map((a) => a.id).sort(), history.filter((a) => a.releasedAt === null).map((a) => a.id).sort());
      const held = new Set(roles.current.map((a) => a.role));
      assert.deepEqual(roles.missing, ['incident_commander'].filter((r) => !held.has(r)), 'SEV2 requires an incident commander');
      assert.deepEqual((await ctx.viewer.listIncidentRoles('inc_0001')).missing, [], 'a resolved incident misses nothing');
    });

    it('lists postmortems most recently edited first', async () => {
      const seen = await everything((cursor) => ctx.viewer.listPostmortems(loose({ limit: 4, ...(cursor ? { cursor } : {}) })), 4);
      const expected = [...ctx.data.postmortems].sort((a, b) => byText(b.updatedAt, a.updatedAt) || byText(b.id, a.id));
      assert.deepEqual(seen.map((p) => p.id), expected.map((p) => p.id));
      const review = await ctx.viewer.listPostmortems(loose({ status: ['in_review'] }));
      assert.deepEqual(review.data.map((p) => p.id).sort(), ['pm_0006', 'pm_0007']);
      assert.equal((await ctx.viewer.getPostmortem('pm_0001')).incidentId, 'inc_0002');
    });

    it('shows the public summary of a published postmortem of a public incident, and nothing else', async () => {
      const pm = ctx.data.postmortems.find((p) => p.id === 'pm_0001');
      const summary = await ctx.anon.getPostmortemSummary('inc_0002');
      assert.deepEqual(summary, { incidentId: 'inc_0002', title: pm?.title, publicSummary: pm?.publicSummary, publishedAt: pm?.publishedAt });
      await rejects(ctx.anon.getPostmortemSummary('inc_0023'), 'not_found', 'a draft');
      await rejects(ctx.anon.getPostmortemSummary('inc_0001'), 'not_found', 'no postmortem');
    });

    it('lists prevention actions in board order across pages', async () => {
      const seen = await everything((cursor) => ctx.viewer.listActions(loose({ limit: 20, ...(cursor ? { cursor } : {}) })), 20);
      assert.equal(seen.length, ctx.data.actions.length);
      const columns = ['todo', 'in_progress', 'in_review', 'done', 'wont_do'];
      const expected = [...ctx.data.actions].sort((a, b) => columns.indexOf(a.status) - columns.indexOf(b.status) || byText(a.rank, b.rank) || byText(a.id, b.id));
      assert.deepEqual(seen.map((a) => a.id), expected.map((a) => a.id));
      const forIncident = await ctx.viewer.listActions(loose({ incident: 'inc_0007', limit: 200 }));
      assert.deepEqual(forIncident.data.map((a) => a.id).sort(), ctx.data.actions.filter((a) => a.incidentIds.includes('inc_0007')).map((a) => a.id).sort());
    });

    it('lists SLOs oldest first and reports healthy, burning and exhausted budgets', async () => {
      const list = await ctx.viewer.listSlos(loose({}));
      assert.deepEqual(list.data.map((s) => s.id), [...ctx.data.slos].sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id)).map((s) => s.id));
      const checkin = await ctx.viewer.getSloReport('slo_checkin');
      assert.equal(checkin.alert, 'page');
      assert.ok((await ctx.viewer.getSloReport('slo_checkout')).budgetRemaining <= 0);
      const login = await ctx.viewer.getSloReport('slo_login');
      assert.equal(login.alert, 'ok');
      assert.ok(login.budgetRemaining > 0.25);
      await rejects(ctx.viewer.getSloReport('slo_nope'), 'not_found');
    });

    it('lists people oldest first, in pages', async () => {
      const seen = await everything((cursor) => ctx.viewer.listPeople(loose<ListQuery>({ limit: 5, ...(cursor ? { cursor } : {}) })), 5);
      assert.deepEqual(seen.map((p) => p.id), ctx.data.people.map((p) => p.id).sort(byText));
      assert.equal((await ctx.viewer.getPerson('per_tanaka')).name, 'Yui Tanaka');
    });

    it('reads the organisation settings', async () => {
      assert.deepEqual(await ctx.viewer.getSeverityGuideline(), ctx.data.guideline);
      assert.deepEqual(await ctx.viewer.listRoles(), ctx.data.roleDefinitions);
      assert.deepEqual(await ctx.anon.getPage(), ctx.data.page);
    });

    it('reports daily uptime of every shown component', async () => {
      const week = await ctx.anon.uptime({ days: 7, timeZone: 'UTC' });
      assert.deepEqual(week.map((u) => u.componentId).sort(), ctx.data.components.filter((c) => c.showcase).map((c) => c.id).sort());
      assert.ok(week.every((u) => u.days.length === 7 && u.days[6]?.date === '2026-11-25'));
      const checkin = week.find((u) => u.componentId === 'cmp_checkin');
      assert.ok(checkin?.days.some((d) => d.incidentIds.includes('inc_0027')), 'the open incident shows on today');
      assert.equal((await ctx.anon.uptime({ timeZone: 'UTC' }))[0]?.days.length, 90, '90 days by default');
      await rejects(ctx.anon.uptime({ days: 0 }), 'validation');
    });

    it('computes incident metrics and the weekly review', async () => {
      const metrics = await ctx.viewer.metrics();
      assert.equal(metrics.to, '2026-11-25T09:00:00.000Z');
      assert.equal(metrics.from, new Date(Date.parse(metrics.to) - 84 * 86_400_000).toISOString(), 'the last 12 weeks');
      assert.deepEqual(metrics.severities, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
      const inRange = ctx.data.incidents.filter((i) => i.startedAt >= metrics.from && i.startedAt < metrics.to);
      assert.equal(metrics.mttx.incidents, inRange.length);
      assert.equal(metrics.actionMix.total, ctx.data.actions.filter((a) => a.status !== 'wont_do').length);
      await rejects(ctx.viewer.metrics({ from: '2026-11-25T00:00:00Z', to: '2026-11-24T00:00:00Z' }), 'validation');
      const review = await ctx.viewer.weeklyReview('2026-W48');
      assert.equal(review.week, '2026-W48');
      assert.equal(review.start, '2026-11-23');
      assert.deepEqual(review.incidents.map((i) => i.id).sort(), ctx.data.incidents.filter((i) => i.startedAt >= '2026-11-23').map((i) => i.id).sort());
      assert.equal(review.slosBurning[0]?.report.alert, 'page');
      assert.deepEqual(review.postmortemsInReview.map((p) => p.id), ['pm_0006', 'pm_0007']);
      assert.deepEqual((await ctx.viewer.weeklyReview()).week, '2026-W48', 'this week by default');
      await rejects(ctx.viewer.weeklyReview('2026-W60'), 'validation');
    });
  });
}
