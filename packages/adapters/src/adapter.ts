/**
 * The one interface between Hansei elements and a backend. An element gets a `HanseiAdapter`
 * from its provider (or its `adapter` property) and never talks to `fetch` itself, so the same
 * element works against the Hansei server (`RestAdapter`), a Statuspage-hosted page
 * (`StatuspageAdapter`), memory (`MemoryAdapter`) or any backend someone writes an adapter for.
 *
 * Every method returns a promise of domain objects from @hansei/core and rejects with a
 * `HanseiError` (errors.ts) whose `kind` says what went wrong and whose `issues` name the fields.
 * An adapter that cannot do something declares it in {@link AdapterCapabilities} and rejects the
 * call with kind `unsupported`; elements read the capabilities to hide what cannot work.
 */
import type {
  ActionCreateRequest,
  ActionListQuery,
  ActionMoveRequest,
  ActionPatchRequest,
  Component,
  ComponentCreateRequest,
  ComponentGroup,
  ComponentGroupCreateRequest,
  ComponentGroupPatchRequest,
  ComponentPatchRequest,
  ComponentUptime,
  CreatedToken,
  Id,
  Incident,
  IncidentCreateRequest,
  IncidentListQuery,
  IncidentMetrics,
  IncidentPatchRequest,
  IncidentTemplate,
  IncidentTemplateCreateRequest,
  IncidentTemplatePatchRequest,
  IncidentRoles,
  IncidentUpdate,
  IncidentUpdatePostRequest,
  ListQuery,
  Maintenance,
  MaintenanceCreateRequest,
  MaintenanceListQuery,
  MaintenancePatchRequest,
  MaintenanceUpdatePostRequest,
  Page,
  PageInfoReplaceRequest,
  Person,
  PersonCreateRequest,
  PersonPatchRequest,
  Postmortem,
  PostmortemCreateRequest,
  PostmortemListQuery,
  PostmortemPatchRequest,
  PostmortemSummary,
  PostmortemTemplate,
  PostmortemTemplateCreateRequest,
  PostmortemTemplatePatchRequest,
  PreventionAction,
  RelatedIncidentLinkRequest,
  RoleAssignRequest,
  RoleAssignment,
  RoleDefinition,
  RoleHandOff,
  RoleHandOffRequest,
  RoleReleaseRequest,
  Session,
  SeverityGuideline,
  SeverityGuidelineReplaceRequest,
  SliSample,
  Slo,
  SloCreateRequest,
  SloListQuery,
  SloPatchRequest,
  SloReport,
  StatusPageInfo,
  StatusSnapshot,
  Stored,
  TimelineEvent,
  TimelineEventCreateRequest,
  TokenCreateRequest,
  TokenRecord,
  UpdatePosted,
  WeeklyReview,
} from '@hansei/core';

// ---------------------------------------------------------------------------------------------
// Capabilities

/**
 * The areas of the loop, as capabilities name them:
 * - `status`: the public page: snapshot, components, groups, public incidents, maintenances,
 *   postmortem summaries;
 * - `uptime`: daily uptime per component;
 * - `incidents`: incident work: internal incidents, timeline, roles, related incidents;
 * - `postmortems`, `actions` (prevention), `slos`, `people`;
 * - `insights`: metrics and the weekly review;
 * - `settings`: severity guideline, roles, page info, components and groups, tokens.
 */
export const AREAS = ['status', 'uptime', 'incidents', 'postmortems', 'actions', 'slos', 'people', 'insights', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** What an adapter can do. Elements hide what it cannot (a read-only adapter shows no write controls). */
export interface AdapterCapabilities {
  /** Areas it can read. */
  readonly read: readonly Area[];
  /** Areas it can change. Empty for a read-only adapter. */
  readonly write: readonly Area[];
  /** `subscribe` delivers changes as they happen. */
  readonly live: boolean;
}

/** Whether `adapter` can read (or, with `write`, change) `area`. */
export function can(adapter: Pick<HanseiAdapter, 'capabilities'>, area: Area, access: 'read' | 'write' = 'read'): boolean {
  return adapter.capabilities[access].includes(area);
}

// ---------------------------------------------------------------------------------------------
// Calls

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the call; it then rejects with kind `aborted`. */
  readonly signal?: AbortSignal;
  /** Milliseconds before it rejects with kind `timeout` (the adapter has a default). */
  readonly timeoutMs?: number;
}

/** Options of a create: an idempotency key makes a retried create happen once. */
export interface CreateOptions extends CallOptions {
  /** 1-200 visible ASCII characters; the adapter makes one when absent. */
  readonly idempotencyKey?: string;
}

/** Daily uptime options. */
export interface UptimeOptions extends CallOptions {
  /** Days back from today, today included (1-90, default 90). */
  readonly days?: number;
  /** IANA time zone whose midnights bound the days (default: the page's). */
  readonly timeZone?: string;
}

// ---------------------------------------------------------------------------------------------
// Live changes

/** A change an adapter delivers as it happens: the server's event type and data. */
export type Change =
  | { readonly type: 'incident.created' | 'incident.updated'; readonly data: { readonly incident: Stored<Incident> } }
  | { readonly type: 'incident.update.created'; readonly data: { readonly incident: Stored<Incident>; readonly update: IncidentUpdate } }
  | { readonly type: 'incident.withdrawn'; readonly data: { readonly id: Id } }
  | { readonly type: 'incident.timeline.created'; readonly data: { readonly event: TimelineEvent } }
  | { readonly type: 'incident.role.assigned' | 'incident.role.released'; readonly data: { readonly assignment: RoleAssignment } }
  | { readonly type: 'incident.role.handed-off'; readonly data: RoleHandOff }
  | { readonly type: 'component.created' | 'component.updated'; readonly data: { readonly component: Stored<Component> } }
  | { readonly type: 'component.deleted' | 'component-group.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'component-group.created' | 'component-group.updated'; readonly data: { readonly group: Stored<ComponentGroup> } }
  | { readonly type: 'maintenance.created' | 'maintenance.updated'; readonly data: { readonly maintenance: Stored<Maintenance> } }
  | { readonly type: 'maintenance.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'postmortem.created' | 'postmortem.updated'; readonly data: { readonly postmortem: Stored<Postmortem> } }
  | { readonly type: 'postmortem.deleted'; readonly data: { readonly id: Id; readonly incidentId: Id } }
  | { readonly type: 'postmortem-summary.updated'; readonly data: PostmortemSummary }
  | { readonly type: 'postmortem-summary.deleted'; readonly data: { readonly incidentId: Id } }
  | { readonly type: 'postmortem-template.created' | 'postmortem-template.updated'; readonly data: { readonly template: Stored<PostmortemTemplate> } }
  | { readonly type: 'postmortem-template.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'incident-template.created' | 'incident-template.updated'; readonly data: { readonly template: Stored<IncidentTemplate> } }
  | { readonly type: 'incident-template.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'action.created' | 'action.updated' | 'action.moved'; readonly data: { readonly action: Stored<PreventionAction> } }
  | { readonly type: 'action.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'slo.created' | 'slo.updated'; readonly data: { readonly slo: Stored<Slo> } }
  | { readonly type: 'slo.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'slo.samples'; readonly data: { readonly sloId: Id; readonly accepted: number; readonly from: number; readonly to: number } }
  | { readonly type: 'person.created' | 'person.updated'; readonly data: { readonly person: Stored<Person> } }
  | { readonly type: 'person.deleted'; readonly data: { readonly id: Id } }
  | { readonly type: 'guideline.updated'; readonly data: { readonly guideline: SeverityGuideline; readonly version: number } }
  | { readonly type: 'roles.updated'; readonly data: { readonly roles: readonly RoleDefinition[]; readonly version: number } }
  | { readonly type: 'page.updated'; readonly data: { readonly page: StatusPageInfo; readonly version: number } }
  | { readonly type: 'demo.seeded'; readonly data: { readonly replaced: boolean } };

export type ChangeType = Change['type'];

/**
 * The state of a live subscription: `connecting` (first time or again), `open` (changes flow),
 * `retrying` (lost; trying again after `retryInMs`), `closed` (unsubscribed or aborted).
 * After a `retrying` the adapter resumes where it stopped, so no change is missed.
 */
export type LiveState =
  | { readonly state: 'connecting' | 'open' | 'closed' }
  | { readonly state: 'retrying'; readonly retryInMs: number; readonly error: Error };

export interface SubscribeOptions {
  /** Ends the subscription. */
  readonly signal?: AbortSignal;
  /** Told about every change of the connection's state. */
  readonly onState?: (state: LiveState) => void;
}

// ---------------------------------------------------------------------------------------------
// The interface

/**
 * Reads, writes and live changes of the whole loop. Reads that list return a {@link Page};
 * stored entities carry their `version`, which updates and deletes take back, so a change made
 * by someone else in between rejects with kind `conflict` (its `current` holds the entity as it
 * now is) instead of overwriting it.
 */
export interface HanseiAdapter {
  readonly capabilities: AdapterCapabilities;

  /** Who the caller is (the role of its token), so elements can show what the role allows. */
  session(options?: CallOptions): Promise<Session>;

  // status ----------------------------------------------------------------------------------
  /** The public page at first sight: page, state, components, groups, open incidents, maintenances. */
  status(options?: CallOptions): Promise<StatusSnapshot>;
  /** Daily uptime of every public component. */
  uptime(options?: UptimeOptions): Promise<readonly ComponentUptime[]>;
  /** Components in page order; with a token, non-public ones too. */
  listComponents(options?: CallOptions): Promise<readonly Stored<Component>[]>;
  listComponentGroups(options?: CallOptions): Promise<readonly Stored<ComponentGroup>[]>;
  /** Incidents, most recently started first; anonymous callers see public ones only. */
  listIncidents(query?: Partial<IncidentListQuery>, options?: CallOptions): Promise<Page<Stored<Incident>>>;
  getIncident(id: Id, options?: CallOptions): Promise<Stored<Incident>>;
  /** Maintenances, latest window first. */
  listMaintenances(query?: Partial<MaintenanceListQuery>, options?: CallOptions): Promise<Page<Stored<Maintenance>>>;
  getMaintenance(id: Id, options?: CallOptions): Promise<Stored<Maintenance>>;
  /** The public summary of an incident's published postmortem; rejects `not_found` when none. */
  getPostmortemSummary(incidentId: Id, options?: CallOptions): Promise<PostmortemSummary>;

  // incident work ---------------------------------------------------------------------------
  declareIncident(input: IncidentCreateRequest, options?: CreateOptions): Promise<Stored<Incident>>;
  updateIncident(id: Id, patch: IncidentPatchRequest, version: number, options?: CallOptions): Promise<Stored<Incident>>;
  postIncidentUpdate(id: Id, input: IncidentUpdatePostRequest, options?: CreateOptions): Promise<UpdatePosted>;
  /** The internal timeline, oldest first. */
  listTimeline(incidentId: Id, options?: CallOptions): Promise<readonly TimelineEvent[]>;
  addTimelineEvent(incidentId: Id, input: TimelineEventCreateRequest, options?: CreateOptions): Promise<TimelineEvent>;
  listIncidentRoles(incidentId: Id, options?: CallOptions): Promise<IncidentRoles>;
  assignRole(incidentId: Id, input: RoleAssignRequest, options?: CreateOptions): Promise<RoleAssignment>;
  handOffRole(incidentId: Id, input: RoleHandOffRequest, options?: CreateOptions): Promise<RoleHandOff>;
  releaseRole(incidentId: Id, input: RoleReleaseRequest, options?: CallOptions): Promise<RoleAssignment>;
  linkIncident(incidentId: Id, link: RelatedIncidentLinkRequest, options?: CallOptions): Promise<Stored<Incident>>;
  unlinkIncident(incidentId: Id, relatedId: Id, version: number, options?: CallOptions): Promise<Stored<Incident>>;
  /**
   * Incident templates: the kit's built-in ones first (`builtIn: true`, always version 1:
   * `degraded-performance`, `component-outage`, `security-internal`, `data-issue`), then the
   * organisation's own, oldest first. Reading needs the `incidents` area; an adapter without
   * templates of its own may answer with the built-in ones. core's `incidentTemplatePrefill`
   * turns one into what it fills in the incident form.
   */
  listIncidentTemplates(options?: CallOptions): Promise<readonly Stored<IncidentTemplate>[]>;
  /** One incident template, built-in or the organisation's; rejects `not_found` when there is none. */
  getIncidentTemplate(id: Id, options?: CallOptions): Promise<Stored<IncidentTemplate>>;
  /**
   * Adds an incident template of the organisation's own (admins; the `settings` area). Only the
   * name is required: blank text, null and empty lists prefill nothing. Rejects `conflict` when
   * the organisation already keeps 100.
   */
  createIncidentTemplate(input: IncidentTemplateCreateRequest, options?: CreateOptions): Promise<Stored<IncidentTemplate>>;
  /**
   * Changes one of the organisation's incident templates (admins; lists replace the stored
   * ones). A stale `version` rejects `conflict` with `current`; a built-in template rejects
   * `conflict` (copy it into a template of your own instead).
   */
  updateIncidentTemplate(id: Id, patch: IncidentTemplatePatchRequest, version: number, options?: CallOptions): Promise<Stored<IncidentTemplate>>;
  /** Deletes one of the organisation's incident templates (admins). Built-in ones reject `conflict`. */
  deleteIncidentTemplate(id: Id, version: number, options?: CallOptions): Promise<void>;

  // maintenances ----------------------------------------------------------------------------
  scheduleMaintenance(input: MaintenanceCreateRequest, options?: CreateOptions): Promise<Stored<Maintenance>>;
  updateMaintenance(id: Id, patch: MaintenancePatchRequest, version: number, options?: CallOptions): Promise<Stored<Maintenance>>;
  postMaintenanceUpdate(id: Id, input: MaintenanceUpdatePostRequest, options?: CreateOptions): Promise<Stored<Maintenance>>;
  deleteMaintenance(id: Id, version: number, options?: CallOptions): Promise<void>;

  // postmortems -----------------------------------------------------------------------------
  listPostmortems(query?: Partial<PostmortemListQuery>, options?: CallOptions): Promise<Page<Stored<Postmortem>>>;
  getPostmortem(id: Id, options?: CallOptions): Promise<Stored<Postmortem>>;
  createPostmortem(input: PostmortemCreateRequest, options?: CreateOptions): Promise<Stored<Postmortem>>;
  updatePostmortem(id: Id, patch: PostmortemPatchRequest, version: number, options?: CallOptions): Promise<Stored<Postmortem>>;
  deletePostmortem(id: Id, version: number, options?: CallOptions): Promise<void>;
  /**
   * Postmortem templates: the kit's built-in ones first (`builtIn: true`, always version 1:
   * the default, `google-sre`, `atlassian`, `pagerduty`), then the organisation's own, oldest
   * first. Reading needs the `postmortems` area; an adapter without templates of its own may
   * answer with the built-in ones.
   */
  listPostmortemTemplates(options?: CallOptions): Promise<readonly Stored<PostmortemTemplate>[]>;
  /** One template, built-in or the organisation's; rejects `not_found` when there is none. */
  getPostmortemTemplate(id: Id, options?: CallOptions): Promise<Stored<PostmortemTemplate>>;
  /**
   * Adds a template of the organisation's own (admins; the `settings` area). Sections with a key
   * the kit knows (`impact`, `timeline`, `response`, `contributing_factors`, `five_whys`,
   * `action_items`, `acknowledgements`) get the postmortem element's prefill or builder.
   * Rejects `conflict` when the organisation already keeps 100.
   */
  createPostmortemTemplate(input: PostmortemTemplateCreateRequest, options?: CreateOptions): Promise<Stored<PostmortemTemplate>>;
  /**
   * Changes one of the organisation's templates (admins; `sections` replaces the stored ones).
   * A stale `version` rejects `conflict` with `current`; a built-in template rejects `conflict`
   * (copy its sections into a template of your own instead). Postmortems keep the sections they
   * started with.
   */
  updatePostmortemTemplate(id: Id, patch: PostmortemTemplatePatchRequest, version: number, options?: CallOptions): Promise<Stored<PostmortemTemplate>>;
  /** Deletes one of the organisation's templates (admins). Built-in ones reject `conflict`. */
  deletePostmortemTemplate(id: Id, version: number, options?: CallOptions): Promise<void>;

  // prevention actions ----------------------------------------------------------------------
  /** Actions in board order (column, then rank). */
  listActions(query?: Partial<ActionListQuery>, options?: CallOptions): Promise<Page<Stored<PreventionAction>>>;
  getAction(id: Id, options?: CallOptions): Promise<Stored<PreventionAction>>;
  createAction(input: ActionCreateRequest, options?: CreateOptions): Promise<Stored<PreventionAction>>;
  updateAction(id: Id, patch: ActionPatchRequest, version: number, options?: CallOptions): Promise<Stored<PreventionAction>>;
  /** One card move: to another column and/or another place in one. */
  moveAction(id: Id, move: ActionMoveRequest, version: number, options?: CallOptions): Promise<Stored<PreventionAction>>;
  deleteAction(id: Id, version: number, options?: CallOptions): Promise<void>;

  // SLOs ------------------------------------------------------------------------------------
  listSlos(query?: Partial<SloListQuery>, options?: CallOptions): Promise<Page<Stored<Slo>>>;
  getSlo(id: Id, options?: CallOptions): Promise<Stored<Slo>>;
  getSloReport(id: Id, options?: CallOptions): Promise<SloReport>;
  createSlo(input: SloCreateRequest, options?: CreateOptions): Promise<Stored<Slo>>;
  updateSlo(id: Id, patch: SloPatchRequest, version: number, options?: CallOptions): Promise<Stored<Slo>>;
  deleteSlo(id: Id, version: number, options?: CallOptions): Promise<void>;
  /** Adds 1 to 10,000 SLI samples; resolves with how many were stored. */
  ingestSamples(id: Id, samples: readonly SliSample[], options?: CallOptions): Promise<number>;

  // people ----------------------------------------------------------------------------------
  listPeople(query?: Partial<ListQuery>, options?: CallOptions): Promise<Page<Stored<Person>>>;
  getPerson(id: Id, options?: CallOptions): Promise<Stored<Person>>;
  createPerson(input: PersonCreateRequest, options?: CreateOptions): Promise<Stored<Person>>;
  updatePerson(id: Id, patch: PersonPatchRequest, version: number, options?: CallOptions): Promise<Stored<Person>>;
  deletePerson(id: Id, version: number, options?: CallOptions): Promise<void>;

  // insights --------------------------------------------------------------------------------
  /** Metrics over [from, to) (default: the 12 weeks before now). */
  metrics(range?: { readonly from?: string; readonly to?: string }, options?: CallOptions): Promise<IncidentMetrics>;
  /** The weekly review of an ISO week (`2026-W48`; default: this week). */
  weeklyReview(week?: string, options?: CallOptions): Promise<WeeklyReview>;

  // settings --------------------------------------------------------------------------------
  getSeverityGuideline(options?: CallOptions): Promise<SeverityGuideline>;
  replaceSeverityGuideline(input: SeverityGuidelineReplaceRequest, options?: CallOptions): Promise<SeverityGuideline>;
  listRoles(options?: CallOptions): Promise<readonly RoleDefinition[]>;
  replaceRoles(roles: readonly RoleDefinition[], options?: CallOptions): Promise<readonly RoleDefinition[]>;
  getPage(options?: CallOptions): Promise<StatusPageInfo>;
  replacePage(input: PageInfoReplaceRequest, options?: CallOptions): Promise<StatusPageInfo>;
  createComponent(input: ComponentCreateRequest, options?: CreateOptions): Promise<Stored<Component>>;
  updateComponent(id: Id, patch: ComponentPatchRequest, version: number, options?: CallOptions): Promise<Stored<Component>>;
  deleteComponent(id: Id, version: number, options?: CallOptions): Promise<void>;
  createComponentGroup(input: ComponentGroupCreateRequest, options?: CreateOptions): Promise<Stored<ComponentGroup>>;
  updateComponentGroup(id: Id, patch: ComponentGroupPatchRequest, version: number, options?: CallOptions): Promise<Stored<ComponentGroup>>;
  deleteComponentGroup(id: Id, version: number, options?: CallOptions): Promise<void>;
  listTokens(options?: CallOptions): Promise<readonly TokenRecord[]>;
  createToken(input: TokenCreateRequest, options?: CreateOptions): Promise<CreatedToken>;
  revokeToken(id: Id, options?: CallOptions): Promise<void>;

  // live ------------------------------------------------------------------------------------
  /**
   * Calls `listener` with every change as it happens until `options.signal` aborts or the
   * returned function is called. Connection trouble is retried with backoff and resumes where it
   * stopped; `options.onState` hears about it. With `capabilities.live` false, it only reports
   * `closed`.
   */
  subscribe(listener: (change: Change) => void, options?: SubscribeOptions): () => void;
}

/**
 * The part of {@link HanseiAdapter} a public status page needs: the status area's reads and live
 * changes. Status elements accept any adapter that has these (every full adapter does), so a
 * page can ship a small one (`RestStatusAdapter`).
 */
export type StatusAdapter = Pick<
  HanseiAdapter,
  | 'capabilities'
  | 'session'
  | 'status'
  | 'uptime'
  | 'listComponents'
  | 'listComponentGroups'
  | 'listIncidents'
  | 'getIncident'
  | 'listMaintenances'
  | 'getMaintenance'
  | 'getPostmortemSummary'
  | 'getPage'
  | 'subscribe'
>;
