/**
 * Rules a backend applies when a prevention action changes column: only a done action has a
 * completion time and a verdict on whether it worked. Pure.
 */
import type { ActionStatus, IsoDateTime, PreventionAction } from './domain.js';

/**
 * `action` (already carrying its new `status`) after moving from column `previous` at `at`:
 * entering done sets `completedAt` (staying done keeps it); any other column clears
 * `completedAt` and resets `effectiveness` to `unverified`, since only a done action is judged.
 */
export function actionInColumn<T extends Pick<PreventionAction, 'status' | 'completedAt' | 'effectiveness'>>(action: T, previous: ActionStatus, at: IsoDateTime): T {
  if (action.status === 'done') return { ...action, completedAt: previous === 'done' ? action.completedAt : at };
  return { ...action, completedAt: null, effectiveness: 'unverified' };
}

/**
 * Why `effectiveness` cannot be set on an action in column `status` (null: it can): only a done
 * action can be judged effective or recurred.
 */
export function effectivenessProblem(status: ActionStatus, effectiveness: PreventionAction['effectiveness'] | undefined): string | null {
  if (status === 'done' || effectiveness === undefined || effectiveness === 'unverified') return null;
  return `Effectiveness can only be judged once the action is done; it is ${status}.`;
}
