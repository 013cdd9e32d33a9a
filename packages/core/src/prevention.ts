/**
 * Prevention analytics: the balance of short-term fixes and root-cause countermeasures, what is
 * overdue or due soon, and which done actions did not stop their incident from recurring.
 */
import { ACTION_KINDS } from './domain.js';
import type { ActionKind, Id, Incident, IsoDate, PreventionAction } from './domain.js';
import { DAY_MS, dateMs, toMs } from './time.js';

export const ACTION_HORIZONS = ['short_term', 'root_cause'] as const;
/** Whether an action treats the symptom now or changes what made the incident possible. */
export type ActionHorizon = (typeof ACTION_HORIZONS)[number];

/**
 * The horizon of each action kind:
 * - `mitigate` is `short_term`: it limits the damage of this incident (a workaround, a rollback
 *   made permanent, more capacity) and leaves the cause in place;
 * - `detect` is `short_term`: finding the next occurrence sooner shortens it but does not stop
 *   it happening;
 * - `prevent` is `root_cause`: a countermeasure against the cause itself;
 * - `process` is `root_cause`: many causes are in how people work (release and monitoring
 *   procedures, coordination, skills), and changing that is a countermeasure;
 * - `remove` is `root_cause`: stopping something that should no longer be done takes away a
 *   source of incidents rather than adding another safeguard.
 *
 * The talk this kit comes from names "the balance of short-term fixes vs root-cause
 * countermeasures" and "prevention measures that miss the real cause, so the incident recurs"
 * among its hard problems; {@link actionMix} and {@link recurredAfterDone} measure both.
 */
export const ACTION_HORIZON: Readonly<Record<ActionKind, ActionHorizon>> = {
  mitigate: 'short_term',
  detect: 'short_term',
  prevent: 'root_cause',
  process: 'root_cause',
  remove: 'root_cause',
};

/** The mix of kinds among prevention actions. */
export interface ActionMix {
  /** Actions counted (those not `wont_do`). */
  readonly total: number;
  readonly byKind: Readonly<Record<ActionKind, number>>;
  readonly byHorizon: Readonly<Record<ActionHorizon, number>>;
  /** Root-cause actions / total; null when there are none at all. */
  readonly rootCauseShare: number | null;
  /** No root-cause action yet: only short-term ones, or no actions at all. */
  readonly needsRootCause: boolean;
}

/**
 * Counts per kind and per horizon (see {@link ACTION_HORIZON}) of the actions, leaving out those
 * the team decided not to do (`wont_do`). With `incidentId`, only the actions linked to that
 * incident count. `needsRootCause` is true when no counted action is a root-cause one, including
 * when there are none: an incident with no countermeasure needs one. Throws a RangeError naming
 * the action for an unknown kind.
 */
export function actionMix(actions: readonly PreventionAction[], incidentId?: Id): ActionMix {
  const byKind = Object.fromEntries(ACTION_KINDS.map((kind) => [kind, 0])) as Record<ActionKind, number>;
  const byHorizon: Record<ActionHorizon, number> = { short_term: 0, root_cause: 0 };
  let total = 0;
  for (const action of actions) {
    if (action.status === 'wont_do') continue;
    if (incidentId !== undefined && !action.incidentIds.includes(incidentId)) continue;
    const horizon = Object.hasOwn(ACTION_HORIZON, action.kind) ? ACTION_HORIZON[action.kind] : undefined;
    if (horizon === undefined) {
      throw new RangeError(
        `Invalid kind "${action.kind}" of action "${action.id}": expected one of ${ACTION_KINDS.join(', ')}.`,
      );
    }
    byKind[action.kind]++;
    byHorizon[horizon]++;
    total++;
  }
  return {
    total,
    byKind,
    byHorizon,
    rootCauseShare: total === 0 ? null : byHorizon.root_cause / total,
    needsRootCause: byHorizon.root_cause === 0,
  };
}

/** An open action past its due date. */
export interface OverdueAction {
  readonly action: PreventionAction;
  /** Whole days between the due date and today; at least 1. */
  readonly daysOverdue: number;
}

/**
 * Open actions (neither `done` nor `wont_do`) whose due date is before `today` (`YYYY-MM-DD`,
 * the viewer's calendar date), most overdue first; ties in board order (rank, then id).
 * Actions without a due date are never overdue. Throws a RangeError naming the value for an
 * invalid `today` or due date.
 */
export function overdueActions(actions: readonly PreventionAction[], today: IsoDate): OverdueAction[] {
  const todayMs = dateMs(today, 'today');
  const overdue: OverdueAction[] = [];
  for (const action of actions) {
    if (!isOpen(action) || action.dueDate === null) continue;
    const due = dateMs(action.dueDate, `due date of action "${action.id}"`);
    if (due < todayMs) overdue.push({ action, daysOverdue: Math.round((todayMs - due) / DAY_MS) });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || boardOrder(a.action, b.action));
}

/**
 * Open actions (neither `done` nor `wont_do`) due from `from` to `to`, both included
 * (`YYYY-MM-DD`): what the weekly review looks at, e.g. this Monday to Sunday. Sorted by due
 * date, then board order (rank, then id). Throws a RangeError naming the value for an invalid
 * date or when `from` is after `to`.
 */
export function dueBetween(actions: readonly PreventionAction[], from: IsoDate, to: IsoDate): PreventionAction[] {
  const fromMs = dateMs(from, 'from');
  const toMsValue = dateMs(to, 'to');
  if (fromMs > toMsValue) {
    throw new RangeError(`Invalid range: from "${from}" is after to "${to}"; expected from <= to.`);
  }
  const due: PreventionAction[] = [];
  for (const action of actions) {
    if (!isOpen(action) || action.dueDate === null) continue;
    const ms = dateMs(action.dueDate, `due date of action "${action.id}"`);
    if (ms >= fromMs && ms <= toMsValue) due.push(action);
  }
  return due.sort((a, b) => compareText(a.dueDate!, b.dueDate!) || boardOrder(a, b));
}

/** A done action whose incident happened again after it was done. */
export interface MissedPrevention {
  readonly action: PreventionAction;
  /** The incidents that recurred after `completedAt`, oldest first. */
  readonly recurrenceIds: readonly Id[];
}

/**
 * "Prevention that missed": done actions (status `done` with `completedAt`) one of whose
 * incidents recurred afterwards, i.e. a later incident has a `related` entry `recurrence_of`
 * pointing to one of the action's incidents and started after `completedAt`. Actions keep the
 * order given; each lists its recurring incidents oldest first. Actions done without a
 * `completedAt` cannot be judged and are left out. Throws a RangeError naming the value for an
 * invalid instant.
 */
export function recurredAfterDone(
  actions: readonly PreventionAction[],
  incidents: readonly Pick<Incident, 'id' | 'startedAt' | 'related'>[],
): MissedPrevention[] {
  // For each incident, the incidents that are recurrences of it.
  const recurrences = new Map<Id, { id: Id; startedAt: number }[]>();
  for (const incident of incidents) {
    for (const link of incident.related) {
      if (link.relation !== 'recurrence_of') continue;
      const list = recurrences.get(link.incidentId) ?? [];
      list.push({ id: incident.id, startedAt: toMs(incident.startedAt) });
      recurrences.set(link.incidentId, list);
    }
  }
  const missed: MissedPrevention[] = [];
  for (const action of actions) {
    if (action.status !== 'done' || action.completedAt === null) continue;
    const done = toMs(action.completedAt);
    const found = new Map<Id, number>();
    for (const incidentId of action.incidentIds) {
      for (const r of recurrences.get(incidentId) ?? []) if (r.startedAt > done) found.set(r.id, r.startedAt);
    }
    if (found.size === 0) continue;
    const recurrenceIds = [...found].sort((a, b) => a[1] - b[1] || compareText(a[0], b[0])).map(([id]) => id);
    missed.push({ action, recurrenceIds });
  }
  return missed;
}

function isOpen(action: PreventionAction): boolean {
  return action.status !== 'done' && action.status !== 'wont_do';
}

/** Rank order on the board (plain string comparison), then id. */
function boardOrder(a: PreventionAction, b: PreventionAction): number {
  return compareText(a.rank, b.rank) || compareText(a.id, b.id);
}

/** Plain code-unit order, as `<` compares strings (not locale order). */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
