/**
 * The documents a backend writes when maintenances change, and why it refuses a change: the
 * maintenance a schedule creates, one after a posted update, and the problems with a status move
 * or a window. Pure: ids and times come from the caller, so the reference server and the
 * in-memory adapter write the same documents and refuse with the same words.
 */
import type { Id, IsoDateTime, Maintenance, MaintenanceStatus, MaintenanceUpdate } from './domain.js';
import { canMoveMaintenance } from './incident-rules.js';
import type { MaintenanceCreateInput, MaintenancePatchInput, MaintenanceUpdatePostInput } from './schemas.js';
import type { ValidationIssue } from './validate.js';

/** The ids a new maintenance needs: its own, and one for its first update (asked for only when it has one). */
export interface MaintenanceIds {
  readonly id: Id;
  readonly newUpdateId: () => Id;
}

/**
 * The maintenance a schedule creates: the fields of `body`, created and updated `now`, with one
 * update (status as given, shown `now`) when `body.updateBody` has text, else none.
 */
export function scheduledMaintenance(body: MaintenanceCreateInput, ids: MaintenanceIds, now: IsoDateTime): Maintenance {
  return {
    id: ids.id,
    title: body.title,
    summary: body.summary,
    status: body.status,
    scheduledFor: body.scheduledFor,
    scheduledUntil: body.scheduledUntil,
    components: body.components,
    createdAt: now,
    updatedAt: now,
    updates: body.updateBody ? [{ id: ids.newUpdateId(), maintenanceId: ids.id, status: body.status, body: body.updateBody, createdAt: now, displayAt: now }] : [],
  };
}

/**
 * `current` after posting `post` as update `updateId` at `now`: the maintenance takes the
 * update's status, and the update goes among the others newest first by display time (a
 * backdated one sorts into place; `displayAt` defaults to `now`).
 */
export function maintenanceAfterUpdate(current: Maintenance, post: MaintenanceUpdatePostInput, updateId: Id, now: IsoDateTime): Maintenance {
  const update: MaintenanceUpdate = { id: updateId, maintenanceId: current.id, status: post.status, body: post.body, createdAt: now, displayAt: post.displayAt ?? now };
  const updates = [update, ...current.updates].sort((a, b) => (a.displayAt < b.displayAt ? 1 : a.displayAt > b.displayAt ? -1 : 0));
  return { ...current, status: post.status, updatedAt: now, updates };
}

/**
 * Why a maintenance may not go from `from` to `to` (null: it may; see `canMoveMaintenance`), in
 * words that say what to do instead. A backend answers it with 409.
 */
export function maintenanceTransitionProblem(from: MaintenanceStatus, to: MaintenanceStatus): string | null {
  if (canMoveMaintenance(from, to)) return null;
  if (from === 'completed') return 'This maintenance is completed; it cannot change status again. Schedule a new maintenance instead.';
  return `A maintenance cannot go back from ${from} to ${to}: it moves forward (scheduled, in_progress, verifying, completed), or from verifying back to in_progress.`;
}

/**
 * The issue with the window of `doc` (a maintenance with `patch` applied), or null when it ends
 * after it starts. It is put at the end the patch changed (`scheduledUntil`), else at the start.
 */
export function maintenanceWindowIssue(doc: Pick<Maintenance, 'scheduledFor' | 'scheduledUntil'>, patch: MaintenancePatchInput): ValidationIssue | null {
  if (doc.scheduledUntil > doc.scheduledFor) return null;
  return {
    path: patch.scheduledUntil === undefined ? 'scheduledFor' : 'scheduledUntil',
    message: `The end of the window (${doc.scheduledUntil}) must be after its start (${doc.scheduledFor}).`,
  };
}

/** Why a maintenance may not name the components `missing` (ids that do not exist); null when none is missing. A backend answers it with 409. */
export function missingComponentsProblem(missing: readonly Id[]): string | null {
  if (missing.length === 0) return null;
  return `There is no component with id ${missing.map((id) => `"${id}"`).join(', ')}. Create it first, or leave it out of components.`;
}
