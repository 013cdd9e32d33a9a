/**
 * What the prevention board reads through its adapter: every action (or one incident's), the
 * incidents they link to with those that may have recurred since, the people who own them, and
 * the caller's role; and how live changes update that.
 */
import { can, type Change, type HanseiAdapter } from '@hansei/adapters';
import type { Id, Incident, Page, Person, PreventionAction, Stored, TokenRole } from '@hansei/core';

/** Everything the board shows, as the adapter last said. */
export interface BoardData {
  readonly actions: ReadonlyMap<Id, Stored<PreventionAction>>;
  readonly incidents: ReadonlyMap<Id, Stored<Incident>>;
  readonly people: ReadonlyMap<Id, Stored<Person>>;
  /** The caller's role; null for an anonymous caller, undefined when the adapter cannot say. */
  readonly role: TokenRole | null | undefined;
}

const PAGE = 200;
/** At most this many actions (50 pages): a board bigger than that needs a filter on the server. */
const ACTION_PAGES_MAX = 50;
const PEOPLE_PAGES_MAX = 10;
const INCIDENT_PAGES_MAX = 25;

/** Every item of a paged list, page after page, until the last page, `max` pages, or `enough`. */
async function allPages<T>(read: (cursor: string | undefined) => Promise<Page<T>>, max: number, enough?: (items: readonly T[]) => boolean): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < max; page++) {
    const answer = await read(cursor);
    items.push(...answer.data);
    if (answer.nextCursor === null || enough?.(items)) break;
    cursor = answer.nextCursor;
  }
  return items;
}

function byId<T extends { readonly id: Id }>(items: readonly T[]): Map<Id, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Incidents, most recent first, until every incident the actions link to is known and the
 * list has gone back past the earliest completion of a done action (a recurrence that matters
 * started after it), or the pages run out.
 */
async function loadIncidents(adapter: HanseiAdapter, actions: readonly PreventionAction[], signal: AbortSignal): Promise<Stored<Incident>[]> {
  const linked = new Set(actions.flatMap((a) => a.incidentIds));
  const completions = actions.flatMap((a) => (a.status === 'done' && a.completedAt ? [a.completedAt] : []));
  const earliest = completions.length > 0 ? completions.reduce((a, b) => (a < b ? a : b)) : null;
  const enough = (items: readonly Stored<Incident>[]): boolean => {
    const last = items.at(-1);
    if (earliest !== null && last !== undefined && last.startedAt > earliest) return false;
    const seen = new Set(items.map((i) => i.id));
    for (const id of linked) if (!seen.has(id)) return false;
    return true;
  };
  if (linked.size === 0) return [];
  return allPages((cursor) => adapter.listIncidents(cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor }, { signal }), INCIDENT_PAGES_MAX, enough);
}

/**
 * Reads the board: actions (only `incidentId`'s when given), then incidents and people beside
 * the caller's role. Incidents and people are optional: when the adapter cannot read them the
 * board shows ids and no recurrences rather than nothing.
 */
export async function loadBoard(adapter: HanseiAdapter, incidentId: Id | null, signal: AbortSignal): Promise<BoardData> {
  const query = incidentId ? { incident: incidentId } : {};
  const [actions, people, role] = await Promise.all([
    allPages((cursor) => adapter.listActions(cursor === undefined ? { ...query, limit: PAGE } : { ...query, limit: PAGE, cursor }, { signal }), ACTION_PAGES_MAX),
    can(adapter, 'people')
      ? allPages((cursor) => adapter.listPeople(cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor }, { signal }), PEOPLE_PAGES_MAX).catch(() => [])
      : Promise.resolve([]),
    adapter.session({ signal }).then(
      (session) => session.role,
      () => undefined,
    ),
  ]);
  const incidents = can(adapter, 'incidents') || can(adapter, 'status') ? await loadIncidents(adapter, actions, signal).catch(() => []) : [];
  return { actions: byId(actions), incidents: byId(incidents), people: byId(people), role };
}

/** How a live change touched the board. */
export type ChangeEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'reload' }
  | { readonly kind: 'data'; readonly data: BoardData }
  | {
      readonly kind: 'action';
      readonly data: BoardData;
      /** The action as it was before (undefined: new to the board). */
      readonly before: Stored<PreventionAction> | undefined;
      /** The action now (undefined: gone from the board). */
      readonly after: Stored<PreventionAction> | undefined;
      readonly type: 'action.created' | 'action.updated' | 'action.moved' | 'action.deleted';
    };

/**
 * The board after `change`: actions newer than the ones shown replace them (an older version,
 * e.g. the echo of a write already answered, changes nothing); with `incidentId`, an action no
 * longer linked to it leaves the board. Incidents and people are kept current too.
 */
export function applyChange(data: BoardData, change: Change, incidentId: Id | null): ChangeEffect {
  switch (change.type) {
    case 'action.created':
    case 'action.updated':
    case 'action.moved': {
      const { action } = change.data;
      const before = data.actions.get(action.id);
      if (before && before.version >= action.version) return { kind: 'none' };
      const actions = new Map(data.actions);
      const belongs = !incidentId || action.incidentIds.includes(incidentId);
      if (belongs) actions.set(action.id, action);
      else if (before) actions.delete(action.id);
      else return { kind: 'none' };
      return { kind: 'action', data: { ...data, actions }, before, after: belongs ? action : undefined, type: change.type };
    }
    case 'action.deleted': {
      const before = data.actions.get(change.data.id);
      if (!before) return { kind: 'none' };
      const actions = new Map(data.actions);
      actions.delete(change.data.id);
      return { kind: 'action', data: { ...data, actions }, before, after: undefined, type: change.type };
    }
    case 'incident.created':
    case 'incident.updated':
    case 'incident.update.created': {
      const { incident } = change.data;
      const known = data.incidents.get(incident.id);
      if (known && known.version >= incident.version) return { kind: 'none' };
      return { kind: 'data', data: { ...data, incidents: new Map(data.incidents).set(incident.id, incident) } };
    }
    case 'person.created':
    case 'person.updated':
      return { kind: 'data', data: { ...data, people: new Map(data.people).set(change.data.person.id, change.data.person) } };
    case 'person.deleted': {
      if (!data.people.has(change.data.id)) return { kind: 'none' };
      const people = new Map(data.people);
      people.delete(change.data.id);
      return { kind: 'data', data: { ...data, people } };
    }
    case 'demo.seeded':
      return { kind: 'reload' };
    default:
      return { kind: 'none' };
  }
}

/** Replaces one action (a write's answer), unless the board already has a newer version of it. */
export function withAction(data: BoardData, action: Stored<PreventionAction>): BoardData {
  const known = data.actions.get(action.id);
  if (known && known.version >= action.version) return data;
  return { ...data, actions: new Map(data.actions).set(action.id, action) };
}
