/**
 * The REST API: every resource's routes, mounted with the route kit, and the OpenAPI document
 * generated from them at /v1/openapi.json.
 */
import type { Hono } from 'hono';
import type * as v from 'valibot';
import {
  ComponentGroupSchema,
  ComponentSchema,
  ComponentUptimeSchema,
  CreatedTokenSchema,
  DayUptimeSchema,
  IncidentMetricsSchema,
  IncidentRolesSchema,
  IncidentSchema,
  IncidentTemplateSchema,
  IncidentUpdateSchema,
  MaintenanceSchema,
  PageStatusSchema,
  PersonSchema,
  PostmortemSchema,
  PostmortemSummarySchema,
  PostmortemTemplateSchema,
  PreventionActionSchema,
  RoleAssignmentSchema,
  RoleHandOffAnswerSchema,
  SessionSchema,
  SeverityGuidelineSchema,
  SloReportSchema,
  SloSchema,
  StatusPageInfoSchema,
  StatusSnapshotSchema,
  StoredComponentGroupSchema,
  StoredComponentSchema,
  StoredIncidentSchema,
  StoredIncidentTemplateSchema,
  StoredMaintenanceSchema,
  StoredPersonSchema,
  StoredPostmortemSchema,
  StoredPostmortemTemplateSchema,
  StoredPreventionActionSchema,
  StoredSloSchema,
  TimelineEventSchema,
  TokenRecordSchema,
  UpdatePostedSchema,
  WeeklyReviewSchema,
} from '@hansei/core';
import { buildOpenApi } from './http/openapi.js';
import { PUBLIC_ROUTE_DOCS } from './public/index.js';
import { contentTag, json, mountRoute, type RouteSpec } from './http/route.js';
import { actionRoutes } from './routes/actions.js';
import { componentRoutes } from './routes/components.js';
import { incidentTemplateRoutes } from './routes/incident-templates.js';
import { incidentRoutes } from './routes/incidents.js';
import { insightRoutes } from './routes/insights.js';
import { maintenanceRoutes } from './routes/maintenances.js';
import { peopleRoutes } from './routes/people.js';
import { postmortemTemplateRoutes } from './routes/postmortem-templates.js';
import { postmortemRoutes } from './routes/postmortems.js';
import { sessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';
import { sloRoutes } from './routes/slos.js';
import { tokenRoutes } from './routes/tokens.js';
import type { Services } from './services.js';

/** Every route of the API, in the order the OpenAPI document lists them. */
export const ROUTES: readonly RouteSpec<never, never, never>[] = [
  ...sessionRoutes,
  ...componentRoutes,
  ...incidentRoutes,
  ...incidentTemplateRoutes,
  ...maintenanceRoutes,
  ...postmortemRoutes,
  ...postmortemTemplateRoutes,
  ...actionRoutes,
  ...peopleRoutes,
  ...sloRoutes,
  ...insightRoutes,
  ...settingsRoutes,
  ...tokenRoutes,
];

/**
 * Schemas the document names in components.schemas (and references, not repeats): the entities,
 * the stored entities (an entity with its `version`, which is what every versioned resource is
 * answered as) and the other answers of answers.ts, under the names of their TypeScript types.
 */
const DEFINITIONS: Record<string, v.GenericSchema> = {
  Component: ComponentSchema,
  ComponentGroup: ComponentGroupSchema,
  Incident: IncidentSchema,
  IncidentUpdate: IncidentUpdateSchema,
  IncidentTemplate: IncidentTemplateSchema,
  TimelineEvent: TimelineEventSchema,
  RoleAssignment: RoleAssignmentSchema,
  Maintenance: MaintenanceSchema,
  Postmortem: PostmortemSchema,
  PostmortemTemplate: PostmortemTemplateSchema,
  PreventionAction: PreventionActionSchema,
  Slo: SloSchema,
  Person: PersonSchema,
  SeverityGuideline: SeverityGuidelineSchema,
  StatusPageInfo: StatusPageInfoSchema,
  StoredComponent: StoredComponentSchema,
  StoredComponentGroup: StoredComponentGroupSchema,
  StoredIncident: StoredIncidentSchema,
  StoredIncidentTemplate: StoredIncidentTemplateSchema,
  StoredMaintenance: StoredMaintenanceSchema,
  StoredPostmortem: StoredPostmortemSchema,
  StoredPostmortemTemplate: StoredPostmortemTemplateSchema,
  StoredPreventionAction: StoredPreventionActionSchema,
  StoredSlo: StoredSloSchema,
  StoredPerson: StoredPersonSchema,
  PageStatus: PageStatusSchema,
  StatusSnapshot: StatusSnapshotSchema,
  DayUptime: DayUptimeSchema,
  ComponentUptime: ComponentUptimeSchema,
  IncidentRoles: IncidentRolesSchema,
  RoleHandOff: RoleHandOffAnswerSchema,
  UpdatePosted: UpdatePostedSchema,
  PostmortemSummary: PostmortemSummarySchema,
  IncidentMetrics: IncidentMetricsSchema,
  SloReport: SloReportSchema,
  WeeklyReview: WeeklyReviewSchema,
  TokenRecord: TokenRecordSchema,
  CreatedToken: CreatedTokenSchema,
  Session: SessionSchema,
};

let openApiCache: { text: string; etag: string } | null = null;

/** The OpenAPI 3.1 document of {@link ROUTES}. */
export function openApiDocument(version: string): Record<string, unknown> {
  return buildOpenApi([...ROUTES, ...PUBLIC_ROUTE_DOCS], { title: 'Hansei API', version, description: 'The Hansei REST contract: incidents, status, postmortems, prevention and SLOs.' }, DEFINITIONS);
}

/** Mounts the API on `app`. */
export function mountApi(app: Hono, services: Services, version: string): void {
  app.get('/v1/openapi.json', (c) => {
    openApiCache ??= (() => {
      const text = JSON.stringify(openApiDocument(version));
      return { text, etag: contentTag(text) };
    })();
    if (c.req.header('if-none-match') === openApiCache.etag) return new Response(null, { status: 304, headers: { etag: openApiCache.etag } });
    return json(JSON.parse(openApiCache.text), { etag: openApiCache.etag, cacheControl: 'public, max-age=60', headers: { 'access-control-allow-origin': '*' } });
  });
  for (const route of ROUTES) mountRoute(app, services, route);
}
