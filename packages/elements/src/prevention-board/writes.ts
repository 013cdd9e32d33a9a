/**
 * The board's writes: a move (one `moveAction`) and a verdict on a done action (one
 * `updateAction`), each shown at once, confirmed by the adapter's answer, or undone with a
 * message (a conflict shows the card as it now is), and each told as an event and aloud.
 */
import { msg, str } from '@lit/localize';
import type { HanseiAdapter } from '@hansei/adapters';
import { boardColumns, planActionMove, type ActionEffectiveness, type ActionMovePlan, type ActionPlace, type ActionStatus, type Id, type PreventionAction, type Stored } from '@hansei/core';
import { currentOf, errorText, isConflict } from '../internal/adapter-errors.js';
import type { Politeness } from '../internal/announcer.js';
import { withAction, type BoardData } from './data.js';
import type { Carried } from './moves.js';
import { optimistic, type Pending } from './view.js';
import { columnWords } from './words.js';

/** What `hansei-action-moved` carries: one move the adapter saved. */
export interface ActionMovedDetail {
  /** The action as saved (new column, rank and version). */
  readonly action: Stored<PreventionAction>;
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  /** The neighbours it was put between (null: an end of the column). */
  readonly afterId: Id | null;
  readonly beforeId: Id | null;
  readonly how: 'drag' | 'keyboard' | 'menu';
}

/** What `hansei-action-updated` carries: a verdict on a done action, saved. */
export interface ActionUpdatedDetail {
  readonly action: Stored<PreventionAction>;
  readonly previous: Stored<PreventionAction>;
}

/** What `hansei-action-error` carries: a write the adapter refused (the board shows the action as it is). */
export interface ActionErrorDetail {
  readonly actionId: Id;
  readonly error: unknown;
  /** Someone else changed the board first. */
  readonly conflict: boolean;
}

/** What the writes need from the board. */
export interface WriteHost {
  readonly element: HTMLElement;
  adapter(): HanseiAdapter | undefined;
  data(): BoardData;
  setData(data: BoardData): void;
  pending(): Pending;
  setPending(pending: Pending): void;
  setFailure(failure: string | null): void;
  canWrite(id: Id): boolean;
  announce(message: string, politeness?: Politeness): void;
  /** Reads the actions again (a conflict that did not say how the card is now). */
  refresh(): void;
  /** A move is about to show (keyboard and menu moves keep the card in view and focus). */
  placed(carried: Carried, plan: ActionMovePlan | null, how: 'drag' | 'keyboard' | 'menu'): void;
}

export class BoardWrites {
  readonly #host: WriteHost;

  constructor(host: WriteHost) {
    this.#host = host;
  }

  /** Moves a card to `place`: shown at once, saved with one `moveAction`, undone if refused. */
  async move(carried: Carried, place: ActionPlace, how: 'drag' | 'keyboard' | 'menu'): Promise<void> {
    const host = this.#host;
    const adapter = host.adapter();
    const action = host.data().actions.get(carried.id);
    if (!adapter || !action || !host.canWrite(carried.id)) return;
    const title = action.title;
    let plan: ActionMovePlan | null;
    try {
      plan = planActionMove(optimistic(host.data().actions.values(), host.pending(), ''), carried.id, place);
    } catch {
      plan = null;
    }
    if (!plan) {
      host.announce(msg(str`${title} stays where it was.`, { desc: 'Prevention board: a move that changes nothing' }));
      host.placed(carried, null, how);
      return;
    }
    host.setPending({ ...host.pending(), moves: new Map(host.pending().moves).set(carried.id, plan) });
    host.setFailure(null);
    host.placed(carried, plan, how);
    const done = (): void => {
      const moves = new Map(host.pending().moves);
      moves.delete(carried.id);
      host.setPending({ ...host.pending(), moves });
    };
    try {
      const saved = await adapter.moveAction(carried.id, plan.move, action.version);
      if (adapter !== host.adapter()) return;
      host.setData(withAction(host.data(), saved));
      done();
      const column = boardColumns(optimistic(host.data().actions.values(), host.pending(), ''))[saved.status];
      const position = column.findIndex((a) => a.id === saved.id) + 1;
      host.announce(msg(str`${title} moved to ${columnWords(saved.status)}, position ${position} of ${column.length}.`, { desc: 'Prevention board: a move was saved' }));
      host.element.dispatchEvent(
        new CustomEvent<ActionMovedDetail>('hansei-action-moved', {
          detail: { action: saved, from: plan.from, to: saved.status, afterId: plan.move.afterId, beforeId: plan.move.beforeId, how },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      done();
      if (adapter !== host.adapter()) return;
      this.#refused(action, error, 'move');
    }
  }

  /** Records a verdict on a done action: verified effective, recurred, or none. */
  async judge(id: Id, effectiveness: ActionEffectiveness): Promise<void> {
    const host = this.#host;
    const adapter = host.adapter();
    const action = host.data().actions.get(id);
    if (!adapter || !action || !host.canWrite(id)) return;
    host.setPending({ ...host.pending(), verdicts: new Map(host.pending().verdicts).set(id, effectiveness) });
    host.setFailure(null);
    const done = (): void => {
      const verdicts = new Map(host.pending().verdicts);
      verdicts.delete(id);
      host.setPending({ ...host.pending(), verdicts });
    };
    try {
      const saved = await adapter.updateAction(id, { effectiveness }, action.version);
      if (adapter !== host.adapter()) return;
      host.setData(withAction(host.data(), saved));
      done();
      host.announce(
        effectiveness === 'effective'
          ? msg(str`${action.title} is marked verified effective.`, { desc: 'Prevention board: a done action was marked as having worked' })
          : effectiveness === 'recurred'
            ? msg(str`${action.title} is marked as recurred.`, { desc: 'Prevention board: a done action was marked as not having worked' })
            : msg(str`The verdict on ${action.title} is cleared.`, { desc: 'Prevention board: the verdict on a done action was removed' }),
      );
      host.element.dispatchEvent(new CustomEvent<ActionUpdatedDetail>('hansei-action-updated', { detail: { action: saved, previous: action }, bubbles: true, composed: true }));
    } catch (error) {
      done();
      if (adapter !== host.adapter()) return;
      this.#refused(action, error, 'verdict');
    }
  }

  /** After a refused write: the board shows the action as it is, and says why. */
  #refused(action: Stored<PreventionAction>, error: unknown, what: 'move' | 'verdict'): void {
    const host = this.#host;
    const reason = errorText(error);
    const conflict = isConflict(error);
    if (conflict) {
      const current = currentOf<Stored<PreventionAction>>(error);
      if (current && current.id === action.id) host.setData(withAction(host.data(), current));
      else host.refresh();
    }
    const title = action.title;
    const failure = conflict
      ? msg(str`Someone else changed the board first, so ${title} was not changed: ${reason} The board now shows it as it is; try again if you still need to.`, {
          desc: 'Prevention board: a write refused because of another change',
        })
      : what === 'move'
        ? msg(str`${title} was not moved: ${reason} It is back where it was.`, { desc: 'Prevention board: a move refused by the adapter' })
        : msg(str`The verdict on ${title} was not saved: ${reason}`, { desc: 'Prevention board: a verdict refused by the adapter' });
    host.setFailure(failure);
    host.announce(failure, 'assertive');
    host.element.dispatchEvent(new CustomEvent<ActionErrorDetail>('hansei-action-error', { detail: { actionId: action.id, error, conflict }, bubbles: true, composed: true }));
  }
}
