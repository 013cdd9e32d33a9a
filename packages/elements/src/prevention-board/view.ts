/**
 * What the board shows, worked out from the data apart from the DOM: the actions as they will
 * be once the writes under way are saved, the filters, the swimlanes and columns, each card's
 * flags (overdue, missed, saving) and the balance of short-term and root-cause work.
 */
import {
  ACTION_STATUSES,
  DAY_MS,
  actionInColumn,
  actionLanes,
  actionMix,
  boardColumns,
  isOverdue,
  matchesActionFilter,
  missedPreventions,
  withMove,
  type ActionEffectiveness,
  type ActionFilter,
  type ActionMix,
  type ActionMovePlan,
  type ActionStatus,
  type Id,
  type Incident,
  type IsoDate,
  type LaneKind,
  type PreventionAction,
  type Stored,
} from '@hansei/core';

/** One card: the action as shown, and what stands out about it. */
export interface CardView {
  readonly action: Stored<PreventionAction>;
  /** Whole days past the due date (open actions), else null. */
  readonly overdueDays: number | null;
  /** The incidents that recurred after it was done (empty: recorded as recurred); null unless missed. */
  readonly missed: readonly Id[] | null;
  /** A write of this card is under way. */
  readonly saving: boolean;
}

export interface ColumnView {
  readonly status: ActionStatus;
  readonly cards: readonly CardView[];
}

export interface LaneView {
  /** The lane's key (see core's `actionLanes`); `''` when the board has no swimlanes. */
  readonly key: string;
  readonly columns: readonly ColumnView[];
  readonly count: number;
}

export interface BoardView {
  readonly lanes: readonly LaneView[];
  /** Actions shown (each once, however many lanes it is in) and on the board. */
  readonly shown: number;
  readonly total: number;
  /** The kinds of the actions shown. */
  readonly mix: ActionMix;
  /** Every card shown, by action id. */
  readonly cards: ReadonlyMap<Id, CardView>;
}

/** Writes under way: moves and effectiveness verdicts, by action id. */
export interface Pending {
  readonly moves: ReadonlyMap<Id, ActionMovePlan>;
  readonly verdicts: ReadonlyMap<Id, ActionEffectiveness>;
}

export const NO_PENDING: Pending = { moves: new Map(), verdicts: new Map() };

/** The actions as they will be once the writes under way are saved. */
export function optimistic(actions: Iterable<Stored<PreventionAction>>, pending: Pending, now: string): Stored<PreventionAction>[] {
  const result: Stored<PreventionAction>[] = [];
  for (const action of actions) {
    let shown = action;
    const plan = pending.moves.get(action.id);
    if (plan) shown = actionInColumn(withMove(shown, plan), action.status, now);
    const verdict = pending.verdicts.get(action.id);
    if (verdict !== undefined) shown = { ...shown, effectiveness: verdict };
    result.push(shown);
  }
  return result;
}

export interface ViewInput {
  readonly actions: readonly Stored<PreventionAction>[];
  readonly incidents: ReadonlyMap<Id, Pick<Incident, 'id' | 'startedAt' | 'related'>>;
  readonly pending: Pending;
  readonly filter: ActionFilter;
  readonly lanes: LaneKind | 'none';
  readonly today: IsoDate;
  /** Order of incident and owner lanes (a comparison of their keys). */
  readonly laneOrder: (by: 'incident' | 'owner') => (a: string, b: string) => number;
  /** The cards of the previous view: unchanged ones are reused, so their templates need no update. */
  readonly previous?: ReadonlyMap<Id, CardView>;
}

/** The board as it is to be shown. */
export function boardView(input: ViewInput): BoardView {
  const { actions, filter, today } = input;
  const missed = missedPreventions(actions, [...input.incidents.values()]);
  const cards = new Map<Id, CardView>();
  const card = (action: Stored<PreventionAction>): CardView => {
    let view = cards.get(action.id);
    if (!view) {
      const overdue = isOverdue(action, today) && action.dueDate !== null ? Math.round((Date.parse(today) - Date.parse(action.dueDate)) / DAY_MS) : null;
      const next: CardView = {
        action,
        overdueDays: overdue,
        missed: missed.get(action.id) ?? null,
        saving: input.pending.moves.has(action.id) || input.pending.verdicts.has(action.id),
      };
      const before = input.previous?.get(action.id);
      view = before && sameCard(before, next) ? before : next;
      cards.set(action.id, view);
    }
    return view;
  };
  const shown = actions.filter((action) => matchesActionFilter(action, filter, { today }));
  const columnsOf = (list: readonly Stored<PreventionAction>[]): ColumnView[] => {
    const columns = boardColumns(list);
    return ACTION_STATUSES.map((status) => ({ status, cards: columns[status].map(card) }));
  };
  const lanes: LaneView[] =
    input.lanes === 'none'
      ? [{ key: '', columns: columnsOf(shown), count: shown.length }]
      : actionLanes(shown, input.lanes, { today }, input.lanes === 'incident' || input.lanes === 'owner' ? input.laneOrder(input.lanes) : undefined).map(
          (lane) => ({ key: lane.key, columns: columnsOf(lane.actions), count: lane.actions.length }),
        );
  return { lanes, shown: shown.length, total: actions.length, mix: actionMix(shown), cards };
}

function sameCard(a: CardView, b: CardView): boolean {
  return a.action === b.action && a.overdueDays === b.overdueDays && a.saving === b.saving && (a.missed ?? []).join('\n') === (b.missed ?? []).join('\n') && (a.missed === null) === (b.missed === null);
}

/** The ids a lane shows in one column, in order. */
export function shownIds(view: BoardView, lane: number, status: ActionStatus): Id[] {
  return view.lanes[lane]?.columns.find((c) => c.status === status)?.cards.map((c) => c.action.id) ?? [];
}
