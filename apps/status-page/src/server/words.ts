/**
 * The status page's own words (the elements' are in @hansei/elements), through @lit/localize so
 * the Japanese page says them in Japanese (xliff/ja.xlf). Only ever called while a page renders
 * on the server (see localize.ts).
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export const words = {
  skip: () => msg('Skip to content', { id: 'status-page.skip', desc: 'Status page: link that jumps over the header to the main content' }),
  language: () => msg('Language', { id: 'status-page.language', desc: 'Status page: names the language switch (navigation landmark)' }),
  homeDescription: (name: string) =>
    msg(str`Current status, incidents and scheduled maintenance of ${name}.`, { id: 'status-page.home-description', desc: 'Status page: description of the home page for search engines and link previews' }),
  components: () => msg('Components', { id: 'status-page.components', desc: 'Status page: heading of the list of components and their status' }),
  uptime: (days: number) => msg(str`Uptime over the last ${days} days`, { id: 'status-page.uptime', desc: 'Status page: heading of the daily uptime bars' }),
  uptimeUnavailable: () => msg('Uptime could not be read just now.', { id: 'status-page.uptime-unavailable', desc: 'Status page: the uptime bars could not be loaded' }),
  maintenance: () => msg('Scheduled maintenance', { id: 'status-page.maintenance', desc: 'Status page: heading of maintenances under way and upcoming' }),
  historyLink: () => msg('Incident history', { id: 'status-page.history-link', desc: 'Status page: link to the past incidents, month by month' }),
  historyDescription: (name: string, month: string) =>
    msg(str`Incidents of ${name} in ${month}.`, { id: 'status-page.history-description', desc: 'Status page: description of a month of history, e.g. "Incidents of Acme in November 2026."' }),
  incidentLabel: () => msg('Incident', { id: 'status-page.incident', desc: 'Status page: says that the page is about one incident (above its title)' }),
  maintenanceLabel: () => msg('Maintenance', { id: 'status-page.maintenance-label', desc: 'Status page: says that the page is about one scheduled maintenance (above its title)' }),
  back: () => msg('Current status', { id: 'status-page.back', desc: 'Status page: link from an incident or maintenance page back to the home page' }),
  notFound: () => msg('Page not found', { id: 'status-page.not-found', desc: 'Status page: heading of the page for an address that does not exist' }),
  notFoundBody: () =>
    msg('There is nothing at this address. The incident or maintenance may not be public, or the link may be mistyped.', {
      id: 'status-page.not-found-body',
      desc: 'Status page: explains a page not found',
    }),
  feed: () => msg('Atom feed of incidents', { id: 'status-page.feed', desc: 'Status page: link to the Atom feed, in the footer' }),
  feedTitle: (name: string) => msg(str`${name} incidents`, { id: 'status-page.feed-title', desc: 'Status page: title of the Atom feed link, e.g. "Acme incidents"' }),
  api: () => msg('Status API', { id: 'status-page.api', desc: 'Status page: link to the Statuspage-compatible JSON API, in the footer' }),
  timeZone: (zone: TemplateResult) =>
    msg(html`Times are shown in ${zone}.`, { id: 'status-page.time-zone', desc: 'Status page: in the footer, the time zone of the times shown, e.g. "Coordinated Universal Time"' }),
  unavailable: () =>
    msg('The status could not be read just now. This page tries again by itself; you can also reload it in a moment.', {
      id: 'status-page.unavailable',
      desc: 'Status page: shown when the server cannot read the status at all',
    }),
  poweredBy: () => msg('Powered by Hansei', { id: 'status-page.powered-by', desc: 'Status page: footer credit' }),
};
