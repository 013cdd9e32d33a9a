/**
 * The incident feed's words: public impact (incident statuses are in internal/status-words.ts).
 * Pure (only `msg`), so the server-side template uses them too.
 */
import { msg } from '@lit/localize';


/** An incident's public impact (core's `Impact`) in words, e.g. "Major impact". */
export function impactWords(impact: string): string {
  switch (impact) {
    case 'none':
      return msg('No impact', { id: 'incident-feed.impact.none', desc: 'Incident public impact: none' });
    case 'minor':
      return msg('Minor impact', { id: 'incident-feed.impact.minor', desc: 'Incident public impact: minor' });
    case 'major':
      return msg('Major impact', { id: 'incident-feed.impact.major', desc: 'Incident public impact: major' });
    case 'critical':
      return msg('Critical impact', { id: 'incident-feed.impact.critical', desc: 'Incident public impact: critical' });
    default:
      return impact;
  }
}
