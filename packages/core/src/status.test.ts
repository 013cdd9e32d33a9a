import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Component, ComponentStatus, Impact, Incident, Maintenance } from './domain.js';
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from './domain.js';
import {
  STATUS_SEVERITY,
  effectiveComponents,
  groupStatus,
  isMaintenanceActive,
  isOpen,
  pageStatus,
  statusSeverity,
  worstStatus,
} from './status.js';

const T = '2026-11-25T09:30:00.000Z';

function component(id: string, status: ComponentStatus = 'operational', more: Partial<Component> = {}): Component {
  return {
    id,
    name: id.toUpperCase(),
    description: null,
    status,
    groupId: null,
    position: 1,
    showcase: true,
    onlyShowIfDegraded: false,
    startDate: null,
    createdAt: T,
    updatedAt: T,
    ...more,
  };
}

function incident(impact: Impact, more: Partial<Incident> = {}): Incident {
  return {
    id: 'inc',
    title: 'Elevated errors',
    summary: '',
    severity: 'SEV3',
    impact,
    status: 'investigating',
    visibility: 'public',
    components: [],
    labels: [],
    related: [],
    startedAt: T,
    detectedAt: T,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    createdAt: T,
    updatedAt: T,
    updates: [],
    postmortemId: null,
    ...more,
  };
}

function maintenance(components: string[], more: Partial<Maintenance> = {}): Maintenance {
  return {
    id: 'mnt',
    title: 'Database upgrade',
    summary: '',
    status: 'in_progress',
    scheduledFor: T,
    scheduledUntil: '2026-11-25T11:30:00.000Z',
    components,
    createdAt: T,
    updatedAt: T,
    updates: [],
    ...more,
  };
}

const page = (...statuses: ComponentStatus[]): Component[] => statuses.map((s, i) => component(`c${i}`, s));
const isBadValue = (value: string) => (e: unknown) => e instanceof TypeError && e.message.includes(`"${value}"`);

describe('statusSeverity / worstStatus', () => {
  it('orders statuses from operational to major outage, maintenance just above operational', () => {
    assert.deepEqual(
      STATUS_SEVERITY.map((s) => statusSeverity(s)),
      [0, 1, 2, 3, 4],
    );
    assert.ok(statusSeverity('under_maintenance') < statusSeverity('degraded_performance'));
  });
  it('picks the worst, operational when empty, from any iterable', () => {
    assert.equal(worstStatus([]), 'operational');
    assert.equal(worstStatus(['operational', 'partial_outage', 'degraded_performance']), 'partial_outage');
    assert.equal(worstStatus(new Set<ComponentStatus>(['under_maintenance', 'degraded_performance'])), 'degraded_performance');
    assert.equal(worstStatus(['under_maintenance', 'operational']), 'under_maintenance');
    assert.equal(worstStatus(['major_outage', 'partial_outage']), 'major_outage');
  });
  it('rejects unknown statuses naming them', () => {
    assert.throws(() => statusSeverity('down' as ComponentStatus), isBadValue('down'));
    assert.throws(() => worstStatus(['operational', 'toString' as ComponentStatus]), isBadValue('toString'));
  });
});

describe('groupStatus', () => {
  it('is the worst status of the group members only', () => {
    const components = [
      component('a', 'degraded_performance', { groupId: 'g' }),
      component('b', 'operational', { groupId: 'g' }),
      component('c', 'major_outage', { groupId: 'other' }),
      component('d', 'major_outage'),
    ];
    assert.equal(groupStatus({ id: 'g' }, components), 'degraded_performance');
    assert.equal(groupStatus({ id: 'other' }, components), 'major_outage');
  });
  it('is operational for a group without members', () => {
    assert.equal(groupStatus({ id: 'empty' }, page('major_outage')), 'operational');
  });
});

describe('isOpen / isMaintenanceActive', () => {
  it('counts investigating, identified and monitoring as open', () => {
    assert.deepEqual(
      INCIDENT_STATUSES.filter((status) => isOpen({ status })),
      ['investigating', 'identified', 'monitoring'],
    );
  });
  it('counts in_progress and verifying as active', () => {
    assert.deepEqual(
      MAINTENANCE_STATUSES.filter((status) => isMaintenanceActive({ status })),
      ['in_progress', 'verifying'],
    );
  });
});

describe('effectiveComponents', () => {
  it('applies open public incidents and active maintenances, worst wins', () => {
    const components = page('operational', 'major_outage', 'operational', 'degraded_performance', 'operational');
    const result = effectiveComponents(
      components,
      [
        incident('major', {
          components: [
            { componentId: 'c0', status: 'partial_outage' },
            { componentId: 'c1', status: 'degraded_performance' },
          ],
        }),
      ],
      [maintenance(['c2', 'c3'])],
    );
    assert.deepEqual(
      result.map((c) => c.status),
      ['partial_outage', 'major_outage', 'under_maintenance', 'degraded_performance', 'operational'],
    );
    assert.equal(result[1], components[1], 'an unchanged component is the same object');
    assert.equal(result[4], components[4]);
    assert.notEqual(result[0], components[0]);
    assert.equal(components[0]?.status, 'operational', 'the input is not mutated');
  });
  it('ignores internal and resolved incidents and maintenances not under way', () => {
    const components = page('operational', 'operational');
    const hits = [{ componentId: 'c0', status: 'major_outage' as const }];
    const result = effectiveComponents(
      components,
      [
        incident('critical', { visibility: 'internal', components: hits }),
        incident('critical', { status: 'resolved', components: hits }),
      ],
      [maintenance(['c1'], { status: 'scheduled' }), maintenance(['c1'], { status: 'completed' })],
    );
    assert.deepEqual(result, components);
  });
  it('keeps the status when nothing applies', () => {
    const components = page('degraded_performance');
    assert.deepEqual(effectiveComponents(components), components);
  });
});

describe('pageStatus: components', () => {
  const cases: [string, ComponentStatus[], string, string][] = [
    ['no components', [], 'none', 'All Systems Operational'],
    ['all operational', ['operational', 'operational'], 'none', 'All Systems Operational'],
    ['one operational', ['operational'], 'none', 'All Systems Operational'],
    ['one under maintenance', ['under_maintenance'], 'maintenance', 'Service Under Maintenance'],
    ['one degraded', ['degraded_performance'], 'minor', 'Partially Degraded Service'],
    ['one partial outage', ['partial_outage'], 'major', 'Partial System Outage'],
    ['one major outage', ['major_outage'], 'critical', 'Major System Outage'],
    ['all major outage', ['major_outage', 'major_outage'], 'critical', 'Major System Outage'],
    ['some major outage', ['major_outage', 'operational', 'partial_outage'], 'major', 'Partial System Outage'],
    ['all partial outage', ['partial_outage', 'partial_outage'], 'major', 'Partial System Outage'],
    ['some partial outage', ['partial_outage', 'degraded_performance'], 'minor', 'Minor Service Outage'],
    ['all degraded', ['degraded_performance', 'degraded_performance'], 'minor', 'Degraded System Service'],
    ['some degraded', ['degraded_performance', 'under_maintenance'], 'minor', 'Partially Degraded Service'],
    ['some under maintenance', ['under_maintenance', 'operational'], 'maintenance', 'Service Under Maintenance'],
    ['all under maintenance', ['under_maintenance', 'under_maintenance'], 'maintenance', 'Service Under Maintenance'],
  ];
  for (const [name, statuses, indicator, description] of cases) {
    it(`${name}: ${indicator} "${description}"`, () => {
      assert.deepEqual(pageStatus(page(...statuses), []), { indicator, description });
    });
  }
  it('ignores hidden components', () => {
    const components = [component('shown'), component('hidden', 'major_outage', { showcase: false })];
    assert.deepEqual(pageStatus(components, []), { indicator: 'none', description: 'All Systems Operational' });
    assert.equal(pageStatus([component('hidden', 'major_outage', { showcase: false })], []).indicator, 'none');
  });
  it('uses the statuses incidents and active maintenances set', () => {
    const components = page('operational', 'operational');
    const down = incident('major', { components: [{ componentId: 'c0', status: 'major_outage' }] });
    assert.deepEqual(pageStatus(components, [down]), { indicator: 'major', description: 'Partial System Outage' });
    assert.deepEqual(pageStatus(components, [], [maintenance(['c0', 'c1'])]), {
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    });
    assert.equal(pageStatus(components, [], [maintenance(['c0'], { status: 'scheduled' })]).indicator, 'none');
  });
  it('rejects unknown component statuses naming them', () => {
    assert.throws(() => pageStatus([component('x', 'broken' as ComponentStatus)], []), isBadValue('broken'));
  });
});

describe('pageStatus: incidents', () => {
  const quiet = page('operational', 'operational', 'operational');
  it('an open incident speaks for components that show nothing, by its impact', () => {
    assert.deepEqual(pageStatus(quiet, [incident('minor')]), { indicator: 'minor', description: 'Minor Service Outage' });
    assert.deepEqual(pageStatus(quiet, [incident('major')]), { indicator: 'major', description: 'Partial System Outage' });
    assert.deepEqual(pageStatus([], [incident('critical')]), { indicator: 'critical', description: 'Major Service Outage' });
    assert.deepEqual(pageStatus(quiet, [incident('minor'), incident('critical'), incident('major')]), {
      indicator: 'critical',
      description: 'Major Service Outage',
    });
  });
  it('an incident outranks maintenance', () => {
    assert.equal(pageStatus(page('under_maintenance', 'operational'), [incident('minor')]).description, 'Minor Service Outage');
  });
  it('impact none, internal and resolved incidents change nothing', () => {
    const ignored = [
      incident('none'),
      incident('critical', { visibility: 'internal' }),
      incident('critical', { status: 'resolved' }),
    ];
    assert.deepEqual(pageStatus(quiet, ignored), { indicator: 'none', description: 'All Systems Operational' });
  });
  it('never raises the page above its components (recorded pages)', () => {
    // Instructure summary.json, 2021-12-07: degraded components under a minor incident.
    assert.deepEqual(pageStatus(page('degraded_performance', 'operational', 'degraded_performance'), [incident('minor')]), {
      indicator: 'minor',
      description: 'Partially Degraded Service',
    });
    // Atlassian's own v2 example: a partial and a major outage under a critical incident.
    assert.deepEqual(pageStatus(page('partial_outage', 'major_outage'), [incident('critical')]), {
      indicator: 'major',
      description: 'Partial System Outage',
    });
  });
  it('rejects unknown impacts naming them', () => {
    assert.throws(() => pageStatus(quiet, [incident('severe' as Impact)]), isBadValue('severe'));
  });
  it('returns a status the caller cannot change', () => {
    const status = pageStatus(quiet, []);
    assert.throws(() => {
      (status as { description: string }).description = 'changed';
    }, TypeError);
    assert.equal(pageStatus(quiet, []).description, 'All Systems Operational');
  });
});
