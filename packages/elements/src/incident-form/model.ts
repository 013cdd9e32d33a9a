/**
 * The incident form's value, what it sends, and how it is checked: pure functions, no DOM.
 *
 * The form keeps a {@link FormModel} (what the fields hold). Declaring turns it into an
 * `IncidentCreateRequest`; updating compares it with the incident as loaded and sends the
 * difference (an `IncidentPatchRequest` with the version, and/or an update post). Every check
 * runs core's schemas through `validate()`, so the form and the server say the same thing.
 */
import { msg, str } from '@lit/localize';
import {
  IncidentCreateSchema,
  IncidentUpdatePostSchema,
  MINUTE_MS,
  incidentTemplatePrefill,
  toIso,
  toMs,
  validate,
  type AffectedComponent,
  type Impact,
  type Incident,
  type IncidentCreateRequest,
  type IncidentPrefill,
  type IncidentTemplate as StoredTemplate,
  type Locale,
  type IncidentPatchRequest,
  type IncidentStatus,
  type IncidentUpdatePostRequest,
  type RelatedIncident,
  type SeverityGuideline,
  type Visibility,
} from '@hansei/core';

/** What the fields hold. Times are ISO 8601 in UTC ('' while not set); labels are the text typed. */
export interface FormModel {
  readonly title: string;
  readonly summary: string;
  readonly severity: string;
  readonly impact: Impact;
  readonly status: IncidentStatus;
  readonly visibility: Visibility;
  readonly components: readonly AffectedComponent[];
  readonly labels: string;
  readonly related: readonly RelatedIncident[];
  readonly startedAt: string;
  readonly detectedAt: string;
  /** The first public update (declare) or the update to post (update). */
  readonly message: string;
  /** The postmortem template a template picked, if any. */
  readonly templateId: string | null;
}

/** The fields of the form, in the order they are shown; `form` is the form as a whole. */
export const FIELDS = [
  'title',
  'summary',
  'severity',
  'impact',
  'status',
  'components',
  'visibility',
  'startedAt',
  'detectedAt',
  'labels',
  'related',
  'message',
] as const;
export type FieldName = (typeof FIELDS)[number];
export type IssueTarget = FieldName | 'form';

/** A problem to show: at a field (or the form), in words; `lang` when known (core's are English). */
export interface FieldIssue {
  readonly field: IssueTarget;
  readonly message: string;
  readonly lang?: string;
}

/**
 * A template as the form applies it: a name and the fields it prefills (core's
 * `incidentTemplatePrefill` of a stored `IncidentTemplate`, in the reader's language).
 */
export type IncidentFormTemplate = IncidentPrefill;
/** @deprecated The name of {@link IncidentFormTemplate} before templates were data. */
export type IncidentTemplate = IncidentFormTemplate;

/**
 * What the form offers, as the form applies them: `given` (the `templates` property: the form's
 * shape, or core's `IncidentTemplate`s as an adapter lists them) when set, else `loaded` (the
 * adapter's), with text in `locale`.
 */
export function offeredTemplates(
  given: readonly (IncidentFormTemplate | StoredTemplate)[] | undefined,
  loaded: readonly StoredTemplate[],
  locale: Locale,
): IncidentFormTemplate[] {
  return (given ?? loaded).map((t) => (typeof t.name === 'string' ? (t as IncidentFormTemplate) : incidentTemplatePrefill(t as StoredTemplate, locale)));
}

/** Declare, or update the incident loaded. */
export type Mode = 'declare' | 'update';

/** A blank form: investigating, internal, no impact, started and detected now (to the minute). */
export function emptyModel(nowMs: number): FormModel {
  const now = toIso(Math.floor(nowMs / MINUTE_MS) * MINUTE_MS);
  return {
    title: '',
    summary: '',
    severity: '',
    impact: 'none',
    status: 'investigating',
    visibility: 'internal',
    components: [],
    labels: '',
    related: [],
    startedAt: now,
    detectedAt: now,
    message: '',
    templateId: null,
  };
}

/** The form filled from an incident, with an empty message. */
export function modelFromIncident(incident: Incident): FormModel {
  return {
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    impact: incident.impact,
    status: incident.status,
    visibility: incident.visibility,
    components: incident.components.map(({ componentId, status }) => ({ componentId, status })),
    labels: incident.labels.join(', '),
    related: incident.related.map(({ incidentId, relation }) => ({ incidentId, relation })),
    startedAt: incident.startedAt,
    detectedAt: incident.detectedAt,
    message: '',
    templateId: null,
  };
}

/** `model` with the fields `template` gives replaced. */
export function applyTemplate(model: FormModel, template: IncidentTemplate): FormModel {
  const t = template;
  return {
    ...model,
    ...(t.title !== undefined && { title: t.title }),
    ...(t.summary !== undefined && { summary: t.summary }),
    ...(t.severity !== undefined && { severity: t.severity }),
    ...(t.impact !== undefined && { impact: t.impact }),
    ...(t.status !== undefined && { status: t.status }),
    ...(t.visibility !== undefined && { visibility: t.visibility }),
    ...(t.components !== undefined && { components: t.components.map(({ componentId, status }) => ({ componentId, status })) }),
    ...(t.labels !== undefined && { labels: t.labels.join(', ') }),
    ...(t.related !== undefined && {
      related: t.related.map(({ incidentId, relation }) => ({ incidentId, relation: relation ?? 'related' })),
    }),
    ...(t.startedAt !== undefined && { startedAt: t.startedAt }),
    ...(t.detectedAt !== undefined && { detectedAt: t.detectedAt }),
    ...(t.updateBody !== undefined && { message: t.updateBody ?? '' }),
    ...(t.templateId !== undefined && { templateId: t.templateId }),
  };
}

/** The labels typed, split at commas and spaces (Japanese commas too), blanks dropped. */
export function parseLabels(text: string): string[] {
  return text.split(/[\s,、]+/).filter((label) => label !== '');
}

/** The request that declares the incident the form describes. An empty time is left out ("required"). */
export function createRequest(model: FormModel): IncidentCreateRequest {
  return {
    title: model.title,
    summary: model.summary,
    severity: model.severity,
    impact: model.impact,
    status: model.status,
    visibility: model.visibility,
    components: model.components,
    labels: parseLabels(model.labels),
    related: model.related,
    ...(model.startedAt && { startedAt: model.startedAt }),
    ...(model.detectedAt && { detectedAt: model.detectedAt }),
    updateBody: model.message.trim() ? model.message : null,
    ...(model.templateId !== null && { templateId: model.templateId }),
  } as IncidentCreateRequest;
}

/** A field's value in a form that compares equal whenever it means the same. */
export function comparable(model: FormModel, field: FieldName): string {
  switch (field) {
    case 'labels':
      return [...new Set(parseLabels(model.labels.toLowerCase()))].join(',');
    case 'components':
      return JSON.stringify([...model.components].sort((a, b) => a.componentId.localeCompare(b.componentId)).map((c) => [c.componentId, c.status]));
    case 'related':
      return JSON.stringify([...model.related].sort((a, b) => a.incidentId.localeCompare(b.incidentId)).map((r) => [r.incidentId, r.relation]));
    case 'startedAt':
    case 'detectedAt':
      return sameInstant(model[field]);
    default:
      return model[field].trim();
  }
}

function sameInstant(value: string): string {
  try {
    return value ? toIso(toMs(value)) : '';
  } catch {
    return value;
  }
}

/** Whether two forms hold the same thing. */
export function sameModel(a: FormModel, b: FormModel): boolean {
  return FIELDS.every((field) => comparable(a, field) === comparable(b, field));
}

/** What an update sends: the incident's changed fields (with the version) and/or an update post. */
export interface UpdatePlan {
  readonly patch: IncidentPatchRequest | null;
  readonly post: IncidentUpdatePostRequest | null;
}

const PATCHED = ['title', 'summary', 'severity', 'impact', 'visibility', 'startedAt', 'detectedAt'] as const;

/**
 * What to send to bring `base` to `model`. With a message, the status and the component changes
 * go in the update post (so the status page shows them with the message) and only removed
 * components in the patch; without one, everything goes in the patch.
 */
export function updatePlan(model: FormModel, base: Incident): UpdatePlan {
  const was = modelFromIncident(base);
  const patch: Record<string, unknown> = {};
  for (const field of PATCHED) {
    if (comparable(model, field) !== comparable(was, field)) patch[field] = model[field];
  }
  if (comparable(model, 'labels') !== comparable(was, 'labels')) patch['labels'] = parseLabels(model.labels);
  if (comparable(model, 'related') !== comparable(was, 'related')) patch['related'] = model.related;
  let post: IncidentUpdatePostRequest | null = null;
  if (model.message.trim()) {
    const changed = model.components.filter(
      (c) => was.components.find((b) => b.componentId === c.componentId)?.status !== c.status,
    );
    const kept = was.components.filter((b) => model.components.some((c) => c.componentId === b.componentId));
    if (kept.length < was.components.length) patch['components'] = kept;
    post = { status: model.status, body: model.message, components: changed };
  } else {
    if (model.status !== was.status) patch['status'] = model.status;
    if (comparable(model, 'components') !== comparable(was, 'components')) patch['components'] = model.components;
  }
  return { patch: Object.keys(patch).length > 0 ? patch : null, post };
}

/** The field a dotted issue path (`components.0.status`, `updateBody`) is about. */
export function fieldOfPath(path: string): IssueTarget {
  const head = path.split('.')[0] ?? '';
  if (head === 'updateBody' || head === 'body') return 'message';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldName) : 'form';
}

/**
 * Every problem with the form, at the field it concerns: core's schema messages (in English, as
 * core words them), a severity the guideline does not have, and (updating) nothing to send.
 */
export function checkModel(model: FormModel, mode: Mode, guideline: SeverityGuideline, base: Incident | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // One message per place: a blank severity is "required", not also "must be a code".
  const places = new Set<string>();
  const fromSchema = (result: ReturnType<typeof validate>) => {
    if (result.ok) return;
    for (const i of result.issues) {
      if (places.has(i.path)) continue;
      places.add(i.path);
      issues.push({ field: fieldOfPath(i.path), message: i.message, lang: 'en' });
    }
  };
  const request = createRequest(model);
  if (mode === 'declare') {
    fromSchema(validate(IncidentCreateSchema, request));
  } else if (base) {
    // The incident as it would be: the create rules hold for it too (a resolved status gets its
    // resolution time from the server, so the check runs on the status before it).
    const open = model.status === 'resolved' ? base.status : model.status;
    fromSchema(validate(IncidentCreateSchema, { ...request, status: open === 'resolved' ? 'monitoring' : open, updateBody: null }));
    const plan = updatePlan(model, base);
    if (plan.post) fromSchema(validate(IncidentUpdatePostSchema, plan.post));
    if (!plan.patch && !plan.post) {
      issues.push({
        field: 'message',
        message: msg('Nothing to send: write an update, or change a field.', { desc: 'Incident form: update mode with no change' }),
      });
    }
  }
  const severity = model.severity.trim();
  if (severity && severity !== base?.severity && !guideline.levels.some((level) => level.code === severity)) {
    const known = guideline.levels.map((level) => level.code).join(', ');
    issues.push({
      field: 'severity',
      message: msg(str`Severity "${severity}" is not in the severity guideline; pick one of ${known}.`, {
        desc: 'Incident form: a template or draft names a severity the guideline lacks',
      }),
    });
  }
  return issues;
}

/**
 * The fields to show when a save met a newer version: those someone else changed (`now` differs
 * from `base`, what the person started from) where the person's value (`mine`) differs from theirs.
 */
export function conflictFields(mine: FormModel, base: FormModel, now: FormModel): FieldName[] {
  return FIELDS.filter(
    (f) => f !== 'message' && comparable(now, f) !== comparable(base, f) && comparable(mine, f) !== comparable(now, f),
  );
}

/** `issues` without repeats, form-wide ones first, then in the order the fields are shown. */
export function orderIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  const order = (f: IssueTarget) => (f === 'form' ? -1 : FIELDS.indexOf(f));
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.field}\n${i.message}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => order(a.field) - order(b.field));
}
