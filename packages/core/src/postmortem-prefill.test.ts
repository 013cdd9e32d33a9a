import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoDataset } from './demo.js';
import type { Incident, IncidentUpdate, RoleAssignment, TimelineEvent } from './domain.js';
import { DEFAULT_SEVERITY_GUIDELINE } from './guideline.js';
import { markdownText, parseMarkdown } from './markdown.js';
import { LIMITS } from './schemas.js';
import {
  SECTION_BODY_MAX,
  impactMarkdown,
  incidentBudgetUses,
  incidentFacts,
  incidentResponders,
  prefillFromIncident,
  responseMarkdown,
  timelineEntries,
  timelineMarkdown,
} from './postmortem-prefill.js';
import { sloReport } from './slo.js';

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 0, 0) + minutes * 60_000).toISOString();

const update = (id: string, minutes: number, status: IncidentUpdate['status'], body: string, extra: Partial<IncidentUpdate> = {}): IncidentUpdate => ({
  id,
  incidentId: 'inc_1',
  status,
  body,
  visibility: 'public',
  authorId: null,
  createdAt: T(minutes),
  updatedAt: T(minutes),
  displayAt: T(minutes),
  affectedComponents: null,
  ...extra,
});

const incident: Incident = {
  id: 'inc_1',
  title: 'Card payments | failing',
  summary: '',
  severity: 'SEV2',
  impact: 'major',
  status: 'resolved',
  visibility: 'public',
  components: [{ componentId: 'cmp_pay', status: 'operational' }],
  labels: [],
  related: [],
  startedAt: T(0),
  detectedAt: T(4),
  acknowledgedAt: T(6),
  mitigatedAt: T(45),
  resolvedAt: T(85),
  createdAt: T(4),
  updatedAt: T(85),
  updates: [
    update('u3', 85, 'resolved', 'All good.'),
    update('u2', 30, 'identified', 'Internal: rollback started', { visibility: 'internal' }),
    update('u1', 5, 'investigating', 'Payments **fail**.', {
      affectedComponents: [
        { componentId: 'cmp_pay', name: 'Payments', oldStatus: 'operational', newStatus: 'major_outage' },
        { componentId: 'cmp_app', name: 'Member app', oldStatus: 'operational', newStatus: 'degraded_performance' },
      ],
    }),
  ],
  postmortemId: null,
};

const event = (id: string, minutes: number, kind: TimelineEvent['kind'], body: string, link: string | null = null): TimelineEvent => ({
  id,
  incidentId: 'inc_1',
  kind,
  at: T(minutes),
  body,
  authorId: null,
  link,
});

const events: TimelineEvent[] = [
  event('e1', 4, 'detected', 'Alert: checkout error rate 12%', 'https://grafana.example/d/pay?from=1 (x)'),
  event('e2', 5, 'update_posted', 'Public update posted (investigating): Payments fail.'),
  event('e3', 20, 'action', 'Rolled back | v2.3', 'javascript:alert(1)'),
  event('e4', 45, 'mitigated', 'Error rate back to normal'),
];

const assignment = (id: string, role: string, personId: string, from: number, until: number | null): RoleAssignment => ({
  id,
  incidentId: 'inc_1',
  role,
  personId,
  assignedAt: T(from),
  assignedBy: null,
  releasedAt: until === null ? null : T(until),
  handedOffTo: null,
  note: null,
});

const assignments = [
  assignment('a2', 'communications', 'per_b', 10, null),
  assignment('a1', 'incident_commander', 'per_a', 6, 50),
  assignment('a3', 'incident_commander', 'per_c', 50, null),
  assignment('a4', 'custom_role', 'per_a', 60, 70),
];
const people = [
  { id: 'per_a', name: 'Yui Tanaka' },
  { id: 'per_b', name: '佐藤 健二' },
];
const reports = [
  { slo: { id: 'slo_a', name: 'Checkout availability' }, report: { incidents: [{ incidentId: 'inc_1', bad: 1234, budgetFraction: 0.125 }] } },
  { slo: { id: 'slo_b', name: 'Login' }, report: { incidents: [{ incidentId: 'inc_1', bad: 0, budgetFraction: 0 }] } },
  { slo: { id: 'slo_c', name: 'API latency' }, report: { incidents: [{ incidentId: 'inc_other', bad: 9, budgetFraction: 0.5 }, { incidentId: 'inc_1', bad: 7, budgetFraction: 0.01 }] } },
];
const EN = { locale: 'en', timeZone: 'Asia/Tokyo' };
const JA = { locale: 'ja', timeZone: 'Asia/Tokyo' };

describe('postmortem prefill', () => {
  it('states the facts: severity, durations, the worst status of each component, budget, responders', () => {
    const facts = incidentFacts({ incident, timeline: events, assignments, people, reports, guideline: DEFAULT_SEVERITY_GUIDELINE, components: [{ id: 'cmp_pay', name: 'Payments' }] });
    assert.equal(facts.severityName?.en, DEFAULT_SEVERITY_GUIDELINE.levels.find((l) => l.code === 'SEV2')?.name.en);
    assert.deepEqual([facts.durations.timeToDetect, facts.durations.timeToResolve], [4 * 60_000, 85 * 60_000]);
    assert.deepEqual(facts.components, [
      { id: 'cmp_pay', name: 'Payments', worst: 'major_outage' },
      { id: 'cmp_app', name: 'Member app', worst: 'degraded_performance' },
    ]);
    assert.deepEqual(facts.budget.map((b) => [b.sloId, b.budgetFraction]), [['slo_a', 0.125], ['slo_c', 0.01]]);
    assert.deepEqual(facts.responders.map((r) => [r.name, r.roles.map((x) => x.role)]), [
      ['Yui Tanaka', ['incident_commander', 'custom_role']],
      ['佐藤 健二', ['communications']],
      ['per_c', ['incident_commander']],
    ]);
    assert.deepEqual(incidentFacts({ incident }).budget, []);
    assert.equal(incidentFacts({ incident }).severityName, null);
  });

  it('merges updates and the log in time order, without the updates the log already records', () => {
    const entries = timelineEntries(incident, events);
    assert.deepEqual(entries.map((e) => `${e.source}:${e.kind}`), ['event:detected', 'event:update_posted', 'event:action', 'update:identified', 'event:mitigated', 'update:resolved']);
    assert.equal(entries.find((e) => e.kind === 'identified')?.visibility, 'internal');
    // Without access to the log: the updates alone.
    assert.deepEqual(timelineEntries(incident).map((e) => e.kind), ['investigating', 'identified', 'resolved']);
  });

  it('writes the timeline as a table in the reader’s zone, with safe links and escaped cells', () => {
    const md = timelineMarkdown(timelineEntries(incident, events), EN);
    const lines = md.split('\n');
    assert.equal(lines[0], '| Time (Asia/Tokyo) | Event |');
    assert.equal(lines[2], '| 09:04 | **Detected**: Alert: checkout error rate 12% [data](https://grafana.example/d/pay?from=1%20%28x%29) |');
    assert.match(md, /\| 09:20 \| \*\*Action taken\*\*: Rolled back \\\| v2.3 \|/);
    assert.doesNotMatch(md, /javascript/);
    assert.match(md, /\| 09:30 \| \*\*Identified \(update\)\*\*: Internal: rollback started \|/);
    const table = parseMarkdown(md)[0];
    assert.ok(table?.type === 'table' && table.rows.length === 6 && table.rows.every((r) => r.length === 2), 'one cell per column on every row');
    const ja = timelineMarkdown(timelineEntries(incident, events), JA);
    assert.match(ja, /^\| 時刻 \(Asia\/Tokyo\) \| 出来事 \|/);
    assert.match(ja, /\*\*検知\*\*: Alert/);
    assert.match(ja, /\*\*特定済み（更新）\*\*/);
  });

  it('writes dates when the timeline spans days, and stays within a section when it is long', () => {
    const long = Array.from({ length: 400 }, (_, i) => event(`x${i}`, i * 10, 'note', `Check ${i}: ${'queue depth and worker count, all nominal. '.repeat(2)}`));
    const md = timelineMarkdown(timelineEntries({ updates: [] }, long), EN);
    assert.equal(SECTION_BODY_MAX, LIMITS.body);
    assert.ok(md.length <= SECTION_BODY_MAX, `${md.length} characters`);
    assert.match(md, /^\| 11-24 09:00 \| \*\*Note\*\*: Check 0:/m);
    const [, left] = /\| … \| (\d+) more: see the incident's timeline \|$/.exec(md) ?? [];
    assert.ok(Number(left) > 0 && Number(left) < 400);
    assert.match(timelineMarkdown(timelineEntries({ updates: [] }, long), JA), /\| … \| ほか\d+件はインシデントのタイムラインを参照 \|$/);
  });

  it('writes the impact and the responders, in English and Japanese', () => {
    const facts = incidentFacts({ incident, assignments, people, reports, guideline: DEFAULT_SEVERITY_GUIDELINE });
    const en = impactMarkdown(facts, EN);
    assert.match(en, /^- \*\*Severity:\*\* SEV2 \(.+\); public impact: major$/m);
    assert.match(en, /^- \*\*Duration:\*\* 1 h 25 min \(from start to resolution\)$/m);
    assert.match(en, /^- \*\*Times:\*\* 4 min to detect; 2 min to acknowledge \(from detection\); 45 min to mitigate$/m);
    assert.match(en, /^- \*\*Components:\*\* Payments \(major outage\), Member app \(degraded performance\)$/m);
    assert.match(en, /^- \*\*SLO error budget consumed:\*\* Checkout availability: 12\.5% of the window's budget \(1,234 bad\)$/m);
    const ja = impactMarkdown(facts, JA);
    assert.match(ja, /- \*\*継続時間:\*\* 1時間25分/);
    assert.match(ja, /ウィンドウ全体の12\.5%（不良 1,234件）/);
    const open = impactMarkdown(incidentFacts({ incident: { ...incident, mitigatedAt: null, resolvedAt: null, acknowledgedAt: null, detectedAt: incident.startedAt } }), EN);
    assert.match(open, /Duration:\*\* not resolved yet/);
    assert.match(impactMarkdown(incidentFacts({ incident: { ...incident, resolvedAt: null } }), JA), /継続時間:\*\* 未解決/);
    const response = responseMarkdown({ responders: incidentResponders({ assignments, people }) }, EN);
    assert.equal(response.split('\n')[0], '- **Yui Tanaka:** Incident Commander (09:06–09:50), custom\\_role (10:00–10:10)');
    assert.match(responseMarkdown({ responders: incidentResponders({ assignments, people }) }, JA), /^- \*\*佐藤 健二:\*\* \S.* \(09:10–\)$/m);
  });

  it('prefills from the demo organisation: sections that parse, with every event', () => {
    const now = Date.parse('2026-11-25T09:30:00.000Z');
    const demo = demoDataset({ now });
    // The latest incident with a postmortem: within the SLOs' sampled month.
    const inc = demo.incidents.filter((i) => i.postmortemId !== null).at(-1)!;
    const reportsOf = demo.slos.map((slo) => ({ slo, report: sloReport(slo, demo.samples[slo.id] ?? [], { now, incidents: demo.incidents }) }));
    const { facts, entries, sections } = prefillFromIncident(
      {
        incident: inc,
        timeline: demo.timeline.filter((e) => e.incidentId === inc.id),
        assignments: demo.roles.filter((r) => r.incidentId === inc.id),
        roles: demo.roleDefinitions,
        people: demo.people,
        components: demo.components,
        reports: reportsOf,
        guideline: demo.guideline,
      },
      JA,
    );
    assert.ok(entries.length >= demo.timeline.filter((e) => e.incidentId === inc.id).length);
    assert.ok(facts.budget.length > 0 && facts.budget[0]!.name, 'the check-in SLO lost budget');
    assert.deepEqual(incidentBudgetUses(inc.id, reportsOf), facts.budget);
    assert.ok(facts.responders.length >= 2);
    for (const body of Object.values(sections)) assert.ok(markdownText(parseMarkdown(body)).length > 0);
    assert.match(sections.impact, /SLOエラーバジェットの消費/);
  });
});
