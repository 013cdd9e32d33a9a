/**
 * Test support, not a test (see drafts-fixtures.test.ts): the real offline wrapper (withOffline,
 * its outbox in a fresh IndexedDB database) around a backend, with the connection switched by
 * the test. Writes made while offline wait in the outbox and go out when `connect()` is called.
 */
import type { HanseiAdapter } from '@hansei/adapters';
import { openOfflineStore, withOffline, type OfflineAdapter } from '@hansei/adapters/offline';
import { dropDatabase } from './drafts-fixtures.test.js';

let counter = 0;

export interface Connection {
  readonly adapter: OfflineAdapter;
  /** Back online: the outbox replays, as on the window's `online` event. */
  connect(): void;
  disconnect(): void;
}

/** `backend` behind the offline outbox, offline at first; `cleanups` closes and deletes it all. */
export async function offlineAdapter(cleanups: (() => void | Promise<void>)[], backend: HanseiAdapter): Promise<Connection> {
  const name = `hansei-outbox-test-${Date.now()}-${counter++}`;
  const store = await openOfflineStore({ name });
  const events = new EventTarget();
  let online = false;
  const adapter = withOffline(backend, store, { online: () => online, onlineEvents: events, retry: false });
  cleanups.push(async () => {
    adapter.dispose();
    store.close();
    await dropDatabase(name);
  });
  return {
    adapter,
    connect() {
      online = true;
      events.dispatchEvent(new Event('online'));
    },
    disconnect() {
      online = false;
    },
  };
}
