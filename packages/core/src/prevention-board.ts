/**
 * The prevention board's pure logic: board order, where a card lands when it is moved (its
 * neighbours and new rank: one write), filters and swimlanes, the viewer's calendar date for
 * "overdue", and which done actions missed (their incident recurred).
 */
import { ACTION_KINDS, ACTION_STATUSES } from './domain.js';
import type { ActionKind, ActionStatus, Id, Incident, IsoDate, PreventionAction } from './domain.js';
import { recurredAfterDone } from './prevention.js';
import { rankBetween } from './rank.js';
import { toIso, wallClock, zoneFormat } from './time.js';

/** The fields of an action the board's logic reads. */
export type BoardAction = Pick<PreventionAction, 'id' | 'status' | 'rank'>;

/** Plain code-unit order, as `<` compares strings (ranks are compared this way). */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Board order: column (to do first, won't do last), then rank, then id. */
export function compareBoardOrder(a: BoardAction, b: BoardAction): number {
  return ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status) || compareText(a.rank, b.rank) || compareText(a.id, b.id);
}

/** The actions of each column, in board order. Columns without actions are empty arrays. */
export function boardColumns<T extends BoardAction>(actions: Iterable<T>): Record<ActionStatus, T[]> {
  const columns = Object.fromEntries(ACTION_STATUSES.map((status) => [status, [] as T[]])) as Record<ActionStatus, T[]>;
  for (const action of actions) {
    const column = Object.hasOwn(columns, action.status) ? columns[action.status] : undefined;
    if (column === undefined) {
      throw new RangeError(`Invalid status "${action.status}" of action "${action.id}": expected one of ${ACTION_STATUSES.join(', ')}.`);
    }
    column.push(action);
  }
  for (const status of ACTION_STATUSES) columns[status].sort(compareBoardOrder);
  return columns;
}

/**
 * Where a moved card goes, in column `status`: right `before` or right `after` another card of
 * that column, or at its `top` or `bottom`.
 */
export type ActionPlace =
  | { readonly status: ActionStatus; readonly before: Id }
  | { readonly status: ActionStatus; readonly after: Id }
  | { readonly status: ActionStatus; readonly at: 'top' | 'bottom' };

/** One card move: the request for the adapter's `moveAction`, and the rank it will have. */
export interface ActionMovePlan {
  /** Column and neighbours (in the whole column, whatever a view hides) for `moveAction`. */
  readonly move: { readonly status: ActionStatus; readonly afterId: Id | null; readonly beforeId: Id | null };
  /**
   * The rank the card gets between those neighbours ({@link rankBetween}), to show the move
   * before the backend confirms it; null when the neighbours' ranks leave no valid key between
   * them (the backend then decides, or refuses).
   */
  readonly rank: string | null;
  /** The column the card leaves. */
  readonly from: ActionStatus;
}

/**
 * The move that puts card `id` at `place`, given every action on the board (any order), or null
 * when the card is already there. Neighbours are taken in the whole column, so a card placed
 * right before a card that a filter leaves visible still goes exactly there. Throws a
 * RangeError naming the id when the card is unknown, or when `place` names the card itself or
 * a card that is not in the target column.
 */
export function planActionMove(actions: readonly BoardAction[], id: Id, place: ActionPlace): ActionMovePlan | null {
  const card = actions.find((a) => a.id === id);
  if (!card) throw new RangeError(`Unknown action "${id}": it is not on the board.`);
  const column = actions.filter((a) => a.status === place.status && a.id !== id).sort(compareBoardOrder);
  const indexOf = (other: Id, how: string): number => {
    if (other === id) throw new RangeError(`Invalid place for action "${id}": it cannot go ${how} itself.`);
    const index = column.findIndex((a) => a.id === other);
    if (index < 0) throw new RangeError(`Invalid place for action "${id}": action "${other}" is not in the ${place.status} column.`);
    return index;
  };
  let at: number;
  if ('before' in place) at = indexOf(place.before, 'before');
  else if ('after' in place) at = indexOf(place.after, 'after') + 1;
  else at = place.at === 'top' ? 0 : column.length;
  const after = column[at - 1] ?? null;
  const before = column[at] ?? null;
  if (card.status === place.status) {
    const now = [...column, card].sort(compareBoardOrder);
    const index = now.indexOf(card);
    if ((now[index - 1] ?? null) === after && (now[index + 1] ?? null) === before) return null;
  }
  let rank: string | null;
  try {
    rank = rankBetween(after?.rank ?? null, before?.rank ?? null);
  } catch {
    rank = null;
  }
  return { move: { status: place.status, afterId: after?.id ?? null, beforeId: before?.id ?? null }, rank, from: card.status };
}

/** A keyboard or menu step of a card within the cards a view shows in one column. */
export type ActionStep = 'up' | 'down' | 'top' | 'bottom';

/**
 * Where card `id` goes when it takes `step` among `shown` (the ids a view shows in its column,
 * in board order), as a place relative to those cards; null when it cannot go further. Throws
 * a RangeError when `shown` does not hold `id`.
 */
export function stepPlace(shown: readonly Id[], id: Id, status: ActionStatus, step: ActionStep): ActionPlace | null {
  const index = shown.indexOf(id);
  if (index < 0) throw new RangeError(`Action "${id}" is not among the cards shown.`);
  const last = shown.length - 1;
  switch (step) {
    case 'up':
      return index === 0 ? null : { status, before: shown[index - 1]! };
    case 'down':
      return index === last ? null : { status, after: shown[index + 1]! };
    case 'top':
      return index === 0 ? null : { status, before: shown[0]! };
    case 'bottom':
      return index === last ? null : { status, after: shown[last]! };
  }
}

/**
 * Where a card goes when it moves to another column at about the same height: before the card
 * now at position `index` among `shown` (the target column's shown ids), or at the bottom of the
 * shown cards when there are fewer.
 */
export function columnPlace(shown: readonly Id[], index: number, status: ActionStatus): ActionPlace {
  const target = shown[Math.max(0, index)];
  if (target !== undefined) return { status, before: target };
  const last = shown.at(-1);
  return last === undefined ? { status, at: 'bottom' } : { status, after: last };
}

/** `action` as it will be once moved to `plan`'s column and rank (for an optimistic view). */
export function withMove<T extends BoardAction>(action: T, plan: ActionMovePlan): T {
  return { ...action, status: plan.move.status, rank: plan.rank ?? action.rank };
}

/** The calendar date (`YYYY-MM-DD`) at instant `ms` in IANA time zone `timeZone`. */
export function calendarDate(ms: number, timeZone: string): IsoDate {
  return toIso(wallClock(zoneFormat(timeZone), ms)).slice(0, 10);
}

/** Whether `action` is still open (not done, not won't do) and its due date is before `today`. */
export function isOverdue(action: Pick<PreventionAction, 'status' | 'dueDate'>, today: IsoDate): boolean {
  return action.status !== 'done' && action.status !== 'wont_do' && action.dueDate !== null && action.dueDate < today;
}

/**
 * Done actions that missed: their incident recurred after they were done ({@link recurredAfterDone}:
 * a later incident `recurrence_of` one of theirs), or someone recorded `effectiveness:
 * 'recurred'`. Each maps to the recurring incidents found (oldest first; empty when only the
 * record says so).
 */
export function missedPreventions(
  actions: readonly PreventionAction[],
  incidents: readonly Pick<Incident, 'id' | 'startedAt' | 'related'>[],
): Map<Id, readonly Id[]> {
  const missed = new Map<Id, readonly Id[]>();
  for (const action of actions) if (action.status === 'done' && action.effectiveness === 'recurred') missed.set(action.id, []);
  for (const { action, recurrenceIds } of recurredAfterDone(actions, incidents)) missed.set(action.id, recurrenceIds);
  return missed;
}

/** What the board shows: every criterion given narrows it (all must hold). */
export interface ActionFilter {
  /** Only actions linked to this incident. */
  readonly incidentId?: Id | null;
  /** Only this owner's actions; `''` for actions nobody owns. */
  readonly ownerId?: Id | null;
  /** Only these kinds (empty or absent: every kind). */
  readonly kinds?: readonly ActionKind[];
  /** Only open actions past their due date. */
  readonly overdue?: boolean;
  /** Only actions whose title, description or external link contains these words (any case, any width). */
  readonly text?: string;
}

/** What a filter needs to know besides the action: today's date, for `overdue`. */
export interface FilterContext {
  readonly today: IsoDate;
}

/** Text folded for matching: compatibility forms (full-width letters), any case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** Whether the filter has any criterion. */
export function isFiltering(filter: ActionFilter): boolean {
  return (
    (filter.incidentId ?? null) !== null ||
    (filter.ownerId ?? null) !== null ||
    (filter.kinds?.length ?? 0) > 0 ||
    filter.overdue === true ||
    (filter.text ?? '').trim() !== ''
  );
}

/** Whether `action` passes every criterion of `filter`. */
export function matchesActionFilter(action: PreventionAction, filter: ActionFilter, context: FilterContext): boolean {
  if (filter.incidentId != null && !action.incidentIds.includes(filter.incidentId)) return false;
  if (filter.ownerId != null && (action.ownerId ?? '') !== filter.ownerId) return false;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(action.kind)) return false;
  if (filter.overdue === true && !isOverdue(action, context.today)) return false;
  const words = foldText(filter.text ?? '').split(/\s+/u).filter(Boolean);
  if (words.length > 0) {
    const haystack = foldText(`${action.title}\n${action.description}\n${action.externalUrl ?? ''}`);
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  return true;
}

export const LANE_KINDS = ['incident', 'owner', 'kind', 'overdue'] as const;
/** What swimlanes group the board by. */
export type LaneKind = (typeof LANE_KINDS)[number];

/** One swimlane: its key and its actions in board order. */
export interface ActionLane<T> {
  /**
   * An incident id (`incident`); an owner id, or `''` for nobody (`owner`); an action kind
   * (`kind`); `overdue` or `on_time` (`overdue`).
   */
  readonly key: string;
  readonly actions: readonly T[];
}

/**
 * The actions grouped into swimlanes by `by`, each lane in board order. An action linked to
 * several incidents is in each of their lanes. Lanes come in a stable order: kinds in
 * {@link ACTION_KINDS} order, `overdue` before `on_time`, owners and incidents by `order` (a
 * comparison of keys; default: first appearance in board order), nobody's lane last.
 */
export function actionLanes<T extends PreventionAction>(
  actions: readonly T[],
  by: LaneKind,
  context: FilterContext,
  order?: (a: string, b: string) => number,
): ActionLane<T>[] {
  const lanes = new Map<string, T[]>();
  const add = (key: string, action: T): void => {
    const lane = lanes.get(key);
    if (lane) lane.push(action);
    else lanes.set(key, [action]);
  };
  if (by === 'kind') for (const kind of ACTION_KINDS) lanes.set(kind, []);
  if (by === 'overdue') for (const key of ['overdue', 'on_time']) lanes.set(key, []);
  for (const action of [...actions].sort(compareBoardOrder)) {
    if (by === 'incident') for (const id of new Set(action.incidentIds)) add(id, action);
    else if (by === 'owner') add(action.ownerId ?? '', action);
    else if (by === 'kind') add(action.kind, action);
    else add(isOverdue(action, context.today) ? 'overdue' : 'on_time', action);
  }
  let keys = [...lanes.keys()];
  if ((by === 'owner' || by === 'incident') && order) keys = keys.sort(order);
  if (by === 'owner' && lanes.has('')) keys = [...keys.filter((k) => k !== ''), ''];
  return keys.map((key) => ({ key, actions: lanes.get(key)! }));
}
