/**
 * Test support, not a test (named `*.test.ts` so the package never publishes it, and not
 * `*.browser.test.ts`, so the runner does not run it): a drafts store of its own for a browser
 * test, on a fresh IndexedDB database that is deleted when the test cleans up.
 */
import { createDrafts, openOfflineStore, type Drafts } from '@hansei/adapters/offline';

let counter = 0;

/**
 * Opens drafts on the database `name` (a new one by default) and pushes onto `cleanups` what
 * closes and deletes it. `dbName` opens the same database again (a reload, in effect).
 */
export async function freshDrafts(cleanups: (() => void | Promise<void>)[], name = `hansei-test-${Date.now()}-${counter++}`): Promise<Drafts & { dbName: string }> {
  const store = await openOfflineStore({ name });
  const drafts = createDrafts(store);
  cleanups.push(async () => {
    drafts.dispose();
    store.close();
    await dropDatabase(name);
  });
  return Object.assign(drafts, { dbName: name });
}

/** Deletes the IndexedDB database `name` (settles even when it is blocked or missing). */
export function dropDatabase(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}
