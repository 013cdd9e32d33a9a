import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as v from 'valibot';
import type {
  Component,
  ComponentGroup,
  Incident,
  IncidentUpdate,
  LocalizedText,
  Maintenance,
  MaintenanceUpdate,
  PageStatus,
  Person,
  Postmortem,
  PostmortemTemplate,
  IncidentTemplate,
  PreventionAction,
  RoleAssignment,
  RoleDefinition,
  SeverityGuideline,
  SliSample,
  Slo,
  SloReport,
  StatusPageInfo,
  TimelineEvent,
} from './domain.js';
import type {
  ComponentUptime,
  CreatedToken,
  IncidentMetrics,
  IncidentRoles,
  Page,
  PostmortemSummary,
  RoleHandOff,
  Session,
  StatusSnapshot,
  Stored,
  TokenRecord,
  UpdatePosted,
  WeeklyReview,
} from './answers.js';
import type { DayUptime } from './uptime.js';
import { DEFAULT_ROLES, DEFAULT_SEVERITY_GUIDELINE } from './guideline.js';
import * as S from './schemas.js';
import { validate } from './validate.js';
import type { ValidationIssue } from './validate.js';

// ---------------------------------------------------------------------------------------------
// Compile-time: each entity schema's output equals its domain type (deeply, ignoring `readonly`,
// so an extra optional field counts too) and the two are assignable both ways. `pnpm typecheck`
// fails when they drift.

type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<Schema extends v.GenericSchema, Domain> =
  Equals<Plain<v.InferOutput<Schema>>, Plain<Domain>> extends true
    ? [v.InferOutput<Schema>] extends [Domain]
      ? [Domain] extends [v.InferOutput<Schema>]
        ? true
        : false
      : false
    : false;
type Assert<T extends true> = T;

export type EntitySchemasMatchTheDomain = [
  Assert<Same<typeof S.LocalizedTextSchema, LocalizedText>>,
  Assert<Same<typeof S.ComponentSchema, Component>>,
  Assert<Same<typeof S.ComponentGroupSchema, ComponentGroup>>,
  Assert<Same<typeof S.StatusPageInfoSchema, StatusPageInfo>>,
  Assert<Same<typeof S.IncidentSchema, Incident>>,
  Assert<Same<typeof S.IncidentUpdateSchema, IncidentUpdate>>,
  Assert<Same<typeof S.TimelineEventSchema, TimelineEvent>>,
  Assert<Same<typeof S.RoleDefinitionSchema, RoleDefinition>>,
  Assert<Same<typeof S.RoleAssignmentSchema, RoleAssignment>>,
  Assert<Same<typeof S.MaintenanceSchema, Maintenance>>,
  Assert<Same<typeof S.MaintenanceUpdateSchema, MaintenanceUpdate>>,
  Assert<Same<typeof S.PostmortemSchema, Postmortem>>,
  Assert<Same<typeof S.PostmortemTemplateSchema, PostmortemTemplate>>,
  Assert<Same<typeof S.IncidentTemplateSchema, IncidentTemplate>>,
  Assert<Same<typeof S.PreventionActionSchema, PreventionAction>>,
  Assert<Same<typeof S.SloSchema, Slo>>,
  Assert<Same<typeof S.SliSampleSchema, SliSample>>,
  Assert<Same<typeof S.PersonSchema, Person>>,
  Assert<Same<typeof S.SeverityGuidelineSchema, SeverityGuideline>>,
  // Inputs that are domain shapes too.
  Assert<Same<typeof S.SeverityGuidelineReplaceSchema, Omit<SeverityGuideline, 'updatedAt'>>>,
  Assert<Same<typeof S.SliSampleBatchSchema, readonly SliSample[]>>,
  Assert<Equals<Plain<S.IncidentCreateInput['components']>, Plain<Incident['components']>>>,
  Assert<Equals<Plain<S.IncidentCreateInput['related']>, Plain<Incident['related']>>>,
  Assert<Equals<Plain<S.SloCreateInput['timeWindow']>, Plain<Slo['timeWindow']>>>,
];

// Answers: each answer schema's output equals its type in answers.ts, and `stored(schema)` /
// `pageOf(item)` give Stored<T> / Page<T> of any entity.
const storedTimeline = S.stored(S.TimelineEventSchema);
const incidentPage = S.pageOf(S.StoredIncidentSchema);
const roleAssignmentPage = S.pageOf(S.RoleAssignmentSchema);

export type AnswerSchemasMatchAnswers = [
  Assert<Same<typeof S.StoredComponentSchema, Stored<Component>>>,
  Assert<Same<typeof S.StoredComponentGroupSchema, Stored<ComponentGroup>>>,
  Assert<Same<typeof S.StoredIncidentSchema, Stored<Incident>>>,
  Assert<Same<typeof S.StoredMaintenanceSchema, Stored<Maintenance>>>,
  Assert<Same<typeof S.StoredPostmortemSchema, Stored<Postmortem>>>,
  Assert<Same<typeof S.StoredPostmortemTemplateSchema, Stored<PostmortemTemplate>>>,
  Assert<Same<typeof S.StoredIncidentTemplateSchema, Stored<IncidentTemplate>>>,
  Assert<Same<typeof S.StoredPreventionActionSchema, Stored<PreventionAction>>>,
  Assert<Same<typeof S.StoredSloSchema, Stored<Slo>>>,
  Assert<Same<typeof S.StoredPersonSchema, Stored<Person>>>,
  Assert<Same<typeof storedTimeline, Stored<TimelineEvent>>>,
  Assert<Same<typeof incidentPage, Page<Stored<Incident>>>>,
  Assert<Same<typeof roleAssignmentPage, Page<RoleAssignment>>>,
  Assert<Same<typeof S.PageStatusSchema, PageStatus>>,
  Assert<Same<typeof S.StatusSnapshotSchema, StatusSnapshot>>,
  Assert<Same<typeof S.DayUptimeSchema, DayUptime>>,
  Assert<Same<typeof S.ComponentUptimeSchema, ComponentUptime>>,
  Assert<Same<typeof S.IncidentRolesSchema, IncidentRoles>>,
  Assert<Same<typeof S.RoleHandOffAnswerSchema, RoleHandOff>>,
  Assert<Same<typeof S.UpdatePostedSchema, UpdatePosted>>,
  Assert<Same<typeof S.PostmortemSummarySchema, PostmortemSummary>>,
  Assert<Same<typeof S.IncidentMetricsSchema, IncidentMetrics>>,
  Assert<Same<typeof S.SloReportSchema, SloReport>>,
  Assert<Same<typeof S.WeeklyReviewSchema, WeeklyReview>>,
  Assert<Same<typeof S.TokenRecordSchema, TokenRecord>>,
  Assert<Same<typeof S.CreatedTokenSchema, CreatedToken>>,
  Assert<Same<typeof S.SessionSchema, Session>>,
];

// The check can fail: a near miss (same fields but one) is rejected.
export type TheCheckCanFail = [
  // @ts-expect-error a stored entity has a version the plain one lacks
  Assert<Same<typeof S.StoredComponentSchema, Component>>,
  // @ts-expect-error a page of plain incidents is not a page of stored ones
  Assert<Same<typeof incidentPage, Page<Incident>>>,
  // @ts-expect-error ComponentGroup lacks Component's status, groupId, ...
  Assert<Same<typeof S.ComponentSchema, ComponentGroup>>,
  // @ts-expect-error an extra optional field is a difference
  Assert<Same<typeof S.PersonSchema, Person & { nickname?: string }>>,
  // @ts-expect-error a mutable array is not the domain's read-only one
  Assert<Same<typeof S.SliSampleBatchSchema, SliSample[]>>,
];

// ---------------------------------------------------------------------------------------------
// Helpers

function ok<Schema extends v.GenericSchema>(schema: Schema, input: unknown): v.InferOutput<Schema> {
  const result = validate(schema, input);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(input)} to be valid, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issues(schema: v.GenericSchema, input: unknown): readonly ValidationIssue[] {
  const result = validate(schema, input);
  if (result.ok) assert.fail(`expected ${JSON.stringify(input)} to be invalid`);
  return result.issues;
}

/** `input` fails with (at least) an issue at `path` whose message is `message` (or matches it). */
function fails(schema: v.GenericSchema, input: unknown, path: string, message: string | RegExp): void {
  const found = issues(schema, input);
  const hit = found.some(
    (i) => i.path === path && (typeof message === 'string' ? i.message === message : message.test(i.message)),
  );
  assert.ok(hit, `no issue at "${path}" matching ${String(message)}; got ${JSON.stringify(found)}`);
}

/** A copy of `base` without `key`. */
function without<T extends object>(base: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...base };
  delete copy[key];
  return copy;
}

const T0 = '2026-11-25T09:00:00.000Z';
const T1 = '2026-11-25T09:05:00.000Z';
const T2 = '2026-11-25T09:30:00.000Z';
const T3 = '2026-11-25T10:00:00.000Z';

// ---------------------------------------------------------------------------------------------

describe('predicates', () => {
  it('isInstant wants a zone and a real day', () => {
    for (const good of ['2026-11-25T09:30:00Z', '2026-11-25T18:30:00+09:00', '2028-02-29T00:00:00.123Z']) {
      assert.equal(S.isInstant(good), true, good);
    }
    for (const bad of ['2026-11-25', '2026-11-25T09:30:00', '2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', 'soon', 42, null]) {
      assert.equal(S.isInstant(bad), false, String(bad));
    }
  });
  it('isHttpUrl accepts web addresses only', () => {
    for (const good of ['https://example.com/JIRA-1', 'http://tracker.local:8080/x?y=1', 'HTTPS://EXAMPLE.COM']) {
      assert.equal(S.isHttpUrl(good), true, good);
    }
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com', 'https://', 'https:///path', '//example.com', 'example.com', 'https://exa mple.com', 7]) {
      assert.equal(S.isHttpUrl(bad), false, String(bad));
    }
  });
  it('isTimeZone accepts IANA zones the runtime knows', () => {
    for (const good of ['Asia/Tokyo', 'UTC', 'America/New_York']) assert.equal(S.isTimeZone(good), true, good);
    for (const bad of ['Mars/Olympus', '', 'JST+9', undefined]) assert.equal(S.isTimeZone(bad), false, String(bad));
  });
});

describe('common rules', () => {
  const base = { title: 'Checkout fails', severity: 'SEV2', startedAt: T0, detectedAt: T1 };

  it('trims strings and lowercases and de-duplicates labels', () => {
    const value = ok(S.IncidentCreateSchema, {
      ...base,
      title: '  Checkout fails \n',
      severity: ' SEV2 ',
      labels: [' Payments ', 'payments', 'team:SRE', '決済'],
    });
    assert.equal(value.title, 'Checkout fails');
    assert.equal(value.severity, 'SEV2');
    assert.deepEqual(value.labels, ['payments', 'team:sre', '決済']);
  });

  it('normalises instants with an offset to UTC', () => {
    const value = ok(S.IncidentCreateSchema, { ...base, startedAt: '2026-11-25T18:00:00+09:00', detectedAt: ' 2026-11-25T09:05Z ' });
    assert.equal(value.startedAt, T0);
    assert.equal(value.detectedAt, T1);
  });

  it('fills the documented defaults', () => {
    const value = ok(S.IncidentCreateSchema, base);
    assert.deepEqual(
      { ...value },
      {
        ...base,
        summary: '',
        impact: 'none',
        status: 'investigating',
        visibility: 'internal',
        components: [],
        labels: [],
        related: [],
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: null,
        updateBody: null,
        templateId: null,
      },
    );
  });

  it('drops unknown keys', () => {
    assert.equal('sneaky' in ok(S.TokenCreateSchema, { role: 'viewer', name: 'ci', sneaky: 1 }), false);
  });

  it('says "<Label> is required." alike for a missing and a blank required field', () => {
    const cases: [v.GenericSchema, Record<string, unknown>, string, string][] = [
      [S.IncidentCreateSchema, base, 'title', 'Title is required.'],
      [S.IncidentCreateSchema, base, 'severity', 'Severity is required.'],
      [S.ComponentCreateSchema, { name: 'API' }, 'name', 'Name is required.'],
      [S.IncidentUpdatePostSchema, { status: 'identified', body: 'x' }, 'body', 'Message is required.'],
      [S.RoleAssignSchema, { role: 'scribe', personId: 'p1' }, 'personId', 'Person is required.'],
      [S.RoleHandOffSchema, { assignmentId: 'a1', personId: 'p1' }, 'assignmentId', 'Assignment ID is required.'],
      [S.PostmortemCreateSchema, { incidentId: 'inc-1' }, 'incidentId', 'Incident ID is required.'],
      [S.SloCreateSchema, { service: 's' }, 'service', 'Service is required.'],
    ];
    for (const [schema, input, key, message] of cases) {
      fails(schema, without(input, key), key, message);
      fails(schema, { ...input, [key]: '   ' }, key, message);
    }
    fails(S.IncidentCreateSchema, without(base, 'startedAt'), 'startedAt', 'Start time is required.');
  });

  it('names the wrong type in plain words', () => {
    fails(S.IncidentCreateSchema, { ...base, title: 42 }, 'title', 'Title must be text.');
    fails(S.ComponentCreateSchema, { name: 'API', showcase: 'yes' }, 'showcase', 'Show on the status page must be true or false.');
    fails(S.ComponentCreateSchema, { name: 'API', position: '3' }, 'position', 'Position must be a number.');
    fails(S.ComponentCreateSchema, { name: 'API', position: 1.5 }, 'position', 'Position must be a whole number.');
    fails(S.ComponentCreateSchema, { name: 'API', position: -1 }, 'position', 'Position must be 0 or more.');
    fails(S.ComponentCreateSchema, { name: 'API', position: 100_001 }, 'position', 'Position must be 100000 or less.');
    fails(S.IncidentCreateSchema, { ...base, labels: 'db' }, 'labels', 'Labels must be a list.');
    fails(S.IncidentCreateSchema, { ...base, labels: [3] }, 'labels.0', 'Labels must be text.');
    fails(S.IncidentCreateSchema, 'not json', '', 'Expected an object with named fields, not "not json".');
    fails(S.IncidentCreateSchema, null, '', 'Expected an object with named fields, not null.');
    fails(S.IncidentCreateSchema, 7, '', 'Expected an object with named fields, not 7.');
    // valibot reads an array as an object with no fields.
    fails(S.IncidentCreateSchema, [], 'title', 'Title is required.');
    fails(S.IncidentCreateSchema, { ...base, components: [{ componentId: 'c1', status: 'down' }] }, 'components.0.status', /^Status must be one of operational, degraded_performance, partial_outage, major_outage, under_maintenance, not "down"\.$/);
    fails(S.IncidentCreateSchema, { ...base, components: ['c1'] }, 'components.0', 'Expected an object with named fields, not "c1".');
    fails(S.IncidentCreateSchema, { ...base, components: [{ componentId: 'c1', status: 7 }] }, 'components.0.status', /, not 7\.$/);
    fails(S.IncidentCreateSchema, { ...base, related: [{}] }, 'related.0.incidentId', 'Incident ID is required.');
    fails(S.IncidentCreateSchema, { ...base, components: 'api' }, 'components', 'Components must be a list.');
    fails(S.IncidentCreateSchema, { ...base, impact: ['major'] }, 'impact', /, not a list\.$/);
    fails(S.IncidentCreateSchema, { ...base, impact: { level: 'major' } }, 'impact', /, not an object\.$/);
  });

  it('bounds lengths and says by how much', () => {
    assert.equal(ok(S.IncidentCreateSchema, { ...base, title: 'x'.repeat(200) }).title.length, 200);
    fails(S.IncidentCreateSchema, { ...base, title: 'x'.repeat(201) }, 'title', 'Title must be at most 200 characters; it has 201.');
    ok(S.IncidentCreateSchema, { ...base, summary: 'y'.repeat(S.LIMITS.body) });
    fails(S.IncidentCreateSchema, { ...base, summary: 'y'.repeat(S.LIMITS.body + 1) }, 'summary', /at most 20000 characters/);
    fails(S.IncidentCreateSchema, { ...base, labels: ['a'.repeat(51)] }, 'labels.0', /^Labels must be at most 50 characters; "a{40}…" is longer\.$/);
    ok(S.IncidentCreateSchema, { ...base, labels: Array.from({ length: 20 }, (_, i) => `l${i}`) });
    fails(S.IncidentCreateSchema, { ...base, labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, 'labels', 'Labels can have at most 20 entries; it has 21.');
    fails(S.IncidentCreateSchema, { ...base, severity: 'S'.repeat(33) }, 'severity', /at most 32 characters/);
  });

  it('keeps labels slug-like', () => {
    for (const bad of ['a b', 'db!', '-db', 'db-', 'a--b', '']) {
      fails(S.IncidentCreateSchema, { ...base, labels: [bad] }, 'labels.0', bad ? /^Labels must be lowercase letters or digits joined by - _ \. or :/ : 'Labels cannot be blank.');
    }
    assert.deepEqual(ok(S.IncidentCreateSchema, { ...base, labels: ['v1.2', 'a_b', 'team:sre-jp'] }).labels, ['v1.2', 'a_b', 'team:sre-jp']);
  });

  it('reports every problem at once, in field order, with cross-field rules alongside', () => {
    const found = issues(S.IncidentCreateSchema, { title: '', severity: 'SEV1', startedAt: T1, detectedAt: T0, impact: 'huge' });
    assert.deepEqual(found.map((i) => i.path), ['title', 'impact', 'detectedAt']);
  });
});

describe('component schemas', () => {
  it('create: defaults, nullable text treats blank as null, real start dates', () => {
    assert.deepEqual(ok(S.ComponentCreateSchema, { name: 'API', description: '  ', startDate: '' }), {
      name: 'API',
      description: null,
      status: 'operational',
      groupId: null,
      showcase: true,
      onlyShowIfDegraded: false,
      startDate: null,
    });
    const full = ok(S.ComponentCreateSchema, {
      name: 'Payments',
      description: 'Card and cashless payments',
      status: 'degraded_performance',
      groupId: 'g1',
      position: 3,
      showcase: false,
      onlyShowIfDegraded: true,
      startDate: '2024-02-29',
    });
    assert.equal(full.position, 3);
    assert.equal(full.startDate, '2024-02-29');
    fails(S.ComponentCreateSchema, { name: 'API', startDate: '2026-02-30' }, 'startDate', 'Start date must be a real date like 2026-12-01, not "2026-02-30".');
    fails(S.ComponentCreateSchema, { name: 'API', status: 'broken' }, 'status', /^Status must be one of operational/);
    fails(S.ComponentCreateSchema, { name: 'API', description: 5 }, 'description', 'Description must be text.');
  });
  it('patch: any non-empty subset', () => {
    assert.deepEqual(ok(S.ComponentPatchSchema, { status: 'major_outage' }), { status: 'major_outage' });
    assert.deepEqual(ok(S.ComponentPatchSchema, { groupId: null }), { groupId: null });
    fails(S.ComponentPatchSchema, {}, '', 'Nothing to change: send at least one field.');
    fails(S.ComponentPatchSchema, { unknown: 1 }, '', 'Nothing to change: send at least one field.');
    fails(S.ComponentPatchSchema, { name: '' }, 'name', 'Name is required.');
  });
  it('groups: create and patch', () => {
    assert.deepEqual(ok(S.ComponentGroupCreateSchema, { name: 'Core' }), { name: 'Core', description: null });
    assert.deepEqual(ok(S.ComponentGroupCreateSchema, { name: 'Core', position: 0 }).position, 0);
    fails(S.ComponentGroupCreateSchema, {}, 'name', 'Name is required.');
    assert.deepEqual(ok(S.ComponentGroupPatchSchema, { description: 'Public APIs' }), { description: 'Public APIs' });
    fails(S.ComponentGroupPatchSchema, {}, '', /Nothing to change/);
  });
});

describe('incident schemas', () => {
  const base = { title: 'Checkout fails', severity: 'SEV2', startedAt: T0, detectedAt: T1 };

  it('create accepts a full declaration with components, related incidents and a first update', () => {
    const value = ok(S.IncidentCreateSchema, {
      ...base,
      summary: 'Card payments fail for some gyms.',
      impact: 'major',
      status: 'identified',
      visibility: 'public',
      components: [{ componentId: 'payments', status: 'partial_outage' }],
      related: [{ incidentId: 'inc-0' }, { incidentId: 'inc-9', relation: 'recurrence_of' }],
      updateBody: 'We are investigating failed card payments.',
      templateId: 'tpl-default',
    });
    assert.deepEqual(value.related, [
      { incidentId: 'inc-0', relation: 'related' },
      { incidentId: 'inc-9', relation: 'recurrence_of' },
    ]);
    assert.equal(value.updateBody, 'We are investigating failed card payments.');
    assert.equal(value.templateId, 'tpl-default');
  });

  it('create: detection cannot precede the start (equal is fine)', () => {
    fails(S.IncidentCreateSchema, { ...base, detectedAt: '2026-11-25T08:59:59Z' }, 'detectedAt', 'Detection time cannot be before the start time.');
    ok(S.IncidentCreateSchema, { ...base, detectedAt: T0 });
    // Compared as instants, not strings.
    ok(S.IncidentCreateSchema, { ...base, startedAt: '2026-11-25T18:00:00+09:00', detectedAt: '2026-11-25T09:00:30Z' });
  });

  it('create: a past incident carries its later timestamps in order, resolvedAt exactly when resolved', () => {
    const value = ok(S.IncidentCreateSchema, { ...base, status: 'resolved', acknowledgedAt: T1, mitigatedAt: T2, resolvedAt: T3 });
    assert.equal(value.resolvedAt, T3);
    fails(S.IncidentCreateSchema, { ...base, acknowledgedAt: T0 }, 'acknowledgedAt', 'Acknowledgement time cannot be before the detection time.');
    fails(S.IncidentCreateSchema, { ...base, mitigatedAt: '2026-11-25T08:00:00Z' }, 'mitigatedAt', 'Mitigation time cannot be before the start time.');
    fails(S.IncidentCreateSchema, { ...base, status: 'resolved', resolvedAt: '2026-11-25T08:00:00Z' }, 'resolvedAt', 'Resolution time cannot be before the start time.');
    fails(S.IncidentCreateSchema, { ...base, status: 'resolved', mitigatedAt: T3, resolvedAt: T2 }, 'resolvedAt', 'Resolution time cannot be before the mitigation time.');
    fails(S.IncidentCreateSchema, { ...base, status: 'resolved' }, 'resolvedAt', 'A resolved incident needs a resolution time.');
    fails(S.IncidentCreateSchema, { ...base, resolvedAt: T3 }, 'resolvedAt', 'Resolution time can only be set when the status is resolved, not "investigating".');
  });

  it('create: instants need a zone and a real day', () => {
    for (const bad of ['2026-11-25 09:00', '2026-11-25T09:00:00', '2026-02-30T09:00:00Z', 'now']) {
      fails(S.IncidentCreateSchema, { ...base, startedAt: bad }, 'startedAt', `Start time must be a date and time with a time zone, like 2026-11-25T09:30:00Z, not ${JSON.stringify(bad)}.`);
    }
    fails(S.IncidentCreateSchema, { ...base, startedAt: 1764061200000 }, 'startedAt', 'Start time must be text.');
  });

  it('create: one status per component, one link per incident, and severity codes without spaces', () => {
    fails(
      S.IncidentCreateSchema,
      { ...base, components: [{ componentId: 'api', status: 'major_outage' }, { componentId: 'api', status: 'operational' }] },
      'components.1.componentId',
      'Component "api" is listed twice.',
    );
    fails(S.IncidentCreateSchema, { ...base, related: [{ incidentId: 'i1' }, { incidentId: 'i1', relation: 'recurrence_of' }] }, 'related.1.incidentId', 'Incident "i1" is linked twice.');
    fails(S.IncidentCreateSchema, { ...base, related: [{ incidentId: 'i1', relation: 'cousin' }] }, 'related.0.relation', /^Relation must be one of recurrence_of, related/);
    fails(S.IncidentCreateSchema, { ...base, severity: 'SEV 1' }, 'severity', 'Severity must be a code without spaces, like SEV2, not "SEV 1".');
    assert.equal(ok(S.IncidentCreateSchema, { ...base, severity: 'P1' }).severity, 'P1');
    fails(S.IncidentCreateSchema, { ...base, templateId: 'x'.repeat(129) }, 'templateId', /Template ID must be at most 128 characters/);
    assert.equal(ok(S.IncidentCreateSchema, { ...base, templateId: '' }).templateId, null);
  });

  it('patch: any subset, timestamps clearable, rules apply when both fields are present', () => {
    assert.deepEqual(ok(S.IncidentPatchSchema, { acknowledgedAt: T1 }), { acknowledgedAt: T1 });
    assert.deepEqual(ok(S.IncidentPatchSchema, { status: 'monitoring', resolvedAt: null }), { status: 'monitoring', resolvedAt: null });
    assert.deepEqual(ok(S.IncidentPatchSchema, { status: 'resolved' }), { status: 'resolved' });
    assert.deepEqual(ok(S.IncidentPatchSchema, { resolvedAt: T3 }), { resolvedAt: T3 });
    ok(S.IncidentPatchSchema, { status: 'resolved', resolvedAt: T3, mitigatedAt: T2 });
    fails(S.IncidentPatchSchema, { status: 'monitoring', resolvedAt: T3 }, 'resolvedAt', /only be set when the status is resolved, not "monitoring"/);
    fails(S.IncidentPatchSchema, { status: 'resolved', resolvedAt: null }, 'resolvedAt', 'A resolved incident needs a resolution time.');
    fails(S.IncidentPatchSchema, { startedAt: T2, detectedAt: T1 }, 'detectedAt', /cannot be before the start time/);
    fails(S.IncidentPatchSchema, {}, '', 'Nothing to change: send at least one field.');
    fails(S.IncidentPatchSchema, { severity: '' }, 'severity', 'Severity is required.');
  });

  it('update post: status and message required, public by default, component changes checked', () => {
    assert.deepEqual(ok(S.IncidentUpdatePostSchema, { status: 'identified', body: ' Found it. ' }), {
      status: 'identified',
      body: 'Found it.',
      visibility: 'public',
      components: [],
    });
    const value = ok(S.IncidentUpdatePostSchema, {
      status: 'monitoring',
      body: 'Fix deployed.',
      visibility: 'internal',
      components: [{ componentId: 'api', status: 'operational' }],
      displayAt: '2026-11-25T19:00:00+09:00',
    });
    assert.equal(value.displayAt, '2026-11-25T10:00:00.000Z');
    fails(S.IncidentUpdatePostSchema, { status: 'fixed', body: 'x' }, 'status', /^Status must be one of investigating, identified, monitoring, resolved, not "fixed"\.$/);
    fails(S.IncidentUpdatePostSchema, { status: 'identified' }, 'body', 'Message is required.');
    fails(S.IncidentUpdatePostSchema, { status: 'identified', body: 'x', visibility: 'secret' }, 'visibility', /^Visibility must be one of public, internal/);
    fails(S.IncidentUpdatePostSchema, { status: 'identified', body: 'x', displayAt: 'tomorrow' }, 'displayAt', /^Display time must be a date and time/);
  });

  it('timeline event: a note by default; links must be web addresses', () => {
    assert.deepEqual(ok(S.TimelineEventCreateSchema, { body: 'Rolled back v2.3.1' }), { kind: 'note', body: 'Rolled back v2.3.1', link: null });
    const value = ok(S.TimelineEventCreateSchema, { kind: 'mitigated', at: T2, body: 'Traffic shifted', link: ' https://grafana.example.com/d/abc ' });
    assert.equal(value.link, 'https://grafana.example.com/d/abc');
    for (const bad of ['javascript:alert(document.cookie)', 'data:text/html;base64,PHNjcmlwdD4=', 'JavaScript:void(0)', 'grafana/d/abc']) {
      fails(S.TimelineEventCreateSchema, { body: 'x', link: bad }, 'link', /^Link must be a web address starting with http:\/\/ or https:\/\//);
    }
    fails(S.TimelineEventCreateSchema, { body: 'x', kind: 'gossip' }, 'kind', /^Kind must be one of note, detected/);
    fails(S.TimelineEventCreateSchema, { body: 'x', link: `https://example.com/${'x'.repeat(2000)}` }, 'link', /at most 2000 characters/);
  });

  it('roles: assign, hand off, release', () => {
    assert.deepEqual(ok(S.RoleAssignSchema, { role: 'incident_commander', personId: 'p1' }), { role: 'incident_commander', personId: 'p1', note: null });
    assert.deepEqual(ok(S.RoleAssignSchema, { role: 'pilot_on_call', personId: 'p1', note: ' night shift ', at: T1 }), {
      role: 'pilot_on_call',
      personId: 'p1',
      note: 'night shift',
      at: T1,
    });
    fails(S.RoleAssignSchema, { role: 'Incident Commander', personId: 'p1' }, 'role', 'Role must be lowercase letters, digits and _, like incident_commander, not "Incident Commander".');
    fails(S.RoleAssignSchema, { role: 'scribe', personId: 'p1', note: 'n'.repeat(1001) }, 'note', /Note must be at most 1000 characters/);
    assert.deepEqual(ok(S.RoleHandOffSchema, { assignmentId: 'a1', personId: 'p2', at: T2 }), { assignmentId: 'a1', personId: 'p2', note: null, at: T2 });
    fails(S.RoleHandOffSchema, { personId: 'p2' }, 'assignmentId', 'Assignment ID is required.');
    assert.deepEqual(ok(S.RoleReleaseSchema, { assignmentId: 'a1' }), { assignmentId: 'a1', note: null });
    fails(S.RoleReleaseSchema, { assignmentId: 'a1', at: '2026-11-25' }, 'at', /^Time must be a date and time with a time zone/);
  });

  it('related incident link: related by default', () => {
    assert.deepEqual(ok(S.RelatedIncidentLinkSchema, { incidentId: 'inc-7' }), { incidentId: 'inc-7', relation: 'related' });
    assert.deepEqual(ok(S.RelatedIncidentLinkSchema, { incidentId: 'inc-7', relation: 'recurrence_of' }).relation, 'recurrence_of');
    fails(S.RelatedIncidentLinkSchema, { incidentId: '' }, 'incidentId', 'Incident ID is required.');
  });
});

describe('maintenance schemas', () => {
  const base = { title: 'Database upgrade', scheduledFor: T0, scheduledUntil: T3 };
  it('create: the window must end after it starts', () => {
    assert.deepEqual(ok(S.MaintenanceCreateSchema, { ...base, components: ['db', 'db', 'api'] }), {
      ...base,
      summary: '',
      status: 'scheduled',
      components: ['db', 'api'],
      updateBody: null,
    });
    fails(S.MaintenanceCreateSchema, { ...base, scheduledUntil: T0 }, 'scheduledUntil', 'The end of the window must be after its start.');
    fails(S.MaintenanceCreateSchema, { ...base, scheduledUntil: '2026-11-25T08:00:00Z' }, 'scheduledUntil', 'The end of the window must be after its start.');
    fails(S.MaintenanceCreateSchema, without(base, 'scheduledUntil'), 'scheduledUntil', 'End of the window is required.');
    fails(S.MaintenanceCreateSchema, { ...base, status: 'cancelled' }, 'status', /^Status must be one of scheduled, in_progress, verifying, completed/);
  });
  it('patch and update post', () => {
    assert.deepEqual(ok(S.MaintenancePatchSchema, { status: 'in_progress' }), { status: 'in_progress' });
    fails(S.MaintenancePatchSchema, { scheduledFor: T3, scheduledUntil: T2 }, 'scheduledUntil', /end of the window must be after its start/);
    fails(S.MaintenancePatchSchema, {}, '', /Nothing to change/);
    assert.deepEqual(ok(S.MaintenanceUpdatePostSchema, { status: 'completed', body: 'Done.' }), { status: 'completed', body: 'Done.' });
    fails(S.MaintenanceUpdatePostSchema, { status: 'completed', body: ' ' }, 'body', 'Message is required.');
  });
});

describe('postmortem schemas', () => {
  const sections = [
    { key: 'summary', title: 'Summary', body: 'Card payments failed for 25 minutes.' },
    { key: 'what_went_well', title: 'What went well', body: '' },
  ];
  it('create: just the incident, or a full import', () => {
    assert.deepEqual(ok(S.PostmortemCreateSchema, { incidentId: 'inc-1' }), {
      incidentId: 'inc-1',
      ownerId: null,
      contributingFactors: [],
      fiveWhys: [],
      acknowledgements: [],
      labels: [],
      publicSummary: null,
    });
    const value = ok(S.PostmortemCreateSchema, {
      incidentId: 'inc-1',
      title: 'Payments outage',
      ownerId: 'p1',
      templateId: 'tpl',
      sections,
      contributingFactors: [{ category: 'release_monitoring_operations', description: 'No canary for the payment worker.' }],
      fiveWhys: [{ question: 'Why did payments fail?', answer: 'The worker crashed.' }, { question: 'Why did it crash?', answer: '' }],
      acknowledgements: [{ name: 'Hanako', note: 'Spotted the graph first' }, { personId: 'p2', name: 'Taro' }],
      labels: ['payments'],
      publicSummary: 'A faulty release broke card payments for 25 minutes.',
    });
    assert.equal(value.sections?.length, 2);
    assert.deepEqual(value.acknowledgements[1], { personId: 'p2', name: 'Taro', note: '' });
  });
  it('sections have unique snake_case keys', () => {
    fails(S.PostmortemCreateSchema, { incidentId: 'i', sections: [...sections, sections[0]] }, 'sections.2.key', 'Section "summary" appears twice.');
    fails(S.PostmortemCreateSchema, { incidentId: 'i', sections: [{ key: 'Summary', title: 'S', body: '' }] }, 'sections.0.key', /^Key must be lowercase letters, digits and _, like contributing_factors/);
    fails(S.PostmortemCreateSchema, { incidentId: 'i', sections: [{ key: 'summary', body: '' }] }, 'sections.0.title', 'Title is required.');
  });
  it('contributing factors, whys and acknowledgements are checked', () => {
    fails(S.PostmortemPatchSchema, { contributingFactors: [{ category: 'bad_luck', description: 'x' }] }, 'contributingFactors.0.category', /^Category must be one of product_quality, architecture_infrastructure/);
    fails(S.PostmortemPatchSchema, { contributingFactors: [{ id: 'f1', category: 'skills', description: 'a' }, { id: 'f1', category: 'culture', description: 'b' }] }, 'contributingFactors.1.id', 'Contributing factor "f1" is listed twice.');
    fails(S.PostmortemPatchSchema, { fiveWhys: [{ question: '', answer: 'x' }] }, 'fiveWhys.0.question', 'Question is required.');
    fails(S.PostmortemPatchSchema, { fiveWhys: Array.from({ length: 21 }, () => ({ question: 'Why?', answer: '' })) }, 'fiveWhys', 'Five whys can have at most 20 entries; it has 21.');
    fails(S.PostmortemPatchSchema, { acknowledgements: [{ personId: 'p1' }] }, 'acknowledgements.0.name', 'Name is required.');
  });
  it('patch: a status transition, a cleared owner or summary', () => {
    assert.deepEqual(ok(S.PostmortemPatchSchema, { status: 'in_review' }), { status: 'in_review' });
    assert.deepEqual(ok(S.PostmortemPatchSchema, { ownerId: '', publicSummary: ' ' }), { ownerId: null, publicSummary: null });
    fails(S.PostmortemPatchSchema, { status: 'approved' }, 'status', /^Status must be one of draft, in_review, published, not "approved"\.$/);
    fails(S.PostmortemPatchSchema, {}, '', /Nothing to change/);
  });
  it('template: localized names and prompts, at least one section', () => {
    const value = ok(S.PostmortemTemplateCreateSchema, {
      name: { en: 'Standard', ja: '標準' },
      sections: [
        { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'What happened?', ja: '  ' }, required: true },
        { key: 'lessons', title: { en: 'Lessons' }, prompt: { en: '' }, required: false },
      ],
    });
    assert.deepEqual(value.description, { en: '' });
    assert.deepEqual(value.sections[0]?.prompt, { en: 'What happened?' });
    assert.deepEqual(value.name, { en: 'Standard', ja: '標準' });
    fails(S.PostmortemTemplateCreateSchema, { name: { en: 'X' }, sections: [] }, 'sections', 'Add at least one section.');
    fails(S.PostmortemTemplateCreateSchema, { name: { ja: '標準' }, sections: [] }, 'name.en', 'English text is required.');
    fails(S.PostmortemTemplateCreateSchema, { name: { en: ' ' }, sections: [] }, 'name.en', 'Name is required in English.');
    fails(S.PostmortemTemplateCreateSchema, { name: { en: 'X' }, sections: [{ key: 'a', title: { en: 'A' }, prompt: { en: '' } }] }, 'sections.0.required', 'Required is required.');
  });
  it('template patch: any of name, description and sections; the kit decides builtIn', () => {
    assert.deepEqual(ok(S.PostmortemTemplatePatchSchema, { name: { en: ' Ours ' } }), { name: { en: 'Ours' } });
    assert.deepEqual(ok(S.PostmortemTemplatePatchSchema, { description: { en: '' } }), { description: { en: '' } });
    fails(S.PostmortemTemplatePatchSchema, {}, '', /Nothing to change/);
    fails(S.PostmortemTemplatePatchSchema, { sections: [] }, 'sections', 'Add at least one section.');
    fails(S.PostmortemTemplatePatchSchema, { builtIn: false }, '', /Nothing to change/);
  });
  it('incident template: a name is enough; blanks, nulls and empty lists prefill nothing', () => {
    assert.deepEqual(ok(S.IncidentTemplateCreateSchema, { name: { en: 'Slow search' } }), {
      name: { en: 'Slow search' },
      description: { en: '' },
      title: { en: '' },
      summary: { en: '' },
      severity: null,
      impact: null,
      visibility: null,
      components: [],
      labels: [],
      updateBody: { en: '' },
    });
    const full = ok(S.IncidentTemplateCreateSchema, {
      name: { en: 'Slow search', ja: '検索の遅延' },
      title: { en: ' Search is slow ', ja: '検索が遅い' },
      severity: 'SEV3',
      impact: 'minor',
      visibility: 'public',
      components: [{ componentId: 'search', status: 'degraded_performance' }],
      labels: ['Search', 'search'],
      updateBody: { en: 'We are looking into it.', ja: '' },
    });
    assert.deepEqual([full.title, full.labels, full.updateBody, full.severity], [{ en: 'Search is slow', ja: '検索が遅い' }, ['search'], { en: 'We are looking into it.' }, 'SEV3']);
    assert.deepEqual(ok(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, severity: ' ', impact: '' }).severity, null, 'a cleared select is none');
    fails(S.IncidentTemplateCreateSchema, { name: { en: '' } }, 'name.en', 'Name is required in English.');
    fails(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, severity: 'SEV 2' }, 'severity', /^Severity must be a code without spaces/);
    fails(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, impact: 'huge' }, 'impact', /^Impact must be one of none, minor, major, critical/);
    fails(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, visibility: 'secret' }, 'visibility', /^Visibility must be one of/);
    fails(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, components: [{ componentId: 'a', status: 'down' }] }, 'components.0.status', /^Status must be one of/);
    fails(S.IncidentTemplateCreateSchema, { name: { en: 'X' }, updateBody: { en: 'x'.repeat(20_001) } }, 'updateBody.en', /at most 20000 characters/);
  });
  it('incident template patch: any non-empty subset; the kit decides builtIn', () => {
    assert.deepEqual(ok(S.IncidentTemplatePatchSchema, { severity: null, labels: [] }), { severity: null, labels: [] });
    fails(S.IncidentTemplatePatchSchema, {}, '', /Nothing to change/);
    fails(S.IncidentTemplatePatchSchema, { builtIn: false, id: 'x' }, '', /Nothing to change/);
  });
});

describe('prevention action schemas', () => {
  const base = { title: 'Add a canary for the payment worker', kind: 'detect', incidentIds: ['inc-1'] };
  it('create: linked to at least one incident, defaults filled, ids de-duplicated', () => {
    assert.deepEqual(ok(S.ActionCreateSchema, { ...base, incidentIds: ['inc-1', 'inc-2', 'inc-1'] }), {
      ...base,
      incidentIds: ['inc-1', 'inc-2'],
      description: '',
      postmortemId: null,
      ownerId: null,
      dueDate: null,
      status: 'todo',
      externalUrl: null,
    });
    fails(S.ActionCreateSchema, { ...base, incidentIds: [] }, 'incidentIds', 'Link at least one incident.');
    fails(S.ActionCreateSchema, without(base, 'incidentIds'), 'incidentIds', 'Incident IDs is required.');
    fails(S.ActionCreateSchema, { ...base, kind: 'fix' }, 'kind', /^Kind must be one of mitigate, prevent, detect, process, remove, not "fix"\.$/);
  });
  it('create: due dates are real dates, external links are web addresses', () => {
    assert.equal(ok(S.ActionCreateSchema, { ...base, dueDate: '2026-12-01' }).dueDate, '2026-12-01');
    fails(S.ActionCreateSchema, { ...base, dueDate: '2026-12-32' }, 'dueDate', 'Due date must be a real date like 2026-12-01, not "2026-12-32".');
    fails(S.ActionCreateSchema, { ...base, dueDate: '1/12/2026' }, 'dueDate', /^Due date must be a real date like 2026-12-01/);
    assert.equal(ok(S.ActionCreateSchema, { ...base, externalUrl: 'https://linear.app/acme/issue/SRE-12' }).externalUrl, 'https://linear.app/acme/issue/SRE-12');
    fails(S.ActionCreateSchema, { ...base, externalUrl: 'javascript:alert(1)' }, 'externalUrl', 'External link must be a web address starting with http:// or https://, not "javascript:alert(1)".');
    fails(S.ActionCreateSchema, { ...base, externalUrl: 'data:text/html,<b>x</b>' }, 'externalUrl', /^External link must be a web address/);
  });
  it('patch: effectiveness is judged only for done actions', () => {
    assert.deepEqual(ok(S.ActionPatchSchema, { status: 'done', effectiveness: 'effective' }), { status: 'done', effectiveness: 'effective' });
    assert.deepEqual(ok(S.ActionPatchSchema, { effectiveness: 'recurred' }), { effectiveness: 'recurred' });
    ok(S.ActionPatchSchema, { status: 'in_progress', effectiveness: 'unverified' });
    fails(S.ActionPatchSchema, { status: 'in_progress', effectiveness: 'effective' }, 'effectiveness', 'Effectiveness can only be judged once the action is done, not while it is "in_progress".');
    fails(S.ActionPatchSchema, 'done', '', 'Expected an object with named fields, not "done".');
    fails(S.ActionPatchSchema, {}, '', /Nothing to change/);
  });
  it('move: to a column, between neighbours or at a rank, not both', () => {
    assert.deepEqual(ok(S.ActionMoveSchema, { status: 'in_progress' }), { status: 'in_progress', beforeId: null, afterId: null });
    assert.deepEqual(ok(S.ActionMoveSchema, { status: 'done', afterId: 'a1', beforeId: 'a2' }), { status: 'done', afterId: 'a1', beforeId: 'a2' });
    assert.equal(ok(S.ActionMoveSchema, { status: 'done', rank: 'a0V' }).rank, 'a0V');
    fails(S.ActionMoveSchema, { status: 'done', rank: 'a0V', afterId: 'a1' }, 'rank', 'Give either a rank or neighbouring cards (beforeId, afterId), not both.');
    fails(S.ActionMoveSchema, { status: 'done', afterId: 'a1', beforeId: 'a1' }, 'afterId', 'A card cannot go both right before and right after the same card.');
    for (const bad of ['a b', 'a-0', 'あ']) {
      fails(S.ActionMoveSchema, { status: 'done', rank: bad }, 'rank', `Rank must be letters and digits only, like a0V, not ${JSON.stringify(bad)}.`);
    }
    fails(S.ActionMoveSchema, { status: 'archived' }, 'status', /^Status must be one of todo, in_progress, in_review, done, wont_do/);
    fails(S.ActionMoveSchema, 5, '', 'Expected an object with named fields, not 5.');
  });
});

describe('SLO schemas', () => {
  const base = {
    name: 'Checkout availability',
    service: 'payments',
    indicator: { good: 'http_requests{code!~"5.."}', total: 'http_requests' },
    timeWindow: { duration: '28d', isRolling: true },
    budgetingMethod: 'Occurrences',
    objective: { target: 0.999 },
  };
  it('create: an Occurrences SLO over a rolling window, with defaults', () => {
    assert.deepEqual(ok(S.SloCreateSchema, base), {
      ...base,
      description: '',
      componentId: null,
      objective: { target: 0.999, timeSliceTarget: null, timeSliceWindow: null },
      labels: [],
    });
  });
  it('create: Timeslices needs a slice target and window, shorter than the window', () => {
    const timeslices = { ...base, budgetingMethod: 'Timeslices', objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' } };
    assert.deepEqual(ok(S.SloCreateSchema, timeslices).objective, { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' });
    fails(S.SloCreateSchema, { ...timeslices, objective: { target: 0.99 } }, 'objective.timeSliceTarget', 'Timeslices needs a time slice target, like 0.95.');
    fails(S.SloCreateSchema, { ...timeslices, objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '' } }, 'objective.timeSliceWindow', 'Timeslices needs a time slice window, like 1m or 5m.');
    fails(S.SloCreateSchema, { ...timeslices, timeWindow: { duration: '1h', isRolling: true }, objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '60m' } }, 'objective.timeSliceWindow', 'Time slice window "60m" must be shorter than the 1h window.');
    fails(S.SloCreateSchema, { ...timeslices, objective: { target: 0.99, timeSliceTarget: 0, timeSliceWindow: '5m' } }, 'objective.timeSliceTarget', 'Time slice target must be above 0.');
    fails(S.SloCreateSchema, { ...timeslices, objective: { target: 0.99, timeSliceTarget: 1.5, timeSliceWindow: '5m' } }, 'objective.timeSliceTarget', /at most 1/);
    for (const bad of ['5s', '1d', '0m', 'five']) {
      fails(S.SloCreateSchema, { ...timeslices, objective: { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: bad } }, 'objective.timeSliceWindow', /^Time slice window must be minutes or hours, like 1m or 5m/);
    }
  });
  it('create: Occurrences takes no slice fields', () => {
    fails(S.SloCreateSchema, { ...base, objective: { target: 0.99, timeSliceTarget: 0.95 } }, 'objective.timeSliceTarget', 'Time slice target only applies to the Timeslices budgeting method.');
    fails(S.SloCreateSchema, { ...base, objective: { target: 0.99, timeSliceWindow: '1m' } }, 'objective.timeSliceWindow', 'Time slice window only applies to the Timeslices budgeting method.');
  });
  it('create: target in [0, 1)', () => {
    ok(S.SloCreateSchema, { ...base, objective: { target: 0 } });
    fails(S.SloCreateSchema, { ...base, objective: { target: 1 } }, 'objective.target', 'Target must be below 1, like 0.999 for 99.9%.');
    fails(S.SloCreateSchema, { ...base, objective: { target: -0.1 } }, 'objective.target', 'Target must be at least 0.');
    fails(S.SloCreateSchema, { ...base, objective: { target: '99.9%' } }, 'objective.target', 'Target must be a number.');
    fails(S.SloCreateSchema, { ...base, objective: {} }, 'objective.target', 'Target is required.');
  });
  it('create: durations parse; a calendar window needs its calendar', () => {
    for (const bad of ['28 days', '1M', '0d', '30s']) {
      fails(S.SloCreateSchema, { ...base, timeWindow: { duration: bad, isRolling: true } }, 'timeWindow.duration', /^A rolling window must be a duration like 28d, 4w or 12h/);
    }
    const calendar = { duration: '1M', isRolling: false, calendar: { startTime: '2026-01-01T00:00:00+09:00', timeZone: 'Asia/Tokyo' } };
    assert.deepEqual(ok(S.SloCreateSchema, { ...base, timeWindow: calendar }).timeWindow, {
      duration: '1M',
      isRolling: false,
      calendar: { startTime: '2025-12-31T15:00:00.000Z', timeZone: 'Asia/Tokyo' },
    });
    fails(S.SloCreateSchema, { ...base, timeWindow: { duration: '1M', isRolling: false } }, 'timeWindow.calendar', 'A calendar window needs a calendar: its startTime and timeZone.');
    fails(S.SloCreateSchema, { ...base, timeWindow: { ...calendar, duration: '1 month' } }, 'timeWindow.duration', /^A calendar window must be a duration like 1M, 1Q, 1w or 1Y/);
    fails(S.SloCreateSchema, { ...base, timeWindow: { ...calendar, calendar: { startTime: '2026-01-01', timeZone: 'Tokyo' } } }, 'timeWindow.calendar.timeZone', 'Time zone must be an IANA time zone like Asia/Tokyo or UTC, not "Tokyo".');
    fails(S.SloCreateSchema, { ...base, timeWindow: { ...calendar, calendar: { timeZone: 'UTC' } } }, 'timeWindow.calendar.startTime', 'Calendar start time is required.');
    fails(S.SloCreateSchema, { ...base, timeWindow: { duration: '28d' } }, 'timeWindow.isRolling', 'Window kind (isRolling) must be true (a rolling window) or false (a calendar window with a calendar).');
    fails(S.SloCreateSchema, { ...base, timeWindow: { duration: '28d', isRolling: 'yes' } }, 'timeWindow.isRolling', /a calendar window with a calendar\), not "yes"\.$/);
    fails(S.SloCreateSchema, { ...base, budgetingMethod: 'RatioTimeslices' }, 'budgetingMethod', /^Budgeting method must be one of Occurrences, Timeslices/);
    fails(S.SloCreateSchema, { ...base, indicator: { good: 'x' } }, 'indicator.total', 'Total events is required.');
  });
  it('patch: rules apply to what is sent', () => {
    assert.deepEqual(ok(S.SloPatchSchema, { name: 'Renamed' }), { name: 'Renamed' });
    fails(S.SloPatchSchema, { budgetingMethod: 'Timeslices', objective: { target: 0.99 } }, 'objective.timeSliceWindow', /Timeslices needs a time slice window/);
    fails(S.SloPatchSchema, {}, '', /Nothing to change/);
  });
  it('SLI samples: epoch milliseconds, good <= total, 1 to 10,000 per batch', () => {
    assert.deepEqual(ok(S.SliSampleBatchSchema, [{ at: 1_764_061_200_000, good: 99, total: 100 }, { at: 1_764_061_260_000, good: 0, total: 0 }]), [
      { at: 1_764_061_200_000, good: 99, total: 100 },
      { at: 1_764_061_260_000, good: 0, total: 0 },
    ]);
    fails(S.SliSampleBatchSchema, [{ at: 0, good: 101, total: 100 }], '0.total', 'Good events (101) cannot exceed total events (100).');
    fails(S.SliSampleBatchSchema, [{ at: 1.5, good: 1, total: 1 }], '0.at', 'Time must be whole epoch milliseconds.');
    fails(S.SliSampleBatchSchema, [{ at: -1, good: 1, total: 1 }], '0.at', 'Time cannot be before 1970.');
    fails(S.SliSampleBatchSchema, [{ at: '2026-11-25T09:00:00Z', good: 1, total: 1 }], '0.at', 'Time must be a number of epoch milliseconds.');
    fails(S.SliSampleBatchSchema, [{ at: 0, good: -1, total: 1 }], '0.good', 'Good events cannot be negative.');
    fails(S.SliSampleBatchSchema, [{ at: 0, good: 1, total: Number.POSITIVE_INFINITY }], '0.total', 'Total events must be a finite number.');
    fails(S.SliSampleBatchSchema, [{ at: 0, good: 1 }], '0.total', 'Total events is required.');
    fails(S.SliSampleBatchSchema, [], '', 'Send at least one sample.');
    const many = Array.from({ length: 10_000 }, (_, i) => ({ at: i * 60_000, good: 9, total: 10 }));
    assert.equal(ok(S.SliSampleBatchSchema, many).length, 10_000);
    fails(S.SliSampleBatchSchema, [...many, { at: 0, good: 0, total: 0 }], '', 'Samples can have at most 10000 entries; it has 10001.');
    fails(S.SliSampleSchema, null, '', /Expected an object/);
  });
});

describe('people, guideline and token schemas', () => {
  it('person: optional contact details, blank means none, handle without @', () => {
    assert.deepEqual(ok(S.PersonCreateSchema, { name: 'Hanako Sato', email: '', handle: '@hanako', timeZone: 'Asia/Tokyo' }), {
      name: 'Hanako Sato',
      email: null,
      handle: 'hanako',
      timeZone: 'Asia/Tokyo',
    });
    fails(S.PersonCreateSchema, { name: 'X', email: 'hanako@' }, 'email', 'Email must be an address like name@example.com, not "hanako@".');
    fails(S.PersonCreateSchema, { name: 'X', handle: 'hana ko' }, 'handle', /^Chat handle must be one word without spaces/);
    fails(S.PersonCreateSchema, { name: 'X', timeZone: 'Asia/Tokio' }, 'timeZone', 'Time zone must be an IANA time zone like Asia/Tokyo or UTC, not "Asia/Tokio".');
    assert.deepEqual(ok(S.PersonPatchSchema, { timeZone: null }), { timeZone: null });
    fails(S.PersonPatchSchema, {}, '', /Nothing to change/);
  });

  it('guideline replace: the default guideline passes and comes out sorted by rank', () => {
    const input = { levels: DEFAULT_SEVERITY_GUIDELINE.levels, whenUnsure: DEFAULT_SEVERITY_GUIDELINE.whenUnsure };
    assert.deepEqual(ok(S.SeverityGuidelineReplaceSchema, input), input);
    const reversed = ok(S.SeverityGuidelineReplaceSchema, { ...input, levels: [...input.levels].reverse() });
    assert.deepEqual(reversed.levels.map((l) => l.code), ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });

  it('guideline replace: unique codes and ranks, criteria, bounded targets', () => {
    const [sev1, sev2] = DEFAULT_SEVERITY_GUIDELINE.levels;
    assert.ok(sev1 && sev2);
    const whenUnsure = { en: 'Pick the higher one.' };
    fails(S.SeverityGuidelineReplaceSchema, { levels: [sev1, { ...sev2, code: 'sev1' }], whenUnsure }, 'levels.1.code', 'Severity code "sev1" is used twice.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [sev1, { ...sev2, rank: 1 }], whenUnsure }, 'levels.1.rank', 'Rank 1 is used twice.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [], whenUnsure }, 'levels', 'Add at least one severity level.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, criteria: [] }], whenUnsure }, 'levels.0.criteria', 'Each level needs at least one criterion.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, criteria: [{ en: '' }] }], whenUnsure }, 'levels.0.criteria.0.en', 'Criterion is required in English.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, demands: { ...sev1.demands, acknowledgeWithinMinutes: 0 } }], whenUnsure }, 'levels.0.demands.acknowledgeWithinMinutes', 'Acknowledgement target (minutes) must be 1 or more.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, demands: { ...sev1.demands, page: 'sometimes' } }], whenUnsure }, 'levels.0.demands.page', /^Page must be one of immediately, working_hours, none/);
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, demands: { ...sev1.demands, requiredRoles: ['Incident Commander'] } }], whenUnsure }, 'levels.0.demands.requiredRoles.0', /^Role must be lowercase letters/);
    fails(S.SeverityGuidelineReplaceSchema, { levels: [sev1] }, 'whenUnsure', 'Advice for when unsure is required.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [sev1], whenUnsure: { en: '' } }, 'whenUnsure.en', 'Advice for when unsure is required in English.');
    fails(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, demands: { ...sev1.demands, actionsDueWithinDays: 3651 } }], whenUnsure }, 'levels.0.demands.actionsDueWithinDays', 'Action deadline (days) must be 3650 or less.');
    const roles = ok(S.SeverityGuidelineReplaceSchema, { levels: [{ ...sev1, demands: { ...sev1.demands, requiredRoles: ['scribe', 'scribe'] } }], whenUnsure });
    assert.deepEqual(roles.levels[0]?.demands.requiredRoles, ['scribe']);
  });

  it('token: a role and a name', () => {
    assert.deepEqual(ok(S.TokenCreateSchema, { role: 'responder', name: ' CI bot ' }), { role: 'responder', name: 'CI bot' });
    fails(S.TokenCreateSchema, { role: 'root', name: 'x' }, 'role', 'Role must be one of viewer, responder, admin, not "root".');
    fails(S.TokenCreateSchema, { role: 'viewer' }, 'name', 'Name is required.');
  });
});

describe('list query schemas', () => {
  it('default to 50 and coerce the limit from a string', () => {
    assert.deepEqual(ok(S.ListQuerySchema, {}), { limit: 50 });
    assert.equal(S.DEFAULT_PAGE_SIZE, 50);
    assert.deepEqual(ok(S.ListQuerySchema, { limit: ' 200 ', cursor: 'abc' }), { limit: 200, cursor: 'abc' });
    assert.deepEqual(ok(S.ListQuerySchema, { limit: 1, cursor: '' }), { limit: 1 });
    fails(S.ListQuerySchema, { limit: '0' }, 'limit', 'Limit must be 1 or more.');
    fails(S.ListQuerySchema, { limit: '201' }, 'limit', 'Limit must be 200 or less.');
    fails(S.ListQuerySchema, { limit: '2.5' }, 'limit', 'Limit must be a whole number.');
    fails(S.ListQuerySchema, { limit: 'ten' }, 'limit', 'Limit must be a number.');
    fails(S.ListQuerySchema, { limit: '' }, 'limit', 'Limit must be a number.');
    fails(S.ListQuerySchema, { limit: true }, 'limit', 'Limit must be a number.');
    fails(S.ListQuerySchema, { cursor: 'c'.repeat(501) }, 'cursor', /Cursor must be at most 500 characters/);
  });
  it('incidents: comma-separated or repeated filters, booleans from words, a time range', () => {
    assert.deepEqual(
      ok(S.IncidentListQuerySchema, {
        status: 'investigating, identified',
        severity: ['SEV1', 'SEV2,SEV3'],
        label: 'Payments',
        visibility: 'public',
        component: 'api',
        open: 'YES',
        q: ' checkout ',
        from: '2026-11-01T00:00:00+09:00',
        to: T0,
      }),
      {
        limit: 50,
        status: ['investigating', 'identified'],
        severity: ['SEV1', 'SEV2', 'SEV3'],
        label: ['payments'],
        visibility: 'public',
        component: 'api',
        open: true,
        q: 'checkout',
        from: '2026-10-31T15:00:00.000Z',
        to: T0,
      },
    );
    assert.deepEqual(ok(S.IncidentListQuerySchema, { status: ',', open: false, q: '' }), { limit: 50, open: false });
    assert.equal(ok(S.IncidentListQuerySchema, { open: '0' }).open, false);
    fails(S.IncidentListQuerySchema, { status: 'investigating,fixed' }, 'status.1', /^Status must be one of investigating, identified, monitoring, resolved, not "fixed"\.$/);
    fails(S.IncidentListQuerySchema, { open: 'maybe' }, 'open', 'Open must be true or false.');
    fails(S.IncidentListQuerySchema, { open: 1 }, 'open', 'Open must be true or false.');
    fails(S.IncidentListQuerySchema, { status: 3 }, 'status', 'Status must be text, or a list of texts.');
    fails(S.IncidentListQuerySchema, { from: T3, to: T0 }, 'to', '"to" cannot be before "from".');
    fails(S.IncidentListQuerySchema, { label: Array.from({ length: 101 }, (_, i) => `l${i}`) }, 'label', 'Label can have at most 100 values.');
  });
  it('maintenances, postmortems, actions and SLOs', () => {
    assert.deepEqual(ok(S.MaintenanceListQuerySchema, { status: 'scheduled,in_progress' }).status, ['scheduled', 'in_progress']);
    fails(S.MaintenanceListQuerySchema, { from: T1, to: T0 }, 'to', /cannot be before/);
    assert.deepEqual(ok(S.PostmortemListQuerySchema, { status: 'draft', owner: 'p1', incident: 'inc-1', label: 'db' }), {
      limit: 50,
      status: ['draft'],
      owner: 'p1',
      incident: 'inc-1',
      label: ['db'],
    });
    assert.deepEqual(ok(S.ActionListQuerySchema, { status: ['todo', 'in_progress'], kind: 'prevent,remove', effectiveness: 'recurred' }), {
      limit: 50,
      status: ['todo', 'in_progress'],
      kind: ['prevent', 'remove'],
      effectiveness: ['recurred'],
    });
    fails(S.ActionListQuerySchema, { kind: 'fix' }, 'kind.0', /^Kind must be one of mitigate/);
    assert.deepEqual(ok(S.SloListQuerySchema, { service: 'payments', component: 'api', label: 'tier:1' }), {
      limit: 50,
      service: 'payments',
      component: 'api',
      label: ['tier:1'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Entities: domain-typed fixtures pass unchanged; typical corruptions are caught.

const component: Component = {
  id: 'api',
  name: 'API',
  description: null,
  status: 'operational',
  groupId: 'core',
  position: 0,
  showcase: true,
  onlyShowIfDegraded: false,
  startDate: '2025-04-01',
  createdAt: T0,
  updatedAt: T1,
};
const group: ComponentGroup = { id: 'core', name: 'Core', description: 'Booking and payments', position: 1, createdAt: T0, updatedAt: T0 };
const page: StatusPageInfo = { id: 'page', name: 'Hansei Status', url: 'https://status.example.com', timeZone: 'Asia/Tokyo', updatedAt: T2 };
const update: IncidentUpdate = {
  id: 'u1',
  incidentId: 'inc-1',
  status: 'identified',
  body: 'A bad release; rolling back.',
  visibility: 'public',
  authorId: 'p1',
  createdAt: T1,
  updatedAt: T1,
  displayAt: T1,
  affectedComponents: [{ componentId: 'api', name: 'API', oldStatus: 'operational', newStatus: 'major_outage' }],
};
const incident: Incident = {
  id: 'inc-1',
  title: 'Checkout fails',
  summary: 'Card payments failed.',
  severity: 'SEV1',
  impact: 'critical',
  status: 'resolved',
  visibility: 'public',
  components: [{ componentId: 'api', status: 'major_outage' }],
  labels: ['payments'],
  related: [{ incidentId: 'inc-0', relation: 'recurrence_of' }],
  startedAt: T0,
  detectedAt: T0,
  acknowledgedAt: T1,
  mitigatedAt: T2,
  resolvedAt: T3,
  createdAt: T0,
  updatedAt: T3,
  updates: [update, { ...update, id: 'u0', affectedComponents: null, visibility: 'internal' }],
  postmortemId: null,
};
const event: TimelineEvent = { id: 'e1', incidentId: 'inc-1', kind: 'note', at: T1, body: 'Paged DB team', authorId: null, link: 'https://chat.example.com/m/1' };
const assignment: RoleAssignment = {
  id: 'ra1',
  incidentId: 'inc-1',
  role: 'incident_commander',
  personId: 'p1',
  assignedAt: T0,
  assignedBy: null,
  releasedAt: T2,
  handedOffTo: 'ra2',
  note: 'Handing off to the day shift',
};
const maintenanceUpdate: MaintenanceUpdate = { id: 'mu1', maintenanceId: 'm1', status: 'scheduled', body: 'Planned.', createdAt: T0, displayAt: T0 };
const maintenance: Maintenance = {
  id: 'm1',
  title: 'DB upgrade',
  summary: '',
  status: 'scheduled',
  scheduledFor: T2,
  scheduledUntil: T3,
  components: ['api'],
  createdAt: T0,
  updatedAt: T0,
  updates: [maintenanceUpdate],
};
const postmortem: Postmortem = {
  id: 'pm1',
  incidentId: 'inc-1',
  title: 'Checkout outage',
  ownerId: 'p1',
  status: 'published',
  templateId: 'tpl',
  sections: [{ key: 'summary', title: 'Summary', body: 'What happened.' }],
  contributingFactors: [{ id: 'f1', category: 'release_monitoring_operations', description: 'No canary.' }],
  fiveWhys: [{ question: 'Why?', answer: 'Because.' }],
  acknowledgements: [{ personId: null, name: 'Support team', note: '' }],
  labels: ['payments'],
  publicSummary: 'A faulty release broke card payments.',
  createdAt: T1,
  updatedAt: T3,
  publishedAt: T3,
};
const template: PostmortemTemplate = {
  id: 'tpl',
  name: { en: 'Standard', ja: '標準' },
  description: { en: '' },
  sections: [{ key: 'summary', title: { en: 'Summary' }, prompt: { en: 'What happened?' }, required: true }],
  builtIn: false,
};
const incidentTemplate: IncidentTemplate = {
  id: 'itpl',
  name: { en: 'Slow search', ja: '検索の遅延' },
  description: { en: '' },
  title: { en: 'Search is slow' },
  summary: { en: '' },
  severity: 'SEV3',
  impact: 'minor',
  visibility: null,
  components: [{ componentId: 'search', status: 'degraded_performance' }],
  labels: ['search'],
  updateBody: { en: 'We are looking into slow searches.' },
  builtIn: false,
};
const action: PreventionAction = {
  id: 'a1',
  title: 'Add a canary',
  description: '',
  incidentIds: ['inc-1'],
  postmortemId: 'pm1',
  kind: 'detect',
  ownerId: null,
  dueDate: '2026-12-23',
  status: 'done',
  rank: 'a0',
  externalUrl: 'https://linear.app/acme/issue/SRE-12',
  effectiveness: 'effective',
  completedAt: T3,
  createdAt: T1,
  updatedAt: T3,
};
const slo: Slo = {
  id: 'slo1',
  name: 'Checkout availability',
  description: '',
  service: 'payments',
  componentId: 'api',
  indicator: { good: 'good', total: 'total' },
  timeWindow: { duration: '1M', isRolling: false, calendar: { startTime: T0, timeZone: 'UTC' } },
  budgetingMethod: 'Timeslices',
  objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '1m' },
  labels: [],
  createdAt: T0,
  updatedAt: T0,
};
const person: Person = { id: 'p1', name: 'Hanako', email: 'hanako@example.com', handle: 'hanako', timeZone: 'Asia/Tokyo' };

describe('entity schemas', () => {
  const fixtures: [string, v.GenericSchema, unknown][] = [
    ['Component', S.ComponentSchema, component],
    ['ComponentGroup', S.ComponentGroupSchema, group],
    ['StatusPageInfo', S.StatusPageInfoSchema, page],
    ['IncidentUpdate', S.IncidentUpdateSchema, update],
    ['Incident', S.IncidentSchema, incident],
    ['TimelineEvent', S.TimelineEventSchema, event],
    ['RoleAssignment', S.RoleAssignmentSchema, assignment],
    ['MaintenanceUpdate', S.MaintenanceUpdateSchema, maintenanceUpdate],
    ['Maintenance', S.MaintenanceSchema, maintenance],
    ['Postmortem', S.PostmortemSchema, postmortem],
    ['PostmortemTemplate', S.PostmortemTemplateSchema, template],
    ['IncidentTemplate', S.IncidentTemplateSchema, incidentTemplate],
    ['PreventionAction', S.PreventionActionSchema, action],
    ['Slo', S.SloSchema, slo],
    ['Person', S.PersonSchema, person],
    ['SeverityGuideline', S.SeverityGuidelineSchema, DEFAULT_SEVERITY_GUIDELINE],
    ['LocalizedText', S.LocalizedTextSchema, { en: 'Major', ja: '重大' }],
    ['SliSample', S.SliSampleSchema, { at: 0, good: 1, total: 1 }],
  ];
  for (const [name, schema, fixture] of fixtures) {
    it(`${name}: a domain value passes unchanged`, () => {
      assert.deepEqual(ok(schema, fixture), fixture);
    });
  }
  it('RoleDefinition: every default role passes', () => {
    for (const role of DEFAULT_ROLES) assert.deepEqual(ok(S.RoleDefinitionSchema, role), role);
  });
  it('every field is required (no defaults hide a missing one)', () => {
    fails(S.ComponentSchema, without(component, 'showcase'), 'showcase', 'Show on the status page is required.');
    fails(S.IncidentSchema, without(incident, 'updates'), 'updates', 'Updates is required.');
    fails(S.IncidentSchema, { ...incident, related: [{ incidentId: 'inc-0' }] }, 'related.0.relation', 'Relation is required.');
    fails(S.PostmortemSchema, { ...postmortem, contributingFactors: [{ category: 'skills', description: 'x' }] }, 'contributingFactors.0.id', 'ID is required.');
    fails(S.PostmortemSchema, { ...postmortem, acknowledgements: [{ personId: null, name: 'x' }] }, 'acknowledgements.0.note', 'Note is required.');
    fails(S.SloSchema, { ...slo, objective: { target: 0.99 } }, 'objective.timeSliceTarget', 'Time slice target is required.');
    fails(S.PreventionActionSchema, without(action, 'rank'), 'rank', 'Rank is required.');
  });
  it('catches corrupt values', () => {
    fails(S.StatusPageInfoSchema, { ...page, url: 'javascript:alert(1)' }, 'url', /^URL must be a web address/);
    fails(S.IncidentSchema, { ...incident, updates: [{ ...update, affectedComponents: [{ componentId: 'api', name: 'API', oldStatus: 'up', newStatus: 'major_outage' }] }] }, 'updates.0.affectedComponents.0.oldStatus', /^Old status must be one of/);
    fails(S.TimelineEventSchema, { ...event, at: 'yesterday' }, 'at', /^Time must be a date and time/);
    fails(S.RoleAssignmentSchema, { ...assignment, releasedAt: '2026-11-25' }, 'releasedAt', /^Release time must be a date and time/);
    fails(S.MaintenanceSchema, { ...maintenance, updates: [{ ...maintenanceUpdate, status: 'done' }] }, 'updates.0.status', /^Status must be one of scheduled/);
    fails(S.PostmortemTemplateSchema, { ...template, sections: [] }, 'sections', 'Add at least one section.');
    fails(S.PersonSchema, { ...person, email: 'not-an-email' }, 'email', /^Email must be an address/);
    fails(S.RoleDefinitionSchema, { ...DEFAULT_ROLES[0], multiple: 'no' }, 'multiple', 'Multiple must be true or false.');
    fails(S.SeverityGuidelineSchema, { ...DEFAULT_SEVERITY_GUIDELINE, updatedAt: '2026' }, 'updatedAt', /^Update time must be a date and time/);
    fails(S.LocalizedTextSchema, { en: 1 }, 'en', 'Text must be text.');
  });
});

// ---------------------------------------------------------------------------------------------
// Answers: stored entities and pages.

describe('answer schemas', () => {
  it('stored(): the entity and its version, a whole number from 1', () => {
    const storedEvent: Stored<TimelineEvent> = { ...event, version: 3 };
    assert.deepEqual(ok(storedTimeline, storedEvent), storedEvent);
    assert.deepEqual(ok(S.StoredComponentSchema, { ...component, version: 1 }), { ...component, version: 1 });
    fails(S.StoredComponentSchema, component, 'version', 'Version is required.');
    fails(S.StoredComponentSchema, { ...component, version: 0 }, 'version', 'Version must be 1 or more.');
    fails(S.StoredComponentSchema, { ...component, version: 1.5 }, 'version', 'Version must be a whole number.');
    fails(S.StoredComponentSchema, { ...component, showcase: 'yes', version: 2 }, 'showcase', 'Show on the status page must be true or false.');
  });
  it('pageOf(): the items and the next cursor, null on the last page', () => {
    const last: Page<Stored<Incident>> = { data: [{ ...incident, version: 2 }], nextCursor: null };
    assert.deepEqual(ok(incidentPage, last), last);
    const first: Page<RoleAssignment> = { data: [assignment], nextCursor: 'WyJhIiwiYiJd' };
    assert.deepEqual(ok(roleAssignmentPage, first), first);
    fails(incidentPage, { data: [incident], nextCursor: null }, 'data.0.version', 'Version is required.');
  });
});
