/**
 * What the stories of writes made offline share (not a story file): the real offline wrapper
 * (`withOffline`, its outbox in IndexedDB) around an adapter, offline until the story's play
 * function calls `connect()`. Each story opens a database of its own and deletes the ones earlier
 * stories left, so reloading Storybook does not pile them up.
 */
import type { HanseiAdapter } from '@hansei/adapters';
import { openOfflineStore, withOffline, type OfflineAdapter } from '@hansei/adapters/offline';

const PREFIX = 'hansei-story-outbox-';
let counter = 0;

export interface OfflineStory {
  /** `backend` behind the outbox: its writes wait while offline. */
  readonly adapter: OfflineAdapter;
  /** Back online: the outbox sends what waits, as on the window's `online` event. */
  readonly connect: () => void;
}

async function forgetEarlier(): Promise<void> {
  const databases = (await indexedDB.databases?.()) ?? [];
  for (const { name } of databases) {
    if (name?.startsWith(PREFIX)) indexedDB.deleteDatabase(name);
  }
}

/** `backend` behind a fresh outbox, offline at first. */
export async function offline(backend: HanseiAdapter): Promise<OfflineStory> {
  await forgetEarlier();
  const store = await openOfflineStore({ name: `${PREFIX}${Date.now()}-${counter++}` });
  const events = new EventTarget();
  let online = false;
  const adapter = withOffline(backend, store, { online: () => online, onlineEvents: events, retry: false });
  return {
    adapter,
    connect() {
      online = true;
      events.dispatchEvent(new Event('online'));
    },
  };
}
