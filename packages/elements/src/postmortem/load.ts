/**
 * Everything the postmortem element reads through the adapter, at once: the postmortem (by its
 * id, or through its incident), the incident and what the prefill needs from it (timeline, roles,
 * components, the SLO reports that say how much error budget it consumed), the template, the
 * people, the prevention actions linked to the incident, and who the caller is. Only the
 * postmortem and its incident must load; every other read may fail or be unsupported, and the
 * element shows what it has.
 */
import { can, type HanseiAdapter } from '@hansei/adapters';
import type {
  Component,
  Incident,
  Person,
  Postmortem,
  PostmortemTemplate,
  PreventionAction,
  RoleAssignment,
  RoleDefinition,
  Slo,
  SloReport,
  Stored,
  TimelineEvent,
  TokenRole,
} from '@hansei/core';
import { DEFAULT_POSTMORTEM_TEMPLATE } from '@hansei/core';

export interface Loaded {
  /** The caller's role; null anonymous, undefined when the adapter could not say. */
  readonly role: TokenRole | null | undefined;
  readonly incident: Stored<Incident>;
  /** Null: the incident has no postmortem yet. */
  readonly postmortem: Stored<Postmortem> | null;
  /** The postmortem's template (null when it cannot be found: the postmortem's own sections are shown). */
  readonly template: PostmortemTemplate | null;
  readonly people: readonly Stored<Person>[];
  readonly actions: readonly Stored<PreventionAction>[];
  readonly timeline: readonly TimelineEvent[];
  readonly assignments: readonly RoleAssignment[];
  readonly roles: readonly RoleDefinition[];
  readonly components: readonly Component[];
  readonly reports: readonly { readonly slo: Slo; readonly report: SloReport }[];
}

const soft = <T>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

/** The kit's built-in templates, loaded when the adapter has none to give (they are not needed at first). */
export async function builtInTemplates(): Promise<readonly PostmortemTemplate[]> {
  return (await import('./builtin-templates.js')).BUILT_IN_POSTMORTEM_TEMPLATES;
}

/** The template `id`: from the adapter, else the kit's built-in one, else null. */
export async function loadTemplate(adapter: HanseiAdapter, id: string, signal: AbortSignal): Promise<PostmortemTemplate | null> {
  try {
    return await adapter.getPostmortemTemplate(id, { signal });
  } catch {
    if (id === DEFAULT_POSTMORTEM_TEMPLATE.id) return DEFAULT_POSTMORTEM_TEMPLATE;
    return (await builtInTemplates()).find((t) => t.id === id) ?? null;
  }
}

/** The templates a new postmortem may start from: the adapter's, else the kit's built-in ones. */
export async function loadTemplates(adapter: HanseiAdapter, signal: AbortSignal): Promise<readonly PostmortemTemplate[]> {
  try {
    const list = await adapter.listPostmortemTemplates({ signal });
    if (list.length > 0) return list;
  } catch {
    // An adapter without templates: the kit's own will do.
  }
  return builtInTemplates();
}

/** The reports of the SLOs that measure a component the incident touched (at most 10). */
async function loadReports(adapter: HanseiAdapter, incident: Incident, signal: AbortSignal): Promise<Loaded['reports']> {
  if (!can(adapter, 'slos')) return [];
  const touched = new Set([...incident.components.map((c) => c.componentId), ...incident.updates.flatMap((u) => (u.affectedComponents ?? []).map((t) => t.componentId))]);
  const slos = (await adapter.listSlos({ limit: 200 }, { signal })).data.filter((s) => s.componentId !== null && touched.has(s.componentId)).slice(0, 10);
  const reports = await Promise.all(slos.map((slo) => soft(adapter.getSloReport(slo.id, { signal }).then((report) => ({ slo, report })), null)));
  return reports.filter((r) => r !== null);
}

/**
 * Reads what the element shows. `postmortemId` wins over `incidentId`; with only an incident,
 * its `postmortemId` names the postmortem (none yet: `postmortem` is null). Rejects when the
 * postmortem or its incident cannot be read.
 */
export async function loadPostmortem(adapter: HanseiAdapter, ids: { readonly postmortemId: string; readonly incidentId: string }, signal: AbortSignal): Promise<Loaded> {
  const options = { signal };
  let postmortem: Stored<Postmortem> | null = null;
  let incident: Stored<Incident>;
  if (ids.postmortemId) {
    postmortem = await adapter.getPostmortem(ids.postmortemId, options);
    incident = await adapter.getIncident(postmortem.incidentId, options);
  } else {
    incident = await adapter.getIncident(ids.incidentId, options);
    if (incident.postmortemId) postmortem = await adapter.getPostmortem(incident.postmortemId, options);
  }
  const incidentId = incident.id;
  const readsIncidents = can(adapter, 'incidents');
  const [role, template, people, actions, timeline, roleBoard, roles, components, reports] = await Promise.all([
    soft(adapter.session(options).then((s) => s.role), undefined),
    postmortem ? loadTemplate(adapter, postmortem.templateId, signal) : Promise.resolve(null),
    can(adapter, 'people') ? soft(adapter.listPeople({ limit: 200 }, options).then((p) => p.data), []) : [],
    can(adapter, 'actions') ? soft(adapter.listActions({ incident: incidentId, limit: 200 }, options).then((p) => p.data), []) : [],
    readsIncidents ? soft(adapter.listTimeline(incidentId, options), []) : [],
    readsIncidents ? soft(adapter.listIncidentRoles(incidentId, options), null) : null,
    can(adapter, 'settings') ? soft(adapter.listRoles(options), []) : [],
    soft(adapter.listComponents(options), []),
    soft(loadReports(adapter, incident, signal), []),
  ]);
  const assignments = roleBoard ? [...new Map([...roleBoard.history, ...roleBoard.current].map((a) => [a.id, a])).values()] : [];
  return { role, incident, postmortem, template, people, actions, timeline, assignments, roles, components, reports };
}
