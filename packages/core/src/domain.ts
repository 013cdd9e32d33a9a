/**
 * The Hansei domain: every entity the kit speaks about, as plain serialisable data.
 *
 * Conventions
 * - Ids are opaque strings.
 * - Instants are ISO 8601 strings in UTC (`2026-11-25T09:30:00.000Z`), except SLI samples, whose
 *   `at` is epoch milliseconds (they come in tens of thousands; see {@link SliSample}).
 * - Calendar dates (due dates) are `YYYY-MM-DD`.
 * - Text a person reads in the UI and an organisation configures (severity criteria, role
 *   responsibilities) is {@link LocalizedText}: English always, Japanese when given.
 */

/** An opaque identifier. */
export type Id = string;
/** An instant, ISO 8601 in UTC. */
export type IsoDateTime = string;
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export const LOCALES = ['en', 'ja'] as const;
/** The languages the kit ships. */
export type Locale = (typeof LOCALES)[number];

/** Organisation-configured text, English required, Japanese optional (English is the fallback). */
export interface LocalizedText {
  readonly en: string;
  readonly ja?: string;
}

// ---------------------------------------------------------------------------------------------
// Components

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
/** Status of a component, with Statuspage's names. */
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** A named group of components on the status page. */
export interface ComponentGroup {
  readonly id: Id;
  readonly name: string;
  readonly description: string | null;
  /** Order on the page, ascending. */
  readonly position: number;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

/** A service shown on the status page. */
export interface Component {
  readonly id: Id;
  readonly name: string;
  readonly description: string | null;
  readonly status: ComponentStatus;
  readonly groupId: Id | null;
  /** Order within its group (or the page), ascending. */
  readonly position: number;
  /** Shown on the public page at all. */
  readonly showcase: boolean;
  /** Hidden while operational. */
  readonly onlyShowIfDegraded: boolean;
  /** First day the component counts for uptime. */
  readonly startDate: IsoDate | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

/** One entry of a component's status history: from `at` on, the component had `status`. */
export interface ComponentStatusChange {
  readonly componentId: Id;
  readonly status: ComponentStatus;
  readonly at: IsoDateTime;
  readonly incidentId: Id | null;
  readonly maintenanceId: Id | null;
}

/** A component status that an incident or maintenance sets. */
export interface AffectedComponent {
  readonly componentId: Id;
  readonly status: ComponentStatus;
}

/** A component's status change as recorded on an update (Statuspage's `affected_components`). */
export interface ComponentTransition {
  readonly componentId: Id;
  readonly name: string;
  readonly oldStatus: ComponentStatus;
  readonly newStatus: ComponentStatus;
}

// ---------------------------------------------------------------------------------------------
// The status page as a whole

/** The public page: Statuspage's `page` object. */
export interface StatusPageInfo {
  readonly id: Id;
  readonly name: string;
  /** Public URL of the page. */
  readonly url: string;
  /** IANA time zone the page reports in. */
  readonly timeZone: string;
  readonly updatedAt: IsoDateTime;
}

export const PAGE_INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
/** The page's overall state, as Statuspage's `status.indicator`. */
export type PageIndicator = (typeof PAGE_INDICATORS)[number];

/** The page's overall state in words and its indicator (Statuspage's `status`). */
export interface PageStatus {
  readonly indicator: PageIndicator;
  /** "All Systems Operational", "Partial System Outage", ... */
  readonly description: string;
}

// ---------------------------------------------------------------------------------------------
// Severity guideline

export const PAGE_POLICIES = ['immediately', 'working_hours', 'none'] as const;
/** When responders are paged. */
export type PagePolicy = (typeof PAGE_POLICIES)[number];

export const REQUIREMENT_LEVELS = ['required', 'recommended', 'optional'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/** What a severity level demands of the organisation. */
export interface SeverityDemands {
  readonly page: PagePolicy;
  readonly publicUpdate: RequirementLevel;
  readonly postmortem: RequirementLevel;
  /** Acknowledge within this many minutes; null: no target. */
  readonly acknowledgeWithinMinutes: number | null;
  /** Post a public update at least this often while open; null: no target. */
  readonly updateEveryMinutes: number | null;
  /** Priority prevention actions due within this many days of resolution; null: no target. */
  readonly actionsDueWithinDays: number | null;
  /** Roles that must be filled while the incident is open. */
  readonly requiredRoles: readonly RoleKey[];
  /** Further demands in words (who to tell, who approves messages). */
  readonly notes: readonly LocalizedText[];
}

/** One level of the organisation's severity scale. */
export interface SeverityLevel {
  /** The code people say, `SEV1`. Unique within the guideline. */
  readonly code: string;
  /** 1 is the most severe; ranks are unique and ascending in the guideline. */
  readonly rank: number;
  readonly name: LocalizedText;
  /** When this level applies: any one criterion is enough. */
  readonly criteria: readonly LocalizedText[];
  readonly demands: SeverityDemands;
}

/** The organisation's severity scale (default: SEV1..SEV4). */
export interface SeverityGuideline {
  readonly levels: readonly SeverityLevel[];
  /** Advice shown beside the choice, e.g. "When unsure, pick the higher severity." */
  readonly whenUnsure: LocalizedText;
  readonly updatedAt: IsoDateTime;
}

// ---------------------------------------------------------------------------------------------
// People and roles

/** Someone who can respond, own actions or write postmortems. Internal: never public. */
export interface Person {
  readonly id: Id;
  readonly name: string;
  readonly email: string | null;
  /** Chat handle, without the `@`. */
  readonly handle: string | null;
  /** IANA time zone. */
  readonly timeZone: string | null;
}

/** A role key: one of {@link DEFAULT_ROLE_KEYS} or an organisation's own. */
export type RoleKey = string;

export const DEFAULT_ROLE_KEYS = [
  'incident_commander',
  'deputy',
  'communications',
  'operations_lead',
  'scribe',
  'subject_matter_expert',
] as const;

/** A role in the incident structure. */
export interface RoleDefinition {
  readonly key: RoleKey;
  readonly name: LocalizedText;
  readonly responsibilities: readonly LocalizedText[];
  /** Several people may hold it at once (subject-matter experts). */
  readonly multiple: boolean;
  /** Taking it over is a hand-off of command. */
  readonly command: boolean;
}

/**
 * One person holding one role for a span of time. History is never overwritten: a hand-off ends
 * one assignment (`releasedAt`, `handedOffTo`) and starts another.
 */
export interface RoleAssignment {
  readonly id: Id;
  readonly incidentId: Id;
  readonly role: RoleKey;
  readonly personId: Id;
  readonly assignedAt: IsoDateTime;
  /** Who made the assignment; null when unknown. */
  readonly assignedBy: Id | null;
  readonly releasedAt: IsoDateTime | null;
  /** The assignment that took over from this one, when it ended in a hand-off. */
  readonly handedOffTo: Id | null;
  readonly note: string | null;
}

// ---------------------------------------------------------------------------------------------
// Incidents

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
/** Public impact, with Statuspage's names. */
export type Impact = (typeof IMPACTS)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A message about an incident: public ones go on the status page. */
export interface IncidentUpdate {
  readonly id: Id;
  readonly incidentId: Id;
  readonly status: IncidentStatus;
  readonly body: string;
  readonly visibility: Visibility;
  readonly authorId: Id | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** When the page shows it as posted (may be backdated). */
  readonly displayAt: IsoDateTime;
  readonly affectedComponents: readonly ComponentTransition[] | null;
}

export const TIMELINE_EVENT_KINDS = [
  'note',
  'detected',
  'acknowledged',
  'status_changed',
  'severity_changed',
  'update_posted',
  'role_changed',
  'component_changed',
  'action',
  'mitigated',
  'resolved',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** An entry of the internal incident log. Internal: never public. */
export interface TimelineEvent {
  readonly id: Id;
  readonly incidentId: Id;
  readonly kind: TimelineEventKind;
  readonly at: IsoDateTime;
  readonly body: string;
  readonly authorId: Id | null;
  /** Optional link to a dashboard, log query or chat message. */
  readonly link: string | null;
}

export const INCIDENT_RELATIONS = ['recurrence_of', 'related'] as const;
/** `recurrence_of`: the same problem happened before (counts for recurrence). */
export type IncidentRelation = (typeof INCIDENT_RELATIONS)[number];

export interface RelatedIncident {
  readonly incidentId: Id;
  readonly relation: IncidentRelation;
}

/** An incident, with its updates. Role assignments and the timeline are fetched on their own. */
export interface Incident {
  readonly id: Id;
  readonly title: string;
  /** Customer-facing summary. */
  readonly summary: string;
  /** Code of a level of the severity guideline, e.g. `SEV2`. */
  readonly severity: string;
  readonly impact: Impact;
  readonly status: IncidentStatus;
  readonly visibility: Visibility;
  readonly components: readonly AffectedComponent[];
  readonly labels: readonly string[];
  readonly related: readonly RelatedIncident[];
  readonly startedAt: IsoDateTime;
  readonly detectedAt: IsoDateTime;
  readonly acknowledgedAt: IsoDateTime | null;
  readonly mitigatedAt: IsoDateTime | null;
  readonly resolvedAt: IsoDateTime | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** Newest first. */
  readonly updates: readonly IncidentUpdate[];
  readonly postmortemId: Id | null;
}

/**
 * What a responder declares from: a name, and the fields it prefills in the incident form. The
 * kit ships built-in templates (see `incident-templates.ts`); an organisation adds its own,
 * which a backend stores. Text is {@link LocalizedText}, so one template serves English and
 * Japanese responders; a blank English text (and null, and an empty list) prefills nothing, so
 * the form keeps what the person already chose.
 */
export interface IncidentTemplate {
  readonly id: Id;
  readonly name: LocalizedText;
  /** When to use it, shown beside the name. */
  readonly description: LocalizedText;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** A code of the severity guideline, or null. */
  readonly severity: string | null;
  readonly impact: Impact | null;
  readonly visibility: Visibility | null;
  readonly components: readonly AffectedComponent[];
  readonly labels: readonly string[];
  /** The first public update's message. */
  readonly updateBody: LocalizedText;
  /** Shipped with the kit: the same on every backend, and read-only. False for an organisation's own. */
  readonly builtIn: boolean;
}

// ---------------------------------------------------------------------------------------------
// Maintenances

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export interface MaintenanceUpdate {
  readonly id: Id;
  readonly maintenanceId: Id;
  readonly status: MaintenanceStatus;
  readonly body: string;
  readonly createdAt: IsoDateTime;
  readonly displayAt: IsoDateTime;
}

/** A scheduled maintenance window. */
export interface Maintenance {
  readonly id: Id;
  readonly title: string;
  readonly summary: string;
  readonly status: MaintenanceStatus;
  readonly scheduledFor: IsoDateTime;
  readonly scheduledUntil: IsoDateTime;
  readonly components: readonly Id[];
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** Newest first. */
  readonly updates: readonly MaintenanceUpdate[];
}

// ---------------------------------------------------------------------------------------------
// Postmortems

export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

export const POSTMORTEM_SECTION_KEYS = [
  'summary',
  'impact',
  'detection',
  'response',
  'recovery',
  'timeline',
  'contributing_factors',
  'trigger',
  'five_whys',
  'what_went_well',
  'what_went_wrong',
  'where_we_got_lucky',
  'lessons',
] as const;
/** A section key: one of {@link POSTMORTEM_SECTION_KEYS} or a template's own. */
export type PostmortemSectionKey = string;

/** One section of a postmortem: Markdown text. */
export interface PostmortemSection {
  readonly key: PostmortemSectionKey;
  readonly title: string;
  readonly body: string;
}

export const CONTRIBUTING_FACTOR_CATEGORIES = [
  'product_quality',
  'architecture_infrastructure',
  'release_monitoring_operations',
  'cross_team_coordination',
  'skills',
  'culture',
] as const;
export type ContributingFactorCategory = (typeof CONTRIBUTING_FACTOR_CATEGORIES)[number];

export interface ContributingFactor {
  readonly id: Id;
  readonly category: ContributingFactorCategory;
  readonly description: string;
}

/** One step of a five-whys chain. */
export interface WhyStep {
  readonly question: string;
  readonly answer: string;
}

/** Thanks to someone who helped. */
export interface Acknowledgement {
  readonly personId: Id | null;
  readonly name: string;
  readonly note: string;
}

/** A blameless postmortem of one incident. */
export interface Postmortem {
  readonly id: Id;
  readonly incidentId: Id;
  readonly title: string;
  readonly ownerId: Id | null;
  readonly status: PostmortemStatus;
  readonly templateId: Id;
  readonly sections: readonly PostmortemSection[];
  readonly contributingFactors: readonly ContributingFactor[];
  readonly fiveWhys: readonly WhyStep[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly labels: readonly string[];
  /** Shown on the public status page once published. */
  readonly publicSummary: string | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  readonly publishedAt: IsoDateTime | null;
}

/** One section of a postmortem template. */
export interface PostmortemTemplateSection {
  readonly key: PostmortemSectionKey;
  readonly title: LocalizedText;
  /** A guiding question shown while writing. */
  readonly prompt: LocalizedText;
  readonly required: boolean;
}

/**
 * The structure a postmortem starts from: its sections in order, each with a guiding prompt.
 * The kit ships built-in templates (see `postmortem-templates.ts`: the kit's default, the Google
 * SRE book's, Atlassian's and PagerDuty's); an organisation adds its own, which a backend stores.
 */
export interface PostmortemTemplate {
  readonly id: Id;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly sections: readonly PostmortemTemplateSection[];
  /** Shipped with the kit: the same on every backend, and read-only. False for an organisation's own. */
  readonly builtIn: boolean;
}

// ---------------------------------------------------------------------------------------------
// Prevention actions

export const ACTION_KINDS = ['mitigate', 'prevent', 'detect', 'process', 'remove'] as const;
/**
 * `mitigate`: short-term fix; `prevent`: root-cause countermeasure; `detect`: find it sooner;
 * `process`: change how people work; `remove`: stop doing something that no longer helps.
 */
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['todo', 'in_progress', 'in_review', 'done', 'wont_do'] as const;
/** The prevention board's columns. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_EFFECTIVENESS = ['unverified', 'effective', 'recurred'] as const;
/** Whether a done action was verified effective, or its incident recurred after it was done. */
export type ActionEffectiveness = (typeof ACTION_EFFECTIVENESS)[number];

/** A prevention action, linked to the incidents that produced it. */
export interface PreventionAction {
  readonly id: Id;
  readonly title: string;
  readonly description: string;
  /** One or more. */
  readonly incidentIds: readonly Id[];
  readonly postmortemId: Id | null;
  readonly kind: ActionKind;
  readonly ownerId: Id | null;
  readonly dueDate: IsoDate | null;
  readonly status: ActionStatus;
  /** Order within a column: compare as strings (see `rankBetween`). */
  readonly rank: string;
  /** Jira, Linear or any tracker. */
  readonly externalUrl: string | null;
  readonly effectiveness: ActionEffectiveness;
  readonly completedAt: IsoDateTime | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

// ---------------------------------------------------------------------------------------------
// SLOs (OpenSLO-shaped)

export const BUDGETING_METHODS = ['Occurrences', 'Timeslices'] as const;
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** A ratio SLI: good events over total events. The strings name the queries or metrics. */
export interface RatioIndicator {
  readonly good: string;
  readonly total: string;
}

/** A rolling window (`{ duration: '28d', isRolling: true }`). */
export interface RollingWindow {
  /** `<n>m`, `<n>h`, `<n>d` or `<n>w`. */
  readonly duration: string;
  readonly isRolling: true;
}

/** A calendar window (`{ duration: '1M', isRolling: false, calendar: {...} }`). */
export interface CalendarWindow {
  /** `<n>d`, `<n>w`, `<n>M` (months), `<n>Q` (quarters) or `<n>Y`. */
  readonly duration: string;
  readonly isRolling: false;
  readonly calendar: {
    /** Any instant on a boundary of the window: windows repeat from it. */
    readonly startTime: IsoDateTime;
    /** IANA time zone the calendar runs in. */
    readonly timeZone: string;
  };
}

export type TimeWindow = RollingWindow | CalendarWindow;

export interface SloObjective {
  /** In [0, 1): 0.999 for three nines. */
  readonly target: number;
  /** Timeslices only: a slice is good when its ratio reaches this. */
  readonly timeSliceTarget: number | null;
  /** Timeslices only: slice length, `<n>m` or `<n>h`. */
  readonly timeSliceWindow: string | null;
}

/** A service level objective. */
export interface Slo {
  readonly id: Id;
  readonly name: string;
  readonly description: string;
  readonly service: string;
  /** The status-page component it measures, if any. */
  readonly componentId: Id | null;
  readonly indicator: RatioIndicator;
  readonly timeWindow: TimeWindow;
  readonly budgetingMethod: BudgetingMethod;
  readonly objective: SloObjective;
  readonly labels: readonly string[];
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

/**
 * Counts of good and total events over one interval starting at `at` (epoch milliseconds) and
 * lasting until the next sample. Epoch milliseconds rather than ISO strings: a month of
 * per-minute samples is 43,200 of them.
 */
export interface SliSample {
  readonly at: number;
  readonly good: number;
  readonly total: number;
}

export const ALERT_STATES = ['page', 'ticket', 'ok'] as const;
/** SRE-workbook alert severity: `page` wakes someone, `ticket` waits for working hours. */
export type AlertState = (typeof ALERT_STATES)[number];

/** A multiwindow burn-rate alert rule. */
export interface BurnRateWindowPair {
  readonly severity: Exclude<AlertState, 'ok'>;
  /** Long window in milliseconds. */
  readonly longMs: number;
  /** Short window in milliseconds. */
  readonly shortMs: number;
  /** Burn rate both windows must exceed. */
  readonly threshold: number;
}

/** The burn rate observed for one window pair. */
export interface BurnRate extends BurnRateWindowPair {
  /** Burn rate over the long window; null when it saw no events. */
  readonly longRate: number | null;
  readonly shortRate: number | null;
  /** Both windows at or above the threshold. */
  readonly firing: boolean;
}

/** The error budget an incident consumed. */
export interface IncidentBudgetUse {
  readonly incidentId: Id;
  /** Bad events (Occurrences) or bad slices (Timeslices) within the incident. */
  readonly bad: number;
  /** Fraction of the window's whole budget, e.g. 0.12 for 12 %. */
  readonly budgetFraction: number;
}

/** One point of the budget-over-the-window series. */
export interface BudgetPoint {
  readonly at: number;
  /** Fraction of budget left at `at`: 1 at the window's start, negative when overspent. */
  readonly remaining: number;
}

/** Everything the SLO gauge shows. */
export interface SloReport {
  readonly sloId: Id;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly target: number;
  readonly budgetingMethod: BudgetingMethod;
  /** Good events (Occurrences) or good slices (Timeslices) in the window. */
  readonly good: number;
  readonly total: number;
  /** good / total; null when nothing was measured. */
  readonly attainment: number | null;
  /** (1 - target) * total: how many bad events or slices the window allows. */
  readonly budgetTotal: number;
  readonly budgetConsumed: number;
  /** 1 - consumed / total; 1 when nothing was measured; negative when overspent. */
  readonly budgetRemaining: number;
  readonly burnRates: readonly BurnRate[];
  readonly alert: AlertState;
  /** Milliseconds until the budget is gone at the current (1h) burn rate; null: not burning. */
  readonly timeToExhaustionMs: number | null;
  readonly budgetSeries: readonly BudgetPoint[];
  readonly incidents: readonly IncidentBudgetUse[];
}

// ---------------------------------------------------------------------------------------------
// Access tokens

export const TOKEN_ROLES = ['viewer', 'responder', 'admin'] as const;
/** What a bearer token may do: `viewer` reads, `responder` also writes incidents and their work, `admin` also configures. */
export type TokenRole = (typeof TOKEN_ROLES)[number];
