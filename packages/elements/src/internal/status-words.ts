/**
 * The words of the status elements, in the kit's locale: Statuspage's own wording in English
 * (page states, component and maintenance statuses), Japanese from the translations. Pure: only
 * `msg`, so the server-side templates use them too.
 */
import { msg } from '@lit/localize';
import type { PageStatus } from '@hansei/core';
import type { StatusTone } from './status-icons.js';

/** The default words for a page indicator (what the badge says), or for an unknown state. */
export function indicatorWords(tone: StatusTone): string {
  switch (tone) {
    case 'none':
      return msg('All Systems Operational', { desc: 'Page status: nothing is wrong' });
    case 'minor':
      return msg('Minor Service Outage', { desc: 'Page status: indicator "minor"' });
    case 'major':
      return msg('Partial System Outage', { desc: 'Page status: indicator "major"' });
    case 'critical':
      return msg('Major Service Outage', { desc: 'Page status: indicator "critical"' });
    case 'maintenance':
      return msg('Service Under Maintenance', { desc: 'Page status: a maintenance is in progress' });
    case 'unknown':
      return msg('Status Unavailable', { desc: 'Page status: the status is not known (yet)' });
  }
}

/**
 * The descriptions Statuspage derives for a page (core's `pageStatus` gives the same), lower-cased,
 * with their words in the active locale.
 */
function knownDescription(description: string): string | undefined {
  switch (description.trim().toLowerCase()) {
    case 'all systems operational':
      return indicatorWords('none');
    case 'service under maintenance':
      return indicatorWords('maintenance');
    case 'minor service outage':
      return indicatorWords('minor');
    case 'partial system outage':
      return indicatorWords('major');
    case 'major service outage':
      return indicatorWords('critical');
    case 'partially degraded service':
      return msg('Partially Degraded Service', { desc: 'Page status: some components have degraded performance' });
    case 'degraded system service':
      return msg('Degraded System Service', { desc: 'Page status: every component has degraded performance' });
    case 'major system outage':
      return msg('Major System Outage', { desc: 'Page status: every component has a major outage' });
    default:
      return undefined;
  }
}

/** What a page's state says, and whether the words are the kit's (in its locale) or the page's own. */
export interface PageStatusWords {
  readonly text: string;
  /** True when the words are the kit's, in its locale; false for a page's own description. */
  readonly translated: boolean;
}

/**
 * The words for a page's state: Statuspage's known descriptions in the active locale; any other
 * description as the page wrote it; without one, the default words for the indicator.
 */
export function pageStatusWords(status: Pick<PageStatus, 'indicator' | 'description'> | null | undefined, tone: StatusTone): PageStatusWords {
  const description = typeof status?.description === 'string' ? status.description.trim() : '';
  if (description === '') return { text: indicatorWords(tone), translated: true };
  const known = knownDescription(description);
  return known === undefined ? { text: description, translated: false } : { text: known, translated: true };
}

/** A component status (core's `ComponentStatus`) in words, as Statuspage says it; any other value is "Unknown". */
export function componentStatusWords(status: string): string {
  switch (status) {
    case 'operational':
      return msg('Operational', { id: 'status.component.operational', desc: 'Component status' });
    case 'degraded_performance':
      return msg('Degraded Performance', { id: 'status.component.degraded-performance', desc: 'Component status' });
    case 'partial_outage':
      return msg('Partial Outage', { id: 'status.component.partial-outage', desc: 'Component status' });
    case 'major_outage':
      return msg('Major Outage', { id: 'status.component.major-outage', desc: 'Component status' });
    case 'under_maintenance':
      return msg('Under Maintenance', { id: 'status.component.under-maintenance', desc: 'Component status' });
    default:
      return unknownWords();
  }
}

/** What an unrecognised status value is called. */
function unknownWords(): string {
  return msg('Unknown', { id: 'status.unknown', desc: 'A component or maintenance status the kit does not know' });
}

/** An incident status (core's `IncidentStatus`) in words, as Statuspage says it; any other value is "Unknown". */
export function incidentStatusWords(status: string): string {
  switch (status) {
    case 'investigating':
      return msg('Investigating', { id: 'status.incident.investigating', desc: 'Incident status: looking for the cause' });
    case 'identified':
      return msg('Identified', { id: 'status.incident.identified', desc: 'Incident status: the cause is known' });
    case 'monitoring':
      return msg('Monitoring', { id: 'status.incident.monitoring', desc: 'Incident status: a fix is in, being watched' });
    case 'resolved':
      return msg('Resolved', { id: 'status.incident.resolved', desc: 'Incident status' });
    default:
      return unknownWords();
  }
}

/** A maintenance status (core's `MaintenanceStatus`) in words, as Statuspage says it; any other value is "Unknown". */
export function maintenanceStatusWords(status: string): string {
  switch (status) {
    case 'scheduled':
      return msg('Scheduled', { id: 'status.maintenance.scheduled', desc: 'Maintenance status: not started yet' });
    case 'in_progress':
      return msg('In progress', { id: 'status.maintenance.in-progress', desc: 'Maintenance status' });
    case 'verifying':
      return msg('Verifying', { id: 'status.maintenance.verifying', desc: 'Maintenance status: the work is done and being checked' });
    case 'completed':
      return msg('Completed', { id: 'status.maintenance.completed', desc: 'Maintenance status' });
    default:
      return unknownWords();
  }
}
