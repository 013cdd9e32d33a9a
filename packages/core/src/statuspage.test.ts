import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Component,
  ComponentGroup,
  Incident,
  IncidentUpdate,
  Maintenance,
  MaintenanceUpdate,
  StatusPageInfo,
} from './domain.js';
import { pageStatus } from './status.js';
import {
  DEFAULT_IMPACT_SEVERITY,
  STATUSPAGE_LIST_LIMIT,
  fromStatuspageComponents,
  fromStatuspageIncidents,
  fromStatuspageMaintenances,
  fromStatuspageSummary,
  toStatuspageActiveMaintenances,
  toStatuspageComponents,
  toStatuspageIncidents,
  toStatuspageMaintenances,
  toStatuspageStatus,
  toStatuspageSummary,
  toStatuspageUnresolvedIncidents,
  toStatuspageUpcomingMaintenances,
} from './statuspage.js';
import type { StatuspageData } from './statuspage.js';

// ---------------------------------------------------------------------------------------------
// Domain fixture

const at = (hhmm: string, day = '2026-11-25'): string => `${day}T${hhmm}:00.000Z`;

const page: StatusPageInfo = {
  id: 'acme',
  name: 'Acme',
  url: 'https://status.acme.test/',
  timeZone: 'Asia/Tokyo',
  updatedAt: at('10:05'),
};

const group = (id: string, name: string, position: number): ComponentGroup => ({
  id,
  name,
  description: `${name} services`,
  position,
  createdAt: at('00:00', '2025-01-01'),
  updatedAt: at('00:00', '2025-06-01'),
});

const groups = [group('g-api', 'API', 1), group('g-web', 'Web', 2), group('g-office', 'Back office', 3)];

const component = (id: string, groupId: string | null, position: number, more: Partial<Component> = {}): Component => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  description: null,
  status: 'operational',
  groupId,
  position,
  showcase: true,
  onlyShowIfDegraded: false,
  startDate: null,
  createdAt: at('00:00', '2025-01-01'),
  updatedAt: at('09:00'),
  ...more,
});

const components: Component[] = [
  component('rest', 'g-api', 1, { description: 'REST API' }),
  component('graphql', 'g-api', 2),
  component('dashboard', 'g-web', 1, { status: 'degraded_performance' }),
  component('cdn', 'g-web', 2),
  component('billing', null, 3, { onlyShowIfDegraded: true, startDate: '2026-01-01' }),
  component('email', 'g-gone', 4),
  component('ledger', 'g-office', 1, { status: 'major_outage', showcase: false }),
];

const update = (incidentId: string, id: string, hhmm: string, more: Partial<IncidentUpdate> = {}): IncidentUpdate => ({
  id,
  incidentId,
  status: 'investigating',
  body: `Update ${id}`,
  visibility: 'public',
  authorId: 'p-1',
  createdAt: at(hhmm),
  updatedAt: at(hhmm),
  displayAt: at(hhmm),
  affectedComponents: null,
  ...more,
});

const incident = (id: string, more: Partial<Incident> = {}): Incident => ({
  id,
  title: `Incident ${id}`,
  summary: 'What customers see',
  severity: 'SEV2',
  impact: 'major',
  status: 'investigating',
  visibility: 'public',
  components: [],
  labels: ['api'],
  related: [],
  startedAt: at('09:35'),
  detectedAt: at('09:38'),
  acknowledgedAt: at('09:39'),
  mitigatedAt: null,
  resolvedAt: null,
  createdAt: at('09:40'),
  updatedAt: at('10:00'),
  updates: [],
  postmortemId: null,
  ...more,
});

const open = incident('inc-open', {
  status: 'identified',
  components: [
    { componentId: 'rest', status: 'partial_outage' },
    { componentId: 'ledger', status: 'major_outage' },
  ],
  updates: [
    update('inc-open', 'u3', '10:00', {
      status: 'identified',
      affectedComponents: [
        { componentId: 'rest', name: 'API - Rest', oldStatus: 'operational', newStatus: 'partial_outage' },
        { componentId: 'ledger', name: 'Back office - Ledger', oldStatus: 'operational', newStatus: 'major_outage' },
      ],
    }),
    update('inc-open', 'u2', '09:50', { visibility: 'internal', body: 'SECRET: the deploy of build 4711' }),
    update('inc-open', 'u1', '09:40', { affectedComponents: [] }),
  ],
});

const internal = incident('inc-internal', {
  title: 'SECRET internal incident',
  visibility: 'internal',
  impact: 'critical',
  components: [{ componentId: 'dashboard', status: 'major_outage' }],
});

const resolvedUpdates = (id: string): IncidentUpdate[] => [
  update(id, `${id}-3`, '08:00', { status: 'resolved' }),
  update(id, `${id}-2`, '07:30', { status: 'monitoring' }),
  update(id, `${id}-1`, '07:00'),
];

const withPostmortem = incident('inc-pm', {
  status: 'resolved',
  impact: 'minor',
  severity: 'SEV3',
  createdAt: at('07:00'),
  resolvedAt: at('08:00'),
  updates: resolvedUpdates('inc-pm'),
  postmortemId: 'pm-1',
});

const resolved = incident('inc-old', {
  status: 'resolved',
  createdAt: at('06:00'),
  resolvedAt: at('06:30'),
  updates: resolvedUpdates('inc-old'),
});

const maintenanceUpdate = (m: string, id: string, hhmm: string, status: MaintenanceUpdate['status']): MaintenanceUpdate => ({
  id,
  maintenanceId: m,
  status,
  body: `${status} ${id}`,
  createdAt: at(hhmm, '2026-11-20'),
  displayAt: at(hhmm, '2026-11-20'),
});

const maintenance = (id: string, more: Partial<Maintenance>): Maintenance => ({
  id,
  title: `Maintenance ${id}`,
  summary: 'Planned work',
  status: 'scheduled',
  scheduledFor: at('09:00'),
  scheduledUntil: at('11:00'),
  components: [],
  createdAt: at('00:00', '2026-11-01'),
  updatedAt: at('00:00', '2026-11-02'),
  updates: [],
  ...more,
});

const maintenances: Maintenance[] = [
  maintenance('m-active', { status: 'in_progress', components: ['cdn'] }),
  maintenance('m-upcoming', {
    scheduledFor: at('01:00', '2026-12-01'),
    scheduledUntil: at('03:00', '2026-12-01'),
    components: ['graphql', 'ledger'],
    updates: [maintenanceUpdate('m-upcoming', 'mu1', '12:00', 'scheduled')],
  }),
  maintenance('m-done', {
    status: 'completed',
    scheduledFor: at('01:00', '2026-11-20'),
    scheduledUntil: at('02:00', '2026-11-20'),
    updates: [
      maintenanceUpdate('m-done', 'md1', '00:00', 'scheduled'),
      maintenanceUpdate('m-done', 'md3', '01:55', 'completed'),
      maintenanceUpdate('m-done', 'md2', '01:00', 'in_progress'),
    ],
  }),
];

const data: StatuspageData = {
  page,
  groups,
  components,
  incidents: [resolved, open, internal, withPostmortem],
  maintenances,
};

/** The domain fields v2 carries of an incident shown publicly; the rest get import defaults. */
function carried(i: Incident, visible: ReadonlySet<string>): Incident {
  return {
    ...i,
    summary: '',
    severity: DEFAULT_IMPACT_SEVERITY[i.impact],
    components: i.components.filter((c) => visible.has(c.componentId)),
    labels: [],
    related: [],
    detectedAt: i.createdAt,
    acknowledgedAt: null,
    mitigatedAt: null,
    postmortemId: null,
    updates: i.updates
      .filter((u) => u.visibility === 'public')
      .map((u) => {
        const kept = (u.affectedComponents ?? []).filter((t) => visible.has(t.componentId));
        return { ...u, authorId: null, affectedComponents: kept.length ? kept : null };
      }),
  };
}

const visibleIds = new Set(components.filter((c) => c.showcase).map((c) => c.id));

// ---------------------------------------------------------------------------------------------
// Domain -> v2

describe('toStatuspageSummary', () => {
  const summary = toStatuspageSummary(data);

  it('has the real document shape and key order', () => {
    assert.deepEqual(Object.keys(summary), ['page', 'components', 'incidents', 'scheduled_maintenances', 'status']);
    assert.deepEqual(summary.page, {
      id: 'acme',
      name: 'Acme',
      url: 'https://status.acme.test/',
      time_zone: 'Asia/Tokyo',
      updated_at: at('10:05'),
    });
    const componentKeys = [
      'id',
      'name',
      'status',
      'created_at',
      'updated_at',
      'position',
      'description',
      'showcase',
      'start_date',
      'group_id',
      'page_id',
      'group',
      'only_show_if_degraded',
    ];
    assert.deepEqual(Object.keys(summary.components.find((c) => !c.group) ?? {}), componentKeys);
    assert.deepEqual(Object.keys(summary.components.find((c) => c.group) ?? {}), [...componentKeys, 'components']);
    const [first] = summary.incidents;
    assert.deepEqual(Object.keys(first ?? {}), [
      'id',
      'name',
      'status',
      'created_at',
      'updated_at',
      'monitoring_at',
      'resolved_at',
      'impact',
      'shortlink',
      'started_at',
      'page_id',
      'incident_updates',
      'components',
    ]);
    assert.deepEqual(Object.keys(first?.incident_updates[0] ?? {}), [
      'id',
      'status',
      'body',
      'incident_id',
      'created_at',
      'updated_at',
      'display_at',
      'affected_components',
    ]);
    assert.deepEqual(Object.keys(summary.scheduled_maintenances[0] ?? {}).slice(-4), [
      'incident_updates',
      'components',
      'scheduled_for',
      'scheduled_until',
    ]);
  });

  it('lists groups with members and visible components by position, statuses as shown now', () => {
    assert.deepEqual(
      summary.components.map((c) => [c.id, c.status, c.group_id, c.position]),
      [
        ['g-api', 'partial_outage', null, 1],
        ['dashboard', 'degraded_performance', 'g-web', 1],
        ['rest', 'partial_outage', 'g-api', 1],
        ['g-web', 'degraded_performance', null, 2],
        ['cdn', 'under_maintenance', 'g-web', 2],
        ['graphql', 'operational', 'g-api', 2],
        ['billing', 'operational', null, 3],
        ['email', 'operational', null, 4],
      ],
    );
    const api = summary.components.find((c) => c.id === 'g-api');
    assert.deepEqual(api?.components, ['rest', 'graphql']);
    assert.equal(api?.group, true);
    assert.equal(api?.description, 'API services');
    const billing = summary.components.find((c) => c.id === 'billing');
    assert.equal(billing?.only_show_if_degraded, true);
    assert.equal(billing?.start_date, '2026-01-01');
    assert.ok(summary.components.every((c) => c.page_id === 'acme' && c.showcase));
  });

  it('holds only unresolved public incidents, with public updates newest first', () => {
    assert.deepEqual(
      summary.incidents.map((i) => i.id),
      ['inc-open'],
    );
    const [i] = summary.incidents;
    assert.equal(i?.name, 'Incident inc-open');
    assert.equal(i?.status, 'identified');
    assert.equal(i?.impact, 'major');
    assert.equal(i?.shortlink, 'https://status.acme.test/incidents/inc-open');
    assert.equal(i?.started_at, at('09:35'));
    assert.equal(i?.monitoring_at, null);
    assert.deepEqual(
      i?.incident_updates.map((u) => [u.id, u.status, u.incident_id]),
      [
        ['u3', 'identified', 'inc-open'],
        ['u1', 'investigating', 'inc-open'],
      ],
    );
    assert.deepEqual(i?.incident_updates[0]?.affected_components, [
      { code: 'rest', name: 'API - Rest', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    assert.equal(i?.incident_updates[1]?.affected_components, null);
    assert.deepEqual(
      i?.components.map((c) => [c.id, c.status]),
      [['rest', 'partial_outage']],
    );
  });

  it('holds upcoming and active maintenances, soonest first, impact maintenance', () => {
    assert.deepEqual(
      summary.scheduled_maintenances.map((m) => [m.id, m.status, m.impact]),
      [
        ['m-active', 'in_progress', 'maintenance'],
        ['m-upcoming', 'scheduled', 'maintenance'],
      ],
    );
    const upcoming = summary.scheduled_maintenances[1];
    assert.deepEqual(
      upcoming?.components.map((c) => c.id),
      ['graphql'],
    );
    assert.equal(upcoming?.scheduled_for, at('01:00', '2026-12-01'));
    assert.equal(upcoming?.shortlink, 'https://status.acme.test/incidents/m-upcoming');
  });

  it('derives the page status from the public view', () => {
    assert.deepEqual(summary.status, { indicator: 'minor', description: 'Minor Service Outage' });
    assert.deepEqual(summary.status, pageStatus(components, data.incidents, maintenances));
    assert.deepEqual(toStatuspageStatus(data), { page: summary.page, status: summary.status });
  });

  it('never shows internal incidents, internal updates or hidden components', () => {
    const everything = JSON.stringify([
      summary,
      toStatuspageIncidents(data),
      toStatuspageMaintenances(data),
      toStatuspageComponents(data),
    ]);
    for (const secret of ['SECRET', 'inc-internal', 'ledger', 'Ledger', 'Back office', 'g-office', 'g-gone', 'p-1']) {
      assert.ok(!everything.includes(secret), `${secret} leaked`);
    }
  });
});

describe('ordering ties', () => {
  it('breaks them deterministically, whatever the input order', () => {
    const twins = [component('b', 'g-api', 1), component('a', 'g-api', 1)];
    const backdated = incident('bd', {
      updates: [
        update('bd', 'early', '09:00', { createdAt: at('09:01') }),
        update('bd', 'late', '09:00', { createdAt: at('09:05') }),
      ],
    });
    const sameStart = [
      maintenance('m2', {
        updates: [
          { ...maintenanceUpdate('m2', 'x', '09:00', 'scheduled'), createdAt: at('09:01', '2026-11-20') },
          { ...maintenanceUpdate('m2', 'y', '09:00', 'scheduled'), createdAt: at('09:02', '2026-11-20') },
        ],
      }),
      maintenance('m1', {}),
    ];
    for (const flip of [false, true]) {
      const order = <T>(list: T[]): T[] => (flip ? [...list].reverse() : list);
      const doc = toStatuspageSummary({
        ...data,
        components: order(twins),
        incidents: [backdated],
        maintenances: order(sameStart),
      });
      assert.deepEqual(doc.components.find((c) => c.group)?.components, ['a', 'b']);
      assert.deepEqual(
        doc.incidents[0]?.incident_updates.map((u) => u.id),
        ['late', 'early'],
      );
      assert.deepEqual(
        doc.scheduled_maintenances.map((m) => m.id),
        ['m1', 'm2'],
      );
      assert.deepEqual(
        doc.scheduled_maintenances[1]?.incident_updates.map((u) => u.id),
        ['y', 'x'],
      );
      const back = fromStatuspageSummary(doc);
      assert.deepEqual(
        back.incidents[0]?.updates.map((u) => u.id),
        ['late', 'early'],
      );
    }
  });
});

describe('toStatuspageComponents', () => {
  it('is the summary component list', () => {
    const doc = toStatuspageComponents(data);
    assert.deepEqual(Object.keys(doc), ['page', 'components']);
    assert.deepEqual(doc.components, toStatuspageSummary(data).components);
  });
  it('omits a group whose members are all hidden', () => {
    const onlyHidden = toStatuspageComponents({ ...data, components: components.map((c) => ({ ...c, showcase: false })) });
    assert.deepEqual(onlyHidden.components, []);
  });
});

describe('toStatuspageIncidents', () => {
  it('lists public incidents newest first, postmortem for published ones', () => {
    const bySet = toStatuspageIncidents(data, { postmortemPublished: new Set(['inc-pm', 'inc-open']) });
    assert.deepEqual(
      bySet.incidents.map((i) => [i.id, i.status]),
      [
        ['inc-open', 'identified'],
        ['inc-pm', 'postmortem'],
        ['inc-old', 'resolved'],
      ],
    );
    const byPredicate = toStatuspageIncidents(data, { postmortemPublished: (id) => id === 'inc-old' });
    assert.deepEqual(
      byPredicate.incidents.map((i) => i.status),
      ['identified', 'resolved', 'postmortem'],
    );
    assert.deepEqual(
      toStatuspageIncidents(data).incidents.map((i) => i.status),
      ['identified', 'resolved', 'resolved'],
    );
  });
  it('fills monitoring_at and resolved_at from the timeline', () => {
    const pm = toStatuspageIncidents(data).incidents.find((i) => i.id === 'inc-pm');
    assert.equal(pm?.monitoring_at, at('07:30'));
    assert.equal(pm?.resolved_at, at('08:00'));
    assert.deepEqual(
      pm?.incident_updates.map((u) => u.status),
      ['resolved', 'monitoring', 'investigating'],
    );
    const relapsed = incident('relapsed', {
      updates: [
        update('relapsed', 'r3', '09:20', { status: 'monitoring' }),
        update('relapsed', 'r2', '09:10', { status: 'identified' }),
        update('relapsed', 'r1', '09:00', { status: 'monitoring' }),
      ],
    });
    const doc = toStatuspageIncidents({ ...data, incidents: [relapsed] });
    assert.equal(doc.incidents[0]?.monitoring_at, at('09:00'), 'the first time it reached monitoring');
  });
  it(`keeps the ${STATUSPAGE_LIST_LIMIT} most recent`, () => {
    const many = Array.from({ length: 60 }, (_, n) =>
      incident(`n${n}`, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() }),
    );
    const doc = toStatuspageIncidents({ ...data, incidents: [...many, internal] });
    assert.equal(doc.incidents.length, 50);
    assert.equal(doc.incidents[0]?.id, 'n59');
    assert.equal(doc.incidents[49]?.id, 'n10');
  });
  it('unresolved.json holds the open ones only', () => {
    const doc = toStatuspageUnresolvedIncidents({ ...data, incidents: [open, resolved, internal, { ...open, id: 'm', status: 'monitoring' }] });
    assert.deepEqual(
      doc.incidents.map((i) => [i.id, i.status]),
      [
        ['inc-open', 'identified'],
        ['m', 'monitoring'],
      ],
    );
  });
});

describe('toStatuspageMaintenances', () => {
  it('lists all, latest window first; completed ones have resolved_at', () => {
    const doc = toStatuspageMaintenances(data);
    assert.deepEqual(Object.keys(doc), ['page', 'scheduled_maintenances']);
    assert.deepEqual(
      doc.scheduled_maintenances.map((m) => m.id),
      ['m-upcoming', 'm-active', 'm-done'],
    );
    const done = doc.scheduled_maintenances[2];
    assert.equal(done?.resolved_at, at('01:55', '2026-11-20'));
    assert.equal(done?.monitoring_at, null);
    assert.equal(done?.started_at, at('00:00', '2026-11-01'));
    assert.deepEqual(
      done?.incident_updates.map((u) => [u.id, u.status, u.incident_id, u.affected_components]),
      [
        ['md3', 'completed', 'm-done', null],
        ['md2', 'in_progress', 'm-done', null],
        ['md1', 'scheduled', 'm-done', null],
      ],
    );
    assert.equal(doc.scheduled_maintenances[0]?.resolved_at, null);
  });
  it('completed without a completed update resolves at its last change', () => {
    const doc = toStatuspageMaintenances({ ...data, maintenances: [maintenance('x', { status: 'completed' })] });
    assert.equal(doc.scheduled_maintenances[0]?.resolved_at, at('00:00', '2026-11-02'));
  });
  it('upcoming holds scheduled ones, active in_progress and verifying ones, soonest first', () => {
    const more = [...maintenances, maintenance('m-verify', { status: 'verifying', scheduledFor: at('08:00') })];
    assert.deepEqual(
      toStatuspageUpcomingMaintenances({ ...data, maintenances: more }).scheduled_maintenances.map((m) => m.id),
      ['m-upcoming'],
    );
    assert.deepEqual(
      toStatuspageActiveMaintenances({ ...data, maintenances: more }).scheduled_maintenances.map((m) => m.id),
      ['m-verify', 'm-active'],
    );
  });
  it(`keeps the ${STATUSPAGE_LIST_LIMIT} with the latest windows`, () => {
    const many = Array.from({ length: 55 }, (_, n) =>
      maintenance(`m${n}`, { scheduledFor: new Date(Date.UTC(2026, 0, 1 + n)).toISOString() }),
    );
    const doc = toStatuspageMaintenances({ ...data, maintenances: many });
    assert.equal(doc.scheduled_maintenances.length, 50);
    assert.equal(doc.scheduled_maintenances[0]?.id, 'm54');
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips

describe('round trip: domain -> v2 -> domain', () => {
  it('summary.json keeps what v2 can carry', () => {
    const back = fromStatuspageSummary(JSON.parse(JSON.stringify(toStatuspageSummary(data))));
    assert.deepEqual(back.page, page);
    assert.deepEqual(back.status, pageStatus(components, data.incidents, maintenances));
    assert.deepEqual(
      [...back.groups].sort((a, b) => a.position - b.position),
      groups.slice(0, 2),
    );
    const shownNow: Record<string, Partial<Component>> = {
      rest: { status: 'partial_outage' },
      cdn: { status: 'under_maintenance' },
      email: { groupId: null },
    };
    assert.deepEqual(
      [...back.components].sort((a, b) => a.id.localeCompare(b.id)),
      components
        .filter((c) => c.showcase)
        .map((c) => ({ ...c, ...shownNow[c.id] }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    assert.deepEqual(back.incidents, [carried(open, visibleIds)]);
    assert.deepEqual(
      back.maintenances,
      [maintenances[0], maintenances[1]].map((m) => ({
        ...m!,
        summary: '',
        components: m!.components.filter((id) => visibleIds.has(id)),
      })),
    );
  });

  it('incidents.json keeps what v2 can carry; postmortem reads as resolved', () => {
    const json = JSON.stringify(toStatuspageIncidents(data, { postmortemPublished: new Set(['inc-pm']) }));
    const back = fromStatuspageIncidents(json);
    assert.deepEqual(back.page, page);
    assert.deepEqual(
      back.incidents,
      [open, withPostmortem, resolved].map((i) => carried(i, visibleIds)),
    );
  });

  it('components.json and scheduled-maintenances.json too', () => {
    const comps = fromStatuspageComponents(toStatuspageComponents(data));
    assert.deepEqual(comps.groups.map((g) => g.id).sort(), ['g-api', 'g-web']);
    assert.equal(comps.components.length, 6);
    const back = fromStatuspageMaintenances(JSON.stringify(toStatuspageMaintenances(data)));
    assert.deepEqual(
      back.maintenances.find((m) => m.id === 'm-done'),
      { ...maintenances[2]!, summary: '', updates: [...maintenances[2]!.updates].sort((a, b) => b.displayAt.localeCompare(a.displayAt)) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// v2 -> domain: a recorded-style summary.json

/** Shaped like a real page's summary.json: offsets, interleaved groups, fields we do not use. */
const RECORDED = {
  page: {
    id: 'y2j98763l56x',
    name: 'Lumen Learning',
    url: 'https://status.lumen.example',
    time_zone: 'America/Denver',
    updated_at: '2026-03-04T09:47:39.425-07:00',
  },
  components: [
    {
      id: 'k0t1s0j6ybm8',
      name: 'Platform',
      status: 'degraded_performance',
      created_at: '2019-06-26T12:17:56.590-06:00',
      updated_at: '2019-06-26T12:21:21.049-06:00',
      position: 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: 'y2j98763l56x',
      group: true,
      only_show_if_degraded: false,
      components: ['9dlvqx1drp3d', 'jw0fn0dnpcgn'],
    },
    {
      id: '9dlvqx1drp3d',
      name: 'API',
      status: 'degraded_performance',
      created_at: '2014-08-06T17:48:56.368-06:00',
      updated_at: '2026-03-04T09:06:59.160-07:00',
      position: 1,
      description: 'REST and GraphQL endpoints',
      showcase: false,
      start_date: null,
      group_id: 'k0t1s0j6ybm8',
      page_id: 'y2j98763l56x',
      group: false,
      only_show_if_degraded: false,
    },
    {
      id: 'v6m5nhwgtshj',
      name: 'Webhooks',
      status: 'degraded_performance',
      created_at: '2021-10-04T13:56:49.278-06:00',
      updated_at: '2026-03-04T09:32:19.761-07:00',
      position: 1,
      description: null,
      showcase: false,
      start_date: '2021-10-04',
      group_id: 'qw5j90r2w7k1',
      page_id: 'y2j98763l56x',
      group: false,
      only_show_if_degraded: false,
    },
    {
      id: 'qw5j90r2w7k1',
      name: 'Integrations',
      status: 'degraded_performance',
      created_at: '2021-10-04T13:55:39.480-06:00',
      updated_at: '2021-10-04T13:55:39.480-06:00',
      position: 2,
      description: 'Third-party connections',
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: 'y2j98763l56x',
      group: true,
      only_show_if_degraded: false,
      components: ['v6m5nhwgtshj', '142661pcf7h1'],
    },
    {
      id: '142661pcf7h1',
      name: 'Slack app',
      status: 'operational',
      created_at: '2021-10-04T13:55:39.498-06:00',
      updated_at: '2026-02-01T10:00:00.000-07:00',
      position: 2,
      description: null,
      showcase: false,
      start_date: '2021-07-01',
      group_id: 'qw5j90r2w7k1',
      page_id: 'y2j98763l56x',
      group: false,
      only_show_if_degraded: true,
    },
    {
      id: 'jw0fn0dnpcgn',
      name: 'Dashboard',
      status: 'operational',
      created_at: '2016-10-20T13:01:36.381-06:00',
      updated_at: '2025-08-17T13:30:54.545-06:00',
      position: 2,
      description: null,
      showcase: true,
      start_date: '2016-10-20',
      group_id: 'k0t1s0j6ybm8',
      page_id: 'y2j98763l56x',
      group: false,
      only_show_if_degraded: false,
    },
    {
      id: 'j7jp6sq831c2',
      name: 'Marketing site',
      status: 'operational',
      created_at: '2019-06-26T12:17:36.935-06:00',
      updated_at: '2025-12-07T09:47:39.425-07:00',
      position: 3,
      description: 'lumen.example',
      showcase: true,
      start_date: null,
      group_id: null,
      page_id: 'y2j98763l56x',
      group: false,
      only_show_if_degraded: false,
    },
  ],
  incidents: [
    {
      id: 'g1zp3jpycgbz',
      name: 'Slow responses from the API and delayed webhooks',
      status: 'identified',
      created_at: '2026-03-04T09:06:43.178-07:00',
      updated_at: '2026-03-04T09:47:39.500-07:00',
      monitoring_at: null,
      resolved_at: null,
      impact: 'minor',
      shortlink: 'https://stspg.io/0vf16sb2j8xn',
      started_at: '2026-03-04T09:00:00.000-07:00',
      page_id: 'y2j98763l56x',
      incident_updates: [
        {
          id: 'bkwp1fjx0sxj',
          status: 'identified',
          body: 'A database failover left the API on a cold cache. We are warming it.',
          incident_id: 'g1zp3jpycgbz',
          created_at: '2026-03-04T09:47:39.500-07:00',
          updated_at: '2026-03-04T09:47:39.500-07:00',
          display_at: '2026-03-04T09:47:39.500-07:00',
          affected_components: [
            {
              code: 'v6m5nhwgtshj',
              name: 'Integrations - Webhooks',
              old_status: 'operational',
              new_status: 'degraded_performance',
            },
          ],
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        },
        {
          id: 'gtbg9rl2lx7x',
          status: 'investigating',
          body: 'We are investigating slow responses from the API.',
          incident_id: 'g1zp3jpycgbz',
          created_at: '2026-03-04T09:06:43.257-07:00',
          updated_at: '2026-03-04T09:10:31.039-07:00',
          display_at: '2026-03-04T09:06:43.000-07:00',
          affected_components: [
            {
              code: '9dlvqx1drp3d',
              name: 'Platform - API',
              old_status: 'operational',
              new_status: 'degraded_performance',
            },
          ],
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        },
      ],
      components: [
        {
          id: '9dlvqx1drp3d',
          name: 'API',
          status: 'degraded_performance',
          created_at: '2014-08-06T17:48:56.368-06:00',
          updated_at: '2026-03-04T09:06:59.160-07:00',
          position: 1,
          description: 'REST and GraphQL endpoints',
          showcase: false,
          start_date: null,
          group_id: 'k0t1s0j6ybm8',
          page_id: 'y2j98763l56x',
          group: false,
          only_show_if_degraded: false,
        },
        {
          id: 'v6m5nhwgtshj',
          name: 'Webhooks',
          status: 'degraded_performance',
          created_at: '2021-10-04T13:56:49.278-06:00',
          updated_at: '2026-03-04T09:32:19.761-07:00',
          position: 1,
          description: null,
          showcase: false,
          start_date: '2021-10-04',
          group_id: 'qw5j90r2w7k1',
          page_id: 'y2j98763l56x',
          group: false,
          only_show_if_degraded: false,
        },
      ],
    },
  ],
  scheduled_maintenances: [
    {
      id: 'k7g299zl765l',
      name: 'Database version upgrade',
      status: 'scheduled',
      created_at: '2026-02-27T03:16:31.481Z',
      updated_at: '2026-02-27T03:16:31.530Z',
      monitoring_at: null,
      resolved_at: null,
      impact: 'maintenance',
      shortlink: 'https://stspg.io/md4t4ym7nytd',
      started_at: '2026-02-27T03:16:31.474Z',
      page_id: 'y2j98763l56x',
      incident_updates: [
        {
          id: '8whgr3rlbld8',
          status: 'scheduled',
          body: 'The dashboard will be read-only for up to 30 minutes during this window.',
          incident_id: 'k7g299zl765l',
          created_at: '2026-02-27T03:16:31.527Z',
          updated_at: '2026-02-27T03:16:31.527Z',
          display_at: '2026-02-27T03:16:31.527Z',
          affected_components: [
            { code: 'jw0fn0dnpcgn', name: 'Platform - Dashboard', old_status: 'operational', new_status: 'operational' },
          ],
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        },
      ],
      components: [
        {
          id: 'jw0fn0dnpcgn',
          name: 'Dashboard',
          status: 'operational',
          created_at: '2016-10-20T13:01:36.381-06:00',
          updated_at: '2025-08-17T13:30:54.545-06:00',
          position: 2,
          description: null,
          showcase: true,
          start_date: '2016-10-20',
          group_id: 'k0t1s0j6ybm8',
          page_id: 'y2j98763l56x',
          group: false,
          only_show_if_degraded: false,
        },
      ],
      scheduled_for: '2026-03-08T09:00:00.000Z',
      scheduled_until: '2026-03-08T11:00:00.000Z',
    },
  ],
  status: { indicator: 'minor', description: 'Partially Degraded Service' },
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('fromStatuspageSummary: a recorded-style page', () => {
  const got = fromStatuspageSummary(RECORDED);

  it('reads the page, in UTC', () => {
    assert.deepEqual(got.page, {
      id: 'y2j98763l56x',
      name: 'Lumen Learning',
      url: 'https://status.lumen.example',
      timeZone: 'America/Denver',
      updatedAt: '2026-03-04T16:47:39.425Z',
    });
    assert.deepEqual(got.status, RECORDED.status);
  });

  it('splits groups from components; every listed component is public', () => {
    assert.deepEqual(got.groups, [
      {
        id: 'k0t1s0j6ybm8',
        name: 'Platform',
        description: null,
        position: 1,
        createdAt: '2019-06-26T18:17:56.590Z',
        updatedAt: '2019-06-26T18:21:21.049Z',
      },
      {
        id: 'qw5j90r2w7k1',
        name: 'Integrations',
        description: 'Third-party connections',
        position: 2,
        createdAt: '2021-10-04T19:55:39.480Z',
        updatedAt: '2021-10-04T19:55:39.480Z',
      },
    ]);
    assert.deepEqual(
      got.components.map((c) => [c.name, c.groupId, c.status, c.showcase]),
      [
        ['API', 'k0t1s0j6ybm8', 'degraded_performance', true],
        ['Webhooks', 'qw5j90r2w7k1', 'degraded_performance', true],
        ['Slack app', 'qw5j90r2w7k1', 'operational', true],
        ['Dashboard', 'k0t1s0j6ybm8', 'operational', true],
        ['Marketing site', null, 'operational', true],
      ],
    );
    const slack = got.components.find((c) => c.name === 'Slack app');
    assert.equal(slack?.onlyShowIfDegraded, true);
    assert.equal(slack?.startDate, '2021-07-01');
    assert.equal(slack?.updatedAt, '2026-02-01T17:00:00.000Z');
  });

  it('reads the open incident with its updates and affected components', () => {
    assert.equal(got.incidents.length, 1);
    const [i] = got.incidents;
    assert.equal(i?.title, 'Slow responses from the API and delayed webhooks');
    assert.equal(i?.status, 'identified');
    assert.equal(i?.impact, 'minor');
    assert.equal(i?.severity, 'SEV3');
    assert.equal(i?.visibility, 'public');
    assert.equal(i?.startedAt, '2026-03-04T16:00:00.000Z');
    assert.equal(i?.detectedAt, '2026-03-04T16:06:43.178Z');
    assert.equal(i?.resolvedAt, null);
    assert.deepEqual(i?.components, [
      { componentId: '9dlvqx1drp3d', status: 'degraded_performance' },
      { componentId: 'v6m5nhwgtshj', status: 'degraded_performance' },
    ]);
    assert.deepEqual(
      i?.updates.map((u) => [u.id, u.status, u.displayAt]),
      [
        ['bkwp1fjx0sxj', 'identified', '2026-03-04T16:47:39.500Z'],
        ['gtbg9rl2lx7x', 'investigating', '2026-03-04T16:06:43.000Z'],
      ],
    );
    assert.deepEqual(i?.updates[1]?.affectedComponents, [
      { componentId: '9dlvqx1drp3d', name: 'Platform - API', oldStatus: 'operational', newStatus: 'degraded_performance' },
    ]);
    assert.equal(i?.updates[1]?.updatedAt, '2026-03-04T16:10:31.039Z');
  });

  it('reads the scheduled maintenance', () => {
    assert.deepEqual(got.maintenances, [
      {
        id: 'k7g299zl765l',
        title: 'Database version upgrade',
        summary: '',
        status: 'scheduled',
        scheduledFor: '2026-03-08T09:00:00.000Z',
        scheduledUntil: '2026-03-08T11:00:00.000Z',
        components: ['jw0fn0dnpcgn'],
        createdAt: '2026-02-27T03:16:31.481Z',
        updatedAt: '2026-02-27T03:16:31.530Z',
        updates: [
          {
            id: '8whgr3rlbld8',
            maintenanceId: 'k7g299zl765l',
            status: 'scheduled',
            body: 'The dashboard will be read-only for up to 30 minutes during this window.',
            createdAt: '2026-02-27T03:16:31.527Z',
            displayAt: '2026-02-27T03:16:31.527Z',
          },
        ],
      },
    ]);
  });

  it('agrees with the page: our status rule gives the recorded status, and it republishes alike', () => {
    assert.deepEqual(pageStatus(got.components, got.incidents, got.maintenances), RECORDED.status);
    const again = toStatuspageSummary(got);
    assert.deepEqual(again.status, RECORDED.status);
    assert.deepEqual(
      again.components.map((c) => [c.id, c.status, c.group_id]),
      RECORDED.components.map((c) => [c.id, c.status, c.group_id]),
    );
    assert.deepEqual(
      again.incidents[0]?.incident_updates.map((u) => u.id),
      ['bkwp1fjx0sxj', 'gtbg9rl2lx7x'],
    );
  });

  it('maps impact to severity, overridable', () => {
    const mine = fromStatuspageSummary(RECORDED, { severity: { minor: 'P3', major: 'P2' } });
    assert.equal(mine.incidents[0]?.severity, 'P3');
    for (const impact of ['none', 'minor', 'major', 'critical'] as const) {
      const doc = clone(RECORDED);
      doc.incidents[0]!.impact = impact;
      assert.equal(fromStatuspageSummary(doc).incidents[0]?.severity, DEFAULT_IMPACT_SEVERITY[impact]);
    }
    assert.deepEqual(DEFAULT_IMPACT_SEVERITY, { critical: 'SEV1', major: 'SEV2', minor: 'SEV3', none: 'SEV4' });
  });

  it('reads postmortem as resolved', () => {
    const doc = clone(RECORDED);
    doc.incidents[0]!.status = 'postmortem';
    doc.incidents[0]!.incident_updates[0]!.status = 'postmortem';
    const [i] = fromStatuspageSummary(doc).incidents;
    assert.equal(i?.status, 'resolved');
    assert.equal(i?.updates[0]?.status, 'resolved');
  });

  it('accepts JSON text', () => {
    assert.deepEqual(fromStatuspageSummary(JSON.stringify(RECORDED)), got);
  });
});

describe('fromStatuspage*: lenient about what is optional', () => {
  it('fills defaults for missing and null optional fields', () => {
    const got = fromStatuspageSummary({
      page: { id: 'p', name: 'P', url: 'https://p.example', updated_at: '2026-01-01T00:00:00Z', time_zone: null },
      components: [
        { id: 'c', name: 'C', status: 'operational', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' },
      ],
      status: { indicator: 'none', description: 'All Systems Operational' },
    });
    assert.equal(got.page.timeZone, 'Etc/UTC');
    assert.deepEqual(got.components[0], {
      id: 'c',
      name: 'C',
      description: null,
      position: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      status: 'operational',
      groupId: null,
      showcase: true,
      onlyShowIfDegraded: false,
      startDate: null,
    });
    assert.deepEqual([got.groups, got.incidents, got.maintenances], [[], [], []]);
  });
  it('fills incident and update defaults', () => {
    const { incidents } = fromStatuspageIncidents({
      page: RECORDED.page,
      incidents: [
        {
          id: 'i',
          name: 'Blip',
          status: 'resolved',
          impact: 'none',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T01:00:00Z',
          incident_updates: [{ id: 'u', status: 'resolved', body: null, created_at: '2026-01-01T01:00:00Z' }],
        },
      ],
    });
    const [i] = incidents;
    assert.equal(i?.startedAt, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(i?.components, []);
    assert.deepEqual(i?.updates[0], {
      id: 'u',
      incidentId: 'i',
      status: 'resolved',
      body: '',
      visibility: 'public',
      authorId: null,
      createdAt: '2026-01-01T01:00:00.000Z',
      updatedAt: '2026-01-01T01:00:00.000Z',
      displayAt: '2026-01-01T01:00:00.000Z',
      affectedComponents: null,
    });
  });
  it('fills maintenance update defaults', () => {
    const { maintenances: got } = fromStatuspageMaintenances({
      page: RECORDED.page,
      scheduled_maintenances: [
        {
          id: 'm',
          name: 'Upgrade',
          status: 'completed',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T02:00:00Z',
          scheduled_for: '2026-01-01T01:00:00Z',
          scheduled_until: '2026-01-01T02:00:00Z',
          incident_updates: [
            { id: 'a', status: 'completed', body: 'Done', created_at: '2026-01-01T02:00:00Z' },
            { id: 'b', status: 'in_progress', body: 'Started', created_at: '2026-01-01T01:00:00Z', display_at: null },
          ],
        },
      ],
    });
    assert.deepEqual(got[0]?.components, []);
    assert.deepEqual(
      got[0]?.updates.map((u) => [u.id, u.displayAt]),
      [
        ['a', '2026-01-01T02:00:00.000Z'],
        ['b', '2026-01-01T01:00:00.000Z'],
      ],
    );
  });
  it('ignores groups listed among affected components', () => {
    const doc = clone(RECORDED);
    doc.incidents[0]!.components.push(RECORDED.components[0] as never);
    doc.scheduled_maintenances[0]!.components.push(RECORDED.components[0] as never);
    const got = fromStatuspageSummary(doc);
    assert.equal(got.incidents[0]?.components.length, 2);
    assert.deepEqual(got.maintenances[0]?.components, ['jw0fn0dnpcgn']);
  });
});

describe('fromStatuspage*: strict about what we need', () => {
  const rejects = (json: unknown, ...parts: string[]) => (): void => {
    assert.throws(
      () => fromStatuspageSummary(json),
      (e: unknown) => e instanceof TypeError && parts.every((p) => e.message.includes(p)),
    );
  };
  const broken = (edit: (doc: typeof RECORDED) => void): unknown => {
    const doc = clone(RECORDED);
    edit(doc);
    return doc;
  };

  it('names a missing document part', rejects({}, 'summary.json', 'page'));
  it('names the root when it is not an object', rejects(null, '(root)'));
  it('says when the text is not JSON', rejects('<html>', 'not JSON'));
  it(
    'names a bad enum value and its path',
    rejects(
      broken((d) => {
        d.components[1]!.status = 'down';
      }),
      'components[1].status',
      '"down"',
    ),
  );
  it(
    'names a bad instant',
    rejects(
      broken((d) => {
        d.incidents[0]!.created_at = 'yesterday';
      }),
      'incidents[0].created_at',
      'ISO 8601',
      '"yesterday"',
    ),
  );
  it(
    'names a bad nested update status',
    rejects(
      broken((d) => {
        d.incidents[0]!.incident_updates[1]!.status = 'fixed';
      }),
      'incidents[0].incident_updates[1].status',
    ),
  );
  it(
    'requires the maintenance window',
    rejects(
      broken((d) => {
        delete (d.scheduled_maintenances[0] as Partial<(typeof d.scheduled_maintenances)[0]>).scheduled_for;
      }),
      'scheduled_maintenances[0].scheduled_for',
    ),
  );
  it(
    'checks dates',
    rejects(
      broken((d) => {
        d.components[2]!.start_date = '2016-13-40';
      }),
      'components[2].start_date',
      'YYYY-MM-DD',
      '"2016-13-40"',
    ),
  );
  it(
    'requires the status',
    rejects(
      broken((d) => {
        d.status.indicator = 'purple';
      }),
      'status.indicator',
    ),
  );
  it('names the document in each reader', () => {
    assert.throws(() => fromStatuspageIncidents({ page: RECORDED.page }), /incidents\.json: incidents/);
    assert.throws(() => fromStatuspageMaintenances({ page: RECORDED.page }), /scheduled-maintenances\.json/);
    assert.throws(() => fromStatuspageComponents({ page: RECORDED.page, components: [{}] }), /components\[0\]\.id/);
  });
});
