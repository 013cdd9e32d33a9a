/**
 * What the uptime bars show, computed once per answer: each component's days with their level
 * (the worst status of the day, which picks the bar's colour and pattern), the sentence a screen
 * reader hears and the detail a sighted reader sees on hover, focus or tap, and the uptime over
 * the whole window and over the last days shown on narrow screens.
 *
 * Pure (no DOM, no element state): the element and the server-rendered status page build the
 * same model with {@link uptimeBarsModel} and hand it to `uptimeBarsTemplate`. Building it does
 * every `Intl` formatting up front, so re-rendering (a hover, a key press) costs no formatting.
 */
import { msg, str } from '@lit/localize';
import { UPTIME_WEIGHTS, type Component, type ComponentStatus, type ComponentUptime, type DayUptime, type Id, type Incident } from '@hansei/core';
import { componentStatusWords as componentStatusWord } from '../internal/status-words.js';

/**
 * How a day's bar is drawn: `none` (no data), `operational`, or the worst other status the
 * component had that day. Each level has its own colour and its own pattern.
 */
export type DayLevel = 'none' | 'operational' | 'under_maintenance' | 'degraded_performance' | 'partial_outage' | 'major_outage';

/** The levels from best to worst (the legend's order). */
export const DAY_LEVELS: readonly DayLevel[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'none'];

/** Statuses that are not operational, worst first: the first with time in it is the day's level. */
const WORST_FIRST: readonly ComponentStatus[] = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'];

/** One day of one component, ready to render. */
export interface BarDay {
  readonly date: string;
  readonly level: DayLevel;
  /** The day in words, e.g. `Tue, Nov 25, 2026`. */
  readonly dateText: string;
  /** `99.31% uptime`, or `No data`. */
  readonly uptimeText: string;
  /** Time in each status other than operational, worst first, with the status in words. */
  readonly durations: readonly { readonly status: ComponentStatus; readonly text: string }[];
  /** Incidents that touched the day, with their titles (`null` when not known). */
  readonly incidents: readonly { readonly id: Id; readonly title: string | null }[];
  /** Everything above as one sentence: the bar's accessible name. */
  readonly label: string;
}

/** One component's row of bars. */
export interface BarRow {
  readonly id: Id;
  readonly name: string;
  readonly days: readonly BarDay[];
  /** Uptime over all the days, e.g. `99.98% uptime` (or `No data`). */
  readonly uptimeText: string;
  /** Uptime over the last {@link UptimeBarsModel.narrowDays} days. */
  readonly narrowUptimeText: string;
}

/** Everything the template needs, formatted. */
export interface UptimeBarsModel {
  readonly rows: readonly BarRow[];
  /** How many days each row has (the longest row). */
  readonly days: number;
  /** How many of the last days show on a narrow screen. */
  readonly narrowDays: number;
  /** The legend: each level in words. */
  readonly legend: readonly { readonly level: DayLevel; readonly text: string }[];
}

/** Where component names and incident titles come from. */
export interface UptimeBarsSources {
  /** Component names by id (e.g. from the snapshot's components); a missing one shows its id. */
  readonly names?: ReadonlyMap<Id, string> | readonly Pick<Component, 'id' | 'name'>[];
  /** Incident titles by id (e.g. from the snapshot's incidents and `listIncidents`). */
  readonly titles?: ReadonlyMap<Id, string> | readonly Pick<Incident, 'id' | 'title'>[];
  /** Only these components, in this order (default: every component of the answer, in its order). */
  readonly only?: readonly Id[];
}

/** Options of {@link uptimeBarsModel}. */
export interface UptimeBarsModelOptions {
  /** BCP 47 locale for numbers and dates (default `en`). */
  readonly locale?: string;
  /** Days shown on narrow screens (default 30). */
  readonly narrowDays?: number;
}

const asMap = <T extends { readonly id: Id }>(source: ReadonlyMap<Id, string> | readonly T[] | undefined, pick: (item: T) => string): ReadonlyMap<Id, string> =>
  source === undefined ? new Map() : source instanceof Map ? source : new Map((source as readonly T[]).map((item) => [item.id, pick(item)]));

/** The level of a day: see {@link DayLevel}. */
export function dayLevel(day: DayUptime): DayLevel {
  for (const status of WORST_FIRST) if ((day.seconds[status] ?? 0) > 0) return status;
  return day.uptime === null ? 'none' : 'operational';
}

/**
 * Weighted uptime over `days` (see core's `UPTIME_WEIGHTS`): time in maintenance and days
 * without data are left out. Null when nothing was measured.
 */
export function windowUptime(days: readonly DayUptime[]): number | null {
  let measured = 0;
  let down = 0;
  for (const day of days) {
    for (const [status, weight] of Object.entries(UPTIME_WEIGHTS) as [ComponentStatus, number | null][]) {
      if (weight === null) continue;
      const seconds = day.seconds[status] ?? 0;
      measured += seconds;
      down += weight * seconds;
    }
  }
  return measured > 0 ? 1 - down / measured : null;
}

interface Formats {
  readonly percent: Intl.NumberFormat;
  readonly date: Intl.DateTimeFormat;
  readonly hours: Intl.NumberFormat;
  readonly minutes: Intl.NumberFormat;
  readonly list: Intl.ListFormat;
}

const formatsByLocale = new Map<string, Formats>();

function formats(locale: string): Formats {
  let found = formatsByLocale.get(locale);
  if (!found) {
    found = {
      percent: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }),
      // Days are calendar dates: format them as dates in UTC so no zone shifts them.
      date: new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
      hours: new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' }),
      minutes: new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
      list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
    };
    formatsByLocale.set(locale, found);
  }
  return found;
}

/**
 * Uptime as a percentage, rounded down to two decimals, so a day with any downtime never reads
 * 100%: 0.99996 is `99.99%`.
 */
export function formatUptime(uptime: number, locale = 'en'): string {
  return formats(locale).percent.format(Math.floor(uptime * 10_000) / 10_000);
}

/** Seconds as hours and minutes (`1 hr 5 min`), rounded up to the minute so a short outage still shows. */
export function formatDuration(seconds: number, locale = 'en'): string {
  const f = formats(locale);
  const total = Math.max(1, Math.ceil(seconds / 60));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return f.minutes.format(minutes);
  return minutes === 0 ? f.hours.format(hours) : `${f.hours.format(hours)} ${f.minutes.format(minutes)}`;
}

/** Whether sentences in `locale` follow each other without a space (Japanese, Chinese). */
const closeSentences = (locale: string): boolean => /^(ja|zh)\b/i.test(locale);

const noData = (): string => msg('No data', { id: 'uptime-bars.no-data', desc: 'Uptime bars: a day or window without any measurement' });

function uptimeText(uptime: number | null, locale: string): string {
  return uptime === null
    ? noData()
    : msg(str`${formatUptime(uptime, locale)} uptime`, { id: 'uptime-bars.uptime', desc: 'Uptime bars: e.g. "99.98% uptime"' });
}

function barDay(day: DayUptime, titles: ReadonlyMap<Id, string>, locale: string): BarDay {
  const f = formats(locale);
  const level = dayLevel(day);
  const dateText = f.date.format(Date.parse(`${day.date}T00:00:00Z`));
  const durations = WORST_FIRST.filter((s) => (day.seconds[s] ?? 0) > 0).map((status) => ({
    status,
    text: formatDuration(day.seconds[status], locale),
  }));
  const incidents = day.incidentIds.map((id) => ({ id, title: titles.get(id) ?? null }));
  const noMeasure = day.uptime === null && durations.length === 0;
  const text = noMeasure ? uptimeText(null, locale) : day.uptime === null ? '' : uptimeText(day.uptime, locale);
  const sentences: string[] = [];
  if (noMeasure) sentences.push(msg('No data.', { id: 'uptime-bars.no-data-sentence', desc: 'Uptime bars: a day without any measurement, as a sentence' }));
  else if (day.uptime !== null) {
    sentences.push(msg(str`${formatUptime(day.uptime, locale)} uptime.`, { id: 'uptime-bars.uptime-sentence', desc: 'Uptime bars: the uptime of one day as a sentence, e.g. "99.31% uptime."' }));
  }
  for (const d of durations) {
    sentences.push(msg(str`${componentStatusWord(d.status)}: ${d.text}.`, { id: 'uptime-bars.duration', desc: 'Uptime bars: time in a status on one day, e.g. "Partial Outage: 1 hr 5 min."' }));
  }
  if (!noMeasure && durations.length === 0) sentences.push(msg('No downtime recorded.', { id: 'uptime-bars.no-downtime', desc: 'Uptime bars: a day without any downtime' }));
  if (incidents.length > 0) {
    const names = f.list.format(incidents.map((i) => i.title ?? i.id));
    sentences.push(msg(str`Incidents: ${names}.`, { id: 'uptime-bars.incidents', desc: 'Uptime bars: the incidents of one day, e.g. "Incidents: Slow logins."' }));
  }
  return {
    date: day.date,
    level,
    dateText,
    uptimeText: text,
    durations,
    incidents,
    label: msg(str`${dateText}: ${sentences.join(closeSentences(locale) ? '' : ' ')}`, { id: 'uptime-bars.day-label', desc: 'Uptime bars: one day for screen readers: the date, then what happened' }),
  };
}

/** The level names of the legend. */
function levelWord(level: DayLevel): string {
  switch (level) {
    case 'none':
      return noData();
    case 'operational':
      return msg('No downtime', { id: 'uptime-bars.legend.operational', desc: 'Uptime bars legend: a day without downtime' });
    default:
      return componentStatusWord(level);
  }
}

/**
 * Builds the {@link UptimeBarsModel} of `uptime` (core's `ComponentUptime`, from
 * `adapter.uptime()`) with names and titles from `sources`, in the active locale's words and
 * `options.locale`'s numbers and dates.
 */
export function uptimeBarsModel(uptime: readonly ComponentUptime[], sources: UptimeBarsSources = {}, options: UptimeBarsModelOptions = {}): UptimeBarsModel {
  const locale = options.locale ?? 'en';
  const narrowDays = Math.max(1, Math.floor(options.narrowDays ?? 30));
  const names = asMap(sources.names, (c: { id: Id; name: string }) => c.name);
  const titles = asMap(sources.titles, (i: { id: Id; title: string }) => i.title);
  const byId = new Map(uptime.map((u) => [u.componentId, u]));
  const chosen = sources.only ? sources.only.map((id) => byId.get(id)).filter((u): u is ComponentUptime => u !== undefined) : uptime;
  const rows = chosen.map((u): BarRow => {
    const days = u.days.map((d) => barDay(d, titles, locale));
    return {
      id: u.componentId,
      name: names.get(u.componentId) ?? u.componentId,
      days,
      uptimeText: uptimeText(windowUptime(u.days), locale),
      narrowUptimeText: uptimeText(windowUptime(u.days.slice(-narrowDays)), locale),
    };
  });
  return {
    rows,
    days: rows.reduce((max, r) => Math.max(max, r.days.length), 0),
    narrowDays,
    legend: DAY_LEVELS.map((level) => ({ level, text: levelWord(level) })),
  };
}
