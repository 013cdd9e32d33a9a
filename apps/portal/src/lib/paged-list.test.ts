import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PagedList, type ListPage } from './paged-list.js';

const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A host as Lit's elements are one, counting the updates asked for. */
function host() {
  const controllers: ReactiveController[] = [];
  const self = { updates: 0, controllers, addController: (c: ReactiveController) => controllers.push(c), removeController: () => {}, requestUpdate: () => void self.updates++, updateComplete: Promise.resolve(true) };
  return self as typeof self & ReactiveControllerHost;
}

/** A page the test answers by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

describe('PagedList', () => {
  it('reads the first page, then the next after it, and updates the host', async () => {
    const h = host();
    const cursors: (string | null)[] = [];
    const list = new PagedList<number>(h, (cursor) => {
      cursors.push(cursor);
      return Promise.resolve(cursor ? { items: [3], nextCursor: null } : { items: [1, 2], nextCursor: 'c2' });
    }, words);
    assert.equal(h.controllers.length, 1);
    await list.load();
    assert.deepEqual([list.items, list.next, list.loading, list.problem], [[1, 2], 'c2', false, '']);
    await list.load(true);
    assert.deepEqual([list.items, list.next], [[1, 2, 3], null]);
    assert.deepEqual(cursors, [null, 'c2']);
    assert.ok(h.updates >= 4);
  });

  it('drops an older read when a newer one starts, and aborts on disconnect', async () => {
    const pages = [deferred<ListPage<string>>(), deferred<ListPage<string>>()];
    const signals: AbortSignal[] = [];
    const list = new PagedList<string>(host(), (_cursor, signal) => {
      signals.push(signal);
      return pages[signals.length - 1]!.promise;
    }, words);
    const older = list.load();
    const newer = list.load();
    assert.equal(signals[0]?.aborted, true);
    pages[1]!.resolve({ items: ['new search'], nextCursor: null });
    pages[0]!.resolve({ items: ['old search'], nextCursor: 'x' });
    await Promise.all([older, newer]);
    assert.deepEqual([list.items, list.next, list.loading], [['new search'], null, false]);
    void list.load();
    list.hostDisconnected();
    assert.equal(signals[2]?.aborted, true);
  });

  it('says what went wrong; a failed new search shows nothing old, a failed "more" keeps what is shown', async () => {
    let fail = false;
    const list = new PagedList<number>(host(), (cursor) => (fail ? Promise.reject(new Error('The server said no')) : Promise.resolve({ items: [cursor ? 2 : 1], nextCursor: 'c' })), words);
    await list.load();
    fail = true;
    await list.load(true);
    assert.deepEqual([list.items, list.next, list.problem], [[1], 'c', 'The server said no']);
    await list.load();
    assert.deepEqual([list.items, list.next, list.problem, list.loading], [[], null, 'The server said no', false]);
    fail = false;
    await list.load();
    assert.deepEqual([list.items, list.problem], [[1], '']);
  });
});
