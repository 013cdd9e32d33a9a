/**
 * Incident templates: the kit's built-in ones (degraded performance, outage of a component,
 * security incident (internal), data issue; read-only, always version 1) and an organisation's
 * own, which admins write. Every token holder reads them (the incident form offers them when a
 * responder declares). A template only prefills the form, so changing or deleting one never
 * changes an incident. The routes are templates.ts's, shared with postmortem templates.
 */
import {
  BUILT_IN_INCIDENT_TEMPLATES,
  INCIDENT_TEMPLATES_MAX,
  IncidentTemplateCreateSchema,
  IncidentTemplatePatchSchema,
  StoredIncidentTemplateSchema,
  builtInIncidentTemplateProblem,
  createdIncidentTemplate,
  patchedIncidentTemplate,
} from '@hansei/core';
import { incidentTemplates } from '../store/templates.js';
import { templateRoutes } from './templates.js';

export const incidentTemplateRoutes = templateRoutes({
  noun: 'incident template',
  path: 'incident-templates',
  operation: 'IncidentTemplate',
  event: 'incident-template',
  tags: ['incidents'],
  idPrefix: 'itpl',
  max: INCIDENT_TEMPLATES_MAX,
  builtIns: BUILT_IN_INCIDENT_TEMPLATES,
  store: incidentTemplates,
  createSchema: IncidentTemplateCreateSchema,
  patchSchema: IncidentTemplatePatchSchema,
  storedSchema: StoredIncidentTemplateSchema,
  builtInProblem: builtInIncidentTemplateProblem,
  created: createdIncidentTemplate,
  patched: patchedIncidentTemplate,
  docs: {
    list: [
      'List incident templates: the built-in ones, then the organisation’s own, oldest first',
      `Built-in templates have \`builtIn: true\` and version 1. An organisation keeps at most ${INCIDENT_TEMPLATES_MAX} of its own, so the list is not paged.`,
    ],
    get: 'Get one incident template',
    create: [
      'Add an incident template of the organisation’s own',
      `Only the name is required: a blank text, a null and an empty list prefill nothing in the incident form. The severity is not checked against the guideline here (the guideline may change); the form and the declaration check it. 409 when the organisation already has ${INCIDENT_TEMPLATES_MAX}.`,
    ],
    update: [
      'Change an incident template of the organisation’s own',
      'Lists replace the stored ones. Built-in templates cannot be changed (409). Incidents declared from it are not changed.',
    ],
    delete: ['Delete an incident template of the organisation’s own', 'Built-in templates cannot be deleted (409). Incidents declared from it are not changed.'],
  },
});
