/** Words of the prevention board that do not depend on its state. */
import { msg, str } from '@lit/localize';
import { ACTION_HORIZON, type ActionKind, type ActionStatus, type LaneKind, type PreventionAction } from '@hansei/core';

/** A column's name. */
export function columnWords(status: ActionStatus): string {
  switch (status) {
    case 'todo':
      return msg('To do', { id: 'prevention-board.column.todo', desc: 'Prevention board column: not started' });
    case 'in_progress':
      return msg('In progress', { id: 'prevention-board.column.in_progress', desc: 'Prevention board column: being worked on' });
    case 'in_review':
      return msg('In review', { id: 'prevention-board.column.in_review', desc: 'Prevention board column: done, waiting for review' });
    case 'done':
      return msg('Done', { id: 'prevention-board.column.done', desc: 'Prevention board column: finished' });
    case 'wont_do':
      return msg('Won’t do', { id: 'prevention-board.column.wont_do', desc: 'Prevention board column: decided against' });
    default:
      return status;
  }
}

/** An action kind's name. */
export function kindWords(kind: ActionKind): string {
  switch (kind) {
    case 'mitigate':
      return msg('Mitigate', { id: 'prevention-board.kind.mitigate', desc: 'Prevention action kind: a short-term fix that limits the damage' });
    case 'prevent':
      return msg('Prevent', { id: 'prevention-board.kind.prevent', desc: 'Prevention action kind: a countermeasure against the root cause' });
    case 'detect':
      return msg('Detect', { id: 'prevention-board.kind.detect', desc: 'Prevention action kind: find the problem sooner next time' });
    case 'process':
      return msg('Process', { id: 'prevention-board.kind.process', desc: 'Prevention action kind: change how people work' });
    case 'remove':
      return msg('Remove', { id: 'prevention-board.kind.remove', desc: 'Prevention action kind: stop doing something that no longer helps' });
    default:
      return kind;
  }
}

/** Whether a kind is short-term or root-cause work, in words. */
export function horizonWords(kind: ActionKind): string {
  return ACTION_HORIZON[kind] === 'root_cause'
    ? msg('root cause', { id: 'prevention-board.horizon.root', desc: 'Prevention board: an action kind that addresses the root cause (after the kind)' })
    : msg('short-term', { id: 'prevention-board.horizon.short', desc: 'Prevention board: an action kind that is a short-term fix (after the kind)' });
}

/** The name of a way of grouping the board into swimlanes. */
export function laneKindWords(kind: LaneKind | 'none'): string {
  switch (kind) {
    case 'none':
      return msg('None', { id: 'prevention-board.lanes.none', desc: 'Prevention board: no swimlanes' });
    case 'incident':
      return msg('Incident', { id: 'prevention-board.lanes.incident', desc: 'Prevention board: swimlanes by incident' });
    case 'owner':
      return msg('Owner', { id: 'prevention-board.lanes.owner', desc: 'Prevention board: swimlanes by owner' });
    case 'kind':
      return msg('Kind', { id: 'prevention-board.lanes.kind', desc: 'Prevention board: swimlanes by action kind' });
    case 'overdue':
      return msg('Overdue or not', { id: 'prevention-board.lanes.overdue', desc: 'Prevention board: swimlanes overdue / not overdue' });
  }
}

/** What the board says as a keyboard move or a drag goes. */
export function moveWords(kind: 'picked' | 'target' | 'cancelled' | 'not-dropped', title: string, where?: { status: ActionStatus; position: number; count: number }): string {
  switch (kind) {
    case 'picked':
      return msg(str`Picked up ${title}. Use the arrow keys to choose a place, Enter to drop, Escape to cancel.`, { desc: 'Prevention board: keyboard move started' });
    case 'target':
      return where
        ? msg(str`${columnWords(where.status)}, position ${where.position} of ${where.count}.`, { desc: 'Prevention board: where a carried card would be dropped' })
        : '';
    case 'cancelled':
      return msg(str`Cancelled. ${title} was not moved.`, { id: 'prevention-board.cancelled', desc: 'Prevention board: keyboard move cancelled' });
    case 'not-dropped':
      return msg(str`${title} was not moved.`, { id: 'prevention-board.not-moved', desc: 'Prevention board: a drag ended outside any column' });
  }
}

/** What the board says about a change made elsewhere (empty: nothing worth saying). */
export function remoteWords(before: Pick<PreventionAction, 'title' | 'status'> | undefined, after: Pick<PreventionAction, 'title' | 'status'> | undefined, created: boolean): string {
  if (after && (created || !before)) {
    return msg(str`New action: ${after.title}, in ${columnWords(after.status)}.`, { desc: 'Prevention board: someone else created an action' });
  }
  if (after && before && after.status !== before.status) {
    return msg(str`${after.title} moved to ${columnWords(after.status)}.`, { desc: 'Prevention board: someone else moved an action to another column' });
  }
  if (!after && before) return msg(str`${before.title} left the board.`, { desc: 'Prevention board: an action was deleted or unlinked elsewhere' });
  return '';
}
