/**
 * Which module shows which route. Every view is its own chunk, loaded when first shown, so the
 * first load carries only the shell and the view the URL names.
 */
import { html, type TemplateResult } from 'lit';
import type { TokenRole } from '@hansei/core';
import type { Route } from '../routes.js';

type Loader = () => Promise<unknown>;

const LOADERS: Partial<Record<Route['view'], Loader>> = {
  incidents: () => import('../views/incidents.js'),
  declare: () => import('../views/declare.js'),
  incident: () => import('../views/incident.js'),
  postmortems: () => import('../views/postmortems.js'),
  postmortem: () => import('../views/postmortem.js'),
  'postmortem-new': () => import('../views/postmortem.js'),
  prevention: () => import('../views/prevention.js'),
  slos: () => import('../views/slos.js'),
  slo: () => import('../views/slo.js'),
  trends: () => import('../views/trends.js'),
  review: () => import('../views/review.js'),
  admin: () => import('../admin/admin.js'),
};

/** Loads the module of `route`'s view (resolves at once for views without one). */
export function loadView(route: Route): Promise<unknown> {
  return LOADERS[route.view]?.() ?? Promise.resolve();
}

/** The view element for `route`, for `role`. */
export function viewTemplate(route: Route, role: TokenRole | null): TemplateResult {
  switch (route.view) {
    case 'incidents':
      return html`<portal-incidents .access=${role} .query=${route.query}></portal-incidents>`;
    case 'declare':
      return html`<portal-declare .access=${role}></portal-declare>`;
    case 'incident':
      return html`<portal-incident .access=${role} .incidentId=${route.id}></portal-incident>`;
    case 'postmortems':
      return html`<portal-postmortems .access=${role} .query=${route.query}></portal-postmortems>`;
    case 'postmortem':
      return html`<portal-postmortem .access=${role} .postmortemId=${route.id}></portal-postmortem>`;
    case 'postmortem-new':
      return html`<portal-postmortem .access=${role} .incidentId=${route.incidentId}></portal-postmortem>`;
    case 'prevention':
      return html`<portal-prevention .access=${role} .query=${route.query}></portal-prevention>`;
    case 'slos':
      return html`<portal-slos .access=${role}></portal-slos>`;
    case 'slo':
      return html`<portal-slo .access=${role} .sloId=${route.id}></portal-slo>`;
    case 'trends':
      return html`<portal-trends .access=${role}></portal-trends>`;
    case 'review':
      return html`<portal-review .access=${role} .week=${route.week}></portal-review>`;
    case 'admin':
      return html`<portal-admin .access=${role} .section=${route.section}></portal-admin>`;
    default:
      return html``;
  }
}
