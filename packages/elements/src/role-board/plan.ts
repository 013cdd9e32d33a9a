/**
 * The role board's logic, apart from the DOM: what a drop or a menu choice means (assign, add,
 * hand off, move, release), how the board looks while those writes are still under way
 * (optimistic view), and which roles are missing.
 */
import { missingRoles, type Id, type RoleAssignment, type RoleDefinition, type RoleKey, type SeverityGuideline } from '@hansei/core';

/** One write to the adapter, with what the board shows until it is confirmed. */
export type Step =
  | { readonly kind: 'assign'; readonly role: RoleKey; readonly personId: Id; readonly tempId: Id; readonly at: string }
  | { readonly kind: 'handOff'; readonly assignmentId: Id; readonly personId: Id; readonly tempId: Id; readonly at: string }
  | { readonly kind: 'release'; readonly assignmentId: Id; readonly at: string };

/** Someone (from the people list, or from one of their roles) going into a role. */
export interface Move {
  readonly personId: Id;
  /** The assignment they are dragged out of; null when they come from the people list. */
  readonly fromAssignmentId: Id | null;
  readonly role: RoleKey;
}

/**
 * What a move means:
 * - `assign`: the role was free; `add`: a role several people hold;
 * - `handOff`: the role (command, or any single-holder role) was held by `previous`, who hands
 *   it over: both assignments stay in the history;
 * - any of these with `from`: the person also leaves the role they were dragged out of.
 * Or why nothing happens: `same-role` (dropped back where they were), `already-holds`.
 */
export type Plan =
  | {
      readonly ok: true;
      readonly kind: 'assign' | 'add' | 'handOff';
      readonly steps: readonly Step[];
      readonly role: RoleKey;
      readonly personId: Id;
      /** The assignment handed off (kind `handOff`). */
      readonly previous: RoleAssignment | null;
      /** The assignment the person leaves (a move out of another role). */
      readonly from: RoleAssignment | null;
    }
  | { readonly ok: false; readonly reason: 'same-role' | 'already-holds' | 'unknown' };

/** What the steps need besides the move: a fresh temporary id per new assignment, and now. */
export interface PlanContext {
  readonly newId: () => Id;
  readonly now: string;
}

/**
 * The writes that put `move.personId` into `move.role`, given the open assignments `current`.
 * Single-holder roles already held are handed off (never overwritten); roles several may hold
 * get one more holder.
 */
export function planMove(definitions: readonly RoleDefinition[], current: readonly RoleAssignment[], move: Move, context: PlanContext): Plan {
  const definition = definitions.find((d) => d.key === move.role);
  const from = move.fromAssignmentId === null ? null : (current.find((a) => a.id === move.fromAssignmentId) ?? null);
  if (!definition || (move.fromAssignmentId !== null && !from)) return { ok: false, reason: 'unknown' };
  if (from && from.role === move.role) return { ok: false, reason: 'same-role' };
  const holders = current.filter((a) => a.role === move.role);
  if (holders.some((a) => a.personId === move.personId)) return { ok: false, reason: 'already-holds' };
  const steps: Step[] = [];
  const holder = definition.multiple ? undefined : holders[0];
  let kind: 'assign' | 'add' | 'handOff';
  if (holder) {
    kind = 'handOff';
    steps.push({ kind: 'handOff', assignmentId: holder.id, personId: move.personId, tempId: context.newId(), at: context.now });
  } else {
    kind = definition.multiple && holders.length > 0 ? 'add' : 'assign';
    steps.push({ kind: 'assign', role: move.role, personId: move.personId, tempId: context.newId(), at: context.now });
  }
  if (from) steps.push({ kind: 'release', assignmentId: from.id, at: context.now });
  return { ok: true, kind, steps, role: move.role, personId: move.personId, previous: holder ?? null, from };
}

/**
 * The assignments as they will be once `steps` are confirmed: new ones get their temporary id,
 * ended ones their end time (and, for a hand-off, their successor). `incidentId` and
 * `assignedBy` fill in the new ones.
 */
export function applySteps(assignments: readonly RoleAssignment[], steps: readonly Step[], incidentId: Id, assignedBy: Id | null): RoleAssignment[] {
  let result = [...assignments];
  const end = (id: Id, at: string, successor: Id | null): void => {
    result = result.map((a) => (a.id === id && a.releasedAt === null ? { ...a, releasedAt: at, handedOffTo: successor } : a));
  };
  for (const step of steps) {
    if (step.kind === 'release') {
      end(step.assignmentId, step.at, null);
      continue;
    }
    let role: RoleKey | undefined;
    if (step.kind === 'assign') role = step.role;
    else {
      role = result.find((a) => a.id === step.assignmentId)?.role;
      if (role === undefined) continue;
      end(step.assignmentId, step.at, step.tempId);
    }
    result.push({
      id: step.tempId,
      incidentId,
      role,
      personId: step.personId,
      assignedAt: step.at,
      assignedBy,
      releasedAt: null,
      handedOffTo: null,
      note: null,
    });
  }
  return result;
}

/**
 * The required roles nobody holds: those the server said were missing when the board loaded,
 * and those the guideline requires for `severity`, less the roles held now; none once the
 * incident is resolved. In the order of `definitions`, then any others.
 */
export function missingNow(options: {
  readonly definitions: readonly RoleDefinition[];
  readonly assignments: readonly RoleAssignment[];
  readonly serverMissing: readonly RoleKey[];
  readonly guideline: SeverityGuideline;
  readonly severity: string | null;
  readonly open: boolean;
}): RoleKey[] {
  const { definitions, assignments, serverMissing, guideline, severity, open } = options;
  if (!open) return [];
  const held = new Set(assignments.filter((a) => a.releasedAt === null).map((a) => a.role));
  const wanted = new Set(serverMissing);
  if (severity !== null) {
    try {
      for (const role of missingRoles(guideline, severity, assignments)) wanted.add(role);
    } catch {
      // A severity the guideline does not know requires nothing here; the server's list stands.
    }
  }
  const order = definitions.map((d) => d.key);
  return [...wanted]
    .filter((role) => !held.has(role))
    .sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity));
}
