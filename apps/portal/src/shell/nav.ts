/** The portal's navigation: every top-level view, its label, and which role sees it. */
import { msg } from '@lit/localize';
import type { TokenRole } from '@hansei/core';
import type { Route } from '../routes.js';

export interface NavItem {
  readonly label: () => string;
  readonly route: Route;
  /** The views this entry stays current for (its detail pages). */
  readonly views: readonly Route['view'][];
  readonly adminOnly?: boolean;
}

export const NAV: readonly NavItem[] = [
  { label: () => msg('Incidents'), route: { view: 'incidents', query: {} }, views: ['incidents', 'incident', 'declare'] },
  { label: () => msg('Postmortems'), route: { view: 'postmortems', query: {} }, views: ['postmortems', 'postmortem', 'postmortem-new'] },
  { label: () => msg('Prevention'), route: { view: 'prevention', query: {} }, views: ['prevention'] },
  { label: () => msg('SLOs'), route: { view: 'slos' }, views: ['slos', 'slo'] },
  { label: () => msg('Trends'), route: { view: 'trends' }, views: ['trends'] },
  { label: () => msg('Weekly review'), route: { view: 'review', week: null }, views: ['review'] },
  { label: () => msg('Admin'), route: { view: 'admin', section: 'guideline' }, views: ['admin'], adminOnly: true },
];

/** The entries `role` sees. */
export function navFor(role: TokenRole | null): readonly NavItem[] {
  return NAV.filter((item) => !item.adminOnly || role === 'admin');
}

/** The page title of a route (the document's `<title>` and the heading the shell announces). */
export function titleOf(route: Route): string {
  switch (route.view) {
    case 'declare':
      return msg('Declare an incident');
    case 'incident':
      return msg('Incident');
    case 'postmortem':
      return msg('Postmortem');
    case 'postmortem-new':
      return msg('Start the postmortem');
    case 'slo':
      return msg('SLO');
    case 'sign-in':
      return msg('Sign in');
    case 'not-found':
      return msg('Page not found');
    default:
      return NAV.find((item) => item.views.includes(route.view))?.label() ?? 'Hansei';
  }
}
