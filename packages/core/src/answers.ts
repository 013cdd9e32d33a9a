/**
 * The shapes a backend answers with beyond single entities: a stored entity with its version,
 * pages of lists, the public status snapshot, uptime, role boards, insights and sessions. The
 * reference server answers with them, the adapters return them, and their schemas (schemas.ts)
 * describe them in the OpenAPI document, so no side writes them twice.
 */
import type {
  Component,
  ComponentGroup,
  Id,
  Incident,
  IncidentUpdate,
  IsoDateTime,
  Maintenance,
  PageStatus,
  Postmortem,
  PreventionAction,
  RoleAssignment,
  RoleKey,
  Slo,
  SloReport,
  StatusPageInfo,
  TokenRole,
} from './domain.js';
import type { MttxReport, RecurrenceReport, WeekCounts } from './metrics.js';
import type { ActionMix, MissedPrevention, OverdueAction } from './prevention.js';
import type { DayUptime } from './uptime.js';

/**
 * An entity as a backend stores it: with its version, which changes on every write. Writes send
 * it back (`If-Match: "<version>"`), so a change made in between is a conflict, never a silent
 * overwrite.
 */
export type Stored<T> = T & { readonly version: number };

/** One page of a list: pass `nextCursor` back as `cursor` for the next; null on the last page. */
export interface Page<T> {
  readonly data: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Everything the public status page shows at first sight, in one document: the page, its state
 * in words, the visible components and groups, unresolved public incidents, and maintenances
 * upcoming or in progress.
 */
export interface StatusSnapshot {
  readonly page: StatusPageInfo;
  readonly status: PageStatus;
  readonly groups: readonly ComponentGroup[];
  /** Public components in page order, with the statuses the page shows. */
  readonly components: readonly Component[];
  /** Public incidents not yet resolved, most recently started first. */
  readonly incidents: readonly Incident[];
  /** Maintenances scheduled, in progress or verifying, soonest first. */
  readonly maintenances: readonly Maintenance[];
  /** When the backend produced it. */
  readonly generatedAt: IsoDateTime;
}

/** Daily uptime of one component, oldest day first. */
export interface ComponentUptime {
  readonly componentId: Id;
  readonly days: readonly DayUptime[];
}

/** Who holds an incident's roles, the full history (oldest first), and required roles nobody holds. */
export interface IncidentRoles {
  readonly current: readonly RoleAssignment[];
  readonly history: readonly RoleAssignment[];
  readonly missing: readonly RoleKey[];
}

/** A hand-off: the assignment that ended and the one that took over. */
export interface RoleHandOff {
  readonly released: RoleAssignment;
  readonly assignment: RoleAssignment;
}

/** A posted incident update and the incident as it now is. */
export interface UpdatePosted {
  readonly update: IncidentUpdate;
  readonly incident: Stored<Incident>;
}

/** What the status page shows of a published postmortem. */
export interface PostmortemSummary {
  readonly incidentId: Id;
  readonly title: string;
  readonly publicSummary: string;
  readonly publishedAt: IsoDateTime;
}

/** Incident metrics over a time range: MTTx, weekly counts by severity, recurrence, action mix. */
export interface IncidentMetrics {
  readonly from: IsoDateTime;
  readonly to: IsoDateTime;
  /** The severity codes counted, in guideline order. */
  readonly severities: readonly string[];
  readonly mttx: MttxReport;
  readonly weeks: readonly WeekCounts[];
  readonly recurrence: RecurrenceReport;
  readonly actionMix: ActionMix;
}

/** The weekly review: the week's incidents, actions due and overdue, SLOs burning, postmortems waiting. */
export interface WeeklyReview {
  /** ISO week, `2026-W48`. */
  readonly week: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly asOf: IsoDateTime;
  readonly incidents: readonly Stored<Incident>[];
  readonly actionsDue: readonly Stored<PreventionAction>[];
  readonly actionsOverdue: readonly OverdueAction[];
  readonly slosBurning: readonly { readonly slo: Stored<Slo>; readonly report: SloReport }[];
  readonly postmortemsInReview: readonly Stored<Postmortem>[];
  readonly recurredAfterDone: readonly MissedPrevention[];
}

/** An API token as admins see it (never its secret). */
export interface TokenRecord {
  readonly id: Id;
  readonly name: string;
  readonly role: TokenRole;
  readonly createdAt: IsoDateTime;
  readonly lastUsedAt: IsoDateTime | null;
  readonly revokedAt: IsoDateTime | null;
}

/** A token just created: its record and its secret, shown this once. */
export interface CreatedToken extends TokenRecord {
  readonly token: string;
}

/** Who the caller is: the role of its token, or null when anonymous. */
export interface Session {
  readonly role: TokenRole | null;
  /** The token's id and name; null when anonymous. */
  readonly token: { readonly id: Id; readonly name: string } | null;
}
