/**
 * Incident metrics: how long detection, acknowledgement, mitigation and resolution took; how
 * many incidents of each severity each week; how many were recurrences.
 *
 * Only what the incident records support: the durations come from the incident's own
 * timestamps, nothing is estimated. Windows are half-open, [from, to), and select incidents by
 * `startedAt`.
 */
import type { Id, Incident, IsoDate, IsoDateTime } from './domain.js';
import { DAY_MS, WEEK_MS, instantMs, startOfIsoWeek, toIso, toMs, type Instant } from './time.js';

/** A window [from, to) of incident start times. */
export interface MetricsWindow {
  readonly from: Instant;
  readonly to: Instant;
}

/** The timestamps the durations are computed from. */
export type IncidentTimes = Pick<
  Incident,
  'id' | 'startedAt' | 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'
>;

/** One incident's durations in milliseconds; null when a timestamp they need is missing. */
export interface IncidentDurations {
  readonly incidentId: Id;
  /** detectedAt - startedAt. */
  readonly timeToDetect: number | null;
  /** acknowledgedAt - detectedAt. */
  readonly timeToAcknowledge: number | null;
  /** mitigatedAt - startedAt. */
  readonly timeToMitigate: number | null;
  /** resolvedAt - startedAt. */
  readonly timeToResolve: number | null;
}

export const DURATION_METRICS = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/**
 * The durations of one incident, in milliseconds:
 * - time to detect = detectedAt - startedAt: how long the problem went unnoticed (the "MTTD" of
 *   Atlassian's "Common incident metrics" and of Google's "Incident Metrics in SRE");
 * - time to acknowledge = acknowledgedAt - detectedAt: from the alert to a responder taking it
 *   (MTTA as PagerDuty and Atlassian measure it, from the alert rather than from the start);
 * - time to mitigate = mitigatedAt - startedAt: how long customers felt it (Google SRE's "time
 *   to mitigation", MTTM);
 * - time to resolve = resolvedAt - startedAt: the incident's whole span (Atlassian's "mean time
 *   to resolve", the R of MTTR that covers the full fix).
 *
 * Mitigation and resolution count from the start, not from detection, so that slow detection
 * shows in them. Null when a timestamp is missing. Throws a RangeError naming the incident when
 * a timestamp is invalid or a duration would be negative (e.g. detected before it started).
 */
export function incidentDurations(incident: IncidentTimes): IncidentDurations {
  const started = toMs(incident.startedAt);
  const detected = toMs(incident.detectedAt);
  const between = (from: number | null, to: IsoDateTime | null, fromName: string, toName: string): number | null => {
    if (from === null || to === null) return null;
    const duration = toMs(to) - from;
    if (duration < 0) {
      throw new RangeError(
        `Invalid incident "${incident.id}": ${toName} ${to} is before ${fromName}; expected ${toName} >= ${fromName}.`,
      );
    }
    return duration;
  };
  return {
    incidentId: incident.id,
    timeToDetect: between(started, incident.detectedAt, 'startedAt', 'detectedAt'),
    timeToAcknowledge: between(detected, incident.acknowledgedAt, 'detectedAt', 'acknowledgedAt'),
    timeToMitigate: between(started, incident.mitigatedAt, 'startedAt', 'mitigatedAt'),
    timeToResolve: between(started, incident.resolvedAt, 'startedAt', 'resolvedAt'),
  };
}

/** Summary of one duration over several incidents, in milliseconds; null when count is 0. */
export interface DurationStats {
  /** Incidents that had this duration (the others lacked a timestamp). */
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** 90th percentile, linearly interpolated between the nearest ranks. */
  readonly p90: number | null;
}

/** The four durations summarised over the incidents that started in a window. */
export interface MttxReport {
  /** Incidents that started in the window. */
  readonly incidents: number;
  readonly timeToDetect: DurationStats;
  readonly timeToAcknowledge: DurationStats;
  readonly timeToMitigate: DurationStats;
  readonly timeToResolve: DurationStats;
}

/**
 * Count, mean, median and 90th percentile of each duration of {@link incidentDurations}, over
 * the incidents that started in [from, to). Incidents missing a timestamp are left out of that
 * metric only, so each metric has its own count. Median and p90 are reported beside the mean
 * because incident durations are heavy-tailed and one long incident moves the mean a lot
 * (Davidovič, "Incident Metrics in SRE", Google/O'Reilly 2021). Percentiles interpolate
 * linearly between closest ranks (the "R-7" method of spreadsheets and NumPy). Throws a
 * RangeError for an invalid window or incident.
 */
export function mttx(incidents: readonly IncidentTimes[], window: MetricsWindow): MttxReport {
  const [from, to] = windowMs(window);
  const values: Record<DurationMetric, number[]> = {
    timeToDetect: [],
    timeToAcknowledge: [],
    timeToMitigate: [],
    timeToResolve: [],
  };
  let count = 0;
  for (const incident of incidents) {
    const started = toMs(incident.startedAt);
    if (started < from || started >= to) continue;
    count++;
    const durations = incidentDurations(incident);
    for (const metric of DURATION_METRICS) {
      const value = durations[metric];
      if (value !== null) values[metric].push(value);
    }
  }
  return {
    incidents: count,
    timeToDetect: stats(values.timeToDetect),
    timeToAcknowledge: stats(values.timeToAcknowledge),
    timeToMitigate: stats(values.timeToMitigate),
    timeToResolve: stats(values.timeToResolve),
  };
}

function stats(values: number[]): DurationStats {
  const count = values.length;
  if (count === 0) return { count, mean: null, median: null, p90: null };
  values.sort((a, b) => a - b);
  const mean = values.reduce((sum, v) => sum + v, 0) / count;
  return { count, mean, median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** Linear interpolation between closest ranks of an ascending, non-empty list. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (high - low) * (position - below);
}

/** Incident counts of one ISO week. */
export interface WeekCounts {
  /** ISO week, `2026-W48`. */
  readonly week: string;
  /** Its Monday (UTC), `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Incidents per severity code asked for; every code present, 0 when none. */
  readonly counts: Readonly<Record<string, number>>;
  /** Incidents whose severity is none of the codes asked for (e.g. a retired level). */
  readonly other: number;
  readonly total: number;
}

/**
 * Incidents started in [from, to), counted per ISO week (weeks start on Monday 00:00 UTC) and
 * per severity code, oldest week first. Every week that overlaps the window is present, with a
 * zero for every code in `severities`, so a chart has no gaps. Incidents of a severity not in
 * the list are counted in `other`, never dropped. Throws a RangeError for an invalid window or
 * instant, or a severity code listed twice.
 */
export function countsBySeverityAndWeek(
  incidents: readonly Pick<Incident, 'startedAt' | 'severity'>[],
  options: MetricsWindow & { readonly severities: readonly string[] },
): WeekCounts[] {
  const [from, to] = windowMs(options);
  const { severities } = options;
  const duplicate = severities.find((code, i) => severities.indexOf(code) !== i);
  if (duplicate !== undefined) {
    throw new RangeError(`Invalid severities: "${duplicate}" is listed twice; expected each code once.`);
  }
  const first = startOfIsoWeek(from);
  const weeks: { week: string; start: IsoDate; counts: Record<string, number>; other: number; total: number }[] = [];
  for (let start = first; start < to; start += WEEK_MS) {
    const counts: Record<string, number> = {};
    for (const code of severities) counts[code] = 0;
    weeks.push({ week: isoWeek(start), start: toIso(start).slice(0, 10), counts, other: 0, total: 0 });
  }
  for (const incident of incidents) {
    const started = toMs(incident.startedAt);
    if (started < from || started >= to) continue;
    const week = weeks[Math.floor((started - first) / WEEK_MS)]!;
    if (severities.includes(incident.severity)) week.counts[incident.severity]!++;
    else week.other++;
    week.total++;
  }
  return weeks;
}

/** `YYYY-Www` of the ISO week starting on the Monday `monday` (epoch ms, UTC). */
function isoWeek(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS); // the week belongs to the year of its Thursday
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Recurrence among the incidents that started in a window. */
export interface RecurrenceReport {
  /** Incidents that started in the window. */
  readonly total: number;
  /** How many of them were recurrences. */
  readonly recurrences: number;
  /** recurrences / total; null when there were no incidents. */
  readonly rate: number | null;
  /** The recurrences, in the order given. */
  readonly ids: readonly Id[];
}

/**
 * How many incidents that started in [from, to) were recurrences: an incident is one when a
 * `related` entry with relation `recurrence_of` points to an incident that started before it.
 * The earlier incident must be among `incidents` (pass the whole history, not only the window)
 * or the link cannot be checked and does not count. Throws a RangeError for an invalid window
 * or instant.
 */
export function recurrence(
  incidents: readonly Pick<Incident, 'id' | 'startedAt' | 'related'>[],
  window: MetricsWindow,
): RecurrenceReport {
  const [from, to] = windowMs(window);
  const startedAt = new Map<Id, number>();
  for (const incident of incidents) startedAt.set(incident.id, toMs(incident.startedAt));
  let total = 0;
  const ids: Id[] = [];
  for (const incident of incidents) {
    const started = startedAt.get(incident.id)!;
    if (started < from || started >= to) continue;
    total++;
    const recurs = incident.related.some((r) => {
      if (r.relation !== 'recurrence_of') return false;
      const earlier = startedAt.get(r.incidentId);
      return earlier !== undefined && earlier < started;
    });
    if (recurs) ids.push(incident.id);
  }
  return { total, recurrences: ids.length, rate: total === 0 ? null : ids.length / total, ids };
}

function windowMs(window: MetricsWindow): [number, number] {
  const from = instantMs(window.from, 'from');
  const to = instantMs(window.to, 'to');
  if (from >= to) {
    throw new RangeError(`Invalid window: from ${String(window.from)} is not before to ${String(window.to)}; expected from < to.`);
  }
  return [from, to];
}
