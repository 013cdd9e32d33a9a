/**
 * What a postmortem can take from its incident, so nobody retypes it: the facts of its impact
 * (how long, which components, how severe, the SLO error budget it consumed), the timeline (its
 * updates and internal events, in time order), and who responded in which role. Each comes as
 * data, and as Markdown for the `impact`, `timeline` and `response` sections, in English or
 * Japanese, with times in the reader's time zone. Pure.
 */
import { DEFAULT_ROLES, localize } from './guideline.js';
import type {
  Component,
  ComponentStatus,
  Id,
  Impact,
  Incident,
  IncidentStatus,
  IsoDateTime,
  LocalizedText,
  Person,
  RoleAssignment,
  RoleDefinition,
  SeverityGuideline,
  Slo,
  SloReport,
  TimelineEvent,
  TimelineEventKind,
  Visibility,
} from './domain.js';
import { safeHref } from './markdown.js';
import { incidentDurations, type IncidentDurations } from './metrics.js';
import { COMPONENT_STATUS_WORDS, IMPACT_WORDS, INCIDENT_STATUS_WORDS, TIMELINE_KIND_WORDS, durationWords, wordOf } from './postmortem-words.js';
import { escapeMarkdown, linkDestination, markdownCell } from './markdown-escape.js';
import { toMs } from './time.js';

/** What the prefill reads. Everything but the incident is optional: what is missing is left out. */
export interface PrefillInput {
  /** The incident, with its updates. */
  readonly incident: Incident;
  /** Its internal timeline (empty when the reader may not see it). */
  readonly timeline?: readonly TimelineEvent[];
  /** Its role assignments, history included. */
  readonly assignments?: readonly RoleAssignment[];
  /** The organisation's roles (names); the kit's defaults otherwise. */
  readonly roles?: readonly RoleDefinition[];
  readonly people?: readonly Pick<Person, 'id' | 'name'>[];
  readonly components?: readonly Pick<Component, 'id' | 'name'>[];
  /** SLO reports, each with its SLO: the error budget the incident consumed comes from their `incidents`. */
  readonly reports?: readonly { readonly slo: Pick<Slo, 'id' | 'name'>; readonly report: Pick<SloReport, 'incidents'> }[];
  /** For the severity level's name. */
  readonly guideline?: SeverityGuideline;
}

/** The error budget one SLO lost to the incident. */
export interface BudgetUse {
  readonly sloId: Id;
  readonly name: string;
  /** Fraction of the SLO window's whole budget, e.g. 0.12. */
  readonly budgetFraction: number;
  /** Bad events (or bad slices) within the incident. */
  readonly bad: number;
}

/** One person's roles during the incident. */
export interface Responder {
  readonly personId: Id;
  readonly name: string;
  readonly roles: readonly { readonly role: string; readonly name: LocalizedText; readonly from: IsoDateTime; readonly until: IsoDateTime | null }[];
}

/** The facts of an incident a postmortem's impact section states. */
export interface IncidentFacts {
  readonly incidentId: Id;
  readonly title: string;
  readonly severity: string;
  readonly severityName: LocalizedText | null;
  readonly impact: Impact;
  readonly status: IncidentStatus;
  readonly startedAt: IsoDateTime;
  readonly resolvedAt: IsoDateTime | null;
  readonly durations: IncidentDurations;
  /** Every component it touched, with the worst status it had. */
  readonly components: readonly { readonly id: Id; readonly name: string; readonly worst: ComponentStatus }[];
  /** The SLOs whose budget it consumed, most first. */
  readonly budget: readonly BudgetUse[];
  readonly responders: readonly Responder[];
}

/** One line of the prefilled timeline. */
export interface PrefillEntry {
  readonly at: IsoDateTime;
  /** An update (posted to readers or internal), or an event of the internal log. */
  readonly source: 'update' | 'event';
  readonly kind: TimelineEventKind | IncidentStatus;
  readonly body: string;
  readonly link: string | null;
  readonly visibility: Visibility;
}

const SEVERITY_ORDER: readonly ComponentStatus[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const worse = (a: ComponentStatus, b: ComponentStatus): ComponentStatus => (SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a);

/** The error budget `incidentId` consumed, per SLO, most first (SLOs it did not touch left out). */
export function incidentBudgetUses(incidentId: Id, reports: PrefillInput['reports'] = []): BudgetUse[] {
  const uses: BudgetUse[] = [];
  for (const { slo, report } of reports) {
    const use = report.incidents.find((i) => i.incidentId === incidentId);
    if (use && use.budgetFraction > 0) uses.push({ sloId: slo.id, name: slo.name, budgetFraction: use.budgetFraction, bad: use.bad });
  }
  return uses.sort((a, b) => b.budgetFraction - a.budgetFraction || (a.name < b.name ? -1 : 1));
}

/** The people who held roles, in the order they first took one, each with their roles in order. */
export function incidentResponders(input: Pick<PrefillInput, 'assignments' | 'roles' | 'people'>): Responder[] {
  const names = new Map((input.people ?? []).map((p) => [p.id, p.name]));
  const roleNames = new Map([...DEFAULT_ROLES, ...(input.roles ?? [])].map((r) => [r.key, r.name]));
  const byPerson = new Map<Id, Responder['roles'][number][]>();
  const ordered = [...(input.assignments ?? [])].sort((a, b) => toMs(a.assignedAt) - toMs(b.assignedAt) || (a.id < b.id ? -1 : 1));
  for (const a of ordered) {
    const list = byPerson.get(a.personId) ?? [];
    list.push({ role: a.role, name: roleNames.get(a.role) ?? { en: a.role }, from: a.assignedAt, until: a.releasedAt });
    byPerson.set(a.personId, list);
  }
  return [...byPerson].map(([personId, roles]) => ({ personId, name: names.get(personId) ?? personId, roles }));
}

/** The facts of the incident (see {@link IncidentFacts}). */
export function incidentFacts(input: PrefillInput): IncidentFacts {
  const { incident } = input;
  const names = new Map((input.components ?? []).map((c) => [c.id, c.name]));
  const worst = new Map<Id, ComponentStatus>();
  const see = (id: Id, status: ComponentStatus, name?: string) => {
    if (name && !names.has(id)) names.set(id, name);
    worst.set(id, worse(worst.get(id) ?? 'operational', status));
  };
  for (const c of incident.components) see(c.componentId, c.status);
  for (const update of incident.updates) for (const t of update.affectedComponents ?? []) see(t.componentId, t.newStatus, t.name);
  const level = input.guideline?.levels.find((l) => l.code === incident.severity);
  return {
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    severityName: level?.name ?? null,
    impact: incident.impact,
    status: incident.status,
    startedAt: incident.startedAt,
    resolvedAt: incident.resolvedAt,
    durations: incidentDurations(incident),
    components: [...worst].filter(([, status]) => status !== 'operational').map(([id, status]) => ({ id, name: names.get(id) ?? id, worst: status })),
    budget: incidentBudgetUses(incident.id, input.reports),
    responders: incidentResponders(input),
  };
}

/**
 * Most characters a section body holds (`LIMITS.body` of schemas.ts, written out here so the
 * elements that prefill do not bundle every schema; a test keeps the two equal).
 */
export const SECTION_BODY_MAX = 20_000;

/** Within a minute: an update and the `update_posted` event the backend logged for it are one thing. */
const SAME_MOMENT_MS = 60_000;

/**
 * The incident's story in time order: its internal events, and its updates (public and
 * internal) except those the log already records as `update_posted`. Ties keep updates first.
 */
export function timelineEntries(incident: Pick<Incident, 'updates'>, events: readonly TimelineEvent[] = []): PrefillEntry[] {
  const posted = events.filter((e) => e.kind === 'update_posted').map((e) => toMs(e.at));
  const entries: PrefillEntry[] = [];
  for (const u of incident.updates) {
    const at = toMs(u.displayAt);
    if (posted.some((p) => Math.abs(p - at) <= SAME_MOMENT_MS || Math.abs(p - toMs(u.createdAt)) <= SAME_MOMENT_MS)) continue;
    entries.push({ at: u.displayAt, source: 'update', kind: u.status, body: u.body, link: null, visibility: u.visibility });
  }
  for (const e of events) entries.push({ at: e.at, source: 'event', kind: e.kind, body: e.body, link: e.link, visibility: 'internal' });
  return entries
    .map((entry, index) => ({ entry, index, ms: toMs(entry.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map((x) => x.entry);
}

/** Options of the Markdown the prefill writes. */
export interface PrefillFormat {
  /** `en` or `ja` (any BCP 47 tag; Japanese when its language is `ja`). */
  readonly locale: string;
  /** IANA time zone the times are written in. */
  readonly timeZone: string;
}

const isJa = (locale: string) => localize({ en: 'en', ja: 'ja' }, locale) === 'ja';

/** "11-25 09:02" or, when every time falls on one day, "09:02", in `timeZone`. */
function timeFormatter(instants: readonly string[], timeZone: string): (iso: string) => string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const oneDay = new Set(instants.map((i) => day.format(toMs(i)))).size <= 1;
  return (iso) => {
    const ms = toMs(iso);
    return oneDay ? clock.format(ms) : `${day.format(ms).slice(5)} ${clock.format(ms)}`;
  };
}

/** A link as Markdown, when it is one the kit shows (http, https, mailto); else nothing. */
function linkMarkdown(url: string | null, label: string): string {
  const href = url ? safeHref(url) : null;
  return href ? ` [${label}](${linkDestination(href)})` : '';
}

/**
 * The `timeline` section: a table of time and event (with a link to the data when the event has
 * one), in `format.timeZone`. Kept under the section limit: when the events do not fit, the last
 * row says how many were left out.
 */
export function timelineMarkdown(entries: readonly PrefillEntry[], format: PrefillFormat): string {
  const ja = isJa(format.locale);
  const time = timeFormatter(entries.map((e) => e.at), format.timeZone);
  const head = [ja ? `| 時刻 (${format.timeZone}) | 出来事 |` : `| Time (${format.timeZone}) | Event |`, '|---|---|'];
  const rows = entries.map((e) => {
    const kind = e.source === 'update' ? `${wordOf(INCIDENT_STATUS_WORDS, e.kind as IncidentStatus, format.locale)}${ja ? '（更新）' : ' (update)'}` : wordOf(TIMELINE_KIND_WORDS, e.kind as TimelineEventKind, format.locale);
    return `| ${time(e.at)} | **${escapeMarkdown(kind)}**: ${markdownCell(e.body)}${linkMarkdown(e.link, ja ? 'データ' : 'data')} |`;
  });
  const limit = SECTION_BODY_MAX - 200;
  let size = head.join('\n').length;
  let shown = 0;
  while (shown < rows.length && size + rows[shown]!.length + 1 <= limit) size += rows[shown++]!.length + 1;
  const left = rows.length - shown;
  const tail = left > 0 ? [ja ? `| … | ほか${left}件はインシデントのタイムラインを参照 |` : `| … | ${left} more: see the incident's timeline |`] : [];
  return [...head, ...rows.slice(0, shown), ...tail].join('\n');
}

/** The `impact` section: severity, duration and the times to detect and mitigate, components, SLO budget consumed. */
export function impactMarkdown(facts: IncidentFacts, format: PrefillFormat): string {
  const ja = isJa(format.locale);
  const d = facts.durations;
  const percent = new Intl.NumberFormat(ja ? 'ja' : 'en', { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(ja ? 'ja' : 'en');
  const lines: string[] = [];
  const severity = facts.severityName ? `${facts.severity} (${localize(facts.severityName, format.locale)})` : facts.severity;
  const impact = wordOf(IMPACT_WORDS, facts.impact, format.locale);
  lines.push(ja ? `- **重大度:** ${escapeMarkdown(severity)}、公開上の影響: ${impact}` : `- **Severity:** ${escapeMarkdown(severity)}; public impact: ${impact}`);
  const total = d.timeToResolve;
  if (total !== null) lines.push(ja ? `- **継続時間:** ${durationWords(total, format.locale)}（発生から解決まで）` : `- **Duration:** ${durationWords(total, format.locale)} (from start to resolution)`);
  else lines.push(ja ? '- **継続時間:** 未解決' : '- **Duration:** not resolved yet');
  const times = [
    [d.timeToDetect, '検知まで', 'to detect'],
    [d.timeToAcknowledge, '受領まで（検知から）', 'to acknowledge (from detection)'],
    [d.timeToMitigate, '緩和まで', 'to mitigate'],
  ] as const;
  const known = times.filter(([ms]) => ms !== null).map(([ms, jaw, enw]) => (ja ? `${jaw} ${durationWords(ms!, format.locale)}` : `${durationWords(ms!, format.locale)} ${enw}`));
  if (known.length > 0) lines.push(ja ? `- **所要時間:** ${known.join('、')}` : `- **Times:** ${known.join('; ')}`);
  if (facts.components.length > 0) {
    const list = facts.components.map((c) => `${escapeMarkdown(c.name)}${ja ? '（' : ' ('}${wordOf(COMPONENT_STATUS_WORDS, c.worst, format.locale)}${ja ? '）' : ')'}`);
    lines.push(ja ? `- **影響したコンポーネント:** ${list.join('、')}` : `- **Components:** ${list.join(', ')}`);
  }
  for (const use of facts.budget) {
    const share = percent.format(use.budgetFraction);
    lines.push(
      ja
        ? `- **SLOエラーバジェットの消費:** ${escapeMarkdown(use.name)}：ウィンドウ全体の${share}（不良 ${count.format(use.bad)}件）`
        : `- **SLO error budget consumed:** ${escapeMarkdown(use.name)}: ${share} of the window's budget (${count.format(use.bad)} bad)`,
    );
  }
  return lines.join('\n');
}

/** The `response` section: who held which role, and when, in `format.timeZone`. */
export function responseMarkdown(facts: Pick<IncidentFacts, 'responders'>, format: PrefillFormat): string {
  const ja = isJa(format.locale);
  const instants = facts.responders.flatMap((r) => r.roles.flatMap((role) => [role.from, ...(role.until ? [role.until] : [])]));
  const time = timeFormatter(instants, format.timeZone);
  return facts.responders
    .map((r) => {
      const roles = r.roles.map((role) => `${escapeMarkdown(localize(role.name, format.locale))} (${time(role.from)}–${role.until ? time(role.until) : ''})`);
      return `- **${escapeMarkdown(r.name)}:** ${roles.join(ja ? '、' : ', ')}`;
    })
    .join('\n');
}

/** The Markdown the guided sections start with, keyed by section key. */
export interface PrefilledSections {
  readonly impact: string;
  readonly timeline: string;
  readonly response: string;
}

/** Every prefill at once: the facts, the timeline entries and the sections' Markdown. */
export function prefillFromIncident(input: PrefillInput, format: PrefillFormat): { facts: IncidentFacts; entries: PrefillEntry[]; sections: PrefilledSections } {
  const facts = incidentFacts(input);
  const entries = timelineEntries(input.incident, input.timeline);
  return {
    facts,
    entries,
    sections: { impact: impactMarkdown(facts, format), timeline: timelineMarkdown(entries, format), response: responseMarkdown(facts, format) },
  };
}
