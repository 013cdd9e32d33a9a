/**
 * Valibot schemas for every input the REST API and the forms take, for every entity the API
 * returns, and for its other answers (answers.ts: stored entities with their `version`, pages,
 * the status snapshot, uptime, role boards, insights, tokens, sessions). The server generates its
 * OpenAPI document from them. Shared by server and browser.
 *
 * Rules that hold throughout
 * - Strings are trimmed; lengths are bounded ({@link LIMITS}).
 * - Nullable text fields treat a blank string as null ("none"), so a cleared form field works.
 * - Instants need a time zone and come out normalised to UTC (`2026-11-25T09:30:00.000Z`).
 * - Lists come out read-only, like the domain types.
 * - Messages are plain English a person can act on, and name the bad value where it helps.
 * - Cross-field rules (a time before another, a status and its timestamp) report at the later
 *   field, and run even when other fields are wrong, so a form can show every problem at once.
 * - Patch schemas take any non-empty subset of fields; rules that span fields apply when both
 *   are in the same input. The server should run the create rules on the merged result.
 *
 * Converting to JSON Schema (`@valibot/to-json-schema`) needs `errorMode: 'ignore'`: trims,
 * checks and transforms have no JSON Schema equivalent; types, enums and lengths carry over.
 *
 * Bundle size: the status page imports a few of these. Every helper is marked
 * `@__NO_SIDE_EFFECTS__` and no top-level code spreads an object or reads a property (bundlers
 * keep both), so an unused schema drops out of the bundle.
 */
import * as v from 'valibot';
import {
  ACTION_EFFECTIVENESS,
  ACTION_KINDS,
  ACTION_STATUSES,
  ALERT_STATES,
  BUDGETING_METHODS,
  COMPONENT_STATUSES,
  CONTRIBUTING_FACTOR_CATEGORIES,
  IMPACTS,
  INCIDENT_RELATIONS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  PAGE_INDICATORS,
  PAGE_POLICIES,
  POSTMORTEM_STATUSES,
  REQUIREMENT_LEVELS,
  TIMELINE_EVENT_KINDS,
  TOKEN_ROLES,
  VISIBILITIES,
} from './domain.js';
import { ACTION_HORIZONS } from './prevention.js';
import { isDuration, isIsoDate, parseDuration, toIso, toMs } from './time.js';

const ID_MAX = 128;
const TITLE_MAX = 200;
const NAME_MAX = 100;
const BODY_MAX = 20_000;
const TEXT_MAX = 2_000;
const NOTE_MAX = 1_000;
const LABEL_MAX = 50;
const LABELS_MAX = 20;
const URL_MAX = 2_000;
const EMAIL_MAX = 254;
const HANDLE_MAX = 64;
const CODE_MAX = 32;
const KEY_MAX = 50;
const RANK_MAX = 100;
const LIST_MAX = 100;
const SECTIONS_MAX = 50;
const SAMPLES_MAX = 10_000;
const PAGE_MAX = 200;
const UPDATES_MAX = 10_000;

/** Upper bounds on input sizes (characters for text, entries for lists). Forms use them for `maxlength`. */
export const LIMITS = {
  id: ID_MAX,
  title: TITLE_MAX,
  name: NAME_MAX,
  body: BODY_MAX,
  text: TEXT_MAX,
  note: NOTE_MAX,
  label: LABEL_MAX,
  labels: LABELS_MAX,
  url: URL_MAX,
  email: EMAIL_MAX,
  handle: HANDLE_MAX,
  severityCode: CODE_MAX,
  key: KEY_MAX,
  rank: RANK_MAX,
  list: LIST_MAX,
  sections: SECTIONS_MAX,
  samples: SAMPLES_MAX,
  pageSize: PAGE_MAX,
} as const;

/** Default page size of list endpoints. */
export const DEFAULT_PAGE_SIZE = 50;

// ---------------------------------------------------------------------------------------------
// Predicates (exported: forms use them for instant feedback)

/**
 * True when `value` is an ISO 8601 instant with a time zone on a real calendar day
 * ({@link toMs} accepts it).
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    toMs(value);
    return true;
  } catch {
    return false;
  }
}


/** True when `value` parses as an absolute `http:` or `https:` URL with a host (never `javascript:` or `data:`). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !/^https?:\/\/[^/\\\s]/i.test(value)) return false;
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** True when `value` is an IANA time zone the runtime knows (`Asia/Tokyo`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Building blocks (not exported). Each takes the field's key; its label comes from labelOf, so
// "missing" and "blank" say the same thing.

const KEY_LABELS: Readonly<Record<string, string>> = {
  at: 'Time',
  acknowledgeWithinMinutes: 'Acknowledgement target (minutes)',
  acknowledgedAt: 'Acknowledgement time',
  actionsDueWithinDays: 'Action deadline (days)',
  assignedAt: 'Assignment time',
  body: 'Message',
  code: 'Severity code',
  completedAt: 'Completion time',
  createdAt: 'Creation time',
  detectedAt: 'Detection time',
  displayAt: 'Display time',
  en: 'English text',
  externalUrl: 'External link',
  fiveWhys: 'Five whys',
  good: 'Good events',
  handle: 'Chat handle',
  id: 'ID',
  isRolling: 'Window kind (isRolling)',
  ja: 'Japanese text',
  mitigatedAt: 'Mitigation time',
  ownerId: 'Owner',
  personId: 'Person',
  publishedAt: 'Publication time',
  q: 'Search text',
  releasedAt: 'Release time',
  resolvedAt: 'Resolution time',
  scheduledFor: 'Start of the window',
  scheduledUntil: 'End of the window',
  showcase: 'Show on the status page',
  startedAt: 'Start time',
  startTime: 'Calendar start time',
  total: 'Total events',
  updateBody: 'First update',
  updateEveryMinutes: 'Update interval (minutes)',
  updatedAt: 'Update time',
  url: 'URL',
  whenUnsure: 'Advice for when unsure',
};

/** "startedAt" -> "Start time"; "componentId" -> "Component ID"; "dueDate" -> "Due date". */
function labelOf(key: string): string {
  const known = KEY_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word, i) => (/^Ids?$/.test(word) ? word.replace('Id', 'ID') : i === 0 ? word : word.toLowerCase()));
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A bad value as shown in a message: strings quoted and cut at 40 characters. */
function shown(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (input === null || typeof input !== 'object') return String(input);
  return Array.isArray(input) ? 'a list' : 'an object';
}

/** A message that names the bad value: `${expectation}, not "x".` */
function not(expectation: string) {
  return (issue: v.BaseIssue<unknown>) =>
    issue.input === undefined ? `${expectation}.` : `${expectation}, not ${shown(issue.input)}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Messages for missing keys that need more than "<Label> is required.". */
const MISSING: Readonly<Record<string, string>> = {
  calendar: 'A calendar window needs a calendar: its startTime and timeZone.',
};

function objectMessage(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.[issue.path.length - 1]?.key;
  if (typeof key === 'string' && issue.expected === `"${key}"`) return MISSING[key] ?? `${labelOf(key)} is required.`;
  return `Expected an object with named fields, not ${shown(issue.input)}.`;
}

/** An object whose missing required keys say "<Label> is required.". Unknown keys are dropped. */
/* @__NO_SIDE_EFFECTS__ */
function obj<const E extends v.ObjectEntries>(entries: E) {
  return v.object(entries, objectMessage);
}

/** B's entries over A's. */
type Merged<A, B> = { [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never };

/** {@link obj} of `a`, then `b`, then `c` (later ones win); merging here keeps spreads out of top-level code. */
/* @__NO_SIDE_EFFECTS__ */
function merged<const A extends v.ObjectEntries, const B extends v.ObjectEntries, const C extends v.ObjectEntries = Record<never, never>>(
  a: A,
  b: B,
  c?: C,
) {
  return obj({ ...a, ...b, ...c } as Merged<Merged<A, B>, C>);
}

/** Trimmed text, possibly empty, at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
function text(key: string, max: number) {
  const label = labelOf(key);
  return v.pipe(
    v.string(`${label} must be text.`),
    v.trim(),
    v.maxLength(max, (issue) => `${label} must be at most ${max} characters; it has ${issue.received}.`),
  );
}

/** Trimmed, non-empty text of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
function required(key: string, max: number) {
  return v.pipe(text(key, max), v.nonEmpty(`${labelOf(key)} is required.`));
}

/** `inner`, or null; a blank string also counts as null. */
/* @__NO_SIDE_EFFECTS__ */
function orNull<const S extends v.GenericSchema<string, unknown>>(key: string, inner: S) {
  return v.pipe(
    v.nullable(v.pipe(v.string(`${labelOf(key)} must be text.`), v.trim())),
    v.transform((s) => (s === '' ? null : s)),
    v.nullable(inner),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function id(key: string) {
  return required(key, ID_MAX);
}

/** An instant with a time zone, normalised to UTC. */
/* @__NO_SIDE_EFFECTS__ */
function instant(key: string) {
  return v.pipe(
    v.string(`${labelOf(key)} must be text.`),
    v.trim(),
    v.check(
      (s: string) => isInstant(s),
      not(`${labelOf(key)} must be a date and time with a time zone, like 2026-11-25T09:30:00Z`),
    ),
    v.transform((s) => toIso(toMs(s))),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function date(key: string) {
  return v.pipe(
    v.string(`${labelOf(key)} must be text.`),
    v.trim(),
    v.check((s: string) => isIsoDate(s), not(`${labelOf(key)} must be a real date like 2026-12-01`)),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function url(key: string) {
  return v.pipe(
    text(key, URL_MAX),
    v.check((s: string) => isHttpUrl(s), not(`${labelOf(key)} must be a web address starting with http:// or https://`)),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function timeZone(key: string) {
  return v.pipe(
    v.string(`${labelOf(key)} must be text.`),
    v.trim(),
    v.check((s: string) => isTimeZone(s), not(`${labelOf(key)} must be an IANA time zone like Asia/Tokyo or UTC`)),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function oneOf<const T extends readonly string[]>(options: T, key: string) {
  return v.picklist(options, not(`${labelOf(key)} must be one of ${options.join(', ')}`));
}

/* @__NO_SIDE_EFFECTS__ */
function bool(key: string) {
  return v.boolean(`${labelOf(key)} must be true or false.`);
}

/* @__NO_SIDE_EFFECTS__ */
function int(key: string, min: number, max: number) {
  const label = labelOf(key);
  return v.pipe(
    v.number(`${label} must be a number.`),
    v.integer(`${label} must be a whole number.`),
    v.minValue(min, `${label} must be ${min} or more.`),
    v.maxValue(max, `${label} must be ${max} or less.`),
  );
}

/** A finite number of at least 0 (event counts). */
/* @__NO_SIDE_EFFECTS__ */
function count(key: string) {
  const label = labelOf(key);
  return v.pipe(
    v.number(`${label} must be a number.`),
    v.finite(`${label} must be a finite number.`),
    v.minValue(0, `${label} cannot be negative.`),
  );
}

/** Path item of `key` in the object `input`. */
function at(input: Record<string, unknown>, key: string): v.ObjectPathItem {
  return { type: 'object', origin: 'value', input, key, value: input[key] };
}

/** Rejects list items that share `field` (compared by `same`), at `<index>.<field>` of the later one. */
/* @__NO_SIDE_EFFECTS__ */
function uniqueBy<T>(field: string, message: (value: unknown) => string, same: (value: unknown) => unknown = (x) => x) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const items: unknown = dataset.value;
    if (!Array.isArray(items)) return;
    const seen = new Set<unknown>();
    items.forEach((item: unknown, index) => {
      if (!isRecord(item) || item[field] === undefined) return;
      const key = same(item[field]);
      if (seen.has(key)) {
        addIssue({
          message: message(item[field]),
          path: [{ type: 'array', origin: 'value', input: items, key: index, value: item }, at(item, field)],
        });
      }
      seen.add(key);
    });
  });
}

/**
 * A read-only list of `item`: at most `max` entries, at least `min` (else `minMessage`), and
 * with repeated primitive items dropped when `dedupe`.
 */
/* @__NO_SIDE_EFFECTS__ */
function list<const S extends v.GenericSchema>(
  item: S,
  key: string,
  max: number,
  options: { min?: number; minMessage?: string; dedupe?: boolean } = {},
) {
  const label = labelOf(key);
  const { min = 0, minMessage = `${label} needs at least ${min} entries.`, dedupe = false } = options;
  return v.pipe(
    v.array(item, `${label} must be a list.`),
    v.maxLength(max, (issue) => `${label} can have at most ${max} entries; it has ${issue.received}.`),
    v.minLength(min, minMessage),
    v.transform((items) => (dedupe ? [...new Set(items)] : items)),
    v.readonly(),
  );
}

type TimeRule = readonly [earlier: string, later: string, message: string, strict?: boolean];

/**
 * Rejects `later` before `earlier` (or equal, when `strict`), reported at `later`; only when both
 * are present and valid, so a patch or a half-filled form gets no false alarm.
 */
/* @__NO_SIDE_EFFECTS__ */
function timeOrder<T>(rules: readonly TimeRule[]) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value)) return;
    for (const [earlier, later, message, strict = false] of rules) {
      const a = value[earlier];
      const b = value[later];
      if (!isInstant(a) || !isInstant(b)) continue;
      const gap = toMs(b) - toMs(a);
      if (gap < 0 || (strict && gap === 0)) addIssue({ message, path: [at(value, later)] });
    }
  });
}

/** A patch must change something. */
/* @__NO_SIDE_EFFECTS__ */
function someField<T extends object>() {
  return v.check(
    (value: T) => Object.values(value).some((x) => x !== undefined),
    'Nothing to change: send at least one field.',
  );
}

// ---------------------------------------------------------------------------------------------
// Shared fields. Named consts, never read as properties of a group object (see the top).

const label = v.pipe(
  v.string('Labels must be text.'),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty('Labels cannot be blank.'),
  v.maxLength(LABEL_MAX, (issue) => `Labels must be at most ${LABEL_MAX} characters; ${shown(issue.input)} is longer.`),
  v.regex(
    /^[\p{Ll}\p{Lo}\p{Nd}]+(?:[-_.:][\p{Ll}\p{Lo}\p{Nd}]+)*$/u,
    not('Labels must be lowercase letters or digits joined by - _ . or :, like "payments" or "team:sre"'),
  ),
);
const labels = list(label, 'labels', LABELS_MAX, { dedupe: true });

const severityCode = v.pipe(
  required('severity', CODE_MAX),
  v.regex(/^\S+$/, not('Severity must be a code without spaces, like SEV2')),
);

/* @__NO_SIDE_EFFECTS__ */
function keyOf(key: string, example: string) {
  return v.pipe(
    required(key, KEY_MAX),
    v.regex(/^[a-z][a-z0-9_]*$/, not(`${labelOf(key)} must be lowercase letters, digits and _, like ${example}`)),
  );
}
const roleKey = keyOf('role', 'incident_commander');
const sectionKey = keyOf('key', 'contributing_factors');

const rank = v.pipe(
  required('rank', RANK_MAX),
  v.regex(/^[0-9A-Za-z]+$/, not('Rank must be letters and digits only, like a0V')),
);

/** LocalizedText: English required (blank allowed when `blankOk`), Japanese optional; blank Japanese is dropped. */
/* @__NO_SIDE_EFFECTS__ */
function localized(key: string, max: number, blankOk = false) {
  return v.pipe(
    obj({
      en: v.pipe(text(key, max), v.minLength(blankOk ? 0 : 1, `${labelOf(key)} is required in English.`)),
      ja: v.optional(text(key, max)),
    }),
    v.transform((t): { en: string; ja?: string } => (t.ja ? { en: t.en, ja: t.ja } : { en: t.en })),
  );
}

const idField = id('id');
const name = required('name', NAME_MAX);
const title = required('title', TITLE_MAX);
const summary = text('summary', BODY_MAX);
const description = orNull('description', text('description', TEXT_MAX));
const createdAt = instant('createdAt');
const updatedAt = instant('updatedAt');
const displayAt = instant('displayAt');
const optionalAt = v.optional(instant('at'));
const note = v.optional(orNull('note', text('note', NOTE_MAX)), null);
const ownerId = orNull('ownerId', id('ownerId'));
const updateBody = v.optional(orNull('updateBody', text('updateBody', BODY_MAX)), null);
const requiredBody = required('body', BODY_MAX);
const storedBody = text('body', BODY_MAX);

const componentStatus = oneOf(COMPONENT_STATUSES, 'status');
const affectedComponents = v.pipe(
  list(obj({ componentId: id('componentId'), status: componentStatus }), 'components', LIST_MAX),
  uniqueBy('componentId', (k) => `Component ${shown(k)} is listed twice.`),
);
const componentIds = list(id('componentId'), 'components', LIST_MAX, { dedupe: true });
const relation = oneOf(INCIDENT_RELATIONS, 'relation');
const relatedIncident = obj({ incidentId: id('incidentId'), relation: v.optional(relation, 'related') });
const relatedIncidents = v.pipe(
  list(relatedIncident, 'related', LIST_MAX),
  uniqueBy('incidentId', (k) => `Incident ${shown(k)} is linked twice.`),
);

// ---------------------------------------------------------------------------------------------
// Components

const position = int('position', 0, 100_000);
const groupId = orNull('groupId', id('groupId'));
const showcase = bool('showcase');
const onlyShowIfDegraded = bool('onlyShowIfDegraded');
const startDate = orNull('startDate', date('startDate'));
const componentFields = {
  name,
  description,
  status: componentStatus,
  groupId,
  position,
  showcase,
  onlyShowIfDegraded,
  startDate,
};

/** New component. Absent `position`: the server puts it last. */
export const ComponentCreateSchema = merged(componentFields, {
  description: v.optional(description, null),
  status: v.optional(componentStatus, 'operational'),
  groupId: v.optional(groupId, null),
  position: v.optional(position),
  showcase: v.optional(showcase, true),
  onlyShowIfDegraded: v.optional(onlyShowIfDegraded, false),
  startDate: v.optional(startDate, null),
});
export type ComponentCreateInput = v.InferOutput<typeof ComponentCreateSchema>;

/** Changes to a component: any non-empty subset of its fields. */
export const ComponentPatchSchema = v.pipe(v.partial(obj(componentFields)), someField());
export type ComponentPatchInput = v.InferOutput<typeof ComponentPatchSchema>;

const groupFields = { name, description, position };

/** New component group. Absent `position`: the server puts it last. */
export const ComponentGroupCreateSchema = merged(groupFields, {
  description: v.optional(description, null),
  position: v.optional(position),
});
export type ComponentGroupCreateInput = v.InferOutput<typeof ComponentGroupCreateSchema>;

/** Changes to a component group. */
export const ComponentGroupPatchSchema = v.pipe(v.partial(obj(groupFields)), someField());
export type ComponentGroupPatchInput = v.InferOutput<typeof ComponentGroupPatchSchema>;

// ---------------------------------------------------------------------------------------------
// Incidents

const impact = oneOf(IMPACTS, 'impact');
const incidentStatus = oneOf(INCIDENT_STATUSES, 'status');
const visibility = oneOf(VISIBILITIES, 'visibility');
const acknowledgedAt = v.nullable(instant('acknowledgedAt'));
const mitigatedAt = v.nullable(instant('mitigatedAt'));
const resolvedAt = v.nullable(instant('resolvedAt'));
const incidentFields = {
  title,
  summary,
  severity: severityCode,
  impact,
  status: incidentStatus,
  visibility,
  components: affectedComponents,
  labels,
  related: relatedIncidents,
  startedAt: instant('startedAt'),
  detectedAt: instant('detectedAt'),
  acknowledgedAt,
  mitigatedAt,
  resolvedAt,
};

const INCIDENT_TIME_ORDER: readonly TimeRule[] = [
  ['startedAt', 'detectedAt', 'Detection time cannot be before the start time.'],
  ['detectedAt', 'acknowledgedAt', 'Acknowledgement time cannot be before the detection time.'],
  ['startedAt', 'mitigatedAt', 'Mitigation time cannot be before the start time.'],
  ['startedAt', 'resolvedAt', 'Resolution time cannot be before the start time.'],
  ['mitigatedAt', 'resolvedAt', 'Resolution time cannot be before the mitigation time.'],
];

/** When an input sets both `status` and `resolvedAt`: resolvedAt is set exactly when status is resolved. */
/* @__NO_SIDE_EFFECTS__ */
function resolvedMatchesStatus<T>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value) || value.status === undefined || value.resolvedAt === undefined) return;
    if (value.status === 'resolved' && value.resolvedAt === null) {
      addIssue({ message: 'A resolved incident needs a resolution time.', path: [at(value, 'resolvedAt')] });
    } else if (value.status !== 'resolved' && value.resolvedAt !== null) {
      addIssue({
        message: `Resolution time can only be set when the status is resolved, not ${shown(value.status)}.`,
        path: [at(value, 'resolvedAt')],
      });
    }
  });
}

/**
 * Declare an incident (or record a past one: then give its later timestamps too). Defaults:
 * status investigating, impact none, visibility internal (nothing goes public by accident).
 * `updateBody` is the first update's message; `templateId` picks the postmortem template.
 */
export const IncidentCreateSchema = v.pipe(
  merged(incidentFields, {
    summary: v.optional(summary, ''),
    impact: v.optional(impact, 'none'),
    status: v.optional(incidentStatus, 'investigating'),
    visibility: v.optional(visibility, 'internal'),
    components: v.optional(affectedComponents, []),
    labels: v.optional(labels, []),
    related: v.optional(relatedIncidents, []),
    acknowledgedAt: v.optional(acknowledgedAt, null),
    mitigatedAt: v.optional(mitigatedAt, null),
    resolvedAt: v.optional(resolvedAt, null),
    updateBody,
    templateId: v.optional(orNull('templateId', id('templateId')), null),
  }),
  timeOrder(INCIDENT_TIME_ORDER),
  resolvedMatchesStatus(),
);
export type IncidentCreateInput = v.InferOutput<typeof IncidentCreateSchema>;

/** Changes to an incident; a timestamp set to null is cleared. */
export const IncidentPatchSchema = v.pipe(
  v.partial(obj(incidentFields)),
  someField(),
  timeOrder(INCIDENT_TIME_ORDER),
  resolvedMatchesStatus(),
);
export type IncidentPatchInput = v.InferOutput<typeof IncidentPatchSchema>;

/** Post an update on an incident: its new status, a message, and component status changes. Default: public. */
export const IncidentUpdatePostSchema = obj({
  status: incidentStatus,
  body: requiredBody,
  visibility: v.optional(visibility, 'public'),
  components: v.optional(affectedComponents, []),
  displayAt: v.optional(displayAt),
});
export type IncidentUpdatePostInput = v.InferOutput<typeof IncidentUpdatePostSchema>;

const timelineKind = oneOf(TIMELINE_EVENT_KINDS, 'kind');
const link = orNull('link', url('link'));

/** Add to the internal incident log. Absent `at`: the server's now. */
export const TimelineEventCreateSchema = obj({
  kind: v.optional(timelineKind, 'note'),
  at: optionalAt,
  body: requiredBody,
  link: v.optional(link, null),
});
export type TimelineEventCreateInput = v.InferOutput<typeof TimelineEventCreateSchema>;

const personId = id('personId');
const assignmentId = id('assignmentId');

/** Give a person a role on an incident. Absent `at`: the server's now. */
export const RoleAssignSchema = obj({ role: roleKey, personId, note, at: optionalAt });
export type RoleAssignInput = v.InferOutput<typeof RoleAssignSchema>;

/** Hand a role over: ends assignment `assignmentId` and starts one for `personId`. */
export const RoleHandOffSchema = obj({ assignmentId, personId, note, at: optionalAt });
export type RoleHandOffInput = v.InferOutput<typeof RoleHandOffSchema>;

/** End an assignment without a successor. */
export const RoleReleaseSchema = obj({ assignmentId, note, at: optionalAt });
export type RoleReleaseInput = v.InferOutput<typeof RoleReleaseSchema>;

/** Link another incident (default relation: related). */
export const RelatedIncidentLinkSchema = relatedIncident;
export type RelatedIncidentLinkInput = v.InferOutput<typeof RelatedIncidentLinkSchema>;

// ---------------------------------------------------------------------------------------------
// Maintenances

const maintenanceStatus = oneOf(MAINTENANCE_STATUSES, 'status');
const maintenanceFields = {
  title,
  summary,
  status: maintenanceStatus,
  scheduledFor: instant('scheduledFor'),
  scheduledUntil: instant('scheduledUntil'),
  components: componentIds,
};
const MAINTENANCE_TIME_ORDER: readonly TimeRule[] = [
  ['scheduledFor', 'scheduledUntil', 'The end of the window must be after its start.', true],
];

/** Schedule a maintenance; `updateBody` is its first update's message. */
export const MaintenanceCreateSchema = v.pipe(
  merged(maintenanceFields, {
    summary: v.optional(summary, ''),
    status: v.optional(maintenanceStatus, 'scheduled'),
    components: v.optional(componentIds, []),
    updateBody,
  }),
  timeOrder(MAINTENANCE_TIME_ORDER),
);
export type MaintenanceCreateInput = v.InferOutput<typeof MaintenanceCreateSchema>;

/** Changes to a maintenance. */
export const MaintenancePatchSchema = v.pipe(
  v.partial(obj(maintenanceFields)),
  someField(),
  timeOrder(MAINTENANCE_TIME_ORDER),
);
export type MaintenancePatchInput = v.InferOutput<typeof MaintenancePatchSchema>;

/** Post an update on a maintenance. */
export const MaintenanceUpdatePostSchema = obj({
  status: maintenanceStatus,
  body: requiredBody,
  displayAt: v.optional(displayAt),
});
export type MaintenanceUpdatePostInput = v.InferOutput<typeof MaintenanceUpdatePostSchema>;

// ---------------------------------------------------------------------------------------------
// Postmortems

const sections = v.pipe(
  list(obj({ key: sectionKey, title, body: storedBody }), 'sections', SECTIONS_MAX),
  uniqueBy('key', (k) => `Section ${shown(k)} appears twice.`),
);
const fiveWhys = list(
  obj({ question: required('question', NOTE_MAX), answer: text('answer', TEXT_MAX) }),
  'fiveWhys',
  20,
);
const factorCategory = oneOf(CONTRIBUTING_FACTOR_CATEGORIES, 'category');
const factorDescription = required('description', TEXT_MAX);
const contributingFactors = v.pipe(
  list(
    obj({ id: v.optional(idField), category: factorCategory, description: factorDescription }),
    'contributingFactors',
    LIST_MAX,
  ),
  uniqueBy('id', (k) => `Contributing factor ${shown(k)} is listed twice.`),
);
const ackPersonId = orNull('personId', personId);
const ackNote = text('note', NOTE_MAX);
const acknowledgements = list(
  obj({ personId: v.optional(ackPersonId, null), name, note: v.optional(ackNote, '') }),
  'acknowledgements',
  LIST_MAX,
);
const publicSummary = orNull('publicSummary', text('publicSummary', BODY_MAX));
const postmortemFields = {
  title,
  ownerId,
  status: oneOf(POSTMORTEM_STATUSES, 'status'),
  sections,
  contributingFactors,
  fiveWhys,
  acknowledgements,
  labels,
  publicSummary,
};
const templateId = id('templateId');

/**
 * Start the postmortem of an incident. Absent `title`: the incident's; absent `templateId`: the
 * default template; absent `sections`: the template's, empty. New contributing factors need no id.
 */
export const PostmortemCreateSchema = obj({
  incidentId: id('incidentId'),
  title: v.optional(title),
  ownerId: v.optional(ownerId, null),
  templateId: v.optional(templateId),
  sections: v.optional(sections),
  contributingFactors: v.optional(contributingFactors, []),
  fiveWhys: v.optional(fiveWhys, []),
  acknowledgements: v.optional(acknowledgements, []),
  labels: v.optional(labels, []),
  publicSummary: v.optional(publicSummary, null),
});
export type PostmortemCreateInput = v.InferOutput<typeof PostmortemCreateSchema>;

/**
 * Changes to a postmortem, including a status transition (which transitions are allowed from
 * the current status is the server's call). Lists replace the stored ones.
 */
export const PostmortemPatchSchema = v.pipe(v.partial(obj(postmortemFields)), someField());
export type PostmortemPatchInput = v.InferOutput<typeof PostmortemPatchSchema>;

const templateName = localized('name', NAME_MAX);
const templateDescription = localized('description', TEXT_MAX, true);
const templateSections = v.pipe(
  list(
    obj({
      key: sectionKey,
      title: localized('title', TITLE_MAX),
      prompt: localized('prompt', NOTE_MAX, true),
      required: bool('required'),
    }),
    'sections',
    SECTIONS_MAX,
    { min: 1, minMessage: 'Add at least one section.' },
  ),
  uniqueBy('key', (k) => `Section ${shown(k)} appears twice.`),
);

const templateFields = { name: templateName, description: templateDescription, sections: templateSections };

/**
 * An organisation's new postmortem template. Sections whose key the kit knows (`impact`,
 * `timeline`, `response`, `contributing_factors`, `five_whys`, `action_items`,
 * `acknowledgements`) get the postmortem element's prefill or builder.
 */
export const PostmortemTemplateCreateSchema = merged(templateFields, {
  description: v.optional(templateDescription, { en: '' }),
});
export type PostmortemTemplateCreateInput = v.InferOutput<typeof PostmortemTemplateCreateSchema>;

/** Changes to an organisation's postmortem template; `sections` replaces the stored ones. */
export const PostmortemTemplatePatchSchema = v.pipe(v.partial(obj(templateFields)), someField());
export type PostmortemTemplatePatchInput = v.InferOutput<typeof PostmortemTemplatePatchSchema>;

const templateTitle = localized('title', TITLE_MAX, true);
const templateSummary = localized('summary', BODY_MAX, true);
const templateSeverity = orNull('severity', severityCode);
const templateImpact = orNull('impact', impact);
const templateVisibility = orNull('visibility', visibility);
const templateUpdateBody = localized('updateBody', BODY_MAX, true);
const incidentTemplateFields = {
  name: templateName,
  description: templateDescription,
  title: templateTitle,
  summary: templateSummary,
  severity: templateSeverity,
  impact: templateImpact,
  visibility: templateVisibility,
  components: affectedComponents,
  labels,
  updateBody: templateUpdateBody,
};

/**
 * An organisation's new incident template. Everything but the name may be left out: a blank
 * text, a null and an empty list prefill nothing, so the incident form keeps what the responder
 * already chose there.
 */
export const IncidentTemplateCreateSchema = merged(incidentTemplateFields, {
  description: v.optional(templateDescription, { en: '' }),
  title: v.optional(templateTitle, { en: '' }),
  summary: v.optional(templateSummary, { en: '' }),
  severity: v.optional(templateSeverity, null),
  impact: v.optional(templateImpact, null),
  visibility: v.optional(templateVisibility, null),
  components: v.optional(affectedComponents, []),
  labels: v.optional(labels, []),
  updateBody: v.optional(templateUpdateBody, { en: '' }),
});
export type IncidentTemplateCreateInput = v.InferOutput<typeof IncidentTemplateCreateSchema>;

/** Changes to an organisation's incident template: any non-empty subset of its fields. */
export const IncidentTemplatePatchSchema = v.pipe(v.partial(obj(incidentTemplateFields)), someField());
export type IncidentTemplatePatchInput = v.InferOutput<typeof IncidentTemplatePatchSchema>;

// ---------------------------------------------------------------------------------------------
// Prevention actions

const actionDescription = text('description', BODY_MAX);
const postmortemId = orNull('postmortemId', id('postmortemId'));
const dueDate = orNull('dueDate', date('dueDate'));
const actionStatus = oneOf(ACTION_STATUSES, 'status');
const externalUrl = orNull('externalUrl', url('externalUrl'));
const effectiveness = oneOf(ACTION_EFFECTIVENESS, 'effectiveness');
const actionFields = {
  title,
  description: actionDescription,
  incidentIds: list(id('incidentId'), 'incidentIds', LIST_MAX, {
    min: 1,
    minMessage: 'Link at least one incident.',
    dedupe: true,
  }),
  postmortemId,
  kind: oneOf(ACTION_KINDS, 'kind'),
  ownerId,
  dueDate,
  status: actionStatus,
  externalUrl,
};

/** New prevention action, linked to one or more incidents. The server ranks it last in its column. */
export const ActionCreateSchema = merged(actionFields, {
  description: v.optional(actionDescription, ''),
  postmortemId: v.optional(postmortemId, null),
  ownerId: v.optional(ownerId, null),
  dueDate: v.optional(dueDate, null),
  status: v.optional(actionStatus, 'todo'),
  externalUrl: v.optional(externalUrl, null),
});
export type ActionCreateInput = v.InferOutput<typeof ActionCreateSchema>;

/** Changes to a prevention action. When status and effectiveness are both sent, only a done action is judged. */
export const ActionPatchSchema = v.pipe(
  v.partial(merged(actionFields, { effectiveness })),
  someField(),
  v.rawCheck(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value) || value.status === undefined || value.effectiveness === undefined) return;
    if (value.status !== 'done' && value.effectiveness !== 'unverified') {
      addIssue({
        message: `Effectiveness can only be judged once the action is done, not while it is ${shown(value.status)}.`,
        path: [at(value, 'effectiveness')],
      });
    }
  }),
);
export type ActionPatchInput = v.InferOutput<typeof ActionPatchSchema>;

/**
 * Move a card on the prevention board: to column `status`, between neighbours (`afterId`: the
 * card it goes right after; `beforeId`: the card it goes right before) or at an explicit `rank`.
 * Neither: the end of the column.
 */
export const ActionMoveSchema = v.pipe(
  obj({
    status: actionStatus,
    beforeId: v.optional(orNull('beforeId', id('beforeId')), null),
    afterId: v.optional(orNull('afterId', id('afterId')), null),
    rank: v.optional(rank),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value)) return;
    const neighbour = typeof value.beforeId === 'string' || typeof value.afterId === 'string';
    if (typeof value.rank === 'string' && neighbour) {
      addIssue({
        message: 'Give either a rank or neighbouring cards (beforeId, afterId), not both.',
        path: [at(value, 'rank')],
      });
    }
    if (typeof value.beforeId === 'string' && value.beforeId === value.afterId) {
      addIssue({
        message: 'A card cannot go both right before and right after the same card.',
        path: [at(value, 'afterId')],
      });
    }
  }),
);
export type ActionMoveInput = v.InferOutput<typeof ActionMoveSchema>;

// ---------------------------------------------------------------------------------------------
// SLOs

const timeWindow = v.variant(
  'isRolling',
  [
    obj({
      duration: v.pipe(
        required('duration', 20),
        v.check(
          (s: string) => /^\d+[mhdw]$/.test(s) && isDuration(s),
          not('A rolling window must be a duration like 28d, 4w or 12h'),
        ),
      ),
      isRolling: v.literal(true),
    }),
    obj({
      duration: v.pipe(
        required('duration', 20),
        v.regex(/^[1-9]\d*[dwMQY]$/, not('A calendar window must be a duration like 1M, 1Q, 1w or 1Y')),
      ),
      isRolling: v.literal(false),
      calendar: obj({ startTime: instant('startTime'), timeZone: timeZone('timeZone') }),
    }),
  ],
  not('Window kind (isRolling) must be true (a rolling window) or false (a calendar window with a calendar)'),
);
const target = v.pipe(
  v.number('Target must be a number.'),
  v.minValue(0, 'Target must be at least 0.'),
  v.ltValue(1, 'Target must be below 1, like 0.999 for 99.9%.'),
);
const timeSliceTarget = v.nullable(
  v.pipe(
    v.number('Time slice target must be a number.'),
    v.gtValue(0, 'Time slice target must be above 0.'),
    v.maxValue(1, 'Time slice target must be at most 1, like 0.95.'),
  ),
);
const timeSliceWindow = orNull(
  'timeSliceWindow',
  v.pipe(
    required('timeSliceWindow', 20),
    v.check(
      (s: string) => /^\d+[mh]$/.test(s) && isDuration(s),
      not('Time slice window must be minutes or hours, like 1m or 5m'),
    ),
  ),
);

/** Timeslices needs the slice fields; Occurrences must not have them; a slice is shorter than a rolling window. */
/* @__NO_SIDE_EFFECTS__ */
function sloRules<T>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (!isRecord(value) || !isRecord(value.objective)) return;
    const objective = value.objective;
    const where = (key: string): [v.ObjectPathItem, v.ObjectPathItem] => [at(value, 'objective'), at(objective, key)];
    if (value.budgetingMethod === 'Timeslices') {
      if (objective.timeSliceTarget === null) {
        addIssue({ message: 'Timeslices needs a time slice target, like 0.95.', path: where('timeSliceTarget') });
      }
      if (objective.timeSliceWindow === null) {
        addIssue({ message: 'Timeslices needs a time slice window, like 1m or 5m.', path: where('timeSliceWindow') });
      }
    } else if (value.budgetingMethod === 'Occurrences') {
      for (const key of ['timeSliceTarget', 'timeSliceWindow']) {
        if (objective[key] !== null && objective[key] !== undefined) {
          addIssue({ message: `${labelOf(key)} only applies to the Timeslices budgeting method.`, path: where(key) });
        }
      }
    }
    const window = value.timeWindow;
    const slice = objective.timeSliceWindow;
    if (
      isRecord(window) &&
      window.isRolling === true &&
      typeof window.duration === 'string' &&
      isDuration(window.duration) &&
      typeof slice === 'string' &&
      isDuration(slice) &&
      parseDuration(slice) >= parseDuration(window.duration)
    ) {
      addIssue({
        message: `Time slice window ${shown(slice)} must be shorter than the ${window.duration} window.`,
        path: where('timeSliceWindow'),
      });
    }
  });
}

const sloDescription = text('description', TEXT_MAX);
const componentId = orNull('componentId', id('componentId'));
const sloFields = {
  name,
  description: sloDescription,
  service: required('service', NAME_MAX),
  componentId,
  indicator: obj({ good: required('good', TEXT_MAX), total: required('total', TEXT_MAX) }),
  timeWindow,
  budgetingMethod: oneOf(BUDGETING_METHODS, 'budgetingMethod'),
  objective: obj({
    target,
    timeSliceTarget: v.optional(timeSliceTarget, null),
    timeSliceWindow: v.optional(timeSliceWindow, null),
  }),
  labels,
};

/** New SLO (OpenSLO-shaped). Also the body of a full replacement. */
export const SloCreateSchema = v.pipe(
  merged(sloFields, {
    description: v.optional(sloDescription, ''),
    componentId: v.optional(componentId, null),
    labels: v.optional(labels, []),
  }),
  sloRules(),
);
export type SloCreateInput = v.InferOutput<typeof SloCreateSchema>;

/** Changes to an SLO: nested objects (indicator, timeWindow, objective) are replaced whole. */
export const SloPatchSchema = v.pipe(v.partial(obj(sloFields)), someField(), sloRules());
export type SloPatchInput = v.InferOutput<typeof SloPatchSchema>;

/** One SLI sample: epoch milliseconds, and good <= total events. */
export const SliSampleSchema = v.pipe(
  obj({
    at: v.pipe(
      v.number('Time must be a number of epoch milliseconds.'),
      v.safeInteger('Time must be whole epoch milliseconds.'),
      v.minValue(0, 'Time cannot be before 1970.'),
    ),
    good: count('good'),
    total: count('total'),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    const value: unknown = dataset.value;
    if (isRecord(value) && typeof value.good === 'number' && typeof value.total === 'number' && value.good > value.total) {
      addIssue({
        message: `Good events (${value.good}) cannot exceed total events (${value.total}).`,
        path: [at(value, 'total')],
      });
    }
  }),
);

/** A batch of SLI samples: 1 to 10,000. */
export const SliSampleBatchSchema = list(SliSampleSchema, 'samples', SAMPLES_MAX, {
  min: 1,
  minMessage: 'Send at least one sample.',
});
export type SliSampleBatchInput = v.InferOutput<typeof SliSampleBatchSchema>;

// ---------------------------------------------------------------------------------------------
// People, guideline, tokens

const email = orNull(
  'email',
  v.pipe(text('email', EMAIL_MAX), v.email(not('Email must be an address like name@example.com'))),
);
const handle = orNull(
  'handle',
  v.pipe(
    text('handle', HANDLE_MAX),
    v.transform((s) => s.replace(/^@/, '')),
    v.regex(/^\S+$/, not('Chat handle must be one word without spaces, like hanako')),
  ),
);
const personTimeZone = orNull('timeZone', timeZone('timeZone'));
const personFields = { name, email, handle, timeZone: personTimeZone };

/** New person. */
export const PersonCreateSchema = merged(personFields, {
  email: v.optional(email, null),
  handle: v.optional(handle, null),
  timeZone: v.optional(personTimeZone, null),
});
export type PersonCreateInput = v.InferOutput<typeof PersonCreateSchema>;

/** Changes to a person. */
export const PersonPatchSchema = v.pipe(v.partial(obj(personFields)), someField());
export type PersonPatchInput = v.InferOutput<typeof PersonPatchSchema>;

const severityLevels = v.pipe(
  list(
    obj({
      code: severityCode,
      rank: int('rank', 1, 100),
      name: localized('name', NAME_MAX),
      criteria: list(localized('criterion', NOTE_MAX), 'criteria', 20, {
        min: 1,
        minMessage: 'Each level needs at least one criterion.',
      }),
      demands: obj({
        page: oneOf(PAGE_POLICIES, 'page'),
        publicUpdate: oneOf(REQUIREMENT_LEVELS, 'publicUpdate'),
        postmortem: oneOf(REQUIREMENT_LEVELS, 'postmortem'),
        acknowledgeWithinMinutes: v.nullable(int('acknowledgeWithinMinutes', 1, 10_080)),
        updateEveryMinutes: v.nullable(int('updateEveryMinutes', 1, 10_080)),
        actionsDueWithinDays: v.nullable(int('actionsDueWithinDays', 1, 3_650)),
        requiredRoles: list(roleKey, 'requiredRoles', 20, { dedupe: true }),
        notes: list(localized('note', NOTE_MAX), 'notes', 20),
      }),
    }),
    'levels',
    20,
    { min: 1, minMessage: 'Add at least one severity level.' },
  ),
  uniqueBy('code', (k) => `Severity code ${shown(k)} is used twice.`, (k) => String(k).toLowerCase()),
  uniqueBy('rank', (k) => `Rank ${String(k)} is used twice.`),
  v.transform((levels) => [...levels].sort((a, b) => a.rank - b.rank)),
  v.readonly(),
);
const whenUnsure = localized('whenUnsure', NOTE_MAX);

/**
 * Replace the organisation's severity guideline (levels come out sorted by rank). Checking role
 * keys against the role list is `checkGuideline`'s job.
 */
export const SeverityGuidelineReplaceSchema = obj({ levels: severityLevels, whenUnsure });
export type SeverityGuidelineReplaceInput = v.InferOutput<typeof SeverityGuidelineReplaceSchema>;

/** New API token. */
export const TokenCreateSchema = obj({ role: oneOf(TOKEN_ROLES, 'role'), name });
export type TokenCreateInput = v.InferOutput<typeof TokenCreateSchema>;

// ---------------------------------------------------------------------------------------------
// List query parameters (values arrive as strings; lists as "a,b" or repeated keys)

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/** Optional text; blank: undefined. */
/* @__NO_SIDE_EFFECTS__ */
function queryText(key: string, max: number) {
  return v.optional(v.pipe(text(key, max), v.transform((s) => (s === '' ? undefined : s))));
}

/** Comma-separated or repeated values, each checked by `item`; none given: undefined. */
/* @__NO_SIDE_EFFECTS__ */
function queryList<const S extends v.GenericSchema<string, string>>(key: string, item: S) {
  return v.optional(
    v.pipe(
      v.union([v.string(), v.array(v.string())], `${labelOf(key)} must be text, or a list of texts.`),
      v.transform((x) =>
        (typeof x === 'string' ? [x] : x)
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
      v.maxLength(LIST_MAX, `${labelOf(key)} can have at most ${LIST_MAX} values.`),
      v.array(item),
      v.transform((xs) => (xs.length > 0 ? xs : undefined)),
    ),
  );
}

/** Drops the keys whose value is undefined (query filters not given). */
/* @__NO_SIDE_EFFECTS__ */
function compact<T extends object>() {
  return v.transform((value: T) => Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as T);
}

/** `true`/`false`, `1`/`0`, `yes`/`no` (any case) or a boolean. */
/* @__NO_SIDE_EFFECTS__ */
function queryBool(key: string) {
  return v.optional(
    v.pipe(
      v.union([v.boolean(), v.string()], `${labelOf(key)} must be true or false.`),
      v.transform((x) => (typeof x === 'boolean' ? x : BOOLEAN_WORDS[x.trim().toLowerCase()])),
      v.boolean(`${labelOf(key)} must be true or false.`),
    ),
  );
}

const listFields = {
  cursor: queryText('cursor', 500),
  limit: v.optional(
    v.pipe(
      v.union([v.number(), v.string()], 'Limit must be a number.'),
      v.transform((x) => (typeof x === 'number' ? x : x.trim() === '' ? Number.NaN : Number(x))),
      v.number('Limit must be a number.'),
      v.integer('Limit must be a whole number.'),
      v.minValue(1, 'Limit must be 1 or more.'),
      v.maxValue(PAGE_MAX, `Limit must be ${PAGE_MAX} or less.`),
    ),
    DEFAULT_PAGE_SIZE,
  ),
};
const range = { from: v.optional(instant('from')), to: v.optional(instant('to')) };
const RANGE_ORDER: readonly TimeRule[] = [['from', 'to', '"to" cannot be before "from".']];
const labelFilter = queryList('label', label);
const componentFilter = queryText('component', ID_MAX);
const ownerFilter = queryText('owner', ID_MAX);
const incidentFilter = queryText('incident', ID_MAX);

/** Cursor and page size (1 to 200, default 50) of any list. */
export const ListQuerySchema = v.pipe(obj(listFields), compact());
export type ListQuery = v.InferOutput<typeof ListQuerySchema>;

/** Incident list filters: ids, statuses, severities, visibility, labels, a component, open only, a time range, search text. */
export const IncidentListQuerySchema = v.pipe(
  merged(listFields, range, {
    id: queryList('id', idField),
    status: queryList('status', incidentStatus),
    severity: queryList('severity', severityCode),
    visibility: v.optional(visibility),
    label: labelFilter,
    component: componentFilter,
    open: queryBool('open'),
    q: queryText('q', TITLE_MAX),
  }),
  timeOrder(RANGE_ORDER),
  compact(),
);
export type IncidentListQuery = v.InferOutput<typeof IncidentListQuerySchema>;

/** Maintenance list filters: statuses and a time range. */
export const MaintenanceListQuerySchema = v.pipe(
  merged(listFields, range, { status: queryList('status', maintenanceStatus) }),
  timeOrder(RANGE_ORDER),
  compact(),
);
export type MaintenanceListQuery = v.InferOutput<typeof MaintenanceListQuerySchema>;

/**
 * Postmortem list filters (the library's search): statuses, owner, incident; `label` (any of,
 * on the postmortem or its incident), `component` (one of the incident's components),
 * `category` (any of, on a contributing factor), and `q`, words that must all appear in the
 * text (core's `searchWords`/`postmortemMatches` say how text is folded).
 */
export const PostmortemListQuerySchema = v.pipe(
  merged(listFields, {
    status: queryList('status', oneOf(POSTMORTEM_STATUSES, 'status')),
    owner: ownerFilter,
    incident: incidentFilter,
    label: labelFilter,
    component: componentFilter,
    category: queryList('category', factorCategory),
    q: queryText('q', TITLE_MAX),
  }),
  compact(),
);
export type PostmortemListQuery = v.InferOutput<typeof PostmortemListQuerySchema>;

/** Prevention action list filters. */
export const ActionListQuerySchema = v.pipe(
  merged(listFields, {
    status: queryList('status', actionStatus),
    kind: queryList('kind', oneOf(ACTION_KINDS, 'kind')),
    effectiveness: queryList('effectiveness', effectiveness),
    owner: ownerFilter,
    incident: incidentFilter,
  }),
  compact(),
);
export type ActionListQuery = v.InferOutput<typeof ActionListQuerySchema>;

/** SLO list filters. */
export const SloListQuerySchema = v.pipe(
  merged(listFields, {
    service: queryText('service', NAME_MAX),
    component: componentFilter,
    label: labelFilter,
  }),
  compact(),
);
export type SloListQuery = v.InferOutput<typeof SloListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Entities: the shapes of domain.ts, for responses and the OpenAPI document. No defaults, so
// every field is required in the generated document; schemas.test.ts proves that each
// InferOutput equals its domain type.

const timestamps = { createdAt, updatedAt };

/** LocalizedText (English may be blank here; the fields that need it say so). */
export const LocalizedTextSchema = localized('text', TEXT_MAX, true);

/** Component. */
export const ComponentSchema = merged({ id: idField }, componentFields, timestamps);

/** ComponentGroup. */
export const ComponentGroupSchema = merged({ id: idField }, groupFields, timestamps);

/** StatusPageInfo. */
export const StatusPageInfoSchema = obj({
  id: idField,
  name,
  url: url('url'),
  timeZone: timeZone('timeZone'),
  updatedAt,
});

/** The body of replacing the page's name, URL and time zone. */
export const PageInfoReplaceSchema = v.omit(StatusPageInfoSchema, ['id', 'updatedAt']);
export type PageInfoReplaceInput = v.InferOutput<typeof PageInfoReplaceSchema>;

const authorId = orNull('authorId', id('authorId'));

/** IncidentUpdate. */
export const IncidentUpdateSchema = obj({
  id: idField,
  incidentId: id('incidentId'),
  status: incidentStatus,
  body: storedBody,
  visibility,
  authorId,
  createdAt,
  updatedAt,
  displayAt,
  affectedComponents: v.nullable(
    list(
      obj({
        componentId: id('componentId'),
        name: text('name', NAME_MAX),
        oldStatus: oneOf(COMPONENT_STATUSES, 'oldStatus'),
        newStatus: oneOf(COMPONENT_STATUSES, 'newStatus'),
      }),
      'affectedComponents',
      LIST_MAX,
    ),
  ),
});

/** Incident, with its updates (newest first). */
export const IncidentSchema = merged({ id: idField }, incidentFields, {
  related: list(obj({ incidentId: id('incidentId'), relation }), 'related', LIST_MAX),
  createdAt,
  updatedAt,
  updates: list(IncidentUpdateSchema, 'updates', UPDATES_MAX),
  postmortemId,
});

/** TimelineEvent. */
export const TimelineEventSchema = obj({
  id: idField,
  incidentId: id('incidentId'),
  kind: timelineKind,
  at: instant('at'),
  body: storedBody,
  authorId,
  link,
});

/** RoleDefinition. */
export const RoleDefinitionSchema = obj({
  key: roleKey,
  name: localized('name', NAME_MAX),
  responsibilities: list(localized('responsibility', NOTE_MAX), 'responsibilities', 20),
  multiple: bool('multiple'),
  command: bool('command'),
});

/** RoleAssignment. */
export const RoleAssignmentSchema = obj({
  id: idField,
  incidentId: id('incidentId'),
  role: roleKey,
  personId,
  assignedAt: instant('assignedAt'),
  assignedBy: orNull('assignedBy', id('assignedBy')),
  releasedAt: v.nullable(instant('releasedAt')),
  handedOffTo: orNull('handedOffTo', id('handedOffTo')),
  note: orNull('note', text('note', NOTE_MAX)),
});

/** MaintenanceUpdate. */
export const MaintenanceUpdateSchema = obj({
  id: idField,
  maintenanceId: id('maintenanceId'),
  status: maintenanceStatus,
  body: storedBody,
  createdAt,
  displayAt,
});

/** Maintenance, with its updates (newest first). */
export const MaintenanceSchema = merged({ id: idField }, maintenanceFields, {
  createdAt,
  updatedAt,
  updates: list(MaintenanceUpdateSchema, 'updates', UPDATES_MAX),
});

/** Postmortem. */
export const PostmortemSchema = merged({ id: idField, incidentId: id('incidentId') }, postmortemFields, {
  templateId,
  contributingFactors: list(
    obj({ id: idField, category: factorCategory, description: factorDescription }),
    'contributingFactors',
    LIST_MAX,
  ),
  acknowledgements: list(obj({ personId: ackPersonId, name, note: ackNote }), 'acknowledgements', LIST_MAX),
  createdAt,
  updatedAt,
  publishedAt: v.nullable(instant('publishedAt')),
});

/** PostmortemTemplate. */
export const PostmortemTemplateSchema = merged({ id: idField }, templateFields, { builtIn: bool('builtIn') });

/** IncidentTemplate. */
export const IncidentTemplateSchema = merged({ id: idField }, incidentTemplateFields, { builtIn: bool('builtIn') });

/** PreventionAction. */
export const PreventionActionSchema = merged({ id: idField }, actionFields, {
  rank,
  effectiveness,
  completedAt: v.nullable(instant('completedAt')),
  createdAt,
  updatedAt,
});

/** Slo. */
export const SloSchema = merged({ id: idField }, sloFields, {
  objective: obj({ target, timeSliceTarget, timeSliceWindow }),
  createdAt,
  updatedAt,
});

/** Person. */
export const PersonSchema = merged({ id: idField }, personFields);

/** SeverityGuideline. */
export const SeverityGuidelineSchema = obj({ levels: severityLevels, whenUnsure, updatedAt });

// ---------------------------------------------------------------------------------------------
// Answers: the shapes of answers.ts (stored entities, pages, the status snapshot, uptime, role
// boards, insights, tokens, sessions), for responses and the OpenAPI document. Like the entity
// schemas they describe what a backend sends; schemas.test.ts proves each InferOutput equals
// its type in answers.ts.

/** A read-only list of `item` in an answer (no bounds: the backend decides how many). */
/* @__NO_SIDE_EFFECTS__ */
function many<const S extends v.GenericSchema>(item: S) {
  return v.pipe(v.array(item), v.readonly());
}

/** An object with one entry `schema` per key of `keys` (a tally by status, kind, ...). */
/* @__NO_SIDE_EFFECTS__ */
function keyed<const K extends readonly string[], const S extends v.GenericSchema>(keys: K, schema: S) {
  return v.object(Object.fromEntries(keys.map((key) => [key, schema])) as { [P in K[number]]: S });
}

/** A stored entity's version: a whole number from 1 (a PostgreSQL integer), bumped by every write. */
const storedVersion = int('version', 1, 2_147_483_647);

/**
 * `schema` (an entity schema) with the `version` its backend stores it at: the schema of
 * `Stored<T>`. Its ETag is `"<version>"`, and writes send it back in If-Match.
 */
/* @__NO_SIDE_EFFECTS__ */
export function stored<const E extends v.ObjectEntries>(schema: v.ObjectSchema<E, v.ErrorMessage<v.ObjectIssue> | undefined>) {
  return merged(schema.entries, { version: storedVersion });
}

/** One page of a list of `item`: the schema of `Page<T>` (`nextCursor` null on the last page). */
/* @__NO_SIDE_EFFECTS__ */
export function pageOf<const S extends v.GenericSchema>(item: S) {
  return v.object({ data: many(item), nextCursor: v.nullable(v.string()) });
}

/** Stored<Component>. */
export const StoredComponentSchema = stored(ComponentSchema);
/** Stored<ComponentGroup>. */
export const StoredComponentGroupSchema = stored(ComponentGroupSchema);
/** Stored<Incident>. */
export const StoredIncidentSchema = stored(IncidentSchema);
/** Stored<Maintenance>. */
export const StoredMaintenanceSchema = stored(MaintenanceSchema);
/** Stored<Postmortem>. */
export const StoredPostmortemSchema = stored(PostmortemSchema);
/** Stored<PostmortemTemplate>. */
export const StoredPostmortemTemplateSchema = stored(PostmortemTemplateSchema);
/** Stored<IncidentTemplate>. */
export const StoredIncidentTemplateSchema = stored(IncidentTemplateSchema);
/** Stored<PreventionAction>. */
export const StoredPreventionActionSchema = stored(PreventionActionSchema);
/** Stored<Slo>. */
export const StoredSloSchema = stored(SloSchema);
/** Stored<Person>. */
export const StoredPersonSchema = stored(PersonSchema);

/** PageStatus: the page's state in words, as Statuspage's `status`. */
export const PageStatusSchema = v.object({ indicator: v.picklist(PAGE_INDICATORS), description: v.string() });

/** StatusSnapshot: the public page at first sight. */
export const StatusSnapshotSchema = v.object({
  page: StatusPageInfoSchema,
  status: PageStatusSchema,
  groups: many(ComponentGroupSchema),
  components: many(ComponentSchema),
  incidents: many(IncidentSchema),
  maintenances: many(MaintenanceSchema),
  generatedAt: v.string(),
});

/** DayUptime: one day of a component's uptime bar. */
export const DayUptimeSchema = v.object({
  date: v.string(),
  uptime: v.nullable(v.number()),
  seconds: keyed(COMPONENT_STATUSES, v.number()),
  incidentIds: many(v.string()),
});

/** ComponentUptime: a component's daily uptime, oldest day first. */
export const ComponentUptimeSchema = v.object({ componentId: v.string(), days: many(DayUptimeSchema) });

/** IncidentRoles: current holders, the full history (oldest first) and required roles nobody holds. */
export const IncidentRolesSchema = v.object({
  current: many(RoleAssignmentSchema),
  history: many(RoleAssignmentSchema),
  missing: many(v.string()),
});

/** RoleHandOff: the answer to a hand-off (its request body is {@link RoleHandOffSchema}). */
export const RoleHandOffAnswerSchema = v.object({ released: RoleAssignmentSchema, assignment: RoleAssignmentSchema });

/** UpdatePosted: the update just posted and the incident as it now is. */
export const UpdatePostedSchema = v.object({ update: IncidentUpdateSchema, incident: StoredIncidentSchema });

/** PostmortemSummary: what the status page shows of a published postmortem. */
export const PostmortemSummarySchema = v.object({
  incidentId: v.string(),
  title: v.string(),
  publicSummary: v.string(),
  publishedAt: v.string(),
});

const durationStats = v.object({
  count: v.number(),
  mean: v.nullable(v.number()),
  median: v.nullable(v.number()),
  p90: v.nullable(v.number()),
});

/** IncidentMetrics: MTTx, weekly counts by severity, recurrence and the action mix over a range. */
export const IncidentMetricsSchema = v.object({
  from: v.string(),
  to: v.string(),
  severities: many(v.string()),
  mttx: v.object({
    incidents: v.number(),
    timeToDetect: durationStats,
    timeToAcknowledge: durationStats,
    timeToMitigate: durationStats,
    timeToResolve: durationStats,
  }),
  weeks: many(
    v.object({ week: v.string(), start: v.string(), counts: v.record(v.string(), v.number()), other: v.number(), total: v.number() }),
  ),
  recurrence: v.object({ total: v.number(), recurrences: v.number(), rate: v.nullable(v.number()), ids: many(v.string()) }),
  actionMix: v.object({
    total: v.number(),
    byKind: keyed(ACTION_KINDS, v.number()),
    byHorizon: keyed(ACTION_HORIZONS, v.number()),
    rootCauseShare: v.nullable(v.number()),
    needsRootCause: v.boolean(),
  }),
});

/** SloReport: everything the SLO gauge shows. */
export const SloReportSchema = v.object({
  sloId: v.string(),
  windowStart: v.number(),
  windowEnd: v.number(),
  target: v.number(),
  budgetingMethod: v.picklist(BUDGETING_METHODS),
  good: v.number(),
  total: v.number(),
  attainment: v.nullable(v.number()),
  budgetTotal: v.number(),
  budgetConsumed: v.number(),
  budgetRemaining: v.number(),
  burnRates: many(
    v.object({
      severity: v.picklist(['page', 'ticket']),
      longMs: v.number(),
      shortMs: v.number(),
      threshold: v.number(),
      longRate: v.nullable(v.number()),
      shortRate: v.nullable(v.number()),
      firing: v.boolean(),
    }),
  ),
  alert: v.picklist(ALERT_STATES),
  timeToExhaustionMs: v.nullable(v.number()),
  budgetSeries: many(v.object({ at: v.number(), remaining: v.number() })),
  incidents: many(v.object({ incidentId: v.string(), bad: v.number(), budgetFraction: v.number() })),
});

/** WeeklyReview: the week's incidents, actions due and overdue, SLOs burning, postmortems waiting. */
export const WeeklyReviewSchema = v.object({
  week: v.string(),
  start: v.string(),
  end: v.string(),
  asOf: v.string(),
  incidents: many(StoredIncidentSchema),
  actionsDue: many(StoredPreventionActionSchema),
  actionsOverdue: many(v.object({ action: PreventionActionSchema, daysOverdue: v.number() })),
  slosBurning: many(v.object({ slo: StoredSloSchema, report: SloReportSchema })),
  postmortemsInReview: many(StoredPostmortemSchema),
  recurredAfterDone: many(v.object({ action: PreventionActionSchema, recurrenceIds: many(v.string()) })),
});

/** TokenRecord: an API token as admins see it (never its secret). */
export const TokenRecordSchema = v.object({
  id: v.string(),
  name: v.string(),
  role: v.picklist(TOKEN_ROLES),
  createdAt: v.string(),
  lastUsedAt: v.nullable(v.string()),
  revokedAt: v.nullable(v.string()),
});

/** CreatedToken: a token's record and its secret, shown this once. */
export const CreatedTokenSchema = v.object({
  id: v.string(),
  name: v.string(),
  role: v.picklist(TOKEN_ROLES),
  createdAt: v.string(),
  lastUsedAt: v.nullable(v.string()),
  revokedAt: v.nullable(v.string()),
  token: v.string(),
});

/** Session: the role of the caller's token and its id and name; all null when anonymous. */
export const SessionSchema = v.object({
  role: v.nullable(v.picklist(TOKEN_ROLES)),
  token: v.nullable(v.object({ id: v.string(), name: v.string() })),
});
