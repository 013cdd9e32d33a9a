import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GenericSchema } from 'valibot';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  CONTRIBUTING_FACTOR_CATEGORIES,
  DEFAULT_ROLE_KEYS,
  POSTMORTEM_SECTION_KEYS,
  type Component,
} from './domain.js';
import { demoDataset, type DemoDataset } from './demo.js';
import { DEFAULT_ROLES, DEFAULT_SEVERITY_GUIDELINE } from './guideline.js';
import { dueBetween, overdueActions, recurredAfterDone } from './prevention.js';
import {
  ComponentGroupSchema,
  ComponentSchema,
  IncidentSchema,
  MaintenanceSchema,
  PersonSchema,
  PostmortemSchema,
  PreventionActionSchema,
  RoleAssignmentSchema,
  RoleDefinitionSchema,
  SeverityGuidelineSchema,
  SliSampleBatchSchema,
  SloSchema,
  StatusPageInfoSchema,
  TimelineEventSchema,
} from './schemas.js';
import { effectiveComponents, isMaintenanceActive, isOpen } from './status.js';
import { sloReport } from './slo.js';
import { DAY_MS, MINUTE_MS, toIso, toMs } from './time.js';
import { dailyUptime } from './uptime.js';
import { assertValid } from './validate.js';

const NOW = Date.UTC(2026, 10, 25, 3, 17, 42, 123); // 12:17 in Tokyo
const data = demoDataset({ now: NOW });

/** Other "nows": Tokyo night, a month's first hours in Tokyo, a leap day, another year. */
const OTHER_NOWS = [
  Date.UTC(2026, 10, 24, 16, 2),
  Date.UTC(2027, 1, 28, 15, 30),
  Date.UTC(2028, 1, 29, 11, 59, 59, 999),
  Date.UTC(2031, 6, 7, 8, 45),
];
const variants: DemoDataset[] = [data, demoDataset({ now: NOW, seed: 7 }), ...OTHER_NOWS.map((now, i) => demoDataset({ now, seed: i * 31 - 5 }))];

const ms = (iso: string): number => toMs(iso);
const ids = <T extends { id: string }>(list: readonly T[]): Set<string> => new Set(list.map((x) => x.id));
const isRangeError = (...parts: string[]) => (e: unknown) =>
  e instanceof RangeError && parts.every((p) => e.message.includes(p));
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Asserts that `schema` accepts `value` and that validation changes nothing (already normalised). */
function assertEntity(schema: GenericSchema, value: unknown, what: string): void {
  assert.deepEqual(assertValid(schema, value), value, `${what} changed when validated`);
}

describe('demoDataset: inputs', () => {
  it('is deterministic for the same now and seed, and the seed defaults to 1', () => {
    assert.deepEqual(demoDataset({ now: NOW }), data);
    assert.deepEqual(demoDataset({ now: NOW, seed: 1 }), data);
    assert.equal(data.now, NOW);
    assert.equal(data.seed, 1);
  });

  it('varies with the seed, but tells the same story', () => {
    const other = variants[1]!;
    assert.notDeepEqual(other, data);
    assert.notDeepEqual(other.samples, data.samples);
    assert.deepEqual(
      other.incidents.map((i) => [i.id, i.title, i.severity, i.status]),
      data.incidents.map((i) => [i.id, i.title, i.severity, i.status]),
    );
    assert.deepEqual(
      other.actions.map((a) => [a.id, a.status, a.effectiveness]),
      data.actions.map((a) => [a.id, a.status, a.effectiveness]),
    );
  });

  it('moves with now: the same data, shifted', () => {
    const later = demoDataset({ now: NOW + 7 * DAY_MS });
    assert.equal(ms(later.incidents[0]!.startedAt) - ms(data.incidents[0]!.startedAt), 7 * DAY_MS);
    assert.equal(later.samples.slo_checkout!.at(-1)!.at - data.samples.slo_checkout!.at(-1)!.at, 7 * DAY_MS);
  });

  it('rejects a now that is not whole epoch milliseconds in range, naming it', () => {
    for (const now of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, -1, 0, Date.UTC(1999, 11, 31), Date.UTC(9000, 0, 1)]) {
      assert.throws(() => demoDataset({ now }), isRangeError(`Invalid now ${now}`, 'epoch milliseconds'));
    }
    assert.throws(() => demoDataset({ now: '2026-11-25' as unknown as number }), isRangeError('Invalid now 2026-11-25'));
  });

  it('rejects a seed that is not a whole number, naming it', () => {
    for (const seed of [0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => demoDataset({ now: NOW, seed }), isRangeError(`Invalid seed ${seed}`, 'whole number'));
    }
  });

  it('accepts any safe integer seed, negative included', () => {
    assert.equal(demoDataset({ now: NOW, seed: -42 }).seed, -42);
    assert.equal(demoDataset({ now: NOW, seed: Number.MAX_SAFE_INTEGER }).incidents.length, data.incidents.length);
  });

  it('builds in well under a second', () => {
    const start = performance.now();
    demoDataset({ now: NOW + 1, seed: 3 });
    assert.ok(performance.now() - start < 1000, 'building took a second or more');
  });
});

describe('demoDataset: every entity fits its schema', () => {
  it('page, groups, components, people, guideline and roles', () => {
    assertEntity(StatusPageInfoSchema, data.page, 'page');
    for (const g of data.groups) assertEntity(ComponentGroupSchema, g, g.id);
    for (const c of data.components) assertEntity(ComponentSchema, c, c.id);
    for (const p of data.people) assertEntity(PersonSchema, p, p.id);
    assert.equal(data.guideline, DEFAULT_SEVERITY_GUIDELINE);
    assert.equal(data.roleDefinitions, DEFAULT_ROLES);
    assertValid(SeverityGuidelineSchema, data.guideline);
    for (const r of data.roleDefinitions) assertEntity(RoleDefinitionSchema, r, r.key);
  });

  it('incidents, timeline, role assignments and maintenances', () => {
    for (const i of data.incidents) assertEntity(IncidentSchema, i, i.id);
    for (const e of data.timeline) assertEntity(TimelineEventSchema, e, e.id);
    for (const r of data.roles) assertEntity(RoleAssignmentSchema, r, r.id);
    for (const m of data.maintenances) assertEntity(MaintenanceSchema, m, m.id);
  });

  it('postmortems, actions, SLOs and samples', () => {
    for (const p of data.postmortems) assertEntity(PostmortemSchema, p, p.id);
    for (const a of data.actions) assertEntity(PreventionActionSchema, a, a.id);
    for (const s of data.slos) {
      assertEntity(SloSchema, s, s.id);
      assertValid(SliSampleBatchSchema, data.samples[s.id]);
    }
  });

  it('status page basics: name, url, Tokyo time zone, updated by now', () => {
    assert.equal(data.page.name, 'Kinetic Status');
    assert.equal(data.page.url, 'https://status.kinetic.example');
    assert.equal(data.page.timeZone, 'Asia/Tokyo');
    assert.ok(ms(data.page.updatedAt) <= NOW);
  });
});

describe('demoDataset: counts and ids', () => {
  it('has the promised amounts', () => {
    assert.ok(data.groups.length >= 3 && data.groups.length <= 4);
    assert.ok(data.components.length >= 12);
    assert.ok(data.people.length >= 10 && data.people.length <= 15);
    assert.ok(data.incidents.length >= 25);
    assert.ok(data.maintenances.length >= 4);
    assert.ok(data.postmortems.length >= 8);
    assert.ok(data.actions.length >= 40);
    assert.ok(data.slos.length >= 3);
  });

  it('uses readable, prefixed, unique ids', () => {
    const lists: [string, readonly { id: string }[]][] = [
      ['grp_', data.groups],
      ['cmp_', data.components],
      ['per_', data.people],
      ['inc_', data.incidents],
      ['upd_', data.incidents.flatMap((i) => i.updates)],
      ['tle_', data.timeline],
      ['rol_', data.roles],
      ['mnt_', data.maintenances],
      ['mup_', data.maintenances.flatMap((m) => m.updates)],
      ['pm_', data.postmortems],
      ['cf_', data.postmortems.flatMap((p) => p.contributingFactors)],
      ['act_', data.actions],
      ['slo_', data.slos],
    ];
    for (const [prefix, list] of lists) {
      assert.equal(ids(list).size, list.length, `duplicate ${prefix} id`);
      for (const x of list) assert.match(x.id, new RegExp(`^${prefix}[a-z0-9_]+$`));
    }
    assert.equal(data.incidents[0]!.id, 'inc_0001');
    assert.ok(ids(data.components).has('cmp_payments'));
    assert.ok(ids(data.people).has('per_tanaka'));
    assert.ok(ids(data.slos).has('slo_checkout'));
  });
});

describe('demoDataset: references resolve', () => {
  const componentIds = ids(data.components);
  const incidentIds = ids(data.incidents);
  const personIds = ids(data.people);
  const postmortemIds = ids(data.postmortems);
  const position = new Map(data.incidents.map((i, k) => [i.id, k]));

  it('components point to existing groups; every group has members; some components are ungrouped', () => {
    const groupIds = ids(data.groups);
    for (const c of data.components) if (c.groupId !== null) assert.ok(groupIds.has(c.groupId), c.id);
    for (const g of data.groups) assert.ok(data.components.some((c) => c.groupId === g.id), g.id);
    assert.ok(data.components.filter((c) => c.groupId === null).length >= 2);
  });

  it('incidents point to components, earlier related incidents and their own updates', () => {
    for (const i of data.incidents) {
      for (const c of i.components) assert.ok(componentIds.has(c.componentId), `${i.id} -> ${c.componentId}`);
      for (const u of i.updates) {
        assert.equal(u.incidentId, i.id);
        if (u.authorId !== null) assert.ok(personIds.has(u.authorId));
        for (const t of u.affectedComponents ?? []) assert.ok(i.components.some((c) => c.componentId === t.componentId));
      }
      for (const r of i.related) {
        assert.ok(incidentIds.has(r.incidentId), `${i.id} -> ${r.incidentId}`);
        assert.ok(position.get(r.incidentId)! < position.get(i.id)!, `${i.id} links a later incident`);
        const earlier = data.incidents[position.get(r.incidentId)!]!;
        if (r.relation === 'recurrence_of') assert.ok(ms(earlier.startedAt) < ms(i.startedAt));
      }
    }
    const relations = data.incidents.flatMap((i) => i.related.map((r) => r.relation));
    assert.ok(relations.filter((r) => r === 'recurrence_of').length >= 2);
    assert.ok(relations.includes('related'));
  });

  it('postmortems and incidents point to each other', () => {
    for (const p of data.postmortems) {
      const incident = data.incidents.find((i) => i.id === p.incidentId);
      assert.equal(incident?.postmortemId, p.id, `${p.id} <-> ${p.incidentId}`);
      if (p.ownerId !== null) assert.ok(personIds.has(p.ownerId));
      for (const a of p.acknowledgements) if (a.personId !== null) assert.ok(personIds.has(a.personId));
    }
    for (const i of data.incidents) if (i.postmortemId !== null) assert.ok(postmortemIds.has(i.postmortemId));
    assert.equal(ids(data.postmortems.map((p) => ({ id: p.incidentId }))).size, data.postmortems.length, 'two postmortems for one incident');
  });

  it('role assignments, timeline events and actions point to incidents and people', () => {
    const roleIds = ids(data.roles);
    for (const r of data.roles) {
      assert.ok(incidentIds.has(r.incidentId));
      assert.ok(personIds.has(r.personId));
      if (r.assignedBy !== null) assert.ok(personIds.has(r.assignedBy));
      if (r.handedOffTo !== null) assert.ok(roleIds.has(r.handedOffTo));
      assert.ok((DEFAULT_ROLE_KEYS as readonly string[]).includes(r.role), r.role);
    }
    for (const e of data.timeline) {
      assert.ok(incidentIds.has(e.incidentId));
      if (e.authorId !== null) assert.ok(personIds.has(e.authorId));
    }
    for (const a of data.actions) {
      for (const id of a.incidentIds) assert.ok(incidentIds.has(id), `${a.id} -> ${id}`);
      if (a.ownerId !== null) assert.ok(personIds.has(a.ownerId));
      if (a.postmortemId !== null) {
        const pm = data.postmortems.find((p) => p.id === a.postmortemId);
        assert.ok(pm !== undefined && a.incidentIds.includes(pm.incidentId), `${a.id} postmortem not linked to its incidents`);
      }
    }
  });

  it('maintenances, status changes and SLOs point to components', () => {
    for (const m of data.maintenances) {
      for (const c of m.components) assert.ok(componentIds.has(c));
      for (const u of m.updates) assert.equal(u.maintenanceId, m.id);
    }
    const maintenanceIds = ids(data.maintenances);
    for (const c of data.statusChanges) {
      assert.ok(componentIds.has(c.componentId));
      if (c.incidentId !== null) assert.ok(incidentIds.has(c.incidentId));
      if (c.maintenanceId !== null) assert.ok(maintenanceIds.has(c.maintenanceId));
    }
    for (const s of data.slos) {
      assert.ok(s.componentId !== null && componentIds.has(s.componentId));
      assert.ok(Array.isArray(data.samples[s.id]));
    }
    assert.deepEqual(Object.keys(data.samples).sort(), [...ids(data.slos)].sort());
  });
});

describe('demoDataset: incidents', () => {
  it('keep started <= detected <= acknowledged <= mitigated <= resolved <= now', () => {
    for (const v of variants) {
      for (const i of v.incidents) {
        const times = [i.startedAt, i.detectedAt, i.acknowledgedAt, i.mitigatedAt, i.resolvedAt].filter((t) => t !== null).map(ms);
        for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! <= times[k]!, `${i.id} out of order`);
        assert.ok(times.at(-1)! <= v.now, `${i.id} in the future`);
        assert.ok(ms(i.startedAt) >= v.now - 90 * DAY_MS, `${i.id} older than 90 days`);
        assert.equal(i.createdAt, i.detectedAt);
        assert.ok(ms(i.updatedAt) >= ms(i.createdAt) && ms(i.updatedAt) <= v.now);
      }
    }
  });

  it('have updates newest first, between detection and resolution, ending in the incident status', () => {
    for (const i of data.incidents) {
      assert.ok(i.updates.length >= 1, i.id);
      const times = i.updates.map((u) => ms(u.createdAt));
      for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! > times[k]!, `${i.id} updates not newest first`);
      assert.ok(times.at(-1)! >= ms(i.detectedAt));
      assert.ok(times[0]! <= (i.resolvedAt === null ? NOW : ms(i.resolvedAt)));
      assert.equal(i.updates[0]!.status, i.status, i.id);
      if (i.resolvedAt !== null) assert.equal(times[0], ms(i.resolvedAt));
      for (const u of i.updates) assert.equal(u.visibility, i.visibility);
    }
    assert.ok(data.incidents.filter((i) => i.visibility === 'public').every((i) => i.updates.length >= 2));
  });

  it('mix severities (few SEV1), two open now, one internal, some in Japanese', () => {
    const count = (sev: string) => data.incidents.filter((i) => i.severity === sev).length;
    assert.ok(count('SEV1') >= 1 && count('SEV1') <= 3);
    for (const sev of ['SEV2', 'SEV3', 'SEV4']) assert.ok(count(sev) >= 3, sev);
    const open = data.incidents.filter(isOpen);
    assert.equal(open.length, 2);
    assert.deepEqual(new Set(open.map((i) => i.status)), new Set(['identified', 'monitoring']));
    assert.ok(data.incidents.filter((i) => i.status === 'resolved').length >= 23);
    assert.equal(data.incidents.filter((i) => i.visibility === 'internal').length, 1);
    assert.ok(data.incidents.filter((i) => JAPANESE.test(i.updates[0]!.body)).length >= 3);
    assert.ok(data.incidents.filter((i) => !JAPANESE.test(i.updates[0]!.body)).length >= 15);
    for (const i of data.incidents) {
      assert.ok(i.title.length > 0 && i.summary.length > 0 && i.labels.length > 0, i.id);
      assert.ok(DEFAULT_SEVERITY_GUIDELINE.levels.some((l) => l.code === i.severity));
    }
  });

  it('record component transitions on the update that posted them', () => {
    for (const i of data.incidents.filter((x) => x.components.length > 0)) {
      const first = i.updates.at(-1)!;
      assert.deepEqual(
        first.affectedComponents?.map((t) => [t.componentId, t.newStatus]),
        i.components.map((c) => [c.componentId, c.status]),
        `${i.id} first update`,
      );
      for (const t of first.affectedComponents ?? []) {
        assert.equal(t.oldStatus, 'operational');
        assert.equal(t.name, data.components.find((c) => c.id === t.componentId)!.name);
      }
      if (i.resolvedAt !== null) {
        const back = i.updates.flatMap((u) => u.affectedComponents ?? []).filter((t) => t.newStatus === 'operational');
        assert.equal(back.length, i.components.length, `${i.id} components never recovered`);
      }
    }
  });

  it('have an internal log in time order within each incident, from detection on', () => {
    for (const i of data.incidents) {
      const events = data.timeline.filter((e) => e.incidentId === i.id);
      const times = events.map((e) => ms(e.at));
      for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! <= times[k]!, `${i.id} log out of order`);
      assert.equal(events[0]!.kind, 'detected');
      assert.equal(times[0], ms(i.detectedAt));
      assert.ok(times.at(-1)! <= (i.resolvedAt === null ? NOW : ms(i.resolvedAt)));
      assert.equal(events.some((e) => e.kind === 'resolved'), i.resolvedAt !== null, i.id);
      assert.ok(events.some((e) => e.kind === 'acknowledged' && e.at === i.acknowledgedAt));
      assert.ok(events.some((e) => e.kind === 'note'), i.id);
    }
    const kinds = new Set(data.timeline.map((e) => e.kind));
    for (const kind of ['role_changed', 'severity_changed', 'update_posted', 'component_changed', 'action', 'mitigated'] as const) {
      assert.ok(kinds.has(kind), kind);
    }
  });
});

describe('demoDataset: role assignments', () => {
  it('give every incident one commander at a time, with hand-offs recorded, not overwritten', () => {
    for (const i of data.incidents) {
      const commanders = data.roles
        .filter((r) => r.incidentId === i.id && r.role === 'incident_commander')
        .sort((a, b) => ms(a.assignedAt) - ms(b.assignedAt));
      assert.ok(commanders.length >= 1, i.id);
      for (let k = 0; k < commanders.length; k++) {
        const r = commanders[k]!;
        const next = commanders[k + 1];
        if (next === undefined) {
          assert.equal(r.releasedAt, i.resolvedAt, `${r.id} released when resolved`);
          assert.equal(r.handedOffTo, null);
        } else {
          assert.equal(r.handedOffTo, next.id, `${r.id} hand-off`);
          assert.equal(r.releasedAt, next.assignedAt);
          assert.notEqual(next.personId, r.personId);
        }
      }
    }
    assert.ok(data.roles.filter((r) => r.handedOffTo !== null).length >= 1);
  });

  it('stay within the incident, fill the roles the severity demands, and release on resolution', () => {
    for (const r of data.roles) {
      const i = data.incidents.find((x) => x.id === r.incidentId)!;
      assert.ok(ms(r.assignedAt) >= ms(i.startedAt));
      assert.ok(ms(r.assignedAt) <= (i.resolvedAt === null ? NOW : ms(i.resolvedAt)));
      if (r.releasedAt !== null) assert.ok(ms(r.releasedAt) >= ms(r.assignedAt));
      if (i.resolvedAt === null) assert.equal(r.releasedAt, null, `${r.id} released on an open incident`);
      else assert.notEqual(r.releasedAt, null, `${r.id} never released`);
    }
    for (const i of data.incidents) {
      const level = DEFAULT_SEVERITY_GUIDELINE.levels.find((l) => l.code === i.severity)!;
      const held = new Set(data.roles.filter((r) => r.incidentId === i.id).map((r) => r.role));
      for (const role of level.demands.requiredRoles) assert.ok(held.has(role), `${i.id} lacks ${role}`);
    }
  });
});

describe('demoDataset: components and their history', () => {
  it('set positions and a showcase flag; one component is internal only', () => {
    const hidden = data.components.filter((c) => !c.showcase);
    assert.equal(hidden.length, 1);
    const scopes = new Map<string | null, number[]>();
    for (const c of data.components) scopes.set(c.groupId, [...(scopes.get(c.groupId) ?? []), c.position]);
    for (const positions of scopes.values()) assert.equal(new Set(positions).size, positions.length, 'position used twice');
  });

  it('show now exactly what the open public incidents and the running maintenance impose', () => {
    for (const v of variants) {
      const calm: Component[] = v.components.map((c) => ({ ...c, status: 'operational' }));
      const effective = effectiveComponents(calm, v.incidents, v.maintenances);
      assert.deepEqual(
        v.components.map((c) => [c.id, c.status]),
        effective.map((c) => [c.id, c.status]),
      );
    }
    assert.ok(data.components.some((c) => c.status === 'under_maintenance'));
    assert.ok(data.components.filter((c) => c.status !== 'operational').length >= 2);
  });

  it('has a 90-day history per component, in time order, that ends in the current status', () => {
    for (const c of data.components) {
      const history = data.statusChanges.filter((x) => x.componentId === c.id);
      assert.ok(ms(history[0]!.at) <= NOW - 90 * DAY_MS, `${c.id} history starts too late`);
      for (let k = 1; k < history.length; k++) {
        assert.ok(ms(history[k - 1]!.at) < ms(history[k]!.at), `${c.id} out of order`);
        assert.notEqual(history[k - 1]!.status, history[k]!.status, `${c.id} repeats a status`);
      }
      assert.equal(history.at(-1)!.status, c.status);
      assert.ok(ms(history.at(-1)!.at) <= NOW);
    }
    const times = data.statusChanges.map((x) => ms(x.at));
    for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! <= times[k]!, 'statusChanges not in time order');
  });

  it('ties trouble to incidents and maintenance to maintenances; internal incidents stay off public components', () => {
    const internal = new Set(data.incidents.filter((i) => i.visibility === 'internal').map((i) => i.id));
    const hidden = new Set(data.components.filter((c) => !c.showcase).map((c) => c.id));
    for (const c of data.statusChanges) {
      if (c.status === 'under_maintenance') assert.ok(c.maintenanceId !== null && c.incidentId === null);
      else if (c.status !== 'operational') assert.ok(c.incidentId !== null && c.maintenanceId === null);
      if (c.incidentId !== null && internal.has(c.incidentId)) assert.ok(hidden.has(c.componentId));
    }
    for (const i of data.incidents.filter((x) => x.components.length > 0)) {
      assert.ok(data.statusChanges.some((c) => c.incidentId === i.id), `${i.id} left no trace`);
    }
  });

  it('give realistic daily uptime: 0.9 to 1 on every day with data, a few bad days, in UTC and Tokyo days', () => {
    for (const v of variants) {
      let bad = 0;
      for (const c of v.components) {
        const history = v.statusChanges.filter((x) => x.componentId === c.id);
        for (const timeZone of ['UTC', 'Asia/Tokyo']) {
          const days = dailyUptime(history, { end: v.now, days: 90, timeZone, startDate: c.startDate });
          assert.ok(days.filter((d) => d.uptime !== null).length >= 89, `${c.id} lacks data`);
          for (const d of days) {
            if (d.uptime === null) continue;
            assert.ok(d.uptime >= 0.9 && d.uptime <= 1, `${c.id} ${d.date}: ${d.uptime}`);
            if (timeZone === 'UTC' && d.uptime < 0.995) bad++;
          }
        }
      }
      assert.ok(bad >= 4 && bad <= 20, `${bad} bad days`);
    }
  });
});

describe('demoDataset: maintenances', () => {
  it('covers the past, the present and the next week, with updates newest first', () => {
    const by = (status: string) => data.maintenances.filter((m) => m.status === status);
    assert.ok(by('completed').length >= 2);
    assert.ok(by('completed').every((m) => ms(m.scheduledUntil) < NOW));
    assert.equal(data.maintenances.filter(isMaintenanceActive).length, 1);
    for (const m of data.maintenances.filter(isMaintenanceActive)) {
      assert.ok(ms(m.scheduledFor) <= NOW && NOW < ms(m.scheduledUntil));
    }
    const upcoming = by('scheduled').map((m) => ms(m.scheduledFor) - NOW);
    assert.ok(upcoming.every((d) => d > 0));
    assert.ok(upcoming.some((d) => d <= 3 * DAY_MS));
    assert.ok(upcoming.some((d) => d >= 6 * DAY_MS && d <= 8 * DAY_MS));
    for (const m of data.maintenances) {
      assert.ok(ms(m.scheduledFor) < ms(m.scheduledUntil));
      const times = m.updates.map((u) => ms(u.createdAt));
      for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! > times[k]!, `${m.id} updates not newest first`);
      assert.ok(times[0]! <= NOW && ms(m.createdAt) <= ms(m.scheduledFor));
      assert.equal(m.updates[0]!.status, m.status);
    }
  });
});

describe('demoDataset: postmortems', () => {
  it('cover the SEV1 and SEV2 incidents in every status, after resolution', () => {
    const statuses = new Set(data.postmortems.map((p) => p.status));
    assert.deepEqual(statuses, new Set(['draft', 'in_review', 'published']));
    for (const p of data.postmortems) {
      const i = data.incidents.find((x) => x.id === p.incidentId)!;
      assert.ok(i.severity === 'SEV1' || i.severity === 'SEV2', p.id);
      assert.ok(i.resolvedAt !== null && ms(p.createdAt) >= ms(i.resolvedAt));
      assert.ok(ms(p.updatedAt) >= ms(p.createdAt) && ms(p.updatedAt) <= NOW);
      assert.equal(p.templateId, 'default');
      assert.deepEqual(p.sections.map((s) => s.key), [...POSTMORTEM_SECTION_KEYS]);
      assert.ok(p.sections.find((s) => s.key === 'summary')!.body.length > 50, `${p.id} has no summary`);
      assert.ok(p.contributingFactors.length >= 1);
      const published = p.status === 'published';
      assert.equal(p.publishedAt !== null, published);
      assert.equal(p.publicSummary !== null && p.publicSummary.length > 50, published, `${p.id} public summary`);
      if (p.publishedAt !== null) assert.ok(ms(p.publishedAt) <= NOW && ms(p.publishedAt) >= ms(p.createdAt));
    }
    const resolvedSevere = data.incidents.filter((i) => (i.severity === 'SEV1' || i.severity === 'SEV2') && i.status === 'resolved');
    assert.ok(resolvedSevere.every((i) => i.postmortemId !== null));
  });

  it('have substantive prose in a few, contributing factors of every category, five whys and thanks', () => {
    const full = data.postmortems.filter((p) => p.sections.every((s) => s.body.length > 40));
    assert.ok(full.length >= 3, `${full.length} complete postmortems`);
    assert.ok(data.postmortems.some((p) => p.sections.some((s) => s.body === '')), 'no draft with empty sections');
    const categories = new Set(data.postmortems.flatMap((p) => p.contributingFactors.map((f) => f.category)));
    assert.deepEqual(categories, new Set(CONTRIBUTING_FACTOR_CATEGORIES));
    assert.ok(data.postmortems.filter((p) => p.fiveWhys.length >= 5).length >= 2);
    assert.ok(data.postmortems.some((p) => p.acknowledgements.some((a) => a.personId === null)));
    assert.ok(data.postmortems.some((p) => JAPANESE.test(p.sections[0]!.body)));
    for (const p of data.postmortems) {
      const whys = p.sections.find((s) => s.key === 'five_whys')!.body;
      for (const w of p.fiveWhys) assert.ok(whys.includes(w.question), `${p.id} five whys section`);
      const timeline = p.sections.find((s) => s.key === 'timeline')!.body;
      assert.ok(timeline.split('\n').length >= 5, `${p.id} timeline section`);
    }
  });
});

describe('demoDataset: prevention actions', () => {
  it('span every kind and status, with owners, due dates and tracker links', () => {
    assert.deepEqual(new Set(data.actions.map((a) => a.kind)), new Set(ACTION_KINDS));
    assert.deepEqual(new Set(data.actions.map((a) => a.status)), new Set(ACTION_STATUSES));
    assert.ok(data.actions.filter((a) => a.kind === 'remove').length >= 3);
    assert.ok(data.actions.filter((a) => a.incidentIds.length >= 2).length >= 2);
    for (const a of data.actions) {
      assert.ok(a.ownerId !== null && a.dueDate !== null, a.id);
      assert.match(a.externalUrl ?? '', /^https:\/\/linear\.example\/KIN-\d+$/);
      assert.ok(ms(a.createdAt) <= ms(a.updatedAt) && ms(a.updatedAt) <= NOW, a.id);
      const first = Math.min(...a.incidentIds.map((id) => ms(data.incidents.find((i) => i.id === id)!.startedAt)));
      assert.ok(ms(a.createdAt) > first, `${a.id} created before its incidents`);
      if (a.status === 'done') {
        assert.ok(a.completedAt !== null && ms(a.completedAt) >= ms(a.createdAt) && ms(a.completedAt) <= NOW, a.id);
      } else {
        assert.equal(a.completedAt, null, a.id);
        assert.equal(a.effectiveness, 'unverified', a.id);
      }
    }
    assert.equal(ids(data.actions.map((a) => ({ id: a.externalUrl! }))).size, data.actions.length, 'tracker link reused');
  });

  it('are ranked in ascending order within each column', () => {
    for (const status of ACTION_STATUSES) {
      const ranks = data.actions.filter((a) => a.status === status).map((a) => a.rank);
      for (let k = 1; k < ranks.length; k++) assert.ok(ranks[k - 1]! < ranks[k]!, `${status}: ${ranks[k - 1]} !< ${ranks[k]}`);
    }
  });

  it('mark as recurred exactly the done actions whose incident recurred afterwards', () => {
    const missed = new Set(recurredAfterDone(data.actions, data.incidents).map((m) => m.action.id));
    const recurred = new Set(data.actions.filter((a) => a.effectiveness === 'recurred').map((a) => a.id));
    assert.ok(recurred.size >= 2);
    assert.deepEqual(recurred, missed);
    assert.ok(data.actions.filter((a) => a.effectiveness === 'effective').length >= 5);
  });

  it('include overdue work and work due this week', () => {
    for (const v of variants) {
      const today = toIso(v.now).slice(0, 10);
      const overdue = overdueActions(v.actions, today);
      assert.ok(overdue.length >= 3, `${overdue.length} overdue`);
      const week = dueBetween(v.actions, today, toIso(v.now + 6 * DAY_MS).slice(0, 10));
      assert.ok(week.length >= 3, `${week.length} due this week`);
    }
  });
});

describe('demoDataset: SLOs', () => {
  it('use rolling Occurrences, a calendar month and Timeslices', () => {
    const rolling = data.slos.filter((s) => s.timeWindow.isRolling && s.budgetingMethod === 'Occurrences');
    assert.ok(rolling.some((s) => s.timeWindow.duration === '30d'));
    const calendar = data.slos.filter((s) => !s.timeWindow.isRolling);
    assert.equal(calendar.length, 1);
    assert.equal(calendar[0]!.timeWindow.duration, '1M');
    assert.ok(data.slos.some((s) => s.budgetingMethod === 'Timeslices'));
  });

  it('have 5-minute samples over the last 31 days, ascending and before now', () => {
    for (const v of variants) {
      for (const s of v.slos) {
        const list = v.samples[s.id]!;
        assert.equal(list.length, 31 * 288);
        assert.ok(list[0]!.at <= v.now - 31 * DAY_MS + 5 * MINUTE_MS && list.at(-1)!.at < v.now);
        for (let k = 1; k < list.length; k++) assert.equal(list[k]!.at - list[k - 1]!.at, 5 * MINUTE_MS);
        assert.ok(list.every((x) => x.total > 0 && x.good <= x.total && Number.isInteger(x.good)));
      }
    }
  });

  it('show one healthy, one burning and one exhausted SLO at any now and seed', () => {
    for (const v of variants) {
      const report = (id: string) => {
        const slo = v.slos.find((s) => s.id === id)!;
        return sloReport(slo, v.samples[id]!, { now: v.now, incidents: v.incidents });
      };
      const login = report('slo_login');
      assert.equal(login.alert, 'ok');
      assert.ok(login.budgetRemaining > 0.6, `login ${login.budgetRemaining}`);
      const checkin = report('slo_checkin');
      assert.equal(checkin.alert, 'page');
      assert.ok(checkin.budgetRemaining > 0.1 && checkin.budgetRemaining < 0.8, `checkin ${checkin.budgetRemaining}`);
      const open = v.incidents.find((i) => isOpen(i) && i.components.some((c) => c.componentId === 'cmp_checkin'))!;
      assert.ok(checkin.incidents.find((u) => u.incidentId === open.id)!.budgetFraction > 0);
      const checkout = report('slo_checkout');
      assert.ok(checkout.budgetRemaining <= 0, `checkout ${checkout.budgetRemaining}`);
      const api = report('slo_api_latency');
      assert.equal(api.alert, 'ok');
      assert.ok(api.budgetRemaining > 0.3 && api.budgetRemaining < 0.95, `api ${api.budgetRemaining}`);
    }
  });
});
