import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoDataset } from './demo.js';
import type { Incident, Maintenance } from './domain.js';
import { defaultPageInfo, latestInstant, pageAsShown, publicIncident, publicMaintenance, statusSnapshot } from './public-view.js';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const data = demoDataset({ now: NOW });
const open = data.incidents.find((i) => i.status !== 'resolved' && i.visibility === 'public') as Incident;

describe('public views', () => {
  it('shows public updates and links to public incidents only', () => {
    const incident: Incident = {
      ...open,
      updates: [{ ...open.updates[0]!, visibility: 'internal' }, ...open.updates.slice(1)],
      related: [{ incidentId: 'inc_public', relation: 'related' }, { incidentId: 'inc_secret', relation: 'related' }],
    };
    const view = publicIncident(incident, new Set(['inc_public']));
    assert.equal(view.updates.length, open.updates.length - 1);
    assert.ok(view.updates.every((u) => u.visibility === 'public'));
    assert.deepEqual(view.related, [{ incidentId: 'inc_public', relation: 'related' }]);
    assert.deepEqual(publicIncident(incident).related, [], 'no ids given: no links');
  });
  it('drops hidden components from a maintenance, and returns it unchanged when none are hidden', () => {
    const m = { ...data.maintenances[0]!, components: ['cmp_a', 'cmp_hidden'] } as Maintenance;
    assert.deepEqual(publicMaintenance(m, new Set(['cmp_a'])).components, ['cmp_a']);
    assert.equal(publicMaintenance(m, new Set(['cmp_a', 'cmp_hidden'])), m);
  });
  it('has default page details and a page that moves with its latest change', () => {
    assert.deepEqual(defaultPageInfo('https://status.example.com'), { id: 'page', name: 'Hansei Status', url: 'https://status.example.com', timeZone: 'UTC', updatedAt: '1970-01-01T00:00:00.000Z' });
    assert.equal(latestInstant([]), '1970-01-01T00:00:00.000Z');
    assert.equal(latestInstant(['2026-01-01T00:00:00.000Z', null, '2026-02-01T00:00:00.000Z']), '2026-02-01T00:00:00.000Z');
    const later = '2030-01-01T00:00:00.000Z';
    const shown = pageAsShown({ ...data, components: [{ ...data.components[0]!, updatedAt: later }] });
    assert.equal(shown.updatedAt, later);
    assert.equal(shown.name, data.page.name);
  });
});

describe('statusSnapshot', () => {
  const at = new Date(NOW).toISOString();
  const snapshot = statusSnapshot(data, at);
  it('shows the showcased components in page order with the statuses the page shows', () => {
    const shown = data.components.filter((c) => c.showcase);
    assert.equal(snapshot.components.length, shown.length);
    assert.ok(snapshot.components.every((c) => c.showcase));
    const order = snapshot.components.map((c) => [c.position, c.id] as const);
    assert.deepEqual(order, [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    assert.equal(snapshot.components.find((c) => c.id === 'cmp_checkin')?.status, 'degraded_performance');
    assert.equal(snapshot.components.find((c) => c.id === 'cmp_data_exports')?.status, 'under_maintenance');
  });
  it('lists open public incidents newest first, maintenances soonest first, and the page status', () => {
    assert.deepEqual(snapshot.incidents.map((i) => i.id), ['inc_0027', 'inc_0026']);
    assert.deepEqual(snapshot.maintenances.map((m) => [m.id, m.status]), [['mnt_0004', 'in_progress'], ['mnt_0005', 'scheduled'], ['mnt_0006', 'scheduled']]);
    assert.deepEqual(snapshot.status, { indicator: 'minor', description: 'Partially Degraded Service' });
    assert.deepEqual(snapshot.groups.map((g) => g.id), ['grp_members', 'grp_studio', 'grp_payments', 'grp_platform']);
    assert.equal(snapshot.generatedAt, at);
  });
  it('never shows internal incidents, internal updates, hidden components or empty groups', () => {
    const secret: Incident = { ...open, id: 'inc_secret', visibility: 'internal', startedAt: at };
    const noisy: Incident = { ...open, updates: [{ ...open.updates[0]!, id: 'upd_x', visibility: 'internal', body: 'internal words' }, ...open.updates] };
    const lonely = { ...data.groups[0]!, id: 'grp_lonely', position: 0 };
    const hiddenMember = { ...data.components[0]!, id: 'cmp_hidden', showcase: false, groupId: 'grp_lonely' };
    const next = statusSnapshot(
      { ...data, groups: [...data.groups, lonely], components: [...data.components, hiddenMember], incidents: [...data.incidents.filter((i) => i.id !== open.id), noisy, secret] },
      at,
    );
    assert.ok(!next.incidents.some((i) => i.id === 'inc_secret'));
    assert.ok(!JSON.stringify(next).includes('internal words'));
    assert.ok(!next.components.some((c) => c.id === 'cmp_hidden' || c.id === 'cmp_job_queue'));
    assert.ok(!next.groups.some((g) => g.id === 'grp_lonely'));
  });
  it("drops hidden components from incidents' components and their updates' changes", () => {
    const hidden = data.components.find((c) => !c.showcase);
    const shown = data.components.find((c) => c.showcase);
    assert.ok(hidden && shown, 'the demo has a hidden and a shown component');
    const change = (componentId: string) => ({ componentId, name: componentId, oldStatus: 'operational' as const, newStatus: 'partial_outage' as const });
    const [first] = open.updates;
    assert.ok(first);
    const mixed = { ...first, id: 'upd_mixed', affectedComponents: [change(hidden.id), change(shown.id)] };
    const onlyHidden = { ...first, id: 'upd_hidden', affectedComponents: [change(hidden.id)] };
    const onlyShown = { ...first, id: 'upd_shown', affectedComponents: [change(shown.id)] };
    const none = { ...first, id: 'upd_none', affectedComponents: null };
    const incident: Incident = {
      ...open,
      components: [{ componentId: hidden.id, status: 'major_outage' }, { componentId: shown.id, status: 'partial_outage' }],
      updates: [mixed, onlyHidden, onlyShown, none],
    };
    const base = { ...data, incidents: [...data.incidents.filter((i) => i.id !== open.id), incident] };
    const next = statusSnapshot(base, at);
    const view = next.incidents.find((i) => i.id === open.id);
    assert.deepEqual(view?.components, [{ componentId: shown.id, status: 'partial_outage' }]);
    const byId = new Map(view?.updates.map((u) => [u.id, u]));
    assert.deepEqual(byId.get('upd_mixed')?.affectedComponents, [change(shown.id)]);
    assert.equal(byId.get('upd_hidden')?.affectedComponents, null, 'none left: null');
    assert.equal(byId.get('upd_shown'), onlyShown, 'nothing hidden: the same update');
    assert.equal(byId.get('upd_none'), none);
    assert.ok(!JSON.stringify(next.incidents).includes(`"${hidden.id}"`));
    assert.deepEqual(next.status, statusSnapshot({ ...base, incidents: [...data.incidents.filter((i) => i.id !== open.id), { ...incident, components: [incident.components[1]!] }] }, at).status);
  });
});
