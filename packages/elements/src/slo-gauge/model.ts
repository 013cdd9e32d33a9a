/**
 * What the SLO gauge shows, worked out once from an `SloReport` (and its `Slo` when known): every
 * figure in words, the chart's geometry and the text alternative. The picture, the visible words
 * and what screen readers get all come from this one model, so they cannot disagree. Pure (the
 * clock and locale come in), so the server-side template uses it too.
 */
import { msg, str } from '@lit/localize';
import type { AlertState, BurnRate, Id, IsoDateTime, Slo, SloReport } from '@hansei/core';
import type { StatusTone } from '../internal/status-icons.js';
import { formatRelative, type TimeContext } from '../internal/status-time.js';
import {
  formatAmountOfTime,
  formatAttainment,
  formatCount,
  formatDay,
  formatInstant,
  formatObjective,
  formatRange,
  formatRate,
  formatAxisShare,
  formatShare,
  formatWindowSpan,
} from './format.js';

/** What is known of an incident besides its id: its title and times (from the page or `getIncident`). */
export interface IncidentFacts {
  readonly title?: string | undefined;
  readonly startedAt?: IsoDateTime | undefined;
  readonly resolvedAt?: IsoDateTime | null | undefined;
}

/** Everything the gauge shows: the report, the SLO when known, and what is known of the incidents. */
export interface SloGaugeData {
  readonly report: SloReport;
  readonly slo: Slo | null;
  readonly incidents: ReadonlyMap<Id, IncidentFacts>;
}

/** Width and height of the chart's viewBox. */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 100;
/** Room above and below the line inside the viewBox. */
const PAD = 6;

const MINUTE = 60_000;
/** Budget left below this share (and above zero) is "running low". */
const LOW = 0.25;

export type BudgetState = 'healthy' | 'low' | 'exhausted' | 'overspent';

/** One burn-rate window pair, in words. */
export interface BurnRow {
  readonly severity: Exclude<AlertState, 'ok'>;
  readonly severityWord: string;
  readonly firing: boolean;
  readonly tone: StatusTone;
  /** "Firing" or "Not firing". */
  readonly stateWord: string;
  /** "49.2× over 1 hr, 52.1× over 5 min". */
  readonly rates: string;
  /** "Fires at 14.4×". */
  readonly threshold: string;
}

/** One incident that spent budget, in words, and where it lies on the chart (when its times are known). */
export interface IncidentRow {
  /** Its number on the chart and in the list, from 1. */
  readonly n: number;
  readonly id: Id;
  /** Its title, or its id when the title is not known. */
  readonly label: string;
  readonly titled: boolean;
  /** "26.3% of the budget". */
  readonly share: string;
  /** "16,864 bad events" or "2 hr below target". */
  readonly amount: string;
  /** When it happened, or null when its times are not known. */
  readonly when: string | null;
  /** Its span on the chart, 0 to 100 (% of the window), or null when its times are not known. */
  readonly from: number | null;
  readonly to: number | null;
}

/** The budget-over-the-window chart: geometry in viewBox units and its text alternative. */
export interface ChartModel {
  /** The burndown line's points. */
  readonly line: string;
  /** The area between the line and zero. */
  readonly area: string;
  /** The y of 0 % and of 100 % budget left. */
  readonly zeroY: number;
  readonly fullY: number;
  /** The x of the report's now (the line's end). */
  readonly nowX: number;
  /** Labels of 100 % and 0 % on the y axis. */
  readonly fullLabel: string;
  readonly zeroLabel: string;
  /** Label of the lowest value on the y axis when the line goes below zero, else null. */
  readonly bottomLabel: string | null;
  readonly startLabel: string;
  readonly endLabel: string;
  /** Whether the window goes on after now (a calendar window): "Now" marks where the line ends. */
  readonly nowInside: boolean;
  /** The one-sentence summary (the chart image's accessible name). */
  readonly summary: string;
  /** The key figures as rows of the visually hidden table: [label, value]. */
  readonly facts: readonly (readonly [string, string])[];
}

/** Everything the gauge shows, in words, for one report. */
export interface SloGaugeModel {
  readonly id: Id;
  readonly name: string;
  readonly alert: AlertState;
  readonly alertTone: StatusTone;
  /** "Page", "Ticket", "OK". */
  readonly alertWord: string;
  /** "the error budget is burning fast: act now." */
  readonly alertDetail: string;
  readonly attainment: {
    /** "99.70%", or null when nothing was measured. */
    readonly value: string | null;
    /** "99.5%". */
    readonly objective: string;
    /** Whether it meets the objective; null when nothing was measured. */
    readonly meets: boolean | null;
    readonly tone: StatusTone;
    /** "Meets the objective", "Below the objective", "No events measured yet". */
    readonly verdict: string;
  };
  readonly budget: {
    readonly state: BudgetState;
    readonly tone: StatusTone;
    /** "40.9%" (negative when overspent). */
    readonly value: string;
    /** The bar's fill, 0 to 1. */
    readonly fill: number;
    /** "26,215 of 64,065 bad events left". */
    readonly amount: string;
    /** "Overspent", "Exhausted", "Running low", or null when healthy. */
    readonly stateWord: string | null;
  };
  readonly exhaustion: {
    readonly state: 'burning' | 'lasts' | 'spent' | 'steady';
    /** "in 6 hours", "Already spent", "Not burning", "Lasts the window". */
    readonly value: string;
    /** "at the 1 hr burn rate". */
    readonly detail: string;
    /** When the budget runs out at this rate, or null. */
    readonly at: number | null;
    readonly atText: string | null;
  };
  /** "Rolling 30 days, Oct 26 – Nov 25" and how it counts. */
  readonly window: string;
  readonly method: string;
  readonly burnRates: readonly BurnRow[];
  readonly chart: ChartModel;
  readonly incidents: readonly IncidentRow[];
}

// ---------------------------------------------------------------------------------------------
// Words

/** The alert's short word: "Page", "Ticket", "OK". */
export function alertWord(alert: AlertState): string {
  switch (alert) {
    case 'page':
      return msg('Page', { id: 'slo-gauge.alert-page', desc: 'SLO alert state: someone is paged now (SRE workbook "page")' });
    case 'ticket':
      return msg('Ticket', { id: 'slo-gauge.alert-ticket', desc: 'SLO alert state: a ticket for working hours (SRE workbook "ticket")' });
    default:
      return msg('OK', { id: 'slo-gauge.alert-ok', desc: 'SLO alert state: no burn-rate alert' });
  }
}

function alertDetail(alert: AlertState): string {
  switch (alert) {
    case 'page':
      return msg('the error budget is burning fast; act now.', { id: 'slo-gauge.alert-page-detail', desc: 'Follows "Page:" in the SLO gauge' });
    case 'ticket':
      return msg('the error budget is burning; look into it in working hours.', { id: 'slo-gauge.alert-ticket-detail', desc: 'Follows "Ticket:" in the SLO gauge' });
    default:
      return msg('no burn-rate alert.', { id: 'slo-gauge.alert-ok-detail', desc: 'Follows "OK:" in the SLO gauge' });
  }
}

/** The tone of an alert: page is critical, ticket minor, OK none. */
export function alertTone(alert: AlertState): StatusTone {
  return alert === 'page' ? 'critical' : alert === 'ticket' ? 'minor' : 'none';
}

function times(rate: number | null, locale: string): string {
  if (rate === null) return msg('no data', { id: 'slo-gauge.rate-none', desc: 'A burn rate over a window with no events' });
  const value = formatRate(rate, locale);
  return msg(str`${value}×`, { id: 'slo-gauge.rate', desc: 'A burn rate: how many times the sustainable rate the budget is spent ("14.4×")' });
}

function burnRow(rate: BurnRate, locale: string): BurnRow {
  const long = times(rate.longRate, locale);
  const short = times(rate.shortRate, locale);
  const longSpan = formatWindowSpan(rate.longMs, locale);
  const shortSpan = formatWindowSpan(rate.shortMs, locale);
  const threshold = times(rate.threshold, locale);
  return {
    severity: rate.severity,
    severityWord: alertWord(rate.severity),
    firing: rate.firing,
    tone: rate.firing ? alertTone(rate.severity) : 'none',
    stateWord: rate.firing
      ? msg('Firing', { id: 'slo-gauge.firing', desc: 'A burn-rate alert pair whose both windows are at or above the threshold' })
      : msg('Not firing', { id: 'slo-gauge.not-firing', desc: 'A burn-rate alert pair below its threshold' }),
    rates: msg(str`${long} over ${longSpan}, ${short} over ${shortSpan}`, {
      id: 'slo-gauge.rates',
      desc: 'Burn rates of a window pair: the long window first ("49.2× over 1 hr, 52.1× over 5 min")',
    }),
    threshold: msg(str`Fires at ${threshold}`, { id: 'slo-gauge.threshold', desc: 'The burn rate both windows must reach for the alert to fire' }),
  };
}

// ---------------------------------------------------------------------------------------------
// The model

/** Milliseconds of an ISO instant, or NaN. */
function ms(iso: string | null | undefined): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

/** Slice length of a Timeslices SLO in minutes, or null when unknown (or not Timeslices). */
function sliceMinutes(data: SloGaugeData): number | null {
  if (data.report.budgetingMethod !== 'Timeslices') return null;
  const window = data.slo?.objective.timeSliceWindow;
  const match = typeof window === 'string' ? /^(\d+)(m|h)$/.exec(window) : null;
  if (!match) return null;
  return Number(match[1]) * (match[2] === 'h' ? 60 : 1);
}

/** The gauge's model of `data` in `ctx`'s locale, time zone and now. */
export function sloGaugeModel(data: SloGaugeData, ctx: TimeContext): SloGaugeModel {
  const { report, slo } = data;
  const { locale, timeZone } = ctx;
  const series = report.budgetSeries;
  /** The report's now: where the burndown ends. */
  const reportNow = series[series.length - 1]?.at ?? Math.min(report.windowEnd, ctx.now);
  const slice = sliceMinutes(data);

  // Amounts: events, time (Timeslices with a known slice) or slices.
  const amountOf = (count: number): string =>
    slice !== null
      ? formatAmountOfTime(count * slice * MINUTE, locale)
      : formatCount(count, locale);

  // Attainment ----------------------------------------------------------------------------------
  const objective = formatObjective(report.target, locale);
  const meets = report.attainment === null ? null : report.attainment >= report.target;
  const attainment = {
    value: report.attainment === null ? null : formatAttainment(report.attainment, report.target, locale),
    objective,
    meets,
    tone: (meets === null ? 'unknown' : meets ? 'none' : 'critical') as StatusTone,
    verdict:
      meets === null
        ? msg('No events measured yet', { id: 'slo-gauge.no-data', desc: 'SLO attainment when nothing was measured in the window' })
        : meets
          ? msg('Meets the objective', { id: 'slo-gauge.meets', desc: 'SLO attainment at or above its objective' })
          : msg('Below the objective', { id: 'slo-gauge.below', desc: 'SLO attainment below its objective' }),
  };

  // Budget ------------------------------------------------------------------------------------
  const remaining = report.budgetRemaining;
  const state: BudgetState = remaining < -1e-9 ? 'overspent' : remaining <= 1e-9 && report.total > 0 ? 'exhausted' : remaining < LOW ? 'low' : 'healthy';
  const left = report.budgetTotal - report.budgetConsumed;
  const total = amountOf(report.budgetTotal);
  let amount: string;
  if (left >= 0) {
    const rest = amountOf(left);
    amount =
      report.budgetingMethod === 'Occurrences'
        ? msg(str`${rest} of ${total} bad events left`, { id: 'slo-gauge.events-left', desc: 'Error budget left in events: left, then the whole budget' })
        : slice !== null
          ? msg(str`${rest} of ${total} of bad time left`, { id: 'slo-gauge.time-left', desc: 'Timeslices error budget left as time: left, then the whole budget' })
          : msg(str`${rest} of ${total} bad slices left`, { id: 'slo-gauge.slices-left', desc: 'Timeslices error budget left in slices: left, then the whole budget' });
  } else {
    const over = amountOf(-left);
    amount =
      report.budgetingMethod === 'Occurrences'
        ? msg(str`${over} bad events over the budget of ${total}`, { id: 'slo-gauge.events-over', desc: 'Overspent error budget in events: how many over, then the whole budget' })
        : slice !== null
          ? msg(str`${over} of bad time over the budget of ${total}`, { id: 'slo-gauge.time-over', desc: 'Overspent Timeslices budget as time: how much over, then the whole budget' })
          : msg(str`${over} bad slices over the budget of ${total}`, { id: 'slo-gauge.slices-over', desc: 'Overspent Timeslices budget in slices: how many over, then the whole budget' });
  }
  const budget = {
    state,
    tone: (state === 'overspent' || state === 'exhausted' ? 'critical' : state === 'low' ? 'minor' : 'none') as StatusTone,
    value: formatShare(remaining, locale),
    fill: Math.max(0, Math.min(1, remaining)),
    amount,
    stateWord:
      state === 'overspent'
        ? msg('Overspent', { id: 'slo-gauge.overspent', desc: 'The error budget is below zero' })
        : state === 'exhausted'
          ? msg('Exhausted', { id: 'slo-gauge.exhausted', desc: 'The error budget is exactly used up' })
          : state === 'low'
            ? msg('Running low', { id: 'slo-gauge.low', desc: 'Less than a quarter of the error budget is left' })
            : null,
  };

  // Time to exhaustion ----------------------------------------------------------------------
  const first = report.burnRates[0];
  const rateSpan = first ? formatWindowSpan(first.longMs, locale) : '';
  const atRate = msg(str`at the ${rateSpan} burn rate`, { id: 'slo-gauge.at-rate', desc: 'How the time to exhaustion is estimated: at the burn rate over the last <window>' });
  let exhaustion: SloGaugeModel['exhaustion'];
  const ttl = report.timeToExhaustionMs;
  if (ttl === 0 || state === 'overspent' || state === 'exhausted') {
    exhaustion = {
      state: 'spent',
      value: msg('Already spent', { id: 'slo-gauge.spent', desc: 'Time to exhaustion when the error budget is already gone' }),
      detail: msg('No budget is left in this window.', { id: 'slo-gauge.spent-detail', desc: 'Explains "Already spent"' }),
      at: null,
      atText: null,
    };
  } else if (ttl === null) {
    exhaustion = {
      state: 'steady',
      value: msg('Not burning', { id: 'slo-gauge.steady', desc: 'Time to exhaustion when no budget is being spent right now' }),
      detail:
        first?.longRate === null
          ? msg(str`Nothing measured in the last ${rateSpan}.`, { id: 'slo-gauge.steady-none', desc: 'Explains "Not burning" when the last window had no events' })
          : msg(str`No budget spent in the last ${rateSpan}.`, { id: 'slo-gauge.steady-zero', desc: 'Explains "Not burning"' }),
      at: null,
      atText: null,
    };
  } else {
    const at = reportNow + ttl;
    const lasts = report.windowEnd > reportNow && at >= report.windowEnd;
    exhaustion = lasts
      ? {
          state: 'lasts',
          value: msg('Lasts the window', { id: 'slo-gauge.lasts', desc: 'Time to exhaustion: at this rate the budget outlasts the calendar window' }),
          detail: atRate,
          at,
          atText: formatInstant(at, locale, timeZone, ctx.now),
        }
      : {
          state: 'burning',
          value: formatRelative(at, ctx),
          detail: atRate,
          at,
          atText: formatInstant(at, locale, timeZone, ctx.now),
        };
  }

  // Window and method ---------------------------------------------------------------------------
  const startDay = formatDay(report.windowStart, locale, timeZone, ctx.now);
  const endDay = formatDay(report.windowEnd, locale, timeZone, ctx.now);
  const range = startDay === endDay ? startDay : msg(str`${startDay} – ${endDay}`, { id: 'slo-gauge.day-range', desc: 'A range of days: first and last' });
  const timeWindow = slo?.timeWindow;
  const window =
    timeWindow?.isRolling === true
      ? msg(str`Rolling ${formatAmountOfTime(report.windowEnd - report.windowStart, locale)}, ${range}`, {
          id: 'slo-gauge.window-rolling',
          desc: 'A rolling SLO window: its length, then its days ("Rolling 30 days, Oct 26 – Nov 25")',
        })
      : timeWindow?.isRolling === false
        ? msg(str`Calendar window, ${range}`, { id: 'slo-gauge.window-calendar', desc: 'A calendar SLO window (e.g. this month): its days' })
        : range;
  const sliceTarget = slo?.objective.timeSliceTarget;
  const method =
    report.budgetingMethod === 'Occurrences'
      ? msg('Counts events', { id: 'slo-gauge.method-events', desc: 'SLO budgeting method Occurrences: every event counts' })
      : slice !== null && typeof sliceTarget === 'number'
        ? msg(str`Counts ${formatWindowSpan(slice * MINUTE, locale)} slices, each good at ${formatObjective(sliceTarget, locale)}`, {
            id: 'slo-gauge.method-slices',
            desc: 'SLO budgeting method Timeslices: the slice length and the share of good events a slice needs',
          })
        : msg('Counts time slices', { id: 'slo-gauge.method-slices-plain', desc: 'SLO budgeting method Timeslices, slice length unknown' });

  // Incidents --------------------------------------------------------------------------------
  const span = Math.max(1, report.windowEnd - report.windowStart);
  const position = (at: number): number => Math.max(0, Math.min(100, ((at - report.windowStart) / span) * 100));
  const incidents = report.incidents.map((use, i): IncidentRow => {
    const facts = data.incidents.get(use.incidentId);
    const title = facts?.title?.trim();
    const started = ms(facts?.startedAt);
    const resolved = facts?.resolvedAt === null ? null : ms(facts?.resolvedAt);
    const known = !Number.isNaN(started) && (resolved === null || !Number.isNaN(resolved));
    const end = resolved ?? reportNow;
    const count = amountOf(use.bad);
    const share = formatShare(use.budgetFraction, locale);
    let when: string | null = null;
    if (known) {
      when =
        resolved === null
          ? msg(str`Since ${formatInstant(started, locale, timeZone, ctx.now)}, ongoing`, { id: 'slo-gauge.ongoing', desc: 'When an unresolved incident started' })
          : formatRange(started, end, locale, timeZone, ctx.now);
    }
    return {
      n: i + 1,
      id: use.incidentId,
      label: title || use.incidentId,
      titled: Boolean(title),
      share: msg(str`${share} of the budget`, { id: 'slo-gauge.incident-share', desc: 'The share of the error budget an incident spent' }),
      amount:
        report.budgetingMethod === 'Occurrences'
          ? msg(str`${count} bad events`, { id: 'slo-gauge.incident-events', desc: 'Bad events during an incident' })
          : slice !== null
            ? msg(str`${count} below target`, { id: 'slo-gauge.incident-time', desc: 'Time in bad slices during an incident' })
            : msg(str`${count} bad slices`, { id: 'slo-gauge.incident-slices', desc: 'Bad slices during an incident' }),
      when,
      from: known ? position(started) : null,
      to: known ? position(end) : null,
    };
  });

  // Chart ------------------------------------------------------------------------------------
  const values = series.map((p) => p.remaining);
  const lowest = values.length > 0 ? Math.min(...values) : remaining;
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, lowest);
  const y = (v: number): number => PAD + ((top - v) / (top - bottom || 1)) * (CHART_HEIGHT - 2 * PAD);
  const x = (at: number): number => (position(at) / 100) * CHART_WIDTH;
  const round = (n: number): string => (Math.round(n * 100) / 100).toString();
  const points = series.map((p) => `${round(x(p.at))},${round(y(p.remaining))}`);
  const zeroY = y(0);
  const firstX = series.length > 0 ? x(series[0]!.at) : 0;
  const lastX = series.length > 0 ? x(series[series.length - 1]!.at) : 0;
  const lowestPoint = series.find((p) => p.remaining === lowest);
  const belowZero = series.find((p) => p.remaining < -1e-9);
  const nowShare = formatShare(remaining, locale);
  const startShare = formatShare(series[0]?.remaining ?? 1, locale);
  const lowestShare = formatShare(lowest, locale);
  const nowInside = report.windowEnd - reportNow > span / 200;
  let summary = msg(str`Error budget left over the window, ${range}: ${startShare} at the start, ${nowShare} now, lowest ${lowestShare}.`, {
    id: 'slo-gauge.chart-summary',
    desc: 'Text alternative of the budget chart: the window, the budget left at its start, now, and the lowest',
  });
  if (belowZero) {
    const day = formatInstant(belowZero.at, locale, timeZone, ctx.now);
    summary += ` ${msg(str`Below zero since ${day}.`, { id: 'slo-gauge.chart-below-zero', desc: 'Text alternative of the budget chart: when the budget went below zero' })}`;
  }
  summary += ` ${
    incidents.length === 0
      ? msg('No incidents spent budget in this window.', { id: 'slo-gauge.chart-no-incidents', desc: 'Text alternative of the budget chart: no incidents' })
      : incidents.length === 1
        ? msg('1 incident that spent budget is marked and listed below.', { id: 'slo-gauge.chart-one-incident', desc: 'Text alternative of the budget chart: one incident' })
        : msg(str`${incidents.length} incidents that spent budget are marked and listed below.`, {
            id: 'slo-gauge.chart-incidents',
            desc: 'Text alternative of the budget chart: how many incidents (2 or more)',
          })
  }`;
  const facts: (readonly [string, string])[] = [
    [msg('Window', { id: 'slo-gauge.fact-window', desc: 'Key figures table: the SLO window' }), window],
    [msg('Budget left at the start', { id: 'slo-gauge.fact-start', desc: 'Key figures table: budget left at the window start' }), startShare],
    [msg('Budget left now', { id: 'slo-gauge.fact-now', desc: 'Key figures table: budget left now' }), nowShare],
    [
      msg('Lowest', { id: 'slo-gauge.fact-lowest', desc: 'Key figures table: the lowest budget left in the window' }),
      lowestPoint ? `${lowestShare} (${formatInstant(lowestPoint.at, locale, timeZone, ctx.now)})` : lowestShare,
    ],
  ];
  if (belowZero) {
    facts.push([
      msg('Below zero since', { id: 'slo-gauge.fact-below-zero', desc: 'Key figures table: when the budget went below zero' }),
      formatInstant(belowZero.at, locale, timeZone, ctx.now),
    ]);
  }
  facts.push([
    msg('Incidents that spent budget', { id: 'slo-gauge.incidents-title', desc: 'Title of the list of incidents that spent error budget' }),
    formatCount(incidents.length, locale),
  ]);
  const chart: ChartModel = {
    line: points.join(' '),
    area: points.length > 0 ? `${round(firstX)},${round(zeroY)} ${points.join(' ')} ${round(lastX)},${round(zeroY)}` : '',
    zeroY,
    fullY: y(1),
    nowX: lastX,
    fullLabel: formatAxisShare(1, locale),
    zeroLabel: formatAxisShare(0, locale),
    bottomLabel: bottom < 0 ? formatAxisShare(bottom, locale) : null,
    startLabel: startDay,
    endLabel: endDay,
    nowInside,
    summary,
    facts,
  };

  return {
    id: report.sloId,
    name: slo?.name?.trim() || report.sloId,
    alert: report.alert,
    alertTone: alertTone(report.alert),
    alertWord: alertWord(report.alert),
    alertDetail: alertDetail(report.alert),
    attainment,
    budget,
    exhaustion,
    window,
    method,
    burnRates: report.burnRates.map((rate) => burnRow(rate, locale)),
    chart,
    incidents,
  };
}
