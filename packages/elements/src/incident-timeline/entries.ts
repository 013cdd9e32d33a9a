/**
 * The timeline's data, apart from its rendering: public (and internal) updates and internal
 * timeline events merged in time order, filtered, and times entered in the viewer's time zone.
 * Pure functions, so they are cheap to call on every change and easy to test.
 */
import {
  parseMarkdown,
  safeHref,
  DAY_MS,
  toMs,
  zoneFormat,
  zoneOffset,
  type Id,
  type IncidentUpdate,
  type MdBlock,
  type TimelineEvent,
  type TimelineEventKind,
} from '@hansei/core';

/** An event added from the composer, shown before the adapter has confirmed it. */
export interface PendingEvent {
  /** The idempotency key of the submission (also the entry's key). */
  readonly key: string;
  readonly kind: TimelineEventKind;
  readonly body: string;
  /** ISO instant: the one given, or when it was submitted. */
  readonly at: string;
  readonly authorId: Id | null;
  /** The time was given by the scribe (not "now"). */
  readonly timed: boolean;
}

interface EntryBase {
  /** Stable across renders: `u:<id>`, `e:<id>` or `p:<key>` (pending). */
  readonly key: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly iso: string;
  readonly blocks: readonly MdBlock[];
  /** Body, normalised for search. */
  readonly text: string;
  readonly authorId: Id | null;
}

export interface UpdateEntry extends EntryBase {
  readonly source: 'update';
  readonly update: IncidentUpdate;
}

export interface EventEntry extends EntryBase {
  readonly source: 'event';
  readonly kind: TimelineEventKind;
  /** The event's link, when it is safe to follow (http, https, mailto). */
  readonly link: string | null;
  /** Not confirmed by the adapter yet. */
  readonly pending: boolean;
}

export type TimelineEntry = UpdateEntry | EventEntry;

/** What to show: everything, updates only, events only, or events of one kind; and search text. */
export interface EntryFilter {
  readonly show: 'all' | 'updates' | 'events' | TimelineEventKind;
  readonly text: string;
}

/** Text folded for search: full-width forms and case do not matter (`ＡＰＩ` finds `api`). */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Entries are made once per update or event object (they are immutable), so a live change or a
// new filter does not parse every body again.
const made = new WeakMap<IncidentUpdate | TimelineEvent | PendingEvent, TimelineEntry>();

function entryOf(item: IncidentUpdate | TimelineEvent | PendingEvent, source: 'update' | 'event' | 'pending'): TimelineEntry {
  let entry = made.get(item);
  if (entry) return entry;
  const body = item.body;
  const base = { blocks: parseMarkdown(body), text: searchable(body), authorId: item.authorId };
  if (source === 'update') {
    const update = item as IncidentUpdate;
    entry = { ...base, source, key: `u:${update.id}`, at: toMs(update.displayAt), iso: update.displayAt, update };
  } else if (source === 'event') {
    const event = item as TimelineEvent;
    const link = event.link === null ? null : safeHref(event.link);
    entry = { ...base, source, key: `e:${event.id}`, at: toMs(event.at), iso: event.at, kind: event.kind, link, pending: false };
  } else {
    const pending = item as PendingEvent;
    entry = { ...base, source: 'event', key: `p:${pending.key}`, at: toMs(pending.at), iso: pending.at, kind: pending.kind, link: null, pending: true };
  }
  made.set(item, entry);
  return entry;
}

/**
 * Updates and events merged, oldest first. At the same instant an update comes before the events
 * logged with it, and otherwise the order given is kept. Pending events go by their time when the
 * scribe gave one, else last (they happened now).
 */
export function mergeEntries(
  updates: readonly IncidentUpdate[],
  events: readonly TimelineEvent[],
  pending: readonly PendingEvent[] = [],
): TimelineEntry[] {
  const confirmed = [...updates.map((u) => entryOf(u, 'update')), ...events.map((e) => entryOf(e, 'event'))];
  confirmed.sort((a, b) => a.at - b.at || (a.source === b.source ? 0 : a.source === 'update' ? -1 : 1));
  const entries = [...confirmed];
  for (const p of pending.filter((x) => x.timed)) {
    const entry = entryOf(p, 'pending');
    let i = entries.length;
    while (i > 0 && entries[i - 1]!.at > entry.at) i--;
    entries.splice(i, 0, entry);
  }
  for (const p of pending) if (!p.timed) entries.push(entryOf(p, 'pending'));
  return entries;
}

/** Whether `entry` passes `filter`; `authorName` (when known) is searched with the body. */
export function matches(entry: TimelineEntry, filter: EntryFilter, authorName?: string): boolean {
  const { show } = filter;
  if (show === 'updates' && entry.source !== 'update') return false;
  if (show !== 'all' && show !== 'updates' && (entry.source !== 'event' || (show !== 'events' && entry.kind !== show))) return false;
  const words = searchable(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = authorName ? `${entry.text}\n${searchable(authorName)}` : entry.text;
  return words.every((word) => haystack.includes(word));
}

/** Inserts `event`, or replaces the one with its id: events stay unique however often they arrive. */
export function upsertEvent(events: readonly TimelineEvent[], event: TimelineEvent): TimelineEvent[] {
  const others = events.filter((e) => e.id !== event.id);
  return [...others, event];
}

/**
 * The UTC instant of a wall-clock time (`YYYY-MM-DDTHH:mm`, as a datetime-local input gives it) in
 * `timeZone`; null when `local` is not such a time. Like Temporal's "compatible": a time skipped
 * when clocks go forward reads with the offset before the change (02:30 becomes 03:30), and a time
 * that happens twice when clocks go back is the earlier one.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const format = zoneFormat(timeZone);
  const before = wall - zoneOffset(format, wall - DAY_MS);
  const after = wall - zoneOffset(format, wall + DAY_MS);
  const fits = (utc: number): boolean => utc + zoneOffset(format, utc) === wall;
  const utc = fits(before) ? before : fits(after) ? after : before;
  return new Date(utc).toISOString();
}

/** Now as a datetime-local value (`YYYY-MM-DDTHH:mm`) in `timeZone`. */
export function zonedNow(timeZone: string, now = Date.now()): string {
  const format = zoneFormat(timeZone);
  return new Date(now + zoneOffset(format, now)).toISOString().slice(0, 16);
}
