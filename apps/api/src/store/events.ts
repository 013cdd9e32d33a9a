/**
 * Change events: every write that others should see live appends one row to `events` and sends a
 * NOTIFY with its id, inside the writer's transaction. SSE streams read the table from a client's
 * Last-Event-ID and wake on the NOTIFY, so every process sharing the database delivers every
 * event, in order, exactly once per client.
 */
import type { Database, Sql } from '../db/database.js';

/** `public` events are safe for anonymous clients; `internal` ones need a token. */
export type Audience = 'public' | 'internal';

export interface ChangeEvent {
  readonly id: number;
  readonly audience: Audience;
  /** `component.updated`, `incident.created`, ... */
  readonly type: string;
  readonly at: string;
  readonly data: unknown;
}

export const EVENTS_CHANNEL = 'hansei_events';

/** Hears an event published by this process, at once: before its transaction commits and its NOTIFY arrives. */
export type LocalPublishListener = (db: Database, id: number) => void;
const localListeners = new Set<LocalPublishListener>();

/**
 * Calls `listener` for every event this process publishes, as it is written (the public cache
 * uses it so that a writer's next read never sees a document cached before the write). Returns
 * a function that stops it.
 */
export function onLocalPublish(listener: LocalPublishListener): () => void {
  localListeners.add(listener);
  return () => {
    localListeners.delete(listener);
  };
}

/** Appends an event and notifies listeners when `sql`'s transaction commits. */
export async function publish(db: Database, sql: Sql, audience: Audience, type: string, data: unknown, now: number): Promise<number> {
  const [row] = await sql.query<{ id: number }>('insert into events (audience, type, at, data) values ($1, $2, $3, $4) returning id', [
    audience,
    type,
    new Date(now).toISOString(),
    JSON.stringify(data),
  ]);
  const id = (row as { id: number }).id;
  for (const listener of localListeners) listener(db, id);
  await db.notify(EVENTS_CHANNEL, String(id), sql);
  return id;
}

/** Events after `afterId` that `audience` may see, oldest first. */
export async function eventsAfter(sql: Sql, afterId: number, audiences: readonly Audience[], limit = 500): Promise<ChangeEvent[]> {
  return sql.query<ChangeEvent>(
    'select id, audience, type, at, data from events where id > $1 and audience = any($2) order by id limit $3',
    [afterId, audiences, limit],
  );
}
