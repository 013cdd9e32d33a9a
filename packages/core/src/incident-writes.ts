/**
 * The documents a backend writes when incidents change: the incident a declaration creates, the
 * incident after a patch or a posted update, the update itself, and the entries the backend adds
 * to the internal timeline on its own. Pure: ids and times come from the caller, so the
 * reference server and the in-memory adapter write the same documents.
 */
import type {
  Component,
  ComponentTransition,
  Id,
  Incident,
  IncidentStatus,
  IncidentUpdate,
  IsoDateTime,
  TimelineEventKind,
  Visibility,
} from './domain.js';
import { statusTimes, withComponents } from './incident-rules.js';
import type { IncidentCreateInput, IncidentPatchInput, IncidentUpdatePostInput } from './schemas.js';

/** An incident without its updates: what a backend keeps in the incident's own row. */
type IncidentRow = Omit<Incident, 'updates'>;

/**
 * The incident a declaration creates: the fields of `body` (not its `updateBody` nor
 * `templateId`, which are instructions, not fields), created and updated `now`, with no
 * postmortem yet.
 */
export function declaredIncident(body: IncidentCreateInput, id: Id, now: IsoDateTime): IncidentRow {
  return {
    id,
    title: body.title,
    summary: body.summary,
    severity: body.severity,
    impact: body.impact,
    status: body.status,
    visibility: body.visibility,
    components: body.components,
    labels: body.labels,
    related: body.related,
    startedAt: body.startedAt,
    detectedAt: body.detectedAt,
    acknowledgedAt: body.acknowledgedAt,
    mitigatedAt: body.mitigatedAt,
    resolvedAt: body.resolvedAt,
    createdAt: now,
    updatedAt: now,
    postmortemId: null,
  };
}

/**
 * `before` with the fields `patch` gives (an absent or undefined field keeps its value), updated
 * `now`. A new status also sets the mitigation and resolution times it implies
 * ({@link statusTimes}), except a time the patch sets itself. The result is not checked: run it
 * through the create schema before storing it.
 */
export function patchedIncident<T extends IncidentRow>(before: T, patch: IncidentPatchInput, now: IsoDateTime): T {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<IncidentRow>;
  const doc: T = { ...before, ...given, updatedAt: now };
  if (patch.status === undefined || patch.status === before.status) return doc;
  const times = statusTimes(before, patch.status, now);
  return {
    ...doc,
    resolvedAt: patch.resolvedAt === undefined ? times.resolvedAt : doc.resolvedAt,
    mitigatedAt: patch.mitigatedAt === undefined ? times.mitigatedAt : doc.mitigatedAt,
  };
}

/**
 * `before` after an update moving it to `post.status` shown at `displayAt`: the times that status
 * implies, the update's component statuses merged into the affected components
 * ({@link withComponents}), updated `now`.
 */
export function incidentAfterUpdate<T extends IncidentRow>(
  before: T,
  post: Pick<IncidentUpdatePostInput, 'status' | 'components'>,
  displayAt: IsoDateTime,
  now: IsoDateTime,
): T {
  return {
    ...before,
    ...statusTimes(before, post.status, displayAt),
    status: post.status,
    components: withComponents(before.components, post.components),
    updatedAt: now,
  };
}

/**
 * What an update reports as its component changes: the transitions the backend made, then every
 * other component the update named, unchanged (old and new status the same), so readers see
 * which components the update was about.
 */
export function reportedTransitions(made: readonly ComponentTransition[], mentioned: Iterable<Pick<Component, 'id' | 'name' | 'status'>>): ComponentTransition[] {
  const reported = [...made];
  for (const component of mentioned) {
    if (!reported.some((c) => c.componentId === component.id)) {
      reported.push({ componentId: component.id, name: component.name, oldStatus: component.status, newStatus: component.status });
    }
  }
  return reported;
}

/** What {@link incidentUpdate} builds an update from. */
export interface IncidentUpdateFields {
  readonly id: Id;
  readonly incidentId: Id;
  readonly status: IncidentStatus;
  readonly body: string;
  readonly visibility: Visibility;
  /** When it is posted. */
  readonly now: IsoDateTime;
  /** When the page shows it as posted; default `now`. */
  readonly displayAt?: IsoDateTime | undefined;
  /** The component changes it made or names; none is stored as null. */
  readonly changes: readonly ComponentTransition[];
}

/** An incident update as a backend stores it: posted by the backend (no author), created and updated at once. */
export function incidentUpdate(fields: IncidentUpdateFields): IncidentUpdate {
  return {
    id: fields.id,
    incidentId: fields.incidentId,
    status: fields.status,
    body: fields.body,
    visibility: fields.visibility,
    authorId: null,
    createdAt: fields.now,
    updatedAt: fields.now,
    displayAt: fields.displayAt ?? fields.now,
    affectedComponents: fields.changes.length > 0 ? [...fields.changes] : null,
  };
}

/** An entry a backend adds to an incident's internal timeline on its own. */
export interface TimelineEntry {
  readonly kind: TimelineEventKind;
  readonly body: string;
}

/** The entry that records a declaration (kind `detected`; the backend puts it at the detection time). */
export function declaredEntry(incident: Pick<Incident, 'title' | 'severity' | 'status'>): TimelineEntry {
  return { kind: 'detected', body: `Incident declared: ${incident.title} (${incident.severity}, ${incident.status}).` };
}

const statusEntry = (before: Pick<Incident, 'status'>, after: Pick<Incident, 'status'>): TimelineEntry[] =>
  after.status === before.status ? [] : [{ kind: 'status_changed', body: `Status changed from ${before.status} to ${after.status}.` }];

/**
 * The entries that record a change of an incident from `before` to `after`, in this order: a new
 * severity, a new status, and the component statuses the change moved (`changes`, one entry for
 * all of them). Nothing when none of these changed.
 */
export function changeEntries(
  before: Pick<Incident, 'severity' | 'status'>,
  after: Pick<Incident, 'severity' | 'status'>,
  changes: readonly ComponentTransition[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (after.severity !== before.severity) entries.push({ kind: 'severity_changed', body: `Severity changed from ${before.severity} to ${after.severity}.` });
  entries.push(...statusEntry(before, after));
  if (changes.length > 0) entries.push({ kind: 'component_changed', body: changes.map((c) => `${c.name}: ${c.oldStatus} -> ${c.newStatus}`).join('; ') });
  return entries;
}

/**
 * The entries that record posting `update` on an incident that went from `before` to `after`: a
 * new status when it moved, then the update itself (its first 500 characters).
 */
export function postedEntries(
  before: Pick<Incident, 'status'>,
  after: Pick<Incident, 'status'>,
  update: Pick<IncidentUpdate, 'visibility' | 'status' | 'body'>,
): TimelineEntry[] {
  const posted: TimelineEntry = {
    kind: 'update_posted',
    body: `${update.visibility === 'public' ? 'Public' : 'Internal'} update posted (${update.status}): ${update.body.slice(0, 500)}`,
  };
  return [...statusEntry(before, after), posted];
}
