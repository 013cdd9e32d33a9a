/**
 * Prevention actions on the board: columns in ACTION_STATUSES order, cards ordered by rank
 * within a column. Ranks are compared byte-wise (`collate "C"`), as `rankBetween` and `<` do,
 * whatever the database's collation. Writes that place cards take one transaction-scoped
 * advisory lock, so two cards dropped at once never get the same rank.
 */
import {
  ACTION_STATUSES,
  rankBetween,
  type ActionListQuery,
  type ActionStatus,
  type PreventionAction,
} from '@hansei/core';
import type { Sql } from '../db/database.js';
import { badRequest, conflict } from '../http/errors.js';
import { decodeCursor, encodeCursor, type Page, type Versioned } from './documents.js';

/** The board's column order as SQL (0 for todo ... 4 for wont_do). */
const COLUMN = `(array_position(array['${ACTION_STATUSES.join("','")}']::text[], status) - 1)`;
const RANK = 'rank collate "C"';
const BOARD_LOCK = 727_2027;

/** Waits for (and holds until commit) the right to place cards on the board. */
export async function lockBoard(sql: Sql): Promise<void> {
  await sql.query('select pg_advisory_xact_lock($1)', [BOARD_LOCK]);
}

/** Row columns of an action. */
export function actionColumns(doc: PreventionAction) {
  return { status: doc.status, rank: doc.rank, due_date: doc.dueDate, owner_id: doc.ownerId };
}

/** Every action in board order (for reviews and analytics). */
export async function allActions(sql: Sql): Promise<Versioned<PreventionAction>[]> {
  return sql.query<Versioned<PreventionAction>>(`select doc, version from prevention_actions order by ${COLUMN}, ${RANK}, id collate "C"`);
}

/** One page of actions matching `query`, in board order (column, then rank). */
export async function listActions(sql: Sql, query: ActionListQuery): Promise<Page<Versioned<PreventionAction>>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(condition(params.length));
  };
  if (query.status) add((n) => `status = any($${n})`, query.status);
  if (query.kind) add((n) => `doc->>'kind' = any($${n})`, query.kind);
  if (query.effectiveness) add((n) => `doc->>'effectiveness' = any($${n})`, query.effectiveness);
  if (query.owner) add((n) => `owner_id = $${n}`, query.owner);
  if (query.incident) add((n) => `exists (select 1 from action_incidents ai where ai.action_id = prevention_actions.id and ai.incident_id = $${n})`, query.incident);
  if (query.cursor !== undefined) {
    const [key, id] = decodeCursor(query.cursor);
    const match = typeof key === 'string' ? /^(\d):([0-9A-Za-z]+)$/.exec(key) : null;
    if (!match) throw badRequest('The cursor is not one this server gave out. Start again without a cursor.');
    params.push(Number(match[1]), match[2], id);
    const [c, r, i] = [params.length - 2, params.length - 1, params.length];
    where.push(`(${COLUMN} > $${c} or (${COLUMN} = $${c} and (${RANK} > $${r} or (rank = $${r} and id collate "C" > $${i}))))`);
  }
  params.push(query.limit + 1);
  const rows = await sql.query<Versioned<PreventionAction> & { id: string; status: ActionStatus; rank: string }>(
    `select id, status, rank, doc, version from prevention_actions ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${COLUMN}, ${RANK}, id collate "C" limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({ doc: row.doc, version: row.version })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${ACTION_STATUSES.indexOf(last.status)}:${last.rank}`, last.id) : null,
  };
}

/** Ids among `ids` that name no incident. */
export async function missingIncidents(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>('select id from incidents where id = any($1)', [ids]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** Makes the action's rows in action_incidents exactly `incidentIds`. */
export async function linkIncidents(sql: Sql, actionId: string, incidentIds: readonly string[]): Promise<void> {
  await sql.query('delete from action_incidents where action_id = $1 and not (incident_id = any($2))', [actionId, incidentIds]);
  for (const incidentId of incidentIds) {
    await sql.query('insert into action_incidents (action_id, incident_id) values ($1, $2) on conflict do nothing', [actionId, incidentId]);
  }
}

/** The rank of the last card in `status` (leaving out `exceptId`), or null for an empty column. */
async function edgeRank(sql: Sql, status: ActionStatus, exceptId: string, last: boolean): Promise<string | null> {
  const [row] = await sql.query<{ rank: string }>(
    `select rank from prevention_actions where status = $1 and id <> $2 order by ${RANK} ${last ? 'desc' : 'asc'} limit 1`,
    [status, exceptId],
  );
  return row?.rank ?? null;
}

/** The nearest rank above (`before`) or below (`after`) `rank` in a column, leaving out `exceptId`. */
async function nextRank(sql: Sql, status: ActionStatus, exceptId: string, rank: string, direction: 'before' | 'after'): Promise<string | null> {
  const [row] = await sql.query<{ rank: string }>(
    `select rank from prevention_actions where status = $1 and id <> $2 and ${RANK} ${direction === 'after' ? '>' : '<'} $3
     order by ${RANK} ${direction === 'after' ? 'asc' : 'desc'} limit 1`,
    [status, exceptId, rank],
  );
  return row?.rank ?? null;
}

/** A rank after every card of `status` but `exceptId`: the bottom of the column. */
export async function endOfColumn(sql: Sql, status: ActionStatus, exceptId = ''): Promise<string> {
  return between(await edgeRank(sql, status, exceptId, true), null);
}

function between(low: string | null, high: string | null): string {
  try {
    return rankBetween(low, high);
  } catch (error) {
    throw conflict(`The neighbouring cards' ranks leave no room (${(error as Error).message}) Reload the board and move the card again.`);
  }
}

/** Where a card goes: right after one card, right before another, both, or the bottom. */
export interface Placement {
  readonly afterId: string | null;
  readonly beforeId: string | null;
}

/**
 * The rank for card `id` dropped into column `status` at `placement`. Neighbours must be other
 * cards of that column (409); given both, they must be next to each other (409: the board
 * changed since it was read).
 */
export async function rankFor(sql: Sql, id: string, status: ActionStatus, placement: Placement): Promise<string> {
  const neighbour = async (otherId: string, field: string) => {
    if (otherId === id) throw conflict(`${field} names the card being moved; name a neighbouring card instead.`);
    const [row] = await sql.query<{ status: ActionStatus; rank: string }>('select status, rank from prevention_actions where id = $1', [otherId]);
    if (!row) throw conflict(`${field}: there is no prevention action with id "${otherId}".`);
    if (row.status !== status) throw conflict(`${field}: action "${otherId}" is in the ${row.status} column, not ${status}. Reload the board and drop the card again.`);
    return row.rank;
  };
  const low = placement.afterId ? await neighbour(placement.afterId, 'afterId') : null;
  const high = placement.beforeId ? await neighbour(placement.beforeId, 'beforeId') : null;
  if (low === null && high === null) return endOfColumn(sql, status, id);
  if (low !== null && high !== null) {
    const gap = await nextRank(sql, status, id, low, 'after');
    if (!(low < high) || gap !== high) {
      throw conflict(`Cards "${placement.afterId}" and "${placement.beforeId}" are not next to each other in the ${status} column. Reload the board and drop the card again.`);
    }
    return between(low, high);
  }
  if (low !== null) return between(low, await nextRank(sql, status, id, low, 'after'));
  return between(await nextRank(sql, status, id, high as string, 'before'), high);
}

/** Checks an explicit rank: usable by rankBetween later (422 otherwise) and not taken in the column (409). */
export async function checkExplicitRank(sql: Sql, id: string, status: ActionStatus, rank: string): Promise<string | null> {
  if (rank.endsWith('0')) return 'A rank must not end in "0" (nothing would fit before it); drop the trailing zeros.';
  const taken = await sql.query<{ id: string }>(`select id from prevention_actions where status = $1 and id <> $2 and rank = $3 collate "C"`, [status, id, rank]);
  if (taken[0]) throw conflict(`Rank "${rank}" is already taken by action "${taken[0].id}" in the ${status} column. Name neighbouring cards instead (afterId, beforeId).`);
  return null;
}
