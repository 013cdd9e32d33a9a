/**
 * Postmortem templates: the kit's built-in ones (the default, the Google SRE book's, Atlassian's,
 * PagerDuty's; read-only, always version 1) and an organisation's own, which admins write. Every
 * token holder reads them (the postmortem element offers them when a postmortem starts). A
 * postmortem copies its template's sections when it starts, so changing or deleting a template
 * never changes a postmortem. The routes are templates.ts's, shared with incident templates.
 */
import {
  BUILT_IN_POSTMORTEM_TEMPLATES,
  POSTMORTEM_TEMPLATES_MAX,
  PostmortemTemplateCreateSchema,
  PostmortemTemplatePatchSchema,
  StoredPostmortemTemplateSchema,
  builtInTemplateProblem,
  createdPostmortemTemplate,
  patchedPostmortemTemplate,
} from '@hansei/core';
import { postmortemTemplates } from '../store/templates.js';
import { templateRoutes } from './templates.js';

export const postmortemTemplateRoutes = templateRoutes({
  noun: 'postmortem template',
  path: 'postmortem-templates',
  operation: 'PostmortemTemplate',
  event: 'postmortem-template',
  tags: ['postmortems'],
  idPrefix: 'pmt',
  max: POSTMORTEM_TEMPLATES_MAX,
  builtIns: BUILT_IN_POSTMORTEM_TEMPLATES,
  store: postmortemTemplates,
  createSchema: PostmortemTemplateCreateSchema,
  patchSchema: PostmortemTemplatePatchSchema,
  storedSchema: StoredPostmortemTemplateSchema,
  builtInProblem: builtInTemplateProblem,
  created: createdPostmortemTemplate,
  patched: patchedPostmortemTemplate,
  docs: {
    list: [
      'List postmortem templates: the built-in ones, then the organisation’s own, oldest first',
      `Built-in templates have \`builtIn: true\` and version 1. An organisation keeps at most ${POSTMORTEM_TEMPLATES_MAX} of its own, so the list is not paged.`,
    ],
    get: 'Get one postmortem template',
    create: [
      'Add a postmortem template of the organisation’s own',
      `Sections whose key the kit knows (impact, timeline, response, contributing_factors, five_whys, action_items, acknowledgements) get the postmortem element's prefill or builder. 409 when the organisation already has ${POSTMORTEM_TEMPLATES_MAX}.`,
    ],
    update: [
      'Change a postmortem template of the organisation’s own',
      'Sections replace the stored ones. Built-in templates cannot be changed (409). Postmortems already started keep the sections they copied.',
    ],
    delete: ['Delete a postmortem template of the organisation’s own', 'Built-in templates cannot be deleted (409). Postmortems started from it keep their sections and its id.'],
  },
});
