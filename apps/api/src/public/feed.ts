/**
 * The Atom feed (RFC 4287) of public incidents and maintenances: the 50 most recently changed,
 * each entry with all its public updates (and the public summary of a published postmortem),
 * the way Statuspage's `history.atom` reads. Built from
 * the v2 documents, so it shows exactly what the public API shows. Every user string is escaped
 * (entry content is HTML, escaped once for HTML and once more for XML).
 */
import type { Hono } from 'hono';
import {
  STATUSPAGE_LIST_LIMIT,
  toStatuspageIncidents,
  toStatuspageMaintenances,
  type StatuspageComponent,
  type StatuspageIncident,
  type StatuspageMaintenance,
} from '@hansei/core';
import type { PublicData } from './data.js';
import { preflight } from './respond.js';
import type { PublicSource } from './source.js';
import { escapeXml } from './xml.js';

/** Where the feed is served: under /v1, and at the root for `<link rel="alternate">` and Statuspage's `history.atom`. */
export const FEED_PATHS = ['/v1/feed.atom', '/feed.atom', '/history.atom'] as const;

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

type Entry = StatuspageIncident | StatuspageMaintenance;

const isMaintenance = (entry: Entry): entry is StatuspageMaintenance => entry.impact === 'maintenance';

/** `Nov 25, 2026, 09:00 UTC` in the page's time zone (UTC when the zone is unknown). */
function dateFormat(timeZone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
  return (iso) => format.format(new Date(iso));
}

/** User text as HTML: escaped, line breaks kept. */
const html = (text: string): string => escapeXml(text).replace(/\r?\n/g, '<br>');

const names = (components: readonly StatuspageComponent[]): string => components.map((c) => c.name).join(', ');

/** The entry's content, as HTML (escaped again for XML by the caller). */
function content(entry: Entry, when: (iso: string) => string, postmortem: string | undefined): string {
  const parts: string[] = [];
  if (postmortem) parts.push(`<p><strong>Postmortem</strong> - ${html(postmortem)}</p>`);
  if (isMaintenance(entry)) {
    parts.push(`<p><strong>Scheduled maintenance</strong> from ${html(when(entry.scheduled_for))} until ${html(when(entry.scheduled_until))}</p>`);
  }
  for (const update of entry.incident_updates) {
    const word = STATUS_WORDS[update.status] ?? update.status;
    parts.push(`<p><small>${html(when(update.display_at))}</small><br><strong>${html(word)}</strong> - ${html(update.body)}</p>`);
  }
  if (entry.components.length) {
    parts.push(`<p>${isMaintenance(entry) ? 'Components' : 'This incident affected'}: ${html(names(entry.components))}</p>`);
  }
  return parts.join('');
}

function entryXml(entry: Entry, author: string, when: (iso: string) => string, postmortem: string | undefined): string {
  const kind = isMaintenance(entry) ? 'maintenance' : 'incident';
  return [
    '<entry>',
    `<id>${escapeXml(entry.shortlink)}</id>`,
    `<title>${escapeXml(entry.name)}</title>`,
    `<published>${escapeXml(entry.created_at)}</published>`,
    `<updated>${escapeXml(entry.updated_at)}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(entry.shortlink)}"/>`,
    `<author><name>${author}</name></author>`,
    `<category term="${kind}"/>`,
    `<category term="${escapeXml(entry.status)}" label="${escapeXml(STATUS_WORDS[entry.status] ?? entry.status)}"/>`,
    `<content type="html">${escapeXml(content(entry, when, postmortem))}</content>`,
    '</entry>',
  ].join('');
}

/**
 * The feed's XML: public incidents and maintenances, most recently changed first, at most 50.
 * `selfUrl` is the feed's own absolute URL.
 */
export function renderFeed(input: PublicData, selfUrl: string): string {
  const { page } = input.data;
  const incidents = toStatuspageIncidents(input.data, { postmortemPublished: (id) => input.postmortems.has(id) });
  const maintenances = toStatuspageMaintenances(input.data);
  const entries: Entry[] = [...incidents.incidents, ...maintenances.scheduled_maintenances]
    .sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, STATUSPAGE_LIST_LIMIT);
  const updated = entries.reduce((max, e) => (e.updated_at > max ? e.updated_at : max), page.updatedAt);
  const when = dateFormat(page.timeZone);
  const author = escapeXml(page.name);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(page.url)}</id>`,
    `<title>${escapeXml(`${page.name} - Incident History`)}</title>`,
    `<updated>${escapeXml(updated)}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(page.url)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `<author><name>${author}</name></author>`,
    '<generator>Hansei</generator>',
    ...entries.map((entry) => entryXml(entry, author, when, entry.status === 'postmortem' ? input.postmortems.get(entry.id) : undefined)),
    '</feed>\n',
  ].join('');
}

/** Mounts the feed at {@link FEED_PATHS}. */
export function mountFeed(app: Hono, source: PublicSource): void {
  for (const path of FEED_PATHS) {
    app.get(path, (c) => source.serve(c, path, ATOM_TYPE, (input, origin) => renderFeed(input, `${origin}${path}`)));
    app.options(path, preflight);
  }
}
