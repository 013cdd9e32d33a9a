/**
 * A realistic, deterministic demo dataset: "Kinetic", a Japanese SaaS that runs gyms and studios
 * (reservations, memberships, cashless payments, QR and IoT-door check-in, staff shifts, a member
 * app, a public API), over the last 90 days of its incident-learning loop. The server's
 * `hansei seed` and the in-memory adapter of stories and tests both load it, so they show the
 * same data.
 *
 * Every instant is relative to the `now` given, so the demo always looks current: incidents are
 * placed on days before today in Tokyo at a local time, the two open incidents and the running
 * maintenance at minutes before `now`. The `seed` drives a small PRNG (mulberry32) that shifts
 * start times by a few minutes and adds noise to the SLI samples; the story (which incidents,
 * which actions, which SLO is in which state) is the same for every seed.
 *
 * The story, in short: growth brought incidents of every kind the company's own talk lists (edge
 * cases of feature combinations, large customers' data volume, infrastructure design, release
 * and monitoring procedures). Three of them recurred because the first fix treated a symptom
 * (slow bookings, push throttling, duplicate charges), and the actions that were "done" before
 * the recurrence are marked `recurred`. Right now the check-in SLO is burning (page), the
 * checkout SLO has spent its budget, login is healthy.
 */
import type {
  ActionEffectiveness,
  ActionKind,
  ActionStatus,
  Component,
  ComponentGroup,
  ComponentStatus,
  ComponentStatusChange,
  ComponentTransition,
  ContributingFactorCategory,
  Id,
  Impact,
  Incident,
  IncidentRelation,
  IncidentStatus,
  IncidentUpdate,
  Maintenance,
  MaintenanceStatus,
  MaintenanceUpdate,
  Person,
  Postmortem,
  PostmortemSection,
  PostmortemStatus,
  PreventionAction,
  RoleAssignment,
  RoleDefinition,
  RoleKey,
  SeverityGuideline,
  SliSample,
  Slo,
  StatusPageInfo,
  TimelineEvent,
  TimelineEventKind,
} from './domain.js';
import { POSTMORTEM_SECTION_KEYS } from './domain.js';
import { DEFAULT_ROLES, DEFAULT_SEVERITY_GUIDELINE } from './guideline.js';
import { ranksBetween } from './rank.js';
import { statusSeverity } from './status.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay, toIso } from './time.js';

/** What {@link demoDataset} builds the data for. */
export interface DemoOptions {
  /** "Now", epoch milliseconds: every instant of the dataset is relative to it. */
  readonly now: number;
  /** Varies start times by a few minutes and the SLI noise; default 1. */
  readonly seed?: number;
}

/** Everything the demo holds: plain domain objects, ready to store or serve. */
export interface DemoDataset {
  /** The `now` the dataset was built for, epoch milliseconds. */
  readonly now: number;
  readonly seed: number;
  readonly page: StatusPageInfo;
  readonly groups: readonly ComponentGroup[];
  /** Current statuses: the effect of the open public incidents and the running maintenance. */
  readonly components: readonly Component[];
  /** 90 days of history for every component, in time order. */
  readonly statusChanges: readonly ComponentStatusChange[];
  readonly people: readonly Person[];
  /** Oldest first; each with its updates, newest first. */
  readonly incidents: readonly Incident[];
  /** The internal logs of all incidents, in time order within each incident. */
  readonly timeline: readonly TimelineEvent[];
  /** Role assignments of all incidents, with hand-offs. */
  readonly roles: readonly RoleAssignment[];
  readonly maintenances: readonly Maintenance[];
  readonly postmortems: readonly Postmortem[];
  /** Prevention actions; within each status column, in ascending rank order. */
  readonly actions: readonly PreventionAction[];
  readonly slos: readonly Slo[];
  /** Per SLO id: 5-minute samples over the last 31 days, ascending `at`. */
  readonly samples: Readonly<Record<Id, readonly SliSample[]>>;
  readonly guideline: SeverityGuideline;
  /** The incident roles the assignments use. */
  readonly roleDefinitions: readonly RoleDefinition[];
}

/** The page's time zone; Japan has no daylight saving time, so local time is UTC+9 all year. */
const TIME_ZONE = 'Asia/Tokyo';
const TOKYO_OFFSET_MS = 9 * HOUR_MS;
const SAMPLE_MS = 5 * MINUTE_MS;
const SAMPLE_DAYS = 31;
const HISTORY_DAYS = 90;
const EARLIEST_NOW = Date.UTC(2000, 0, 1);
const LATEST_NOW = Date.UTC(9000, 0, 1);

/**
 * The Kinetic demo dataset for `now` (epoch ms) and `seed` (default 1). Deterministic: the same
 * options give deep-equal results, and nothing reads the clock. Every instant is relative to
 * `now`: past incidents on days before today in Tokyo, two incidents open right now (check-in
 * slowdowns, delayed push notifications), one maintenance in progress, two scheduled, SLI
 * samples every 5 minutes over the last 31 days. Builds in a few milliseconds.
 *
 * Throws a RangeError naming the value when `now` is not whole epoch milliseconds between
 * 2000-01-01 and 9000-01-01, or `seed` is not a safe integer.
 */
export function demoDataset(options: DemoOptions): DemoDataset {
  const { now, seed = 1 } = options;
  if (!Number.isSafeInteger(now) || now < EARLIEST_NOW || now >= LATEST_NOW) {
    throw new RangeError(
      `Invalid now ${String(now)}: expected whole epoch milliseconds from 2000-01-01 to 9000-01-01, like Date.now().`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Invalid seed ${String(seed)}: expected a whole number, like 1.`);
  }
  return build(now, seed);
}

// ---------------------------------------------------------------------------------------------
// Building

/** mulberry32: a tiny, fast 32-bit PRNG with a good spread; returns numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 4): string => String(n).padStart(width, '0');
const personId = (key: string): Id => `per_${key}`;
const componentId = (key: string): Id => `cmp_${key}`;

/** A component status change waiting to be merged into a history. */
interface Spell {
  readonly componentId: Id;
  readonly from: number;
  readonly to: number;
  readonly status: ComponentStatus;
  readonly incidentId: Id | null;
  readonly maintenanceId: Id | null;
}

function build(now: number, seed: number): DemoDataset {
  const random = mulberry32(seed);
  const jitter = (max: number): number => Math.floor(random() * (max + 1));
  /** Midnight today in Tokyo. */
  const today = startOfUtcDay(now + TOKYO_OFFSET_MS) - TOKYO_OFFSET_MS;
  /** `day` days before today in Tokyo, at local time `hhmm`. */
  const local = (day: number, hhmm: string): number =>
    today - day * DAY_MS + Number(hhmm.slice(0, 2)) * HOUR_MS + Number(hhmm.slice(3, 5)) * MINUTE_MS;
  /** The Tokyo calendar date `days` days from today. */
  const dateFromToday = (days: number): string => toIso(today + TOKYO_OFFSET_MS + days * DAY_MS).slice(0, 10);
  const nowMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const names = new Map(PEOPLE.map((p) => [personId(p.key), p.name]));
  const nameOf = (id: Id): string => names.get(id)!;

  // People, groups, components ------------------------------------------------------------------
  const people: Person[] = PEOPLE.map((p) => ({
    id: personId(p.key),
    name: p.name,
    email: `${p.email}@kinetic.example`,
    handle: p.handle,
    timeZone: p.timeZone,
  }));
  const founded = local(700, '10:00');
  const groups: ComponentGroup[] = GROUPS.map((g, i) => ({
    id: `grp_${g.key}`,
    name: g.name,
    description: g.description,
    position: i + 1,
    createdAt: toIso(founded),
    updatedAt: toIso(founded),
  }));
  const historyStart = today - HISTORY_DAYS * DAY_MS;

  // Incidents: times and component spells first; updates need the merged histories -----------
  const incidentIds = new Map(INCIDENTS.map((spec, i) => [spec.key, `inc_${pad(i + 1)}`]));
  // Keys are checked by the tests: every reference resolves.
  const idOfIncident = (key: string): Id => incidentIds.get(key)!;
  const spells: Spell[] = [];
  const timed = INCIDENTS.map((spec) => {
    const id = idOfIncident(spec.key);
    const start =
      'ago' in spec.when
        ? nowMinute - (spec.when.ago + jitter(4)) * MINUTE_MS
        : local(spec.when.day, spec.when.at) + jitter(9) * MINUTE_MS;
    const at = (minutes: number): number => start + minutes * MINUTE_MS;
    const [detected, acknowledged, mitigated, resolved] = spec.times;
    const firstUpdate = at(spec.updates[0]![1]);
    const ended = spec.updates.find(([status]) => status === 'monitoring' || status === 'resolved');
    const open = resolved === null;
    const until = open || ended === undefined ? Number.POSITIVE_INFINITY : at(ended[1]);
    for (const [key, status] of spec.components) {
      spells.push({ componentId: componentId(key), from: firstUpdate, to: until, status, incidentId: id, maintenanceId: null });
    }
    return {
      spec,
      id,
      at,
      start,
      detected: at(detected),
      acknowledged: at(acknowledged),
      mitigated: mitigated === null ? null : at(mitigated),
      resolved: resolved === null ? null : at(resolved),
    };
  });
  const byKey = new Map(timed.map((t) => [t.spec.key, t]));
  const timedIncident = (key: string) => byKey.get(key)!;

  // Maintenances --------------------------------------------------------------------------------
  const maintenanceTimes = MAINTENANCES.map((spec, i) => {
    const id = `mnt_${pad(i + 1)}`;
    const start =
      'ago' in spec.when
        ? Math.floor((now - spec.when.ago * MINUTE_MS) / SAMPLE_MS) * SAMPLE_MS
        : local(spec.when.day, spec.when.at);
    const end = start + spec.minutes * MINUTE_MS;
    if (spec.status === 'completed' || spec.status === 'in_progress') {
      const to = spec.status === 'completed' ? end : Number.POSITIVE_INFINITY;
      for (const key of spec.components) {
        spells.push({ componentId: componentId(key), from: start, to, status: 'under_maintenance', incidentId: null, maintenanceId: id });
      }
    }
    return { spec, id, start, end };
  });

  // Status histories ----------------------------------------------------------------------------
  const history = new Map<Id, { at: number; status: ComponentStatus }[]>();
  const statusChanges: ComponentStatusChange[] = [];
  for (const c of COMPONENTS) {
    const id = componentId(c.key);
    const own = spells.filter((s) => s.componentId === id);
    const changes: ComponentStatusChange[] = [
      { componentId: id, status: 'operational', at: toIso(historyStart), incidentId: null, maintenanceId: null },
    ];
    const line = [{ at: historyStart, status: 'operational' as ComponentStatus }];
    const boundaries = [...new Set(own.flatMap((s) => [s.from, s.to]).filter(Number.isFinite))].sort((a, b) => a - b);
    for (const t of boundaries) {
      const active = own.filter((s) => s.from <= t && t < s.to);
      let cause: Spell | undefined;
      for (const s of active) if (cause === undefined || statusSeverity(s.status) > statusSeverity(cause.status)) cause = s;
      cause ??= own.find((s) => s.to === t);
      const status = active.length === 0 ? 'operational' : cause!.status;
      if (status === line[line.length - 1]!.status) continue;
      line.push({ at: t, status });
      changes.push({
        componentId: id,
        status,
        at: toIso(t),
        incidentId: cause?.incidentId ?? null,
        maintenanceId: cause?.maintenanceId ?? null,
      });
    }
    history.set(id, line);
    statusChanges.push(...changes);
  }
  // Stable sort: changes at the same instant stay in component order.
  statusChanges.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  /** A component's status just before `t` (`before`) or once the changes at `t` applied. */
  const statusAt = (id: Id, t: number, before = false): ComponentStatus => {
    let status: ComponentStatus = 'operational';
    for (const entry of history.get(id)!) {
      if (entry.at > t || (before && entry.at === t)) break;
      status = entry.status;
    }
    return status;
  };

  const components: Component[] = COMPONENTS.map((c) => {
    const id = componentId(c.key);
    const line = history.get(id)!;
    const last = line[line.length - 1]!;
    const created = c.createdDaysAgo === undefined ? founded : local(c.createdDaysAgo, '10:00');
    return {
      id,
      name: c.name,
      description: c.description,
      status: last.status,
      groupId: c.group === null ? null : `grp_${c.group}`,
      position: c.position,
      showcase: c.showcase ?? true,
      onlyShowIfDegraded: c.onlyShowIfDegraded ?? false,
      startDate: toIso(created + TOKYO_OFFSET_MS).slice(0, 10),
      createdAt: toIso(created),
      updatedAt: toIso(Math.max(created, last.at)),
    };
  });
  const componentNames = new Map(components.map((c) => [c.id, c.name]));

  // Incidents, roles, timeline --------------------------------------------------------------------
  const postmortemIds = new Map(POSTMORTEMS.map((spec, i) => [spec.incident, `pm_${pad(i + 1)}`]));
  const incidents: Incident[] = [];
  const roles: RoleAssignment[] = [];
  const timeline: TimelineEvent[] = [];
  for (const t of timed) {
    const { spec, id, at } = t;
    const number = id.slice(4);
    const ids = spec.components.map(([key]) => componentId(key));
    const commander = personId(spec.commander);
    const communicator = spec.team?.find(([role]) => role === 'communications');
    const author = communicator === undefined ? commander : personId(communicator[1]);
    const visibility = spec.internal === true ? 'internal' : 'public';

    const updates: IncidentUpdate[] = spec.updates.map(([status, minute, body], i) => {
      const time = at(minute);
      const transitions: ComponentTransition[] = [];
      for (const cid of ids) {
        const oldStatus = statusAt(cid, time, true);
        const newStatus = statusAt(cid, time);
        if (oldStatus !== newStatus) transitions.push({ componentId: cid, name: componentNames.get(cid)!, oldStatus, newStatus });
      }
      return {
        id: `upd_${number}_${pad(i + 1, 2)}`,
        incidentId: id,
        status,
        body,
        visibility,
        authorId: author,
        createdAt: toIso(time),
        updatedAt: toIso(time),
        displayAt: toIso(time),
        affectedComponents: transitions.length > 0 ? transitions : null,
      };
    });

    // Role assignments: the commander on acknowledgement, the team just after.
    const assignments: RoleAssignment[] = [];
    const release = t.resolved === null ? null : toIso(t.resolved);
    const assign = (role: RoleKey, person: Id, time: number, by: Id | null, note: string | null): RoleAssignment => {
      const a: RoleAssignment = {
        id: `rol_${number}_${pad(assignments.length + 1, 2)}`,
        incidentId: id,
        role,
        personId: person,
        assignedAt: toIso(time),
        assignedBy: by,
        releasedAt: release,
        handedOffTo: null,
        note,
      };
      assignments.push(a);
      return a;
    };
    const ic = assign('incident_commander', commander, t.acknowledged, null, 'On call; took command when paged.');
    (spec.team ?? []).forEach(([role, key], i) => {
      assign(role, personId(key), t.acknowledged + (i + 2) * MINUTE_MS, commander, null);
    });
    const handOff = spec.handOff;
    if (handOff !== undefined) {
      const time = at(handOff.at);
      const next = assign('incident_commander', personId(handOff.to), time, commander, handOff.note);
      const index = assignments.indexOf(ic);
      assignments[index] = { ...ic, releasedAt: toIso(time), handedOffTo: next.id };
      // The new commander gives up the role they held before.
      for (let i = 0; i < assignments.length; i++) {
        const a = assignments[i]!;
        if (a.personId === next.personId && a !== next && a.role !== 'incident_commander') {
          assignments[i] = { ...a, releasedAt: toIso(time), note: 'Took over as incident commander.' };
        }
      }
      if (handOff.then !== undefined) assign(handOff.then, commander, time, personId(handOff.to), 'Stayed on to work on the fix.');
    }
    roles.push(...assignments);

    // The internal log.
    const scribe = spec.team?.find(([role]) => role === 'scribe');
    const logger = scribe === undefined ? commander : personId(scribe[1]);
    const events: { at: number; kind: TimelineEventKind; body: string; authorId: Id | null; link: string | null }[] = [];
    const log = (time: number, kind: TimelineEventKind, body: string, authorId: Id | null, link: string | null = null): void => {
      events.push({ at: time, kind, body, authorId, link });
    };
    const dashboard = `https://grafana.kinetic.example/d/${spec.components[0]?.[0] ?? 'overview'}`;
    log(t.detected, 'detected', spec.detected, null, dashboard);
    log(t.acknowledged, 'acknowledged', `${nameOf(commander)} acknowledged the page.`, commander);
    for (const a of assignments) {
      const next = assignments.find((x) => x.id === a.handedOffTo);
      if (next !== undefined) {
        const body = `Command handed off from ${nameOf(a.personId)} to ${nameOf(next.personId)}: ${handOff!.note}`;
        log(toMsOf(next.assignedAt), 'role_changed', body, a.personId);
      }
      if (!assignments.some((x) => x.handedOffTo === a.id)) {
        log(toMsOf(a.assignedAt), 'role_changed', `${nameOf(a.personId)} is ${ROLE_NAMES.get(a.role)!}.`, a.assignedBy ?? a.personId);
      }
    }
    let previous: IncidentStatus = 'investigating';
    for (const u of updates) {
      const time = toMsOf(u.createdAt);
      if (u.status !== previous) log(time, 'status_changed', `Status: ${previous} → ${u.status}.`, author);
      previous = u.status;
      log(time, 'update_posted', `Posted ${visibility} update (${u.status}).`, author);
      for (const c of u.affectedComponents ?? []) {
        log(time, 'component_changed', `${c.name}: ${c.oldStatus.replaceAll('_', ' ')} → ${c.newStatus.replaceAll('_', ' ')}.`, author);
      }
    }
    for (const [minute, body, kind = 'note'] of spec.log) log(at(minute), kind, body, logger);
    if (t.mitigated !== null) log(t.mitigated, 'mitigated', 'Customer impact mitigated.', commander);
    if (t.resolved !== null) log(t.resolved, 'resolved', `${nameOf(commander)} declared the incident resolved.`, commander);
    events.sort((a, b) => a.at - b.at);
    events.forEach((e, i) => {
      timeline.push({
        id: `tle_${number}_${pad(i + 1, 2)}`,
        incidentId: id,
        kind: e.kind,
        at: toIso(e.at),
        body: e.body,
        authorId: e.authorId,
        link: e.link,
      });
    });

    const newest = updates[updates.length - 1]!;
    const lastTime = Math.max(toMsOf(newest.createdAt), t.resolved ?? 0);
    incidents.push({
      id,
      title: spec.title,
      summary: spec.summary,
      severity: spec.severity,
      impact: spec.impact,
      status: t.resolved === null ? newest.status : 'resolved',
      visibility,
      components: spec.components.map(([key, status]) => ({ componentId: componentId(key), status })),
      labels: spec.labels,
      related: (spec.related ?? []).map(([key, relation]) => ({ incidentId: idOfIncident(key), relation })),
      startedAt: toIso(t.start),
      detectedAt: toIso(t.detected),
      acknowledgedAt: toIso(t.acknowledged),
      mitigatedAt: t.mitigated === null ? null : toIso(t.mitigated),
      resolvedAt: t.resolved === null ? null : toIso(t.resolved),
      createdAt: toIso(t.detected),
      updatedAt: toIso(lastTime),
      updates: [...updates].reverse(),
      postmortemId: postmortemIds.get(spec.key) ?? null,
    });
  }

  // Maintenances ----------------------------------------------------------------------------------
  const maintenances: Maintenance[] = maintenanceTimes.map(({ spec, id, start, end }) => {
    const number = id.slice(4);
    const announced = local(spec.announced.day, spec.announced.at);
    const updates: MaintenanceUpdate[] = spec.updates.map(([status, when, body], i) => {
      const time = when === 'announce' ? announced : when === 'start' ? start : end + when * MINUTE_MS;
      return { id: `mup_${number}_${pad(i + 1, 2)}`, maintenanceId: id, status, body, createdAt: toIso(time), displayAt: toIso(time) };
    });
    return {
      id,
      title: spec.title,
      summary: spec.summary,
      status: spec.status,
      scheduledFor: toIso(start),
      scheduledUntil: toIso(end),
      components: spec.components.map(componentId),
      createdAt: toIso(announced),
      updatedAt: updates[updates.length - 1]!.createdAt,
      updates: updates.reverse(),
    };
  });

  // Postmortems -----------------------------------------------------------------------------------
  const postmortems: Postmortem[] = POSTMORTEMS.map((spec, i) => {
    const number = pad(i + 1);
    const t = timedIncident(spec.incident);
    const resolved = t.resolved!;
    const created = resolved + 3 * HOUR_MS;
    const published = spec.status === 'published' ? resolved + 6 * DAY_MS : null;
    const updated = published ?? resolved + (spec.status === 'in_review' ? 4 : 1) * DAY_MS;
    const ja = spec.language === 'ja';
    const whys = spec.whys.map(([question, answer]) => ({ question, answer }));
    const events = timeline.filter((e) => e.incidentId === t.id && TIMELINE_SECTION_KINDS.has(e.kind));
    const written: Readonly<Record<string, string>> = {
      ...spec.sections,
      timeline: [
        ja ? '| 時刻 (JST) | 出来事 |' : '| Time (JST) | Event |',
        '|---|---|',
        ...events.map((e) => `| ${toIso(toMsOf(e.at) + TOKYO_OFFSET_MS).slice(11, 16)} | ${e.body.replaceAll('|', '/')} |`),
      ].join('\n'),
      five_whys: whys.map((w, k) => `${k + 1}. **${w.question}** ${w.answer}`.trim()).join('\n'),
    };
    const sections: PostmortemSection[] = POSTMORTEM_SECTION_KEYS.map((key) => ({
      key,
      title: (ja ? SECTION_TITLES_JA : SECTION_TITLES)[key],
      body: written[key] ?? '',
    }));
    return {
      id: `pm_${number}`,
      incidentId: t.id,
      title: spec.title,
      ownerId: personId(spec.owner),
      status: spec.status,
      templateId: 'default',
      sections,
      contributingFactors: spec.factors.map(([category, description], k) => ({
        id: `cf_${number}_${pad(k + 1, 2)}`,
        category,
        description,
      })),
      fiveWhys: whys,
      acknowledgements: spec.thanks.map(([key, who, note]) => ({
        personId: key === null ? null : personId(key),
        name: key === null ? who : nameOf(personId(key)),
        note,
      })),
      labels: spec.labels,
      publicSummary: spec.publicSummary ?? null,
      createdAt: toIso(created),
      updatedAt: toIso(updated),
      publishedAt: published === null ? null : toIso(published),
    };
  });

  // Prevention actions ------------------------------------------------------------------------------
  const columns = new Map<ActionStatus, string[]>();
  for (const status of new Set(ACTIONS.map((a) => a.status))) {
    columns.set(status, ranksBetween(null, null, ACTIONS.filter((a) => a.status === status).length));
  }
  const actions: PreventionAction[] = ACTIONS.map((spec, i) => {
    const origin = timedIncident(spec.from ?? spec.incidents[0]!);
    const created = origin.resolved! + 2 * HOUR_MS;
    const completed = spec.done === undefined ? null : local(spec.done, '17:30');
    const touched = completed ?? Math.max(created, now - ((i % 5) + 1) * 7 * HOUR_MS);
    return {
      id: `act_${pad(i + 1)}`,
      title: spec.title,
      description: spec.description,
      incidentIds: spec.incidents.map(idOfIncident),
      postmortemId: postmortemIds.get(origin.spec.key) ?? null,
      kind: spec.kind,
      ownerId: personId(spec.owner),
      dueDate: dateFromToday(spec.due),
      status: spec.status,
      rank: columns.get(spec.status)!.shift()!,
      externalUrl: `https://linear.example/KIN-${spec.ticket}`,
      effectiveness: spec.effectiveness ?? 'unverified',
      completedAt: completed === null ? null : toIso(completed),
      createdAt: toIso(created),
      updatedAt: toIso(touched),
    };
  });

  // SLOs and samples -------------------------------------------------------------------------------
  const sloCreated = toIso(local(200, '10:00'));
  const monthStart = (() => {
    const wall = new Date(now + TOKYO_OFFSET_MS);
    return Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() - 6, 1) - TOKYO_OFFSET_MS;
  })();
  const slos: Slo[] = SLOS.map((spec) => ({
    id: spec.id,
    name: spec.name,
    description: spec.description,
    service: spec.service,
    componentId: componentId(spec.component),
    indicator: spec.indicator,
    timeWindow:
      spec.window === '1M'
        ? { duration: '1M', isRolling: false, calendar: { startTime: toIso(monthStart), timeZone: TIME_ZONE } }
        : { duration: spec.window, isRolling: true },
    budgetingMethod: spec.slice === undefined ? 'Occurrences' : 'Timeslices',
    objective: {
      target: spec.target,
      timeSliceTarget: spec.slice === undefined ? null : spec.slice.target,
      timeSliceWindow: spec.slice === undefined ? null : spec.slice.window,
    },
    labels: spec.labels,
    createdAt: sloCreated,
    updatedAt: sloCreated,
  }));
  const samples: Record<Id, SliSample[]> = {};
  for (const spec of SLOS) {
    const cid = componentId(spec.component);
    // Error windows: from the start of each incident on the component to its mitigation (or now).
    const windows = timed
      .filter((t) => t.spec.components.some(([key]) => componentId(key) === cid))
      .map((t) => {
        const status = t.spec.components.find(([key]) => componentId(key) === cid)![1];
        return { from: t.start, to: t.mitigated ?? now, rate: t.spec.errorRate ?? ERROR_RATES[status] };
      });
    const count = (SAMPLE_DAYS * DAY_MS) / SAMPLE_MS;
    const list: SliSample[] = new Array<SliSample>(count);
    for (let k = count; k >= 1; k--) {
      const at = now - k * SAMPLE_MS;
      const total = Math.max(1, Math.round(spec.peak * traffic(at) * (0.9 + 0.2 * random())));
      let rate = spec.errorRate * (0.5 + random());
      for (const w of windows) {
        const overlap = Math.min(at + SAMPLE_MS, w.to) - Math.max(at, w.from);
        if (overlap > 0) rate += (w.rate * (0.85 + 0.3 * random()) * overlap) / SAMPLE_MS;
      }
      // Rounded at random, so that rare errors still show up at their expected rate. For the
      // Timeslices SLO the normal rate keeps every slice above its target; incidents push it below.
      const bad = Math.min(total, Math.floor(total * Math.min(1, rate) + random()));
      list[count - k] = { at, good: total - bad, total };
    }
    samples[spec.id] = list;
  }

  const latest = Math.max(
    ...statusChanges.map((c) => toMsOf(c.at)),
    ...incidents.map((i) => toMsOf(i.updatedAt)),
    ...maintenances.map((m) => toMsOf(m.updatedAt)),
  );
  return {
    now,
    seed,
    page: { id: 'page_kinetic', name: 'Kinetic Status', url: 'https://status.kinetic.example', timeZone: TIME_ZONE, updatedAt: toIso(latest) },
    groups,
    components,
    statusChanges,
    people,
    incidents,
    timeline,
    roles,
    maintenances,
    postmortems,
    actions,
    slos,
    samples,
    guideline: DEFAULT_SEVERITY_GUIDELINE,
    roleDefinitions: DEFAULT_ROLES,
  };
}

/** Epoch ms of an ISO instant this module wrote (always the canonical UTC form). */
function toMsOf(iso: string): number {
  return Date.parse(iso);
}

/**
 * Share of the peak traffic at an instant, by hour in Tokyo: gyms are busiest before work and in
 * the evening, and 24-hour studios keep a trickle going all night.
 */
function traffic(at: number): number {
  const hours = ((at + TOKYO_OFFSET_MS) % DAY_MS) / HOUR_MS;
  const h = Math.floor(hours);
  const a = HOURLY_TRAFFIC[h]!;
  const b = HOURLY_TRAFFIC[(h + 1) % 24]!;
  return a + (b - a) * (hours - h);
}

const HOURLY_TRAFFIC = [
  0.12, 0.08, 0.06, 0.05, 0.06, 0.15, 0.45, 0.85, 0.9, 0.7, 0.55, 0.5, 0.55, 0.5, 0.45, 0.5, 0.65, 0.9, 1, 0.95, 0.8, 0.55,
  0.35, 0.2,
];

/** Share of requests that fail (or are too slow) while an incident holds a component in a status. */
const ERROR_RATES: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0.25,
  partial_outage: 0.3,
  major_outage: 0.9,
};

const ROLE_NAMES = new Map(DEFAULT_ROLES.map((r) => [r.key, r.name.en.toLowerCase()]));

const TIMELINE_SECTION_KINDS = new Set<TimelineEventKind>([
  'detected',
  'acknowledged',
  'note',
  'action',
  'severity_changed',
  'role_changed',
  'mitigated',
  'resolved',
]);

const SECTION_TITLES: Readonly<Record<(typeof POSTMORTEM_SECTION_KEYS)[number], string>> = {
  summary: 'Summary',
  impact: 'Impact',
  detection: 'Detection',
  response: 'Response',
  recovery: 'Recovery',
  timeline: 'Timeline',
  contributing_factors: 'Contributing factors',
  trigger: 'Trigger',
  five_whys: 'Five whys',
  what_went_well: 'What went well',
  what_went_wrong: 'What went wrong',
  where_we_got_lucky: 'Where we got lucky',
  lessons: 'Lessons',
};

const SECTION_TITLES_JA: Readonly<Record<(typeof POSTMORTEM_SECTION_KEYS)[number], string>> = {
  summary: '概要',
  impact: '影響',
  detection: '検知',
  response: '対応',
  recovery: '復旧',
  timeline: 'タイムライン',
  contributing_factors: '寄与要因',
  trigger: 'きっかけ',
  five_whys: 'なぜなぜ分析',
  what_went_well: 'うまくいったこと',
  what_went_wrong: 'うまくいかなかったこと',
  where_we_got_lucky: '幸運だったこと',
  lessons: '学び',
};

// ---------------------------------------------------------------------------------------------
// The story. Keys (without prefixes) link the pieces; ids are made from them or from positions.

interface PersonSpec {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly handle: string;
  readonly timeZone: string;
}

const PEOPLE: readonly PersonSpec[] = [
  { key: 'tanaka', name: 'Yui Tanaka', email: 'yui.tanaka', handle: 'yui', timeZone: 'Asia/Tokyo' },
  { key: 'sato', name: '佐藤 健二', email: 'kenji.sato', handle: 'kenji.sato', timeZone: 'Asia/Tokyo' },
  { key: 'suzuki', name: 'Haruka Suzuki', email: 'haruka.suzuki', handle: 'haruka', timeZone: 'Asia/Tokyo' },
  { key: 'ito', name: '伊藤 大輔', email: 'daisuke.ito', handle: 'daisuke', timeZone: 'Asia/Tokyo' },
  { key: 'watanabe', name: 'Aiko Watanabe', email: 'aiko.watanabe', handle: 'aiko.w', timeZone: 'Asia/Tokyo' },
  { key: 'yamamoto', name: '山本 亮', email: 'ryo.yamamoto', handle: 'ryo.y', timeZone: 'Asia/Tokyo' },
  { key: 'nakamura', name: 'Mei Nakamura', email: 'mei.nakamura', handle: 'mei', timeZone: 'Asia/Tokyo' },
  { key: 'kobayashi', name: 'Sho Kobayashi', email: 'sho.kobayashi', handle: 'sho', timeZone: 'Asia/Tokyo' },
  { key: 'kato', name: '加藤 美咲', email: 'misaki.kato', handle: 'misaki', timeZone: 'Asia/Tokyo' },
  { key: 'hayashi', name: '林 拓海', email: 'takumi.hayashi', handle: 'takumi', timeZone: 'Asia/Tokyo' },
  { key: 'carter', name: 'Emily Carter', email: 'emily.carter', handle: 'emily', timeZone: 'Asia/Tokyo' },
  { key: 'oneill', name: "James O'Neill", email: 'james.oneill', handle: 'jamie', timeZone: 'America/Los_Angeles' },
  { key: 'raman', name: 'Priya Raman', email: 'priya.raman', handle: 'priya', timeZone: 'Asia/Singapore' },
  { key: 'moreau', name: 'Lucas Moreau', email: 'lucas.moreau', handle: 'lucas', timeZone: 'Europe/Paris' },
];

const GROUPS = [
  { key: 'members', name: 'Member experience', description: 'What members use: the app, bookings, check-in and notifications.' },
  { key: 'studio', name: 'Studio operations', description: 'What studio staff use every day.' },
  { key: 'payments', name: 'Payments', description: 'Cashless payments, invoices and receipts.' },
  { key: 'platform', name: 'Platform', description: 'Sign-in, the public API and search.' },
] as const;

interface ComponentSpec {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly group: (typeof GROUPS)[number]['key'] | null;
  readonly position: number;
  readonly showcase?: boolean;
  readonly onlyShowIfDegraded?: boolean;
  readonly createdDaysAgo?: number;
}

const COMPONENTS: readonly ComponentSpec[] = [
  { key: 'member_app', name: 'Member app', description: 'The Kinetic app for iOS and Android, and the member web pages.', group: 'members', position: 1 },
  { key: 'reservations', name: 'Reservations', description: 'Class and personal-training bookings, waitlists and calendars.', group: 'members', position: 2 },
  { key: 'checkin', name: 'Check-in & door access', description: 'QR check-in and door access at studios (IoT door controllers).', group: 'members', position: 3 },
  { key: 'notifications', name: 'Notifications', description: 'Push notifications, booking confirmations and reminders.', group: 'members', position: 4 },
  { key: 'admin_console', name: 'Admin console', description: 'The studio admin console and its dashboards.', group: 'studio', position: 1 },
  { key: 'memberships', name: 'Memberships & billing', description: 'Membership plans, contracts and the monthly billing run.', group: 'studio', position: 2 },
  { key: 'staff_shifts', name: 'Staff shifts', description: 'Shift schedules and the staff time clock.', group: 'studio', position: 3 },
  { key: 'data_exports', name: 'Data exports', description: 'CSV exports and scheduled reports.', group: 'studio', position: 4 },
  { key: 'payments', name: 'Cashless payments', description: 'Card and QR-code payments at studios and in the member app.', group: 'payments', position: 1 },
  { key: 'invoices', name: 'Invoices & receipts', description: 'Invoices, receipts and bank transfers.', group: 'payments', position: 2, onlyShowIfDegraded: true },
  { key: 'auth', name: 'Login & authentication', description: 'Sign-in for members and staff, including Google and Apple sign-in.', group: 'platform', position: 1 },
  { key: 'public_api', name: 'Public API & webhooks', description: 'The public REST API and outgoing webhooks for integrations.', group: 'platform', position: 2 },
  { key: 'search', name: 'Search', description: 'Member and class search in the admin console.', group: 'platform', position: 3, createdDaysAgo: 400 },
  { key: 'website', name: 'Website & online sign-up', description: 'kinetic.example and online sign-up for new members.', group: null, position: 5 },
  { key: 'job_queue', name: 'Background jobs', description: 'Internal: job workers for billing runs, imports and reindexing.', group: null, position: 6, showcase: false },
];

type When = { readonly day: number; readonly at: string } | { readonly ago: number };

interface IncidentSpec {
  readonly key: string;
  /** Days before today in Tokyo and the local start time; or, for open incidents, minutes before now. */
  readonly when: When;
  readonly severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  readonly impact: Impact;
  readonly internal?: boolean;
  readonly title: string;
  readonly summary: string;
  readonly components: readonly (readonly [string, ComponentStatus])[];
  readonly labels: readonly string[];
  readonly related?: readonly (readonly [string, IncidentRelation])[];
  /** Minutes after the start: detected, acknowledged, mitigated, resolved (null: not yet). */
  readonly times: readonly [number, number, number | null, number | null];
  readonly commander: string;
  readonly team?: readonly (readonly [RoleKey, string])[];
  /** Command passes to `to` at minute `at`; the old commander then takes role `then`. */
  readonly handOff?: { readonly at: number; readonly to: string; readonly note: string; readonly then?: RoleKey };
  /** How it was detected (the first log entry). */
  readonly detected: string;
  /** Updates, oldest first: status, minute after the start, body. */
  readonly updates: readonly (readonly [IncidentStatus, number, string])[];
  /** Further log entries: minute after the start, body, kind (default note). */
  readonly log: readonly (readonly [number, string, TimelineEventKind?])[];
  /** Share of SLI events that fail while it lasts; default by component status. */
  readonly errorRate?: number;
}

const INCIDENTS: readonly IncidentSpec[] = [
  {
    key: 'calendar',
    when: { day: 88, at: '10:12' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Slow loading of the reservation calendar',
    summary: 'The reservation calendar loaded slowly for studios with many recurring classes. Bookings still went through.',
    components: [['reservations', 'degraded_performance']],
    labels: ['reservations', 'performance', 'database'],
    times: [6, 14, 55, 95],
    commander: 'kobayashi',
    team: [['subject_matter_expert', 'ito']],
    detected: 'Alert: p95 of GET /calendar at 11.2 s (normal 0.8 s).',
    updates: [
      ['investigating', 10, 'We are investigating slow loading of the reservation calendar in the admin console and the member app. Bookings still go through, but the calendar may take 10 seconds or more to appear.'],
      ['identified', 35, 'We have identified a slow database query behind the calendar view for studios with many recurring classes, and we are deploying a fix.'],
      ['monitoring', 55, 'The fix is deployed and calendar load times are back to normal. We are monitoring.'],
      ['resolved', 95, 'Calendar load times have stayed normal for the last 40 minutes. This incident is resolved. Thank you for your patience.'],
    ],
    log: [
      [30, 'EXPLAIN shows a sequential scan on class_occurrences for studios with more than 5,000 recurring occurrences.'],
      [50, 'Hotfix deployed: the calendar query is limited to the visible week.', 'action'],
    ],
  },
  {
    key: 'cert',
    when: { day: 85, at: '07:05' },
    severity: 'SEV2',
    impact: 'major',
    title: '一部店舗でQRチェックインができない',
    summary: '一部の店舗で、QRコードによるチェックインと入館ゲートの解錠ができない状態が発生しました。ドアコントローラーとの通信に使用する証明書の期限切れが原因です。',
    components: [['checkin', 'partial_outage']],
    labels: ['checkin', 'iot', 'certificates'],
    times: [9, 13, 48, 110],
    commander: 'yamamoto',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'kato'],
    ],
    detected: 'Support: 12 studios calling about the QR gates since opening. Manual check-in workaround shared with them.',
    updates: [
      ['investigating', 15, '現在、一部の店舗でQRコードによるチェックインおよび入館ゲートの解錠ができない事象が発生しております。原因を調査中です。店舗スタッフの方は、管理画面の「手動チェックイン」をご利用ください。ご不便をおかけし申し訳ございません。'],
      ['identified', 35, '原因を特定しました。ドアコントローラーとの通信に使用している証明書の有効期限切れによるものです。現在、証明書の更新作業を行っております。'],
      ['monitoring', 48, '証明書を更新し、チェックインと解錠が順次回復していることを確認しました。引き続き状況を監視しております。'],
      ['resolved', 110, 'すべての店舗でチェックインが正常に動作していることを確認しました。本件は解決済みです。ご迷惑をおかけし、誠に申し訳ございませんでした。'],
    ],
    log: [
      [25, 'Gateway logs: "x509: certificate has expired" for door-gateway.kinetic.internal.'],
      [40, 'New certificate issued and rolled out to the gateway pool.', 'action'],
      [60, 'Some controllers need a reconnect; the IoT team is pushing a reconnect command.'],
    ],
  },
  {
    key: 'shiftexport',
    when: { day: 82, at: '14:30' },
    severity: 'SEV4',
    impact: 'none',
    title: 'Staff shift exports show times in UTC',
    summary: 'CSV exports of shift schedules showed start and end times in UTC instead of the studio’s local time. Schedules in the console were correct.',
    components: [],
    labels: ['staff-shifts', 'data-exports'],
    times: [30, 45, 120, 180],
    commander: 'raman',
    detected: 'Support ticket from a studio chain in Osaka: exported shifts are nine hours off.',
    updates: [
      ['identified', 50, 'Shift schedules exported to CSV show start and end times in UTC instead of the studio’s local time. Schedules in the console are correct. A fix is being prepared.'],
      ['resolved', 180, 'The export fix is deployed: CSV exports now use the studio’s time zone. Exports made during the last two days can be downloaded again from Data exports.'],
    ],
    log: [[100, 'Root cause: the new export library defaults to UTC; the studio time zone was not passed through.']],
  },
  {
    key: 'rush1',
    when: { day: 79, at: '07:40' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Reservations slow or timing out during the morning rush',
    summary: 'Booking classes was slow or failed for about an hour during the morning rush, while a large chain opened next week’s bookings for all its studios at once.',
    components: [
      ['reservations', 'partial_outage'],
      ['member_app', 'degraded_performance'],
    ],
    labels: ['reservations', 'performance', 'database', 'large-customer'],
    times: [4, 7, 70, 160],
    commander: 'tanaka',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'ito'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'kobayashi'],
      ['subject_matter_expert', 'nakamura'],
    ],
    detected: 'Alert: reservations API p99 above 5 s, error rate 18 %.',
    updates: [
      ['investigating', 8, 'We are investigating slow responses and timeouts when booking classes in the member app and the admin console. Some bookings may fail; please retry if you see an error.'],
      ['identified', 30, 'We have identified heavy database load caused by the booking window opening at the same time for many studios. We are adding capacity and reducing load from background jobs.'],
      ['monitoring', 70, 'Response times have recovered after we added database read capacity and paused waitlist recalculation. Bookings are working normally. We are monitoring.'],
      ['resolved', 160, 'Bookings have been stable through the rest of the morning rush. This incident is resolved. We will publish a postmortem.'],
    ],
    log: [
      [20, 'Database primary at 98 % CPU; the top query scans reservations by studio and start time.'],
      [25, 'A 180-site chain opened next week’s bookings for all its sites at the same minute.'],
      [55, 'Added two read replicas and routed calendar reads to them; paused the waitlist recalculation job.', 'action'],
    ],
  },
  {
    key: 'push1',
    when: { day: 76, at: '21:15' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Delayed push notifications',
    summary: 'Booking confirmations and class reminders arrived up to 30 minutes late because our push provider limited our sending rate.',
    components: [['notifications', 'degraded_performance']],
    labels: ['notifications', 'third-party'],
    times: [10, 18, 62, 80],
    commander: 'hayashi',
    detected: 'Alert: push-sender queue at 48,000 messages and growing; provider answering HTTP 429.',
    updates: [
      ['investigating', 15, 'Push notifications (booking confirmations and class reminders) are arriving with delays of up to 30 minutes. Bookings themselves are not affected.'],
      ['identified', 40, 'Our push notification provider is limiting the rate of messages we can send. We are working with them to raise the limit.'],
      ['resolved', 80, 'The provider has raised our limit and the backlog has been delivered. Notifications are arriving on time again.'],
    ],
    log: [
      [40, 'Opened a priority ticket with the push provider.'],
      [62, 'Provider raised our limit; the backlog is draining.'],
    ],
  },
  {
    key: 'searchlag',
    when: { day: 72, at: '11:00' },
    severity: 'SEV4',
    impact: 'minor',
    title: 'Search results missing recently added members',
    summary: 'Members added in the last few hours did not appear in search in the admin console. They could still check in and book classes.',
    components: [['search', 'degraded_performance']],
    labels: ['search', 'indexing'],
    times: [25, 35, 90, 120],
    commander: 'moreau',
    detected: 'Support: studios cannot find members they registered this morning.',
    updates: [
      ['investigating', 40, 'Members added in the last few hours may not appear in search in the admin console. They can still check in and book classes.'],
      ['monitoring', 90, 'Indexing has caught up and new members appear in search again. We are monitoring.'],
      ['resolved', 120, 'Search indexing has stayed up to date. This incident is resolved.'],
    ],
    log: [
      [45, 'Index lag 3 h 10 m: the indexer is stuck on a member record it cannot parse (an emoji in the kana name field).'],
      [80, 'Skipped the record and restarted the consumer; lag is falling.', 'action'],
    ],
  },
  {
    key: 'dup',
    when: { day: 68, at: '18:20' },
    severity: 'SEV1',
    impact: 'critical',
    title: 'Duplicate charges on cashless payments',
    summary: 'During the evening peak, slow responses from our payment gateway caused some cashless payments to be charged twice. Cashless payments were paused for 50 minutes and every duplicate charge was refunded the same evening.',
    components: [['payments', 'major_outage']],
    labels: ['payments', 'cashless', 'gateway'],
    times: [12, 15, 70, 300],
    commander: 'sato',
    team: [
      ['deputy', 'tanaka'],
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'raman'],
    ],
    handOff: {
      at: 150,
      to: 'tanaka',
      note: 'Kenji moves to refund reconciliation with the gateway; Yui takes command. Acknowledged in #inc-payments.',
      then: 'subject_matter_expert',
    },
    detected: 'Support escalation: 9 members charged twice at one studio; similar reports on social media.',
    updates: [
      ['investigating', 20, 'We are investigating reports of members being charged twice for cashless payments at studios. As a precaution, we have paused cashless payments; studios can take payment at the front desk in the meantime.'],
      ['identified', 45, 'We have identified the cause: when our payment gateway responded slowly, our system retried some payments that had in fact succeeded. We are preparing to re-enable payments without automatic retries.'],
      ['monitoring', 70, 'Cashless payments have been re-enabled with automatic retries turned off. We are monitoring payments closely and identifying every duplicate charge so that it can be refunded.'],
      ['monitoring', 180, 'We have identified 1,238 duplicate charges across 214 studios. Refunds for all of them have been issued; depending on the card issuer, a refund can take 3 to 10 days to appear.'],
      ['resolved', 300, 'Payments have been stable since they were re-enabled, and every duplicate charge has been refunded. This incident is resolved. We are sorry for the trouble this caused members and studios. A postmortem will follow.'],
    ],
    log: [
      [25, 'Gateway latency p99 31 s since the evening peak (normal 1.2 s). Our client times out at 10 s and retries.'],
      [33, 'Paused cashless payments (flag payments.cashless.enabled = false).', 'action'],
      [60, 'Retries on gateway timeouts disabled; timed-out payments now wait in a pending state for the gateway callback.', 'action'],
      [170, 'Refund SQL reviewed by two people; refunds issued through the gateway batch API.', 'action'],
    ],
  },
  {
    key: 'loginmail',
    when: { day: 65, at: '09:30' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'ログイン用メールの配信遅延',
    summary: '会員アプリのログイン時に送信される認証メールが、最大20分程度遅れて届く事象が発生しました。',
    components: [
      ['auth', 'degraded_performance'],
      ['notifications', 'degraded_performance'],
    ],
    labels: ['auth', 'notifications', 'email'],
    times: [14, 20, 75, 105],
    commander: 'hayashi',
    team: [['subject_matter_expert', 'watanabe']],
    detected: 'Support: members cannot log in to the app; verification emails late, mostly to docomo and au addresses.',
    updates: [
      ['investigating', 20, '会員アプリのログイン時に送信される認証メールが、最大20分程度遅れて届く事象が発生しております。現在、原因を調査しております。'],
      ['identified', 45, 'メール配信事業者側で一部の宛先ドメインへの配信が遅延していることを確認しました。配信経路の切り替えを進めております。'],
      ['monitoring', 75, '配信経路を切り替え、認証メールが通常どおり届いていることを確認しました。引き続き監視を続けます。'],
      ['resolved', 105, '認証メールの配信は正常な状態が続いています。本件は解決済みとさせていただきます。'],
    ],
    log: [
      [45, 'The email provider’s status page confirms delays to Japanese carrier domains.'],
      [70, 'Carrier domains switched to the secondary email provider.', 'action'],
    ],
  },
  {
    key: 'batch',
    when: { day: 62, at: '02:10' },
    severity: 'SEV4',
    impact: 'none',
    internal: true,
    title: 'Job queue backlog delayed the nightly renewal batch',
    summary: 'The nightly membership renewal batch was delayed by a job queue backlog. It finished before studios opened; no member was affected.',
    components: [['job_queue', 'degraded_performance']],
    labels: ['job-queue', 'billing', 'batch'],
    times: [20, 35, 140, 170],
    commander: 'kobayashi',
    detected: 'Alert: job queue depth 220,000; the renewal batch has not started.',
    updates: [
      ['investigating', 40, 'A job queue backlog is delaying the nightly renewal batch. No member impact if it finishes before studios open.'],
      ['monitoring', 140, 'Backlog cleared after scaling the workers; the renewal batch has finished. Checking for late or failed renewals.'],
      ['resolved', 170, 'All renewals processed, none late. Closing as SEV4.'],
    ],
    log: [
      [50, 'The evening search reindex job is still running at the same priority as billing.'],
      [90, 'Scaled workers from 8 to 24 and paused the reindex.', 'action'],
    ],
  },
  {
    key: 'android',
    when: { day: 58, at: '19:05' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Member app not loading for some Android users',
    summary: 'After a configuration change, the member app showed a blank screen on Android 9 and 10 for about 45 minutes. iOS and the web were not affected.',
    components: [['member_app', 'partial_outage']],
    labels: ['member-app', 'android', 'release', 'feature-flag'],
    times: [18, 22, 65, 140],
    commander: 'tanaka',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'nakamura'],
      ['scribe', 'kato'],
    ],
    detected: 'Alert: crash-free sessions on Android dropped from 99.7 % to 81 %.',
    updates: [
      ['investigating', 25, 'Some members using the Android app see a blank screen after opening it. iOS and the web are not affected. We are investigating.'],
      ['identified', 45, 'The problem comes from a configuration change released this evening that the app cannot read on older Android versions (9 and 10). We are reverting it.'],
      ['monitoring', 65, 'The configuration change has been reverted. Affected members may need to close and reopen the app. We are monitoring.'],
      ['resolved', 140, 'Crash reports are back to normal levels. This incident is resolved.'],
    ],
    log: [
      [35, 'Crash: JSON parse error in remote config; the new field is a list, and the Android 9-10 build expects a string.'],
      [55, 'Remote config reverted to the previous version.', 'action'],
    ],
  },
  {
    key: 'exports',
    when: { day: 55, at: '10:20' },
    severity: 'SEV3',
    impact: 'minor',
    title: '大規模店舗でデータエクスポートが失敗する',
    summary: '会員数の多い店舗で、会員データのCSVエクスポートが失敗する事象が発生しました。',
    components: [['data_exports', 'partial_outage']],
    labels: ['data-exports', 'large-customer', 'timeout'],
    times: [40, 50, 160, 200],
    commander: 'raman',
    detected: 'Two enterprise customers report failing member-list exports (140,000 and 210,000 rows).',
    updates: [
      ['investigating', 55, '会員数の多い店舗で、会員データのCSVエクスポートが失敗する事象を確認しております。現在調査中です。'],
      ['identified', 90, '10万件を超えるエクスポートで処理がタイムアウトしていることを特定しました。修正を準備しております。'],
      ['monitoring', 160, '修正を適用しました。大規模なエクスポートはバックグラウンドで処理され、完了時にメールでお知らせします。'],
      ['resolved', 200, 'エクスポートが正常に完了していることを確認しました。本件は解決済みです。'],
    ],
    log: [
      [90, 'Synchronous exports hit the 60 s gateway timeout above about 100,000 rows.'],
      [150, 'Large exports switched to the asynchronous job path behind a flag.', 'action'],
    ],
  },
  {
    key: 'push2',
    when: { day: 51, at: '20:40' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Delayed push notifications',
    summary: 'Booking confirmations and class reminders arrived up to 40 minutes late during the evening peak. This was a recurrence of an earlier throttling problem.',
    components: [['notifications', 'degraded_performance']],
    labels: ['notifications', 'third-party', 'recurrence'],
    related: [['push1', 'recurrence_of']],
    times: [8, 12, 55, 95],
    commander: 'hayashi',
    team: [['subject_matter_expert', 'kobayashi']],
    detected: 'Alert: push-sender queue growing; provider answering HTTP 429, the same pattern as last time.',
    updates: [
      ['investigating', 12, 'Booking confirmations and class reminders are arriving late, by up to 40 minutes. We are investigating.'],
      ['identified', 30, 'Our notification provider is again limiting our sending rate during the evening peak. We are spreading reminder sends over a longer period to stay under the limit.'],
      ['monitoring', 55, 'Reminders are now sent in smaller batches and the backlog is shrinking. We are monitoring.'],
      ['resolved', 95, 'Notifications are arriving on time again. This incident is resolved. We are working on a longer-term fix so that this does not happen again.'],
    ],
    log: [
      [20, 'The evening reminder burst sends about 160,000 messages at the half hour.'],
      [30, 'The limit raised last time is per minute; our burst exceeds the per-second limit.'],
      [50, 'Reminder batch size lowered, with jitter across 10 minutes.', 'action'],
    ],
  },
  {
    key: 'dashboard',
    when: { day: 47, at: '08:15' },
    severity: 'SEV4',
    impact: 'minor',
    title: 'Admin console dashboards slow to load',
    summary: 'The admin console home dashboard loaded slowly for some studio chains. Other pages worked normally.',
    components: [['admin_console', 'degraded_performance']],
    labels: ['admin-console', 'performance'],
    times: [20, 30, 50, 70],
    commander: 'ito',
    detected: 'Alert: dashboard widget "members by plan" timing out for chains with more than 50 sites.',
    updates: [
      ['investigating', 25, 'The admin console home dashboard is loading slowly for some studios. Other pages work normally.'],
      ['resolved', 70, 'A slow report query was optimised and the dashboard loads normally again. This incident is resolved.'],
    ],
    log: [
      [30, 'The widget counts members per site on every page load: 50+ queries for a large chain.'],
      [45, 'Widget switched to the hourly materialized view.', 'action'],
    ],
  },
  {
    key: 'api502',
    when: { day: 44, at: '16:00' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Intermittent errors on the public API',
    summary: 'About 7 % of public API requests failed with HTTP 502 for 40 minutes after a load balancer change.',
    components: [['public_api', 'partial_outage']],
    labels: ['public-api', 'load-balancer', 'change'],
    times: [5, 9, 40, 75],
    commander: 'oneill',
    team: [['subject_matter_expert', 'kobayashi']],
    detected: 'Alert: 5xx rate on api.kinetic.example at 7 % (normal below 0.1 %).',
    updates: [
      ['investigating', 10, 'Some requests to the public API are failing with HTTP 502 errors. We are investigating.'],
      ['identified', 25, 'A load balancer configuration change made earlier today is closing some connections too early. We are rolling it back.'],
      ['monitoring', 40, 'The change has been rolled back and error rates are back to normal. We are monitoring.'],
      ['resolved', 75, 'This incident is resolved. Integrations that retried automatically should have recovered; failed webhook deliveries have been sent again.'],
    ],
    log: [
      [22, 'The load balancer idle timeout was changed to 5 s this afternoon; upstream keep-alive is 60 s.'],
      [38, 'Rollback applied.', 'action'],
    ],
  },
  {
    key: 'rush2',
    when: { day: 41, at: '07:35' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Reservations timing out for large studio chains',
    summary: 'Bookings were slow or failed for about 95 minutes during the morning rush, mostly for studios in large chains. This was a recurrence of an earlier morning-rush incident.',
    components: [
      ['reservations', 'partial_outage'],
      ['member_app', 'degraded_performance'],
    ],
    labels: ['reservations', 'performance', 'database', 'large-customer', 'recurrence'],
    related: [['rush1', 'recurrence_of']],
    times: [6, 10, 95, 190],
    commander: 'ito',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'kato'],
    ],
    handOff: {
      at: 85,
      to: 'tanaka',
      note: 'Start of business: Yui takes command so that Daisuke can work on the waitlist fix. Acknowledged in #inc-reservations.',
      then: 'subject_matter_expert',
    },
    detected: 'Alert: reservations API error rate 12 %, p99 9 s; the same shape as the first morning-rush incident.',
    updates: [
      ['investigating', 12, 'We are investigating slow responses and timeouts when booking classes, mainly for studios that belong to large chains.'],
      ['identified', 40, 'This is similar to the slowdown on a previous morning. Booking requests for large chains trigger an expensive recalculation of waitlists. We are limiting that recalculation to restore normal speed.'],
      ['monitoring', 95, 'Waitlist recalculation now runs in the background, and booking response times are back to normal. We are monitoring through the morning peak.'],
      ['resolved', 190, 'Bookings have been stable through the morning peak. This incident is resolved. We know this is the second time this has happened, and our postmortem will explain what we are changing.'],
    ],
    log: [
      [18, 'The index added after the first incident is in use; the load is elsewhere: the waitlist recalculation runs one query per site of the chain.'],
      [25, 'Raised from SEV3 to SEV2: three chains (420 sites) cannot book.', 'severity_changed'],
      [60, 'Waitlist recalculation moved behind a queue with 4 workers; deploy started.', 'action'],
    ],
  },
  {
    key: 'counts',
    when: { day: 37, at: '12:00' },
    severity: 'SEV4',
    impact: 'minor',
    title: '管理画面の会員数表示が実際と異なる',
    summary: '管理画面のダッシュボードに表示される会員数が、実際の人数と異なる場合がありました。会員データそのものへの影響はありません。',
    components: [['admin_console', 'degraded_performance']],
    labels: ['admin-console', 'data'],
    times: [60, 75, 150, 180],
    commander: 'kato',
    detected: 'Support: the dashboard counts paused memberships as active for studios using the new pause feature.',
    updates: [
      ['investigating', 80, '管理画面のダッシュボードに表示される会員数が、実際の人数と異なる場合があることを確認しております。会員データそのものに影響はありません。'],
      ['resolved', 180, '集計処理を修正し、正しい会員数が表示されるようになりました。本件は解決済みです。'],
    ],
    log: [
      [100, 'The aggregation counts memberships by contract end date and ignores the pause period.'],
      [140, 'Aggregation fixed and the last 30 days backfilled.', 'action'],
    ],
  },
  {
    key: 'google',
    when: { day: 36, at: '11:30' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Login failures for members using Google sign-in',
    summary: 'Members who sign in with Google could not log in to the member app for about 30 minutes. Email and password sign-in worked.',
    components: [['auth', 'partial_outage']],
    labels: ['auth', 'sso', 'third-party'],
    times: [7, 10, 35, 60],
    commander: 'kobayashi',
    team: [['subject_matter_expert', 'watanabe']],
    detected: 'Alert: auth error rate 34 % for provider google ("invalid audience").',
    updates: [
      ['investigating', 10, 'Members who sign in with Google cannot log in to the member app. Email and password sign-in works. We are investigating.'],
      ['identified', 22, 'A change to our Google sign-in settings rejected valid sign-in responses. We are restoring the previous settings.'],
      ['monitoring', 35, 'Google sign-in works again. Members who were signed out can sign in normally. We are monitoring.'],
      ['resolved', 60, 'This incident is resolved.'],
    ],
    log: [
      [20, 'This morning’s client ID rotation added the new ID but removed the old one, which app versions before 5.2 still use.'],
      [33, 'Both client IDs accepted again.', 'action'],
    ],
  },
  {
    key: 'mqtt',
    when: { day: 34, at: '22:30' },
    severity: 'SEV3',
    impact: 'minor',
    title: '24時間営業店舗で入館時の解錠が遅延',
    summary: '24時間営業の一部店舗で、QRコードをかざしてから入館ゲートが解錠されるまでに時間がかかる事象が発生しました。',
    components: [['checkin', 'degraded_performance']],
    labels: ['checkin', 'iot', 'mqtt'],
    times: [15, 22, 70, 110],
    commander: 'yamamoto',
    detected: 'Alert: door unlock latency p95 8 s; MQTT broker memory at 92 %.',
    updates: [
      ['investigating', 25, '24時間営業の一部店舗で、QRコードをかざしてから入館ゲートが解錠されるまでに時間がかかる事象が発生しております。現在調査中です。'],
      ['identified', 45, '入館ゲートとの通信を中継するサーバーの負荷が高まっていることを確認しました。対応を進めております。'],
      ['monitoring', 70, '中継サーバーを増強し、解錠までの時間が通常に戻ったことを確認しました。引き続き監視しております。'],
      ['resolved', 110, '状況は安定しています。本件は解決済みとさせていただきます。'],
    ],
    log: [
      [40, 'Retained messages from decommissioned door controllers never expire and fill the broker’s memory.'],
      [65, 'Broker scaled up; retained messages purged.', 'action'],
    ],
  },
  {
    key: 'searchdown',
    when: { day: 28, at: '15:20' },
    severity: 'SEV4',
    impact: 'minor',
    title: 'Search temporarily unavailable in the admin console',
    summary: 'Member search in the admin console returned errors for about 20 minutes. Check-in and bookings were not affected.',
    components: [['search', 'partial_outage']],
    labels: ['search', 'elasticsearch'],
    times: [3, 6, 25, 45],
    commander: 'moreau',
    detected: 'Alert: search cluster red; one data node out of disk.',
    updates: [
      ['investigating', 6, 'Member search in the admin console is returning errors. Check-in and bookings are not affected. We are investigating.'],
      ['monitoring', 25, 'Search is available again after a search cluster node was replaced. We are monitoring.'],
      ['resolved', 45, 'This incident is resolved.'],
    ],
    log: [
      [10, 'The disk filled with old snapshots; the cleanup job had been failing silently for a week.'],
      [20, 'Node replaced; shards reallocating.', 'action'],
    ],
  },
  {
    key: 'billing',
    when: { day: 24, at: '09:05' },
    severity: 'SEV1',
    impact: 'critical',
    title: 'Some members charged twice for monthly membership fees',
    summary: 'During the monthly billing run, slow gateway responses caused some membership fees to be charged twice. Cashless payments and the billing run were paused, and every duplicate charge was refunded the same day.',
    components: [
      ['payments', 'major_outage'],
      ['memberships', 'degraded_performance'],
    ],
    labels: ['payments', 'billing', 'batch', 'recurrence'],
    related: [['dup', 'recurrence_of']],
    times: [25, 29, 65, 420],
    commander: 'tanaka',
    team: [
      ['deputy', 'kobayashi'],
      ['communications', 'suzuki'],
      ['operations_lead', 'sato'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'raman'],
      ['subject_matter_expert', 'oneill'],
    ],
    detected: 'Reconciliation alert: 212 duplicate charge pairs in the last 20 minutes, all from the billing batch.',
    updates: [
      ['investigating', 32, 'We are investigating reports that some members were charged twice for this month’s membership fee. We have paused cashless payments and the monthly billing run while we investigate.'],
      ['identified', 50, 'The monthly billing run retried some charges after slow responses from our payment gateway, even though the first charge had succeeded. This is the same kind of problem as a previous incident, in a part of the system that the earlier fix did not cover. Cashless payments at studios will be re-enabled shortly.'],
      ['monitoring', 65, 'Cashless payments at studios are available again. The monthly billing run stays paused until it is fixed. We are identifying every duplicate charge.'],
      ['monitoring', 240, 'We have identified 3,412 duplicate membership charges across 402 studios and have issued refunds for all of them. Depending on the card issuer, a refund can take 3 to 10 days to appear. Studios will receive a list of affected members by email.'],
      ['resolved', 420, 'The billing run has been fixed and completed without duplicates, and all duplicate charges have been refunded. This incident is resolved. We are very sorry that this happened again; a postmortem with the changes we are making will follow.'],
    ],
    log: [
      [35, 'Paused cashless payments and the monthly billing run.', 'action'],
      [44, 'The batch uses its own gateway client (billing-worker), which still retries on timeout: the fix after the first duplicate-charge incident changed only the checkout client.'],
      [120, 'Billing worker retry on timeout removed and idempotency key added on the batch path; reviewed by Kenji and James.', 'action'],
      [200, 'Refund batch issued and confirmed by the gateway.', 'action'],
      [380, 'Billing run resumed for the remaining members; reconciliation shows no duplicates.'],
    ],
  },
  {
    key: 'shiftsave',
    when: { day: 20, at: '10:45' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'スタッフのシフト表が保存できない',
    summary: 'スタッフのシフト表を編集・保存しようとするとエラーになる事象が、約30分間発生しました。',
    components: [['staff_shifts', 'partial_outage']],
    labels: ['staff-shifts', 'release'],
    times: [12, 18, 40, 70],
    commander: 'ito',
    team: [['subject_matter_expert', 'kato']],
    detected: 'Alert: errors on PUT /shifts: "violates check constraint shifts_no_overlap".',
    updates: [
      ['investigating', 18, 'スタッフのシフト表を編集・保存しようとするとエラーになる事象が発生しております。現在調査中です。'],
      ['identified', 28, '本日のリリースに含まれる変更が原因であることを特定しました。切り戻しを行っております。'],
      ['monitoring', 40, '切り戻しが完了し、シフト表の保存が正常に行えることを確認しました。引き続き監視しております。'],
      ['resolved', 70, '本件は解決済みです。ご不便をおかけし申し訳ございませんでした。'],
    ],
    log: [
      [28, 'This morning’s release added the constraint; night shifts at 24-hour studios span midnight.'],
      [38, 'Release rolled back.', 'action'],
    ],
  },
  {
    key: 'doors',
    when: { day: 16, at: '08:00' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Check-in unavailable at studios with the new door controllers',
    summary: 'Members could not check in at studios using our new door controllers for about 35 minutes, after the manufacturer pushed a firmware update overnight.',
    components: [['checkin', 'major_outage']],
    labels: ['checkin', 'iot', 'vendor', 'firmware'],
    related: [['cert', 'related']],
    times: [5, 8, 42, 120],
    commander: 'yamamoto',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'watanabe'],
    ],
    detected: 'Alert: 38 % of door controllers offline, all model DC-200, all on firmware 3.1.0 since 04:00.',
    updates: [
      ['investigating', 9, 'Members cannot check in at studios that use our new door controllers: gates do not open after scanning the QR code. Staff can open gates from the admin console (Check-in > Manual unlock). We are investigating.'],
      ['identified', 25, 'The door controllers received an automatic firmware update from their manufacturer overnight that changed how they connect to our service. We are working with the manufacturer to restore connections.'],
      ['monitoring', 42, 'We have enabled a compatible connection mode on our side, and the door controllers are reconnecting. Check-in is working again at most studios. We are monitoring.'],
      ['resolved', 120, 'All door controllers are connected and check-in works at every studio. This incident is resolved.'],
    ],
    log: [
      [20, 'Firmware 3.1.0 requires TLS 1.3 with cipher suites our production gateway had not enabled (staging had them).'],
      [30, 'The vendor confirms the rollout was not announced to integrators.'],
      [40, 'TLS 1.3 cipher configuration enabled on the gateway; controllers reconnecting.', 'action'],
    ],
  },
  {
    key: 'gateway',
    when: { day: 12, at: '19:10' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Card payments failing at some studios',
    summary: 'About 30 % of card payments at studios failed for 90 minutes while our payment provider had problems in one of its data centres. Cash and bank transfers were not affected.',
    components: [['payments', 'partial_outage']],
    labels: ['payments', 'gateway', 'third-party', 'failover'],
    times: [6, 9, 100, 150],
    commander: 'sato',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'hayashi'],
      ['subject_matter_expert', 'oneill'],
    ],
    detected: 'Alert: payment failures 31 %; the gateway’s primary endpoint answers 503 to about a third of requests.',
    updates: [
      ['investigating', 10, 'Some card payments at studios are failing. Cash and bank transfer payments are not affected. We are investigating.'],
      ['identified', 30, 'Our payment gateway provider is having problems in one of its data centres. Switching to their secondary endpoint did not happen automatically; we are switching manually.'],
      ['identified', 70, 'The manual switch is taking longer than expected because of a connection limit on the secondary endpoint. Roughly 30 % of card payments are still failing. We are working with the provider.'],
      ['monitoring', 100, 'Card payments are succeeding again through the provider’s secondary endpoint. We are monitoring.'],
      ['resolved', 150, 'The provider has resolved their issue and payments are back on the primary endpoint. This incident is resolved.'],
    ],
    log: [
      [15, 'Automatic failover did not trigger: the health check only tests a TCP connect, which still succeeds.'],
      [40, 'Manual failover started; the secondary endpoint allows 50 connections per merchant, we need about 200 at peak.', 'action'],
      [95, 'The provider raised the connection limit; payments are recovering.'],
    ],
  },
  {
    key: 'apilatency',
    when: { day: 8, at: '14:00' },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Elevated latency on the public API',
    summary: 'Public API responses were slow for about two hours because one integration polled the API at a very high rate. Requests succeeded.',
    components: [['public_api', 'degraded_performance']],
    labels: ['public-api', 'performance', 'rate-limiting', 'large-customer'],
    times: [10, 16, 120, 150],
    commander: 'oneill',
    team: [['communications', 'carter']],
    detected: 'Alert: public API p95 2.4 s (normal 300 ms); 41 % of requests come from one API key.',
    updates: [
      ['investigating', 16, 'Responses from the public API are slower than usual. Requests are succeeding. We are investigating.'],
      ['identified', 45, 'One integration is polling the API at a very high rate. We are working with that customer and adding rate limits.'],
      ['monitoring', 120, 'Per-client rate limits are in place and response times are back to normal. We are monitoring.'],
      ['resolved', 150, 'This incident is resolved.'],
    ],
    log: [
      [45, 'The customer’s integration polls /members every second for 160 sites.'],
      [110, 'Per-key rate limit of 20 requests per second enabled.', 'action'],
    ],
  },
  {
    key: 'release',
    when: { day: 5, at: '18:30' },
    severity: 'SEV2',
    impact: 'major',
    title: 'Errors in reservations and the member app after a release',
    summary: 'For about 25 minutes after a release, many bookings failed and the class schedule did not load. The release was rolled back.',
    components: [
      ['reservations', 'partial_outage'],
      ['member_app', 'partial_outage'],
    ],
    labels: ['reservations', 'member-app', 'release', 'rollback'],
    times: [4, 6, 28, 75],
    commander: 'tanaka',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'ito'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'nakamura'],
    ],
    detected: 'Alert: error rate 27 % on /reservations right after the evening deploy.',
    updates: [
      ['investigating', 7, 'Members and staff see errors when booking classes or opening the schedule. We are investigating.'],
      ['identified', 15, 'The errors started with a release a few minutes ago. We are rolling it back.'],
      ['monitoring', 28, 'The release has been rolled back and bookings work again. Any booking that failed can be retried. We are monitoring.'],
      ['resolved', 75, 'This incident is resolved.'],
    ],
    log: [
      [10, 'The canary burn-rate check did not fire: the canary got 1 % of traffic for 3 minutes, below its minimum sample.'],
      [14, 'A migration renamed class_occurrences.capacity while old pods were still reading it.'],
      [26, 'Rollback complete; migration reverted.', 'action'],
    ],
  },
  {
    key: 'push3',
    when: { ago: 250 },
    severity: 'SEV3',
    impact: 'minor',
    title: 'Delayed push notifications',
    summary: 'Push notifications are arriving up to 20 minutes late because of delivery problems at our notification provider.',
    components: [['notifications', 'degraded_performance']],
    labels: ['notifications', 'third-party'],
    related: [['push2', 'related']],
    times: [9, 14, 150, null],
    commander: 'hayashi',
    team: [['subject_matter_expert', 'kobayashi']],
    detected: 'Alert: push queue depth 30,000; the provider’s status page reports degraded delivery in Asia-Pacific.',
    updates: [
      ['investigating', 14, 'Push notifications are arriving late, by up to 20 minutes. Bookings and check-in are not affected. We are investigating.'],
      ['identified', 60, 'Our notification provider is having delivery problems in the Asia-Pacific region. We are switching to a secondary delivery route.'],
      ['monitoring', 150, 'Notifications are going out through the secondary route and the backlog is almost cleared. Some notifications may still arrive late. We are monitoring.'],
    ],
    log: [
      [60, 'Not the rate limit this time (no 429s): delivery latency on the provider’s side.'],
      [140, 'Secondary route enabled for 100 % of sends.', 'action'],
    ],
  },
  {
    key: 'checkin',
    when: { ago: 50 },
    severity: 'SEV2',
    impact: 'minor',
    title: '一部店舗でチェックイン・入館ゲート解錠の遅延',
    summary: '一部の店舗で、QRコードでのチェックインおよび入館ゲートの解錠に時間がかかる、または失敗する事象が発生しています。',
    components: [['checkin', 'degraded_performance']],
    labels: ['checkin', 'iot'],
    related: [['mqtt', 'related']],
    times: [4, 7, null, null],
    commander: 'yamamoto',
    team: [
      ['communications', 'suzuki'],
      ['operations_lead', 'kobayashi'],
      ['scribe', 'kato'],
      ['subject_matter_expert', 'watanabe'],
    ],
    detected: 'Burn-rate alert (QR check-in SLO, 1h/5m) paging: about 30 % of check-ins slow or failing.',
    updates: [
      ['investigating', 8, '一部の店舗で、QRコードでのチェックインおよび入館ゲートの解錠に時間がかかる、または失敗する事象が発生しております。現在調査中です。入館できない場合は、店舗スタッフが管理画面から手動で解錠できます。'],
      ['identified', 30, '入館ゲートとの通信を中継するサーバーの一部で接続数が上限に達していることを特定しました。現在、サーバーの増強を進めております。'],
    ],
    log: [
      [20, 'Gateway pool at its connection limit after a reconnect storm from controllers at three studios.'],
      [35, 'Scaling the gateway pool from 6 to 12 instances.', 'action'],
    ],
    errorRate: 0.3,
  },
];

interface MaintenanceSpec {
  readonly title: string;
  readonly summary: string;
  readonly status: MaintenanceStatus;
  /** Start: days before today in Tokyo (negative: days ahead) at local time, or minutes before now. */
  readonly when: When;
  readonly minutes: number;
  readonly announced: { readonly day: number; readonly at: string };
  readonly components: readonly string[];
  /** Oldest first: status, when (announcement, start, or minutes after the scheduled end), body. */
  readonly updates: readonly (readonly [MaintenanceStatus, 'announce' | 'start' | number, string])[];
}

const STARTED = 'Scheduled maintenance is in progress. We will provide updates as necessary.';
const COMPLETED = 'The scheduled maintenance has been completed.';

const MAINTENANCES: readonly MaintenanceSpec[] = [
  {
    title: 'Database maintenance for reservations',
    summary: 'We will upgrade the reservations database to add capacity for the morning peak. Bookings and the member app may be unavailable for up to 10 minutes during the window.',
    status: 'completed',
    when: { day: 70, at: '02:00' },
    minutes: 120,
    announced: { day: 77, at: '15:00' },
    components: ['reservations', 'member_app'],
    updates: [
      ['scheduled', 'announce', 'We will upgrade the reservations database to add capacity for the morning peak. Bookings and the member app may be unavailable for up to 10 minutes during the window.'],
      ['in_progress', 'start', STARTED],
      ['completed', 0, COMPLETED],
    ],
  },
  {
    title: 'Payment gateway connection upgrade',
    summary: 'We will move our payment gateway connections to new servers. Cashless payments may fail for a few seconds while connections switch over; please retry if that happens.',
    status: 'completed',
    when: { day: 40, at: '01:00' },
    minutes: 60,
    announced: { day: 47, at: '11:00' },
    components: ['payments'],
    updates: [
      ['scheduled', 'announce', 'We will move our payment gateway connections to new servers. Cashless payments may fail for a few seconds while connections switch over; please retry if that happens.'],
      ['in_progress', 'start', STARTED],
      ['completed', 0, COMPLETED],
    ],
  },
  {
    title: '検索基盤のアップグレード',
    summary: '管理画面の会員検索を提供する検索基盤をアップグレードします。作業中は検索結果が一時的に不完全になる場合があります。',
    status: 'completed',
    when: { day: 15, at: '02:00' },
    minutes: 90,
    announced: { day: 21, at: '16:00' },
    components: ['search'],
    updates: [
      ['scheduled', 'announce', '管理画面の会員検索を提供する検索基盤をアップグレードします。作業中は検索結果が一時的に不完全になる場合があります。'],
      ['in_progress', 'start', 'メンテナンスを開始しました。'],
      ['verifying', -20, 'アップグレード作業が完了し、現在動作確認を行っております。'],
      ['completed', 0, 'メンテナンスが完了しました。ご協力ありがとうございました。'],
    ],
  },
  {
    title: 'Data exports storage migration',
    summary: 'We are moving data exports to a new storage backend. Exports requested during the window are queued and delivered when it ends.',
    status: 'in_progress',
    when: { ago: 35 },
    minutes: 120,
    announced: { day: 6, at: '14:00' },
    components: ['data_exports'],
    updates: [
      ['scheduled', 'announce', 'We will move data exports to a new storage backend. Exports requested during the window will be queued and delivered when it ends.'],
      ['in_progress', 'start', STARTED],
    ],
  },
  {
    title: 'Login service upgrade',
    summary: 'We will upgrade the login service. Members who are already signed in are not affected; new sign-ins may fail for up to 5 minutes.',
    status: 'scheduled',
    when: { day: -2, at: '02:00' },
    minutes: 60,
    announced: { day: 1, at: '15:00' },
    components: ['auth'],
    updates: [
      ['scheduled', 'announce', 'We will upgrade the login service. Members who are already signed in are not affected; new sign-ins may fail for up to 5 minutes.'],
    ],
  },
  {
    title: 'Reservations database upgrade to PostgreSQL 17',
    summary: 'We will upgrade the reservations database. Bookings, the member app and the admin console will be read-only for up to 30 minutes during the window.',
    status: 'scheduled',
    when: { day: -7, at: '02:00' },
    minutes: 180,
    announced: { day: 2, at: '11:00' },
    components: ['reservations', 'member_app', 'admin_console'],
    updates: [
      ['scheduled', 'announce', 'We will upgrade the reservations database. Bookings, the member app and the admin console will be read-only for up to 30 minutes during the window.'],
    ],
  },
];

interface PostmortemSpec {
  readonly incident: string;
  readonly title: string;
  readonly owner: string;
  readonly status: PostmortemStatus;
  readonly language?: 'ja';
  readonly labels: readonly string[];
  /** Written sections; `timeline` and `five_whys` are made from the log and the whys. */
  readonly sections: Readonly<Partial<Record<(typeof POSTMORTEM_SECTION_KEYS)[number], string>>>;
  readonly factors: readonly (readonly [ContributingFactorCategory, string])[];
  readonly whys: readonly (readonly [string, string])[];
  /** Person key (or null and a name for someone outside the company), and the note. */
  readonly thanks: readonly (readonly [string | null, string, string])[];
  readonly publicSummary?: string;
}

const POSTMORTEMS: readonly PostmortemSpec[] = [
  {
    incident: 'cert',
    title: '一部店舗でQRチェックインができない事象について',
    owner: 'yamamoto',
    status: 'published',
    language: 'ja',
    labels: ['checkin', 'iot', 'certificates'],
    sections: {
      summary:
        '早朝、ドアコントローラーとの通信に使用しているゲートウェイのTLS証明書が期限切れとなり、85店舗でQRコードによるチェックインと入館ゲートの解錠が約45分間できなくなりました。証明書を手動で更新して復旧しました。証明書の更新は四半期ごとの手作業に頼っており、担当者の異動に伴って更新作業が漏れていました。',
      impact:
        '- 85店舗で約45分間、QRコードでのチェックインと入館ゲートの解錠ができませんでした。\n- 店舗スタッフによる手動チェックインで対応いただき、約2,300件の手動チェックインが発生しました。\n- 会員データへの影響はありません。',
      detection:
        '開店直後に店舗からのお問い合わせで検知しました。証明書の有効期限を監視する仕組みはなく、ゲートウェイのエラーもアラートの対象になっていませんでした。',
      response:
        '山本がインシデントコマンダーを務め、鈴木が店舗向けの案内を担当しました。最初の更新で手動チェックインの方法を案内したことで、店舗の混乱を抑えることができました。',
      recovery:
        '新しい証明書を発行してゲートウェイに配布しました。一部のコントローラーは再接続が必要だったため、IoTチームが再接続コマンドを送信しました。',
      contributing_factors:
        '証明書の更新は四半期ごとの運用チェックリストに載った手作業で、担当者が異動した際に引き継がれていませんでした。期限を知らせる監視もありませんでした。',
      trigger: 'ゲートウェイのTLS証明書の有効期限切れ。',
      what_went_well:
        '- 手動チェックインという回避策が既にあり、最初の案内で店舗に伝えられた。\n- 原因の特定が早かった（ログに期限切れが明示されていた）。',
      what_went_wrong:
        '- お客様からの連絡で初めて気づいた。\n- 証明書の更新手順が一人の担当者の記憶に依存していた。',
      where_we_got_lucky: '- 平日の早朝で、来店数が少ない時間帯だった。',
      lessons:
        '人の記憶や手作業に依存する定期作業は、いつか必ず漏れる。自動化できるものは自動化し、自動化したら手作業の手順はチェックリストから削除する。',
    },
    factors: [
      ['architecture_infrastructure', '証明書の更新が自動化されておらず、四半期ごとの手作業に依存していた。'],
      ['release_monitoring_operations', '証明書の有効期限を監視するアラートがなかった。'],
      ['cross_team_coordination', '更新作業の担当者が異動した際、運用チェックリストの担当が引き継がれなかった。'],
    ],
    whys: [
      ['なぜチェックインができなかったのか？', 'ドアコントローラーがゲートウェイに接続できなかったため。'],
      ['なぜ接続できなかったのか？', 'ゲートウェイのTLS証明書の有効期限が切れていたため。'],
      ['なぜ期限が切れたのか？', '四半期ごとの手作業での更新が行われなかったため。'],
      ['なぜ更新が行われなかったのか？', '担当者の異動時に、チェックリストの担当が引き継がれなかったため。'],
    ],
    thanks: [
      ['suzuki', '', '店舗向けの案内を迅速に出してくれました。'],
      ['kobayashi', '', '証明書の再発行と配布を10分で完了してくれました。'],
    ],
    publicSummary:
      'ドアコントローラーとの通信に使用する証明書の期限切れにより、85店舗で約45分間、QRコードでのチェックインができませんでした。証明書の更新を自動化し、期限の21日前に通知する監視を追加しました。',
  },
  {
    incident: 'rush1',
    title: 'Reservations slow or timing out during the morning rush',
    owner: 'ito',
    status: 'published',
    labels: ['reservations', 'performance', 'database'],
    sections: {
      summary:
        'During the morning rush, a large chain opened next week’s bookings for all 180 of its sites at the same minute. The reservations database reached 98 % CPU and bookings were slow or failed for about an hour. We added read replicas, paused the waitlist recalculation job and added an index for the slowest query.',
      impact:
        '- About 60 minutes of slow or failing bookings; at worst 18 % of booking requests failed.\n- All studios were affected, the chain’s studios most.\n- No bookings were lost or duplicated.',
      detection: 'A latency alert fired 4 minutes after the slowdown began, and the on-call engineer paged for help at once.',
      response:
        'Yui Tanaka took command and Daisuke Ito led the database work. Haruka Suzuki kept studios informed, and support told members to retry failed bookings.',
      recovery:
        'Two read replicas took the calendar reads, and pausing the waitlist recalculation job brought CPU below 60 %. The slow query got an index on studio and start time the next day.',
      contributing_factors:
        'The slow query scanned all of a chain’s reservations because no index covered studio and start time.',
      trigger: 'A 180-site chain opened next week’s bookings for all its sites at once.',
      what_went_well: '- The alert fired quickly.\n- Pausing the waitlist job was a safe, reversible lever.',
      what_went_wrong:
        '- We added capacity and an index under time pressure and did not look further into why the load existed.',
      where_we_got_lucky: '- The chain opened bookings before most studios’ first classes started.',
      lessons: 'Large customers change the shape of our load, not only its size.',
    },
    factors: [
      ['product_quality', 'Booking windows of a whole chain can open at the same minute; nothing in the product spreads them.'],
      ['architecture_infrastructure', 'The reservations database has a single primary, and calendar reads shared it with writes.'],
    ],
    whys: [
      ['Why were bookings slow?', 'The database primary was at 98 % CPU.'],
      ['Why was CPU so high?', 'A query on reservations scanned all of a chain’s rows.'],
      ['Why did it scan all rows?', 'No index covered studio and start time.'],
    ],
    thanks: [['kobayashi', '', 'Had the read replicas up in 20 minutes.']],
    publicSummary:
      'Bookings were slow or failed for about an hour during the morning rush, when a large chain opened its booking window for all its studios at once. We added database capacity and optimised the slowest query.',
  },
  {
    incident: 'dup',
    title: 'Duplicate charges on cashless payments',
    owner: 'sato',
    status: 'published',
    labels: ['payments', 'cashless', 'gateway'],
    sections: {
      summary:
        'During the evening peak our payment gateway slowed down sharply. Our checkout service treated gateway responses slower than 10 seconds as failures and retried them automatically. Many of those first attempts had in fact succeeded, so 1,238 members at 214 studios were charged twice. We paused cashless payments for 50 minutes, re-enabled them with automatic retries turned off, and refunded every duplicate charge the same evening.',
      impact:
        '- 1,238 duplicate charges (¥4.1M in total) across 214 studios, all refunded within 5 hours of the first one.\n- Cashless payments were paused for 50 minutes during the evening peak; studios took payment at the front desk.\n- 380 support contacts that evening and the next day, most from members who saw two charges in their card app.\n- No card data was exposed: the gateway received a second authorisation for the same card, nothing more.',
      detection:
        'We did not detect this ourselves. The first signal was a support escalation 12 minutes after the gateway slowed down, followed by posts on social media. Our payment dashboards showed higher latency but no errors, because a retried payment that succeeds counts as a success. We had no alert on gateway latency and no check for two charges of the same amount to the same card within minutes.',
      response:
        'Kenji Sato (payments) took command three minutes after the escalation and declared SEV1. Within 20 minutes the team had linked the duplicates to client-side retries and decided to pause cashless payments rather than fix forward during the peak. Haruka Suzuki posted the first public update at the same time and gave studios the front-desk workaround. After two and a half hours Kenji handed command to Yui Tanaka, who had been deputy, so that he could work with the gateway on refunds; the hand-off was announced in the incident channel and acknowledged.',
      recovery:
        'Retries on gateway timeouts were turned off with a configuration change and cashless payments were re-enabled 50 minutes after the pause. Timed-out payments now wait in a pending state and are settled by the gateway’s callback. Priya Raman wrote the SQL that matched duplicate pairs (same member, same amount, same studio, within 15 minutes); two people reviewed it before the refund batch was sent.',
      contributing_factors:
        'The trigger was outside our control, but several things on our side turned a slow gateway into double charges. They are listed below by category.',
      trigger: 'A latency spike at the payment gateway during the evening peak (p99 31 seconds against a normal 1.2 seconds).',
      what_went_well:
        '- Pausing payments early stopped the damage; nobody argued for fixing forward during the peak.\n- The first public update went out 8 minutes after command was taken and told studios exactly what to do.\n- The refund SQL was reviewed by a second person before it touched money.\n- The command hand-off was explicit and recorded, so nobody wondered who was in charge.',
      what_went_wrong:
        '- Customers found the problem before we did.\n- Nobody on call knew that the checkout client retried on timeout; the retry had been added two years earlier to hide flaky connections.\n- The gateway’s idempotency keys were never enabled, although the gateway has offered them for years.\n- The payments runbook did not cover pausing payments; the flag name was found by searching the code.',
      where_we_got_lucky:
        '- The spike happened on a weekday evening, not on the first of the month, when the monthly billing run charges every member.\n- The gateway kept complete logs, so every duplicate could be matched with certainty.\n- Kenji happened to be online; the payments on-call rotation had a gap that evening.',
      lessons:
        'A retry is only safe when the operation is idempotent. Any automatic retry of a call that moves money needs an idempotency key, and every client that calls the gateway must follow the same rule, not only the one that failed this time.',
    },
    factors: [
      ['architecture_infrastructure', 'Payment calls were not idempotent: the gateway’s idempotency keys were never enabled, so a retry created a second charge.'],
      ['product_quality', 'The checkout client retried on a 10-second timeout; the retry was added to hide flaky connections and was never reviewed for calls that move money.'],
      ['release_monitoring_operations', 'No alert on gateway latency or on duplicate charges; success-rate dashboards counted a successful retry as a success.'],
      ['skills', 'Only two engineers knew the payments code well enough to find the retry quickly; on-call responders could not have found the pause flag alone.'],
      ['cross_team_coordination', 'The gateway’s status notices went to a shared mailbox that the payments team does not read.'],
    ],
    whys: [
      ['Why were members charged twice?', 'Our checkout service sent a second authorisation for payments whose first authorisation had succeeded.'],
      ['Why did it send a second authorisation?', 'It retried automatically when the gateway took longer than 10 seconds to answer.'],
      ['Why could a retry create a second charge?', 'The requests carried no idempotency key, so the gateway treated the retry as a new payment.'],
      ['Why was there no idempotency key?', 'The integration was built before the gateway offered keys, and nobody revisited it when they were introduced.'],
      ['Why was it never revisited?', 'Payment integration code has no owner who reviews it against the gateway’s changes; it is changed only when something breaks.'],
    ],
    thanks: [
      ['suzuki', '', 'Clear customer updates while payments were paused.'],
      ['raman', '', 'Refund matching SQL, written and reviewed under pressure.'],
      [null, 'Gateway support team', 'Stayed on the call and sped up the refund batch.'],
    ],
    publicSummary:
      'Slow responses from our payment gateway caused our system to retry some cashless payments that had already succeeded, and 1,238 members were charged twice. We paused cashless payments for 50 minutes, turned off the automatic retries and refunded every duplicate charge the same evening. We are adding idempotency keys to every payment request, so that a retry can never create a second charge, and alerts that find duplicate charges within minutes.',
  },
  {
    incident: 'android',
    title: 'Member app not loading for some Android users',
    owner: 'nakamura',
    status: 'published',
    labels: ['member-app', 'android', 'release'],
    sections: {
      summary:
        'A remote configuration change released in the evening added a field that older Android versions of the member app could not read. The app crashed on start for members on Android 9 and 10 (about 14 % of Android users) for about 45 minutes, until we reverted the change.',
      impact: '- About 21,000 members could not open the app during the evening peak.\n- Check-in by QR code still worked for members who had their code saved.',
      detection:
        'The crash-reporting alert fired 18 minutes after the change. It watches the overall crash-free rate; a drop limited to two OS versions took time to cross its threshold.',
      response: 'Mei Nakamura led the fix; Yui Tanaka took command. The revert was the first option considered and took 10 minutes.',
      recovery: 'Reverting the configuration fixed the app on its next start; we asked members to reopen it.',
      trigger: 'A remote configuration change that turned a string field into a list.',
      what_went_well: '- Reverting remote configuration is one click, and everyone knew it.',
      what_went_wrong: '- The change went to every device at once.\n- Nobody checked which app versions read the field.',
      lessons: 'Remote configuration is a release and deserves the same staged rollout as code.',
    },
    factors: [
      ['release_monitoring_operations', 'Remote configuration changes go to 100 % of devices at once, without a staged rollout.'],
      ['product_quality', 'The app’s configuration parser crashed on an unexpected type instead of falling back to defaults.'],
      ['skills', 'The person who made the change did not know that older app versions parse configuration differently.'],
    ],
    whys: [
      ['Why did the app crash?', 'Its configuration parser threw on a field whose type had changed.'],
      ['Why did the type change reach old app versions?', 'Remote configuration has one version for all app versions.'],
      ['Why was that not caught before release?', 'Configuration changes are not validated against the app versions still in use.'],
      ['Why not?', 'Configuration was treated as data, not as a release, so it skipped the release checklist.'],
    ],
    thanks: [['nakamura', '', 'Found the parse error in the crash reports within minutes.']],
    publicSummary:
      'A configuration change made the member app crash on start on Android 9 and 10 for about 45 minutes. We reverted it, and configuration changes now roll out to a small share of devices first and are checked against every supported app version.',
  },
  {
    incident: 'rush2',
    title: 'Reservations timing out for large studio chains (recurrence)',
    owner: 'tanaka',
    status: 'published',
    labels: ['reservations', 'performance', 'recurrence'],
    sections: {
      summary:
        'For the second time in six weeks, bookings slowed down and timed out during the morning rush. Three large chains (420 studios) opened their booking window for the next week at the same minute. Each booking recalculated the waitlist positions of every class in the chain, one site at a time, and the database ran out of CPU. After the first incident we had added an index and read replicas; they made the query we looked at faster, but did not touch the work that caused the load. Moving the waitlist recalculation to a background queue fixed it.',
      impact:
        '- About 95 minutes of slow or failed bookings; 12 % of booking requests failed at the worst point.\n- The 420 studios of three chains were affected most; other studios saw slow calendars.\n- 1,900 members saw a booking error. We found no lost or duplicate bookings.\n- The incident was declared SEV3 and raised to SEV2 after 25 minutes.',
      detection:
        'The error-rate alert from the first incident fired 6 minutes after the slowdown began. The on-call engineer recognised the pattern, which sped up the response but also anchored the investigation on the database index for the first 15 minutes.',
      response:
        'Daisuke Ito was on call and took command. At the start of business he handed command to Yui Tanaka and joined the fix as a subject-matter expert, because he knows the waitlist code best; the hand-off was announced and acknowledged in the channel. Severity was raised to SEV2 when it became clear that whole chains could not book.',
      recovery:
        'We moved the waitlist recalculation out of the booking request into a queue with four workers. Waitlist positions are now up to a minute late, which product agreed is acceptable. Booking response times returned to normal 95 minutes after the start.',
      contributing_factors:
        'This incident is a recurrence. The first postmortem asked "which query is slow?" and fixed that query. It did not ask "why does one booking do work for every site in the chain?".',
      trigger: 'Three chains opened next week’s bookings at the same minute, as their plan allows.',
      what_went_well:
        '- The alert added after the first incident fired 4 minutes sooner than last time.\n- The hand-off of command was explicit, and it put the person who knew the code on the code.\n- Customer success called each of the three chains during the incident.',
      what_went_wrong:
        '- The actions from the first postmortem treated the symptom: an index and read replicas made the slow query faster, but the waitlist recalculation still ran inside every booking.\n- Nobody checked whether the first incident’s actions had addressed the cause before closing them as done.\n- We have no load test that models a large chain opening its booking window.',
      where_we_got_lucky:
        '- The chains opened bookings on a Tuesday, when classes are less full than at the weekend.\n- The fix was small because the waitlist code already had a queue-based path for imports.',
      lessons:
        'When an incident recurs, the first postmortem’s actions were the wrong ones, not merely too few. The weekly review now asks, for every incident with a done action, whether the action addressed a cause or a symptom. The first postmortem stopped at "the query was slow": that was a place to stop, not the cause.',
    },
    factors: [
      ['product_quality', 'Booking a class recalculated waitlists for every class of every site in the chain: an edge case of chain-wide waitlists combined with recurring classes.'],
      ['architecture_infrastructure', 'Expensive work ran synchronously inside the booking request, so load grew with the size of the chain, not with traffic.'],
      ['release_monitoring_operations', 'No load test models a large customer’s booking window opening.'],
      ['culture', 'Actions from the first incident were closed when merged, without checking whether they addressed the cause: "done" meant "shipped".'],
      ['skills', 'Only Daisuke understood the waitlist code; knowledge of it was not shared.'],
    ],
    whys: [
      ['Why did bookings time out?', 'Database CPU reached 100 % while three chains opened their booking windows.'],
      ['Why did that load exhaust the database?', 'Each booking recalculated waitlist positions for all sites of the chain, one query per site.'],
      ['Why did the recalculation run inside the booking?', 'It was written when studios were independent; chain-wide waitlists were added on top of it later.'],
      ['Why did the first postmortem not find this?', 'It stopped at the slow query it could see and fixed that query.'],
      ['Why did it stop there?', 'Our template had no prompt to ask whether a fix addresses a cause or a symptom, and the review did not ask.'],
    ],
    thanks: [
      ['ito', '', 'Handed over command cleanly and found the per-site loop within minutes.'],
      ['kobayashi', '', 'Kept the database alive while the fix was built.'],
      ['carter', '', 'Kept the three chains informed personally.'],
    ],
    publicSummary:
      'Bookings were slow or failed for about 95 minutes during the morning rush, mostly for studios in large chains. This was the second time. Our first fix made the slow database query faster but did not remove the work that caused it: each booking recalculated the waitlists of every studio in the chain. That recalculation now runs in the background, and we now load test booking windows opening for large chains.',
  },
  {
    incident: 'billing',
    title: 'Members charged twice for monthly membership fees (recurrence)',
    owner: 'tanaka',
    status: 'in_review',
    labels: ['payments', 'billing', 'recurrence'],
    sections: {
      summary:
        'During the monthly billing run our payment gateway responded slowly, and the billing worker retried charges that had already succeeded: 3,412 members at 402 studios were charged twice for their membership fee. This is a recurrence of the duplicate-charge incident ten weeks earlier. After that incident we turned off retries in the checkout service, but the billing worker uses its own gateway client, which still retried on timeout. The reconciliation alert added after the first incident detected the duplicates within 25 minutes.',
      impact:
        '- 3,412 duplicate membership charges (¥28.6M in total) across 402 studios, all refunded the same day.\n- Cashless payments at studios were paused for 33 minutes as a precaution; the billing run was paused for 6 hours.\n- 1,150 support contacts over two days; several studios asked for a written explanation for their members.',
      detection:
        'The duplicate-charge reconciliation alert, an action from the first incident, fired 25 minutes after the run started. That is far better than last time, when customers told us, but a run that charges thousands of members a minute needs detection within minutes, not a 20-minute reconciliation window.',
      response:
        'Yui Tanaka took command and declared SEV1 within 4 minutes of the alert. The team paused both cashless payments and the billing run, as the runbook written after the first incident says. Kenji Sato led operations; he and James O’Neill found the second retry path in the billing worker within 20 minutes.',
      recovery:
        'The billing worker’s retry on timeout was removed and idempotency keys were added to the batch path, reviewed by two people. The refund runbook and its reviewed SQL were reused from the first incident; refunds went out within four hours. The billing run was resumed for the remaining members and completed with no duplicates.',
      contributing_factors:
        'The first incident’s actions fixed the client that failed, not the rule that was broken. Two clients call the gateway, and each had its own retry logic.',
      trigger: 'Gateway latency rose during the monthly billing run, which sends 40 times the normal payment volume in its first hour.',
      what_went_well:
        '- The reconciliation alert fired before any customer contacted us.\n- The pause-payments runbook from the first incident worked exactly as written.\n- Refunds took four hours instead of five, using the reviewed SQL from last time.',
      what_went_wrong:
        '- The action "stop automatic retries in checkout" was marked done and counted as the fix; the lesson "every client must follow the same rule" was in the first postmortem, but no action carried it.\n- The idempotency-key action from the first postmortem was still in progress after ten weeks.\n- The billing team was not in the first postmortem’s review, although they own the second gateway client.',
      where_we_got_lucky:
        '- The run started on a weekday morning, with the whole payments team online.\n- The gateway’s latency spike ended after 40 minutes; a longer spike during the run would have doubled the damage.',
      lessons:
        'A lesson that is not an action is not learned. We will link each lesson to at least one action, and invite every team that owns a similar component to the postmortem review, not only the team that was paged.',
    },
    factors: [
      ['architecture_infrastructure', 'Two independent gateway clients (checkout and billing) each implement retries; nothing enforces one policy.'],
      ['cross_team_coordination', 'The billing team owns the second client and did not take part in the first incident’s postmortem.'],
      ['release_monitoring_operations', 'The reconciliation alert runs every 20 minutes, too slowly for a batch that charges thousands of members a minute.'],
      ['culture', 'Prevention was measured by actions closed, not by causes removed: the root-cause action waited ten weeks behind feature work.'],
      ['product_quality', 'The billing worker’s retry on timeout had no test against a gateway that succeeds slowly.'],
    ],
    whys: [
      ['Why were members charged twice?', 'The billing worker retried charges that had succeeded but answered slowly.'],
      ['Why did the billing worker retry them?', 'It has its own gateway client, which retries on timeout; the fix after the first incident changed only the checkout client.'],
      ['Why was only the checkout client changed?', 'The first postmortem’s actions were written for the component that failed, and the billing team was not in the review.'],
      ['Why was the root-cause action (idempotency keys) not done yet?', 'It lost every planning discussion to feature work.'],
      ['Why did it lose?', 'Planning did not show open prevention actions next to feature work, and nobody reviewed overdue prevention work weekly.'],
    ],
    thanks: [
      ['raman', '', 'Second time running the refund SQL, now in under an hour.'],
      ['oneill', '', 'Found the second retry path in the billing worker.'],
      ['suzuki', '', 'Wrote the letter to studios that many of them forwarded to their members.'],
    ],
  },
  {
    incident: 'doors',
    title: 'Check-in unavailable at studios with the new door controllers',
    owner: 'yamamoto',
    status: 'in_review',
    labels: ['checkin', 'iot', 'vendor'],
    sections: {
      summary:
        'Our door-controller manufacturer pushed firmware 3.1.0 overnight without notice. The new firmware accepts only TLS 1.3 with cipher suites that our production gateway had not enabled. From opening time, 38 % of door controllers could not connect, and members could not check in at 160 studios for about 35 minutes.',
      impact:
        '- 160 studios without QR check-in for about 35 minutes during the morning peak.\n- Staff unlocked gates by hand from the admin console; some studios let members in without checking.',
      detection: 'The controller-offline alert fired 5 minutes after opening; controllers had been offline since the update at 04:00, when studios were closed.',
      response:
        'Ryo Yamamoto took command. Comparing the offline controllers showed within 20 minutes that all ran the new firmware. The vendor confirmed the rollout but could not roll it back.',
      recovery: 'We enabled the TLS 1.3 cipher suites on the gateway (staging already had them), and the controllers reconnected on their own.',
      trigger: 'An unannounced automatic firmware update of the door controllers.',
      what_went_wrong:
        '- Production and staging gateway configurations had drifted apart.\n- The alert only counts controllers while studios are open, so four hours of warning were lost.',
      lessons: 'Vendors change our system too. We need to know before they do, and to be able to tell when they did.',
    },
    factors: [
      ['cross_team_coordination', 'The vendor did not announce the firmware rollout to integrators, and our contract does not require them to.'],
      ['architecture_infrastructure', 'Controllers update their firmware automatically; we cannot pin or stage firmware versions.'],
      ['release_monitoring_operations', 'TLS configuration differed between staging and production.'],
    ],
    whys: [
      ['Why could members not check in?', 'Door controllers could not connect to our gateway.'],
      ['Why could they not connect?', 'New firmware required TLS 1.3 cipher suites our production gateway did not offer.'],
      ['Why did production not offer them?', 'The configuration was changed in staging only, months ago.'],
      ['Why did we not know about the firmware?', 'The vendor does not announce rollouts and we have no agreement that it must.'],
    ],
    thanks: [['watanabe', '', 'Spotted the TLS handshake failure in the packet capture.']],
  },
  {
    incident: 'gateway',
    title: 'Card payments failing at some studios',
    owner: 'sato',
    status: 'draft',
    labels: ['payments', 'gateway', 'failover'],
    sections: {
      summary:
        'Our payment provider lost part of one data centre. About 30 % of card payments failed for 90 minutes, because our automatic failover did not trigger and the manual failover hit a connection limit.',
      impact: '- About 30 % of card payments at studios failed for 90 minutes during the evening peak.',
      detection: 'Payment failure alert, 6 minutes after the start.',
    },
    factors: [
      ['architecture_infrastructure', 'The failover health check tested a TCP connect only, which kept succeeding.'],
      ['skills', 'Only Sho had done a manual gateway failover before, and the runbook was out of date.'],
    ],
    whys: [
      ['Why did payments keep failing?', 'Automatic failover to the secondary endpoint did not trigger.'],
      ['Why did it not trigger?', ''],
    ],
    thanks: [],
  },
  {
    incident: 'release',
    title: 'Errors in reservations and the member app after a release',
    owner: 'ito',
    status: 'draft',
    labels: ['reservations', 'release'],
    sections: {
      summary:
        'A release renamed a database column while the previous version was still running and reading it. Bookings failed for about 25 minutes until we rolled back.',
      trigger: 'A migration that renamed class_occurrences.capacity in the same release as the code change.',
    },
    factors: [
      ['release_monitoring_operations', 'The canary burn-rate check needs a minimum number of requests; with 1 % of traffic for 3 minutes it never decided.'],
      ['product_quality', 'The migration renamed a column that the running version still read.'],
    ],
    whys: [],
    thanks: [],
  },
];

interface ActionSpec {
  readonly title: string;
  readonly description: string;
  /** Incident keys; the action comes from the review of `from` (default: the first). */
  readonly incidents: readonly string[];
  readonly from?: string;
  readonly kind: ActionKind;
  readonly owner: string;
  readonly status: ActionStatus;
  /** Due date: days from today in Tokyo (negative: in the past). */
  readonly due: number;
  /** Completed this many days before today (done actions). */
  readonly done?: number;
  readonly effectiveness?: ActionEffectiveness;
  readonly ticket: number;
}

const ACTIONS: readonly ActionSpec[] = [
  { title: 'Limit the calendar query to the visible week', description: 'Keep the hotfix from the incident and cover it with a test for studios with many recurring classes.', incidents: ['calendar'], kind: 'mitigate', owner: 'ito', status: 'done', due: -84, done: 86, effectiveness: 'effective', ticket: 104 },
  { title: 'Automate TLS certificate renewal for the door gateway (ACME)', description: 'Renew the door-gateway certificates automatically 30 days before they expire.', incidents: ['cert'], kind: 'prevent', owner: 'kobayashi', status: 'done', due: -67, done: 70, effectiveness: 'effective', ticket: 112 },
  { title: 'Alert 21 days before any certificate expires', description: 'One alert for every certificate we serve or use, internal ones included.', incidents: ['cert'], kind: 'detect', owner: 'kobayashi', status: 'done', due: -75, done: 78, effectiveness: 'effective', ticket: 113 },
  { title: 'Remove the manual certificate renewal step from the quarterly ops checklist', description: 'Renewal is automated now; a manual step left in the checklist would only confuse the next person.', incidents: ['cert'], kind: 'remove', owner: 'tanaka', status: 'done', due: -60, done: 68, effectiveness: 'effective', ticket: 114 },
  { title: 'Document the manual check-in fallback for studio staff', description: 'A one-page guide in the admin console help, in Japanese and English.', incidents: ['cert'], kind: 'process', owner: 'suzuki', status: 'done', due: -78, done: 80, effectiveness: 'effective', ticket: 115 },
  { title: 'Pass the studio time zone to every export', description: 'Add a lint rule against naive dates in the export code.', incidents: ['shiftexport'], kind: 'prevent', owner: 'raman', status: 'done', due: -70, done: 75, effectiveness: 'effective', ticket: 121 },
  { title: 'Add a composite index on reservations (studio_id, starts_at)', description: 'The slow query from the morning rush scans all of a chain’s reservations.', incidents: ['rush1'], kind: 'mitigate', owner: 'ito', status: 'done', due: -72, done: 76, effectiveness: 'recurred', ticket: 131 },
  { title: 'Agree staggered booking-window openings with large chains', description: 'Ask chains to open booking windows site by site. Dropped: the product should cope with whatever the plan allows.', incidents: ['rush1'], kind: 'process', owner: 'carter', status: 'wont_do', due: -50, ticket: 133 },
  { title: 'Ask the push provider to raise our sending limit', description: 'Raise the per-minute limit before the evening reminder burst.', incidents: ['push1'], kind: 'mitigate', owner: 'hayashi', status: 'done', due: -70, done: 74, effectiveness: 'recurred', ticket: 140 },
  { title: 'Dead-letter queue for records the search indexer cannot process', description: 'One bad record must never stop indexing for everyone.', incidents: ['searchlag'], kind: 'prevent', owner: 'moreau', status: 'done', due: -55, done: 60, effectiveness: 'effective', ticket: 146 },
  { title: 'Alert when search index lag exceeds 10 minutes', description: 'Page the search owner during working hours.', incidents: ['searchlag'], kind: 'detect', owner: 'moreau', status: 'done', due: -62, done: 66, effectiveness: 'effective', ticket: 147 },
  { title: 'Stop automatic retries on gateway timeouts in checkout', description: 'Timed-out payments go to a pending state and are settled by the gateway callback.', incidents: ['dup'], kind: 'mitigate', owner: 'sato', status: 'done', due: -64, done: 67, effectiveness: 'recurred', ticket: 158 },
  { title: 'Reconciliation alert for duplicate charges', description: 'Every 20 minutes, look for the same member charged the same amount at the same studio within 15 minutes, and alert the payments on-call.', incidents: ['dup'], kind: 'detect', owner: 'raman', status: 'done', due: -47, done: 50, effectiveness: 'recurred', ticket: 159 },
  { title: 'Idempotency keys on every payment gateway call', description: 'Checkout and the billing worker both send a key per payment attempt, so a retry can never charge twice.', incidents: ['dup', 'billing'], kind: 'prevent', owner: 'sato', status: 'in_progress', due: -5, ticket: 160 },
  { title: 'Refund runbook with reviewed SQL for duplicate charges', description: 'Updated after the billing incident: covers batch charges too.', incidents: ['dup', 'billing'], kind: 'process', owner: 'raman', status: 'in_review', due: 3, ticket: 161 },
  { title: 'Route Japanese carrier domains through a second email provider automatically', description: 'Fail over per destination domain when delivery latency exceeds 5 minutes.', incidents: ['loginmail'], kind: 'prevent', owner: 'hayashi', status: 'done', due: -40, done: 45, effectiveness: 'effective', ticket: 171 },
  { title: 'Offer SMS one-time codes as a login fallback', description: 'Members whose verification email is late can ask for a code by SMS.', incidents: ['loginmail'], kind: 'prevent', owner: 'watanabe', status: 'todo', due: 20, ticket: 172 },
  { title: 'Separate queue priorities for billing and reindex jobs', description: 'Billing jobs get their own queue and workers.', incidents: ['batch'], kind: 'prevent', owner: 'kobayashi', status: 'done', due: -45, done: 50, effectiveness: 'effective', ticket: 178 },
  { title: 'Validate remote configuration against every supported app version', description: 'CI checks each configuration change against the parsers of the app versions still in use.', incidents: ['android'], kind: 'prevent', owner: 'nakamura', status: 'done', due: -35, done: 40, effectiveness: 'effective', ticket: 185 },
  { title: 'Roll out remote configuration changes to 5 % of devices first', description: 'A staged rollout with an automatic stop on crash-rate changes.', incidents: ['android'], kind: 'process', owner: 'nakamura', status: 'in_review', due: 2, ticket: 186 },
  { title: 'Crash-free sessions alert per OS version', description: 'A drop limited to one OS version must not hide in the average.', incidents: ['android'], kind: 'detect', owner: 'kato', status: 'done', due: -44, done: 50, ticket: 187 },
  { title: 'Move all member exports to the asynchronous export path', description: 'Exports run as jobs and are delivered by email, whatever their size.', incidents: ['exports'], kind: 'prevent', owner: 'raman', status: 'done', due: -25, done: 30, effectiveness: 'effective', ticket: 190 },
  { title: 'Remove the legacy synchronous export endpoint', description: 'Nothing should call it any more; remove it before someone does.', incidents: ['exports'], kind: 'remove', owner: 'raman', status: 'in_progress', due: 10, ticket: 191 },
  { title: 'Spread reminder sends over 10 minutes with jitter', description: 'Keep the evening reminder burst under the provider’s per-second limit.', incidents: ['push2'], kind: 'mitigate', owner: 'hayashi', status: 'done', due: -46, done: 50, ticket: 196 },
  { title: 'Second push delivery route with automatic failover', description: 'Fail over per region when delivery latency or throttling crosses a threshold.', incidents: ['push2', 'push3'], kind: 'prevent', owner: 'hayashi', status: 'in_progress', due: 4, ticket: 197 },
  { title: 'Remove the obsolete "push queue above 1k" alert', description: 'It fires every evening during the reminder burst and everyone ignores it; the lag alert replaces it.', incidents: ['push2'], kind: 'remove', owner: 'hayashi', status: 'done', due: -40, done: 45, effectiveness: 'effective', ticket: 198 },
  { title: 'Check load balancer changes against upstream keep-alive settings in CI', description: 'Idle timeout must exceed the upstream keep-alive.', incidents: ['api502'], kind: 'prevent', owner: 'oneill', status: 'done', due: -25, done: 30, effectiveness: 'effective', ticket: 205 },
  { title: 'Announce load balancer changes in #ops-changes before applying them', description: 'Dropped: the CI check covers the failure, and another announcement channel would be noise.', incidents: ['api502'], kind: 'process', owner: 'oneill', status: 'wont_do', due: -30, ticket: 206 },
  { title: 'Move waitlist recalculation to a background queue', description: 'The root cause of both morning-rush incidents: no booking request does work for every site of a chain.', incidents: ['rush1', 'rush2'], from: 'rush2', kind: 'prevent', owner: 'ito', status: 'done', due: -30, done: 35, effectiveness: 'effective', ticket: 211 },
  { title: 'Load test a 400-site chain opening its booking window', description: 'Run in the release pipeline for every reservations release.', incidents: ['rush2'], kind: 'detect', owner: 'kato', status: 'todo', due: -12, ticket: 212 },
  { title: 'Add a large-customer review to the design checklist', description: 'Every feature that loops over a chain’s sites gets a review of its cost for the largest customer.', incidents: ['rush2'], kind: 'process', owner: 'watanabe', status: 'in_progress', due: -3, ticket: 213 },
  { title: 'Weekly review asks whether done actions addressed the cause', description: 'For each incident with done actions: cause or symptom? Recurrences are listed first.', incidents: ['rush2'], kind: 'process', owner: 'watanabe', status: 'done', due: -27, done: 30, effectiveness: 'effective', ticket: 214 },
  { title: 'Remove the nightly manual cache flush', description: 'It was added to hide the slow calendar query and now only causes cold caches at opening time.', incidents: ['rush2'], kind: 'remove', owner: 'ito', status: 'done', due: -34, done: 38, ticket: 215 },
  { title: 'Keep old OAuth client IDs until the last app version using them is retired', description: 'Client ID rotation adds the new ID first and removes the old one only when no supported version uses it.', incidents: ['google'], kind: 'process', owner: 'watanabe', status: 'done', due: -26, done: 30, effectiveness: 'effective', ticket: 220 },
  { title: 'Expire retained MQTT messages from decommissioned door controllers', description: 'Decommissioning a controller clears its retained messages.', incidents: ['mqtt'], kind: 'prevent', owner: 'yamamoto', status: 'done', due: -20, done: 25, effectiveness: 'effective', ticket: 224 },
  { title: 'Memory alert on the MQTT broker', description: 'Warn at 75 %, page at 90 %.', incidents: ['mqtt'], kind: 'detect', owner: 'yamamoto', status: 'done', due: -28, done: 31, ticket: 225 },
  { title: 'Remove retry on timeout from the billing worker', description: 'Same rule as checkout: a timed-out charge waits for the gateway callback.', incidents: ['billing'], kind: 'mitigate', owner: 'sato', status: 'done', due: -20, done: 23, ticket: 231 },
  { title: 'One shared payment gateway client for checkout and billing', description: 'One client, one retry policy, one place to enforce idempotency keys.', incidents: ['dup', 'billing'], from: 'billing', kind: 'prevent', owner: 'oneill', status: 'todo', due: 25, ticket: 232 },
  { title: 'Practise the duplicate-charge runbook in the monthly failure drill', description: 'New engineers run it in onboarding, with the SRE team.', incidents: ['billing'], kind: 'process', owner: 'tanaka', status: 'todo', due: 12, ticket: 233 },
  { title: 'Pre-billing-run checklist: confirm gateway health by hand', description: 'Dropped: a manual check before every run is the kind of step we are trying to remove; idempotency keys make it unnecessary.', incidents: ['billing'], kind: 'process', owner: 'sato', status: 'wont_do', due: -10, ticket: 234 },
  { title: 'Require vendors to announce firmware rollouts 14 days ahead', description: 'Add the clause to the door-controller contract and agree a staged rollout with the vendor.', incidents: ['doors'], kind: 'process', owner: 'carter', status: 'in_progress', due: -2, ticket: 240 },
  { title: 'Enable TLS 1.3 cipher suites in every gateway environment', description: 'Keep the gateway configuration identical in staging and production.', incidents: ['doors'], kind: 'prevent', owner: 'kobayashi', status: 'done', due: -10, done: 14, ticket: 241 },
  { title: 'Alert when more than 5 % of door controllers go offline', description: 'Around the clock, not only while studios are open.', incidents: ['doors'], kind: 'detect', owner: 'yamamoto', status: 'in_review', due: 1, ticket: 242 },
  { title: 'Health-check the payment gateway with a real authorisation', description: 'A zero-amount authorisation every 30 seconds, instead of a TCP connect.', incidents: ['gateway'], kind: 'prevent', owner: 'oneill', status: 'in_progress', due: 6, ticket: 250 },
  { title: 'Failover runbook and drill for the payment gateway', description: 'At least three people on the payments rotation have done a failover.', incidents: ['gateway'], kind: 'process', owner: 'kobayashi', status: 'todo', due: 14, ticket: 251 },
  { title: 'Raise the secondary endpoint’s connection limit with the provider', description: 'From 50 to 250 connections per merchant.', incidents: ['gateway'], kind: 'mitigate', owner: 'sato', status: 'done', due: -7, done: 10, ticket: 252 },
  { title: 'Per-key rate limits on the public API', description: 'Limits published in the API documentation, with 429 responses and a Retry-After header.', incidents: ['apilatency'], kind: 'mitigate', owner: 'oneill', status: 'done', due: -4, done: 7, ticket: 258 },
  { title: 'Expand and contract migrations: never rename a column in one release', description: 'A migration linter rejects renames and drops of columns the running version reads.', incidents: ['release'], kind: 'process', owner: 'ito', status: 'todo', due: 21, ticket: 263 },
  { title: 'Canary burn-rate check with a minimum sample size', description: 'Hold the canary until it has seen enough requests to decide.', incidents: ['release'], kind: 'detect', owner: 'kobayashi', status: 'todo', due: 9, ticket: 264 },
  { title: 'Remove the "skip canary" option from the deploy tool', description: 'It was used for this release to save ten minutes.', incidents: ['release'], kind: 'remove', owner: 'kobayashi', status: 'in_review', due: 4, ticket: 265 },
  { title: 'Test night shifts that cross midnight', description: 'Cover 24-hour studios in the shift test suite.', incidents: ['shiftsave'], kind: 'prevent', owner: 'kato', status: 'done', due: -12, done: 15, ticket: 270 },
];

interface SloSpec {
  readonly id: Id;
  readonly name: string;
  readonly description: string;
  readonly service: string;
  readonly component: string;
  readonly indicator: { readonly good: string; readonly total: string };
  /** A rolling duration, or `1M` for a calendar month in Tokyo. */
  readonly window: string;
  readonly target: number;
  readonly slice?: { readonly target: number; readonly window: string };
  readonly labels: readonly string[];
  /** Events per 5 minutes at the busiest hour. */
  readonly peak: number;
  /** Share of events that fail on a normal day (noise spreads it from half to 1.5 times). */
  readonly errorRate: number;
}

const SLOS: readonly SloSpec[] = [
  {
    id: 'slo_checkout',
    name: 'Cashless checkout success',
    description: 'Share of cashless payment attempts at studios that complete; declines by the card issuer count as good.',
    service: 'payments',
    component: 'payments',
    indicator: { good: 'sum(rate(checkout_payments_total{outcome!="error"}[5m]))', total: 'sum(rate(checkout_payments_total[5m]))' },
    window: '30d',
    target: 0.999,
    labels: ['payments', 'tier-1'],
    peak: 900,
    errorRate: 0.0003,
  },
  {
    id: 'slo_checkin',
    name: 'QR check-in success',
    description: 'Share of QR check-ins that open the gate within 3 seconds.',
    service: 'checkin',
    component: 'checkin',
    indicator: { good: 'sum(rate(checkin_total{outcome="opened",le="3"}[5m]))', total: 'sum(rate(checkin_total[5m]))' },
    window: '30d',
    target: 0.995,
    labels: ['checkin', 'iot', 'tier-1'],
    peak: 3000,
    errorRate: 0.0008,
  },
  {
    id: 'slo_login',
    name: 'Login availability',
    description: 'Share of sign-in attempts for members and staff that do not fail on our side, per calendar month in Tokyo.',
    service: 'auth',
    component: 'auth',
    indicator: { good: 'sum(rate(auth_signins_total{outcome!="server_error"}[5m]))', total: 'sum(rate(auth_signins_total[5m]))' },
    window: '1M',
    target: 0.999,
    labels: ['auth', 'tier-1'],
    peak: 1500,
    errorRate: 0.00015,
  },
  {
    id: 'slo_api_latency',
    name: 'Public API latency',
    description: 'Share of 5-minute slices in which at least 95 % of public API requests finish within 300 ms.',
    service: 'public-api',
    component: 'public_api',
    indicator: { good: 'sum(rate(api_request_duration_seconds_bucket{le="0.3"}[5m]))', total: 'sum(rate(api_request_duration_seconds_count[5m]))' },
    window: '28d',
    target: 0.99,
    slice: { target: 0.95, window: '5m' },
    labels: ['public-api', 'latency'],
    peak: 2400,
    errorRate: 0.012,
  },
];
