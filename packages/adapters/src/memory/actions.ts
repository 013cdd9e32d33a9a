/**
 * Prevention actions in memory, by the server's rules (apps/api/src/routes/actions.ts and
 * store/actions.ts): board order (column, then rank compared by code unit, then id), new cards
 * at the bottom of their column, one-request moves between neighbours or to an explicit rank,
 * done stamping completedAt, links that must name existing incidents, postmortem and owner.
 */
import {
  ACTION_STATUSES,
  ActionCreateSchema,
  ActionListQuerySchema,
  ActionMoveSchema,
  ActionPatchSchema,
  actionInColumn,
  createdAction,
  effectivenessProblem,
  rankBetween,
  type ActionStatus,
  type Id,
  type Page,
  type PreventionAction,
  type Stored,
} from '@hansei/core';
import { definedOf } from './components.js';
import { check, forChange, stored, type Ctx } from './context.js';
import { pageOf } from './lists.js';
import { requireOwner } from './postmortems.js';
import { badRequest, conflict, invalid, notFound } from './problems.js';
import { deepFreeze, withRow, withoutRow, type Row } from './state.js';

const column = (status: ActionStatus): number => ACTION_STATUSES.indexOf(status);

/** Checks the ids an action links to: incidents, postmortem and owner must exist (409). */
function requireLinks(ctx: Ctx, links: { incidentIds?: readonly Id[] | undefined; postmortemId?: Id | null | undefined; ownerId?: Id | null | undefined }): void {
  const missing = (links.incidentIds ?? []).filter((id) => !ctx.store.state.incidents.has(id));
  if (missing.length > 0) {
    throw conflict(`There is no incident with id ${missing.map((id) => `"${id}"`).join(', ')}. Link the action to existing incidents.`, { missing });
  }
  if (links.postmortemId && !ctx.store.state.postmortems.has(links.postmortemId)) {
    throw conflict(`There is no postmortem with id "${links.postmortemId}". Leave postmortemId empty, or name an existing postmortem.`);
  }
  requireOwner(ctx, links.ownerId, 'ownerId');
}

/** Ranks of column `status` but card `exceptId`, ascending. */
function ranksOf(ctx: Ctx, status: ActionStatus, exceptId: Id): string[] {
  return [...ctx.store.state.actions.values()]
    .filter((r) => r.doc.status === status && r.doc.id !== exceptId)
    .map((r) => r.doc.rank)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function between(low: string | null, high: string | null): string {
  try {
    return rankBetween(low, high);
  } catch (error) {
    throw conflict(`The neighbouring cards' ranks leave no room (${(error as Error).message}) Reload the board and move the card again.`);
  }
}

/** A rank after every card of `status` but `exceptId`: the bottom of the column. */
function endOfColumn(ctx: Ctx, status: ActionStatus, exceptId = ''): string {
  return between(ranksOf(ctx, status, exceptId).at(-1) ?? null, null);
}

/**
 * The rank for card `id` dropped into column `status` right after `afterId` and/or right before
 * `beforeId` (cards of that column, next to each other when both are given: 409 otherwise), or
 * at the bottom.
 */
function rankFor(ctx: Ctx, id: Id, status: ActionStatus, afterId: Id | null, beforeId: Id | null): string {
  const neighbour = (otherId: Id, field: string): string => {
    if (otherId === id) throw conflict(`${field} names the card being moved; name a neighbouring card instead.`);
    const row = ctx.store.state.actions.get(otherId);
    if (!row) throw conflict(`${field}: there is no prevention action with id "${otherId}".`);
    if (row.doc.status !== status) throw conflict(`${field}: action "${otherId}" is in the ${row.doc.status} column, not ${status}. Reload the board and drop the card again.`);
    return row.doc.rank;
  };
  const low = afterId ? neighbour(afterId, 'afterId') : null;
  const high = beforeId ? neighbour(beforeId, 'beforeId') : null;
  if (low === null && high === null) return endOfColumn(ctx, status, id);
  const ranks = ranksOf(ctx, status, id);
  const after = (rank: string): string | null => ranks.find((r) => r > rank) ?? null;
  const before = (rank: string): string | null => ranks.filter((r) => r < rank).at(-1) ?? null;
  if (low !== null && high !== null) {
    if (!(low < high) || after(low) !== high) {
      throw conflict(`Cards "${afterId}" and "${beforeId}" are not next to each other in the ${status} column. Reload the board and drop the card again.`);
    }
    return between(low, high);
  }
  if (low !== null) return between(low, after(low));
  return between(before(high as string), high);
}

/** Saves `doc` as the next version of `current` and publishes `type`. */
function save(ctx: Ctx, current: Row<PreventionAction>, doc: PreventionAction, type: 'action.updated' | 'action.moved'): Stored<PreventionAction> {
  const row: Row<PreventionAction> = { ...current, doc: deepFreeze(doc), version: current.version + 1 };
  ctx.store.set({ actions: withRow(ctx.store.state.actions, row) });
  ctx.store.publish('internal', { type, data: { action: stored(row) } });
  return stored(row);
}

/** Actions in board order (column, then rank), filtered. */
export function listActions(ctx: Ctx, input: unknown): Page<Stored<PreventionAction>> {
  const query = check(ActionListQuerySchema, input ?? {}, 'query');
  const rows = [...ctx.store.state.actions.values()].filter(({ doc }) => {
    if (query.status && !query.status.includes(doc.status)) return false;
    if (query.kind && !query.kind.includes(doc.kind)) return false;
    if (query.effectiveness && !query.effectiveness.includes(doc.effectiveness)) return false;
    if (query.owner && doc.ownerId !== query.owner) return false;
    if (query.incident && !doc.incidentIds.includes(query.incident)) return false;
    return true;
  });
  return pageOf(
    rows,
    {
      key: (r) => `${column(r.doc.status)}:${r.doc.rank}`,
      id: (r) => r.doc.id,
      direction: 'asc',
      cursor: query.cursor,
      limit: query.limit,
      checkCursor: (value) => {
        if (typeof value !== 'string' || !/^\d:[0-9A-Za-z]+$/.test(value)) throw badRequest('The cursor is not one this server gave out. Start again without a cursor.');
      },
    },
    (r) => stored(r),
  );
}

export function getAction(ctx: Ctx, id: Id): Stored<PreventionAction> {
  const row = ctx.store.state.actions.get(id);
  if (!row) throw notFound('prevention action', id);
  return stored(row);
}

/** Creates an action at the bottom of its column. */
export function createAction(ctx: Ctx, input: unknown): Stored<PreventionAction> {
  const body = check(ActionCreateSchema, input, 'body');
  requireLinks(ctx, body);
  const now = ctx.store.isoNow();
  const doc: PreventionAction = deepFreeze(createdAction(body, ctx.store.newId('act'), endOfColumn(ctx, body.status), now));
  const row: Row<PreventionAction> = { doc, version: 1, createdAt: now };
  ctx.store.set({ actions: withRow(ctx.store.state.actions, row) });
  ctx.store.publish('internal', { type: 'action.created', data: { action: stored(row) } });
  return stored(row);
}

/** Changes an action; a new status puts it at the bottom of that column. */
export function updateAction(ctx: Ctx, id: Id, patch: unknown, version: number): Stored<PreventionAction> {
  const body = check(ActionPatchSchema, patch, 'body');
  const found = forChange(ctx.store.state.actions, 'prevention action', id, version);
  const status = body.status ?? found.doc.status;
  const problem = effectivenessProblem(status, body.effectiveness);
  if (problem) throw invalid([{ path: 'effectiveness', message: problem }], 'body');
  requireLinks(ctx, body);
  const rank = status !== found.doc.status ? endOfColumn(ctx, status, id) : found.doc.rank;
  const now = ctx.store.isoNow();
  return save(ctx, found, actionInColumn({ ...found.doc, ...definedOf(body), rank, updatedAt: now }, found.doc.status, now), 'action.updated');
}

/** Moves a card: to column `status`, between neighbours, to an explicit rank, or to the bottom. */
export function moveAction(ctx: Ctx, id: Id, input: unknown, version: number): Stored<PreventionAction> {
  const body = check(ActionMoveSchema, input, 'body');
  const found = forChange(ctx.store.state.actions, 'prevention action', id, version);
  let rank: string;
  if (body.rank !== undefined) {
    if (body.rank.endsWith('0')) throw invalid([{ path: 'rank', message: 'A rank must not end in "0" (nothing would fit before it); drop the trailing zeros.' }], 'body');
    const taken = [...ctx.store.state.actions.values()].find((r) => r.doc.status === body.status && r.doc.id !== id && r.doc.rank === body.rank);
    if (taken) throw conflict(`Rank "${body.rank}" is already taken by action "${taken.doc.id}" in the ${body.status} column. Name neighbouring cards instead (afterId, beforeId).`);
    rank = body.rank;
  } else {
    rank = rankFor(ctx, id, body.status, body.afterId, body.beforeId);
  }
  const now = ctx.store.isoNow();
  return save(ctx, found, actionInColumn({ ...found.doc, status: body.status, rank, updatedAt: now }, found.doc.status, now), 'action.moved');
}

export function deleteAction(ctx: Ctx, id: Id, version: number): void {
  forChange(ctx.store.state.actions, 'prevention action', id, version);
  ctx.store.set({ actions: withoutRow(ctx.store.state.actions, id) });
  ctx.store.publish('internal', { type: 'action.deleted', data: { id } });
}
