/**
 * A year of incident work, written through the REST API on top of the demo (its people,
 * components, guideline and SLOs): five incidents a week with their updates, timeline, roles and
 * hand-offs, postmortems for SEV1-2 with two actions each, and one long SEV1 whose page the
 * benchmark opens (120 timeline entries, 25 updates, 12 role changes). Deterministic.
 */
import type { HanseiAdapter } from '@hansei/adapters';
import type { Impact, IncidentStatus } from '@hansei/core';

const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so every run seeds the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededYear {
  readonly incidents: number;
  readonly updates: number;
  readonly timeline: number;
  readonly postmortems: number;
  readonly actions: number;
  /** The incident the benchmark opens. */
  readonly busyIncidentId: string;
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

export async function seedYear(api: HanseiAdapter, now = Date.now()): Promise<SeededYear> {
  const rand = random(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people = (await api.listPeople({ limit: 200 })).data;
  const components = await api.listComponents();
  const severities = ['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4', 'SEV4'];
  const impacts: Record<string, Impact> = { SEV1: 'critical', SEV2: 'major', SEV3: 'minor', SEV4: 'none' };
  const counts = { incidents: 0, updates: 0, timeline: 0, postmortems: 0, actions: 0 };
  const plans = Array.from({ length: 260 }, (_, i) => {
    const started = now - 365 * DAY + Math.floor((i / 260) * 360 * DAY) + Math.floor(rand() * DAY);
    return { started, severity: pick(severities), component: pick(components), minutes: 20 + Math.floor(rand() * 300) };
  });
  await pool(plans, 4, async (plan, i) => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const resolvedAt = plan.started + plan.minutes * 60_000;
    const incident = await api.declareIncident({
      title: `Year incident ${i + 1}: ${plan.component.name} ${plan.severity === 'SEV4' ? 'slow' : 'failing'}`,
      summary: `Customers of ${plan.component.name} were affected.`,
      severity: plan.severity,
      impact: impacts[plan.severity]!,
      status: 'resolved',
      visibility: i % 3 === 0 ? 'internal' : 'public',
      components: [{ componentId: plan.component.id, status: 'operational' }],
      labels: [plan.component.name.toLowerCase().split(/\s+/)[0]!, `q${Math.floor(i / 65) + 1}`],
      startedAt: iso(plan.started),
      detectedAt: iso(plan.started + 3 * 60_000),
      acknowledgedAt: iso(plan.started + 6 * 60_000),
      mitigatedAt: iso(plan.started + Math.floor(plan.minutes * 0.6) * 60_000),
      resolvedAt: iso(resolvedAt),
      updateBody: 'We are looking into it.',
    });
    counts.incidents++;
    for (const status of ['identified', 'monitoring'] as IncidentStatus[]) {
      await api.postIncidentUpdate(incident.id, { status: 'resolved', body: `Earlier: ${status}.`, visibility: 'internal' });
      counts.updates++;
    }
    for (let e = 0; e < 6; e++) {
      await api.addTimelineEvent(incident.id, { kind: 'note', at: iso(plan.started + e * 5 * 60_000), body: `Step ${e + 1} of the response.` });
      counts.timeline++;
    }
    await api.assignRole(incident.id, { role: 'incident_commander', personId: pick(people).id, at: iso(plan.started + 5 * 60_000) });
    if (plan.severity === 'SEV1' || plan.severity === 'SEV2') {
      const postmortem = await api.createPostmortem({ incidentId: incident.id, title: `Postmortem: ${incident.title}`, labels: ['year'] });
      counts.postmortems++;
      for (const kind of ['mitigate', 'prevent'] as const) {
        await api.createAction({ title: `${kind} after ${incident.title}`, incidentIds: [incident.id], postmortemId: postmortem.id, kind, dueDate: iso(resolvedAt + 30 * DAY).slice(0, 10) });
        counts.actions++;
      }
    }
  });

  // The long one the benchmark opens: open, SEV1, much history.
  const started = now - 6 * 3_600_000;
  const busy = await api.declareIncident({
    title: 'Year benchmark: payments down across every studio',
    summary: 'Card and cashless payments fail at every studio.',
    severity: 'SEV1',
    impact: 'critical',
    visibility: 'public',
    components: components.slice(0, 4).map((c) => ({ componentId: c.id, status: 'major_outage' as const })),
    labels: ['payments', 'benchmark'],
    startedAt: new Date(started).toISOString(),
    detectedAt: new Date(started + 60_000).toISOString(),
    updateBody: 'We are investigating failed payments.',
  });
  for (let u = 0; u < 24; u++) {
    await api.postIncidentUpdate(busy.id, { status: u < 8 ? 'investigating' : 'identified', body: `Update ${u + 1}: what we know now, and what comes next.` });
  }
  await pool(Array.from({ length: 120 }, (_, e) => e), 4, async (e) => {
    await api.addTimelineEvent(busy.id, { kind: e % 10 === 0 ? 'action' : 'note', at: new Date(started + e * 2 * 60_000).toISOString(), body: `Log ${e + 1}: **checked** the gateway, see the [dashboard](https://grafana.example/d/${e}).` });
  });
  let commander = await api.assignRole(busy.id, { role: 'incident_commander', personId: people[0]!.id });
  for (let r = 1; r <= 6; r++) {
    const handed = await api.handOffRole(busy.id, { assignmentId: commander.id, personId: people[r % people.length]!.id });
    commander = handed.assignment;
  }
  for (const [role, index] of [['scribe', 7], ['communications', 8], ['operations_lead', 9], ['subject_matter_expert', 10], ['deputy', 11]] as const) {
    await api.assignRole(busy.id, { role, personId: people[index % people.length]!.id });
  }
  return { ...counts, updates: counts.updates + 25, timeline: counts.timeline + 120, busyIncidentId: busy.id };
}
