/**
 * The Atlassian Statuspage v2-compatible public API: `/api/v2/*.json`, read-only, anonymous,
 * CORS-open and cacheable. The documents come from @hansei/core's `toStatuspage*` functions,
 * which leave out internal incidents, internal updates and hidden components.
 */
import type { Hono } from 'hono';
import {
  toStatuspageActiveMaintenances,
  toStatuspageComponents,
  toStatuspageIncidents,
  toStatuspageMaintenances,
  toStatuspageStatus,
  toStatuspageSummary,
  toStatuspageUnresolvedIncidents,
  toStatuspageUpcomingMaintenances,
} from '@hansei/core';
import type { PublicData } from './data.js';
import { preflight } from './respond.js';
import type { PublicSource } from './source.js';

/** One `/api/v2` document. */
export interface StatuspageDocument {
  /** URL path, `/api/v2/summary.json`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly render: (input: PublicData) => unknown;
}

/** Every `/api/v2` document, as Statuspage serves them. */
export const STATUSPAGE_DOCUMENTS: readonly StatuspageDocument[] = [
  {
    path: '/api/v2/summary.json',
    operationId: 'statuspageSummary',
    summary: 'Page, components, unresolved incidents, upcoming and active maintenances, and the page status',
    render: ({ data }) => toStatuspageSummary(data),
  },
  { path: '/api/v2/status.json', operationId: 'statuspageStatus', summary: "The page's overall status", render: ({ data }) => toStatuspageStatus(data) },
  {
    path: '/api/v2/components.json',
    operationId: 'statuspageComponents',
    summary: 'Visible components and their groups',
    render: ({ data }) => toStatuspageComponents(data),
  },
  {
    path: '/api/v2/incidents.json',
    operationId: 'statuspageIncidents',
    summary: 'The 50 most recent public incidents',
    render: ({ data, postmortems }) => toStatuspageIncidents(data, { postmortemPublished: (id) => postmortems.has(id) }),
  },
  {
    path: '/api/v2/incidents/unresolved.json',
    operationId: 'statuspageUnresolvedIncidents',
    summary: 'Public incidents not yet resolved',
    render: ({ data }) => toStatuspageUnresolvedIncidents(data),
  },
  {
    path: '/api/v2/scheduled-maintenances.json',
    operationId: 'statuspageMaintenances',
    summary: 'The 50 most recent scheduled maintenances',
    render: ({ data }) => toStatuspageMaintenances(data),
  },
  {
    path: '/api/v2/scheduled-maintenances/upcoming.json',
    operationId: 'statuspageUpcomingMaintenances',
    summary: 'Scheduled maintenances not yet started',
    render: ({ data }) => toStatuspageUpcomingMaintenances(data),
  },
  {
    path: '/api/v2/scheduled-maintenances/active.json',
    operationId: 'statuspageActiveMaintenances',
    summary: 'Maintenances in progress or verifying',
    render: ({ data }) => toStatuspageActiveMaintenances(data),
  },
];

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Mounts the `/api/v2` documents and their CORS preflight. */
export function mountStatuspage(app: Hono, source: PublicSource): void {
  for (const doc of STATUSPAGE_DOCUMENTS) {
    const render = (input: PublicData) => JSON.stringify(doc.render(input));
    app.get(doc.path, (c) => source.serve(c, doc.path, JSON_TYPE, render));
  }
  app.options('/api/v2/*', preflight);
}
