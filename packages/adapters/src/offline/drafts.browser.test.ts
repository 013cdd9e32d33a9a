import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createDrafts, type Drafts } from './drafts.js';
import { openOfflineStore, type OfflineStore } from './store.js';

const DAY = 86_400_000;
let counter = 0;

/** A store whose draft writes are counted. */
function counting(store: OfflineStore): OfflineStore & { puts: number } {
  const counted = {
    puts: 0,
    name: store.name,
    persistent: store.persistent,
    reason: store.reason,
    get: store.get.bind(store),
    getAll: store.getAll.bind(store),
    delete: store.delete.bind(store),
    close: store.close.bind(store),
    put: ((storeName, value) => {
      if (storeName === 'drafts') counted.puts += 1;
      return store.put(storeName, value);
    }) as OfflineStore['put'],
  };
  return counted;
}

describe('drafts', () => {
  const key = { element: 'hansei-postmortem', entity: 'pm_123' } as const;
  let name: string;
  let clock: number;
  const now = () => clock;
  const cleanup: (() => void)[] = [];

  async function open(): Promise<OfflineStore> {
    const store = await openOfflineStore({ name });
    cleanup.push(() => {
      try {
        store.close();
      } catch {
        // closed by the test
      }
    });
    return store;
  }

  function drafts(store: OfflineStore, options: { maxAgeDays?: number } = {}): Drafts {
    const created = createDrafts(store, { now, ...options });
    cleanup.push(() => created.dispose());
    return created;
  }

  beforeEach(() => {
    name = `hansei-drafts-test-${Date.now()}-${counter++}`;
    clock = Date.UTC(2026, 10, 24, 10, 42);
  });

  afterEach(async () => {
    for (const undo of cleanup.splice(0)) undo();
    await deleteDB(name);
  });

  it('reads back a saved draft, with when it was saved, from a new store after the first is closed', async () => {
    const first = await open();
    await drafts(first).saveDraft(key, { summary: 'The cache expired at once' });
    first.close();

    const second = await open();
    const restored = await drafts(second).loadDraft<{ summary: string }>(key);
    expect(restored?.value).to.deep.equal({ summary: 'The cache expired at once' });
    expect(restored?.savedAt.getTime()).to.equal(Date.UTC(2026, 10, 24, 10, 42));
    expect(restored?.element).to.equal('hansei-postmortem');
    expect(restored?.entity).to.equal('pm_123');
  });

  it('answers null when there is no draft', async () => {
    expect(await drafts(await open()).loadDraft(key)).to.equal(null);
  });

  it('writes a burst of changes as its last value, one write in flight at a time', async () => {
    const store = counting(await open());
    const d = drafts(store);
    const saves: Promise<void>[] = [];
    for (let i = 1; i <= 50; i++) saves.push(d.saveDraft(key, `keystroke ${i}`));
    // The newest value is offered even before it is written.
    expect((await d.loadDraft(key))?.value).to.equal('keystroke 50');
    await Promise.all(saves);
    expect(store.puts).to.equal(2);
    expect((await store.get('drafts', [key.element, key.entity]))?.value).to.equal('keystroke 50');
  });

  it('writes what is queued at once when the page is hidden, so a reload loses nothing', async () => {
    const store = counting(await open());
    const d = drafts(store);
    void d.saveDraft(key, 'first');
    void d.saveDraft(key, 'second');
    void d.saveDraft(key, 'last before the reload');
    expect(store.puts).to.equal(1);
    window.dispatchEvent(new Event('pagehide'));
    expect(store.puts).to.equal(2);
    // The page goes away now: the connection closes without waiting for anything.
    store.close();

    const reopened = await open();
    expect((await drafts(reopened).loadDraft(key))?.value).to.equal('last before the reload');
  });

  it('flushes when the document becomes hidden', async () => {
    const store = counting(await open());
    const d = drafts(store);
    void d.saveDraft(key, 'a');
    void d.saveDraft(key, 'b');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(store.puts).to.equal(2);
    await d.flush();
    expect((await store.get('drafts', [key.element, key.entity]))?.value).to.equal('b');
  });

  it('stops listening once disposed', async () => {
    const store = counting(await open());
    const d = createDrafts(store, { now });
    d.dispose();
    void d.saveDraft(key, 'a');
    void d.saveDraft(key, 'b');
    window.dispatchEvent(new Event('pagehide'));
    expect(store.puts).to.equal(1);
    await d.flush();
  });

  it('discards a draft, also one whose write is still in flight', async () => {
    const store = await open();
    const d = drafts(store);
    void d.saveDraft(key, 'one');
    const queued = d.saveDraft(key, 'two');
    await d.discardDraft(key);
    await queued;
    expect(await d.loadDraft(key)).to.equal(null);
    store.close();
    expect(await drafts(await open()).loadDraft(key)).to.equal(null);
  });

  it('lists drafts, newest first, of every element or of one', async () => {
    const d = drafts(await open());
    await d.saveDraft({ element: 'hansei-postmortem', entity: 'pm_1' }, 'a');
    clock += 1000;
    await d.saveDraft({ element: 'hansei-incident-form', entity: 'new' }, 'b');
    clock += 1000;
    void d.saveDraft({ element: 'hansei-postmortem', entity: 'new' }, 'c');

    const all = await d.listDrafts();
    expect(all.map((x) => x.value)).to.deep.equal(['c', 'b', 'a']);
    const postmortems = await d.listDrafts('hansei-postmortem');
    expect(postmortems.map((x) => x.entity)).to.deep.equal(['new', 'pm_1']);
    await d.flush();
  });

  it('prunes drafts older than the limit and no longer offers them', async () => {
    const store = await open();
    const d = drafts(store, { maxAgeDays: 30 });
    await d.saveDraft({ element: 'hansei-postmortem', entity: 'old' }, 'forgotten');
    clock += 20 * DAY;
    await d.saveDraft({ element: 'hansei-postmortem', entity: 'recent' }, 'kept');
    clock += 11 * DAY;

    expect(await d.loadDraft({ element: 'hansei-postmortem', entity: 'old' })).to.equal(null);
    expect((await d.listDrafts()).map((x) => x.entity)).to.deep.equal(['recent']);
    expect(await d.pruneDrafts()).to.equal(1);
    expect((await store.getAll('drafts')).map((r) => r.entity)).to.deep.equal(['recent']);
    expect(await d.pruneDrafts(5)).to.equal(1);
    expect(await store.getAll('drafts')).to.deep.equal([]);
  });

  it('prunes on creation', async () => {
    const store = await open();
    await store.put('drafts', { element: 'hansei-postmortem', entity: 'ancient', value: 1, savedAt: clock - 90 * DAY });
    await store.put('drafts', { element: 'hansei-postmortem', entity: 'fresh', value: 2, savedAt: clock - DAY });
    const d = drafts(store);
    expect(await d.pruned).to.equal(1);
    expect((await store.getAll('drafts')).map((r) => r.entity)).to.deep.equal(['fresh']);
  });

  it('works the same when the store is in memory', async () => {
    const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
    factory.open = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    let store: OfflineStore;
    try {
      store = await open();
    } finally {
      delete (factory as Partial<IDBFactory>).open;
    }
    expect(store.persistent).to.equal(false);
    const d = drafts(store);
    for (let i = 0; i < 5; i++) void d.saveDraft(key, i);
    await d.flush();
    expect((await d.loadDraft(key))?.value).to.equal(4);
  });
});
