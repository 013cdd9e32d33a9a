/**
 * The prevention action a backend writes when one is created. Pure: the id, the rank and the
 * time come from the caller, so the reference server and the in-memory adapter write the same
 * document.
 */
import type { Id, IsoDateTime, PreventionAction } from './domain.js';
import type { ActionCreateInput } from './schemas.js';

/**
 * The action `body` creates with `rank` (the caller's place for it, normally the bottom of its
 * column): not yet judged (`unverified`), completed `now` when it is created in the done column,
 * created and updated `now`.
 */
export function createdAction(body: ActionCreateInput, id: Id, rank: string, now: IsoDateTime): PreventionAction {
  return {
    id,
    title: body.title,
    description: body.description,
    incidentIds: body.incidentIds,
    postmortemId: body.postmortemId,
    kind: body.kind,
    ownerId: body.ownerId,
    dueDate: body.dueDate,
    status: body.status,
    rank,
    externalUrl: body.externalUrl,
    effectiveness: 'unverified',
    completedAt: body.status === 'done' ? now : null,
    createdAt: now,
    updatedAt: now,
  };
}
