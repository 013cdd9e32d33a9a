import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { openOfflineStore, type OfflineStore } from './store.js';
import type { DraftRecord } from './schema.js';

let counter = 0;
const uniqueName = () => `hansei-store-test-${Date.now()}-${counter++}`;

const draft = (entity: string, value: unknown): DraftRecord => ({ element: 'hansei-postmortem', entity, value, savedAt: 1 });

describe('openOfflineStore', () => {
  const opened: OfflineStore[] = [];
  let name: string;

  beforeEach(() => {
    name = uniqueName();
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) {
      try {
        store.close();
      } catch {
        // closed by the test
      }
    }
    await deleteDB(name);
  });

  async function open(options: Parameters<typeof openOfflineStore>[0] = {}) {
    const store = await openOfflineStore({ name, ...options });
    opened.push(store);
    return store;
  }

  it('opens a persistent database with the drafts, status and outbox stores', async () => {
    const store = await open();
    expect(store.persistent).to.equal(true);
    expect(store.reason).to.equal(null);
    expect(store.name).to.equal(name);

    await store.put('drafts', draft('pm_1', { summary: 'a' }));
    await store.put('status', { key: 'status', value: { ok: true }, fetchedAt: 5 });
    const first = await store.put('outbox', { method: 'declareIncident', args: [{}], idempotencyKey: 'k', queuedAt: 1, state: 'pending', attempts: 0, error: null });
    const second = await store.put('outbox', { method: 'declareIncident', args: [{}], idempotencyKey: 'k2', queuedAt: 2, state: 'pending', attempts: 0, error: null });

    expect(second).to.be.greaterThan(first);
    expect((await store.get('drafts', ['hansei-postmortem', 'pm_1']))?.value).to.deep.equal({ summary: 'a' });
    expect((await store.get('status', 'status'))?.fetchedAt).to.equal(5);
    expect((await store.getAll('outbox')).map((r) => r.idempotencyKey)).to.deep.equal(['k', 'k2']);
  });

  it('keeps records across closing and opening again', async () => {
    const first = await open();
    await first.put('drafts', draft('new', 'typed before the reload'));
    first.close();

    const second = await open();
    expect(second.persistent).to.equal(true);
    expect((await second.get('drafts', ['hansei-postmortem', 'new']))?.value).to.equal('typed before the reload');
  });

  it('rejects with a clear error once closed', async () => {
    const store = await open();
    store.close();
    let error: unknown;
    try {
      await store.get('status', 'status');
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain('is closed; open it again');
  });

  it('upgrades an older database in place, keeping its records', async () => {
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: ['element', 'entity'] });
      },
    });
    await old.put('drafts', draft('pm_9', 'from the old schema'));
    old.close();

    const store = await open({ version: 2 });
    expect(store.persistent).to.equal(true);
    expect((await store.get('drafts', ['hansei-postmortem', 'pm_9']))?.value).to.equal('from the old schema');
    const id = await store.put('outbox', { method: 'createAction', args: [{}], idempotencyKey: null, queuedAt: 1, state: 'pending', attempts: 0, error: null });
    expect(id).to.equal(1);
  });

  it('moves to memory, keeping its records, when a newer version opens in another tab', async () => {
    const older = await open();
    await older.put('drafts', draft('pm_1', 'typed in the old tab'));
    const newer = await open({ version: 2 });
    expect(newer.persistent).to.equal(true);
    expect(older.persistent).to.equal(false);
    expect(older.reason).to.contain('reload this page');
    expect((await older.get('drafts', ['hansei-postmortem', 'pm_1']))?.value).to.equal('typed in the old tab');
    expect((await newer.get('drafts', ['hansei-postmortem', 'pm_1']))?.value).to.equal('typed in the old tab');
  });

  describe('when IndexedDB cannot be used', () => {
    it('works in memory when the database does not open in time', async () => {
      // A connection that ignores requests to upgrade blocks the open below.
      const holder = await openDB(name, 1);
      const store = await open({ version: 2, openTimeoutMs: 50 });
      expect(store.persistent).to.equal(false);
      expect(store.reason).to.contain('no answer in 50 ms');
      holder.close();
      await store.put('status', { key: 'status', value: 'in memory', fetchedAt: 1 });
      expect((await store.get('status', 'status'))?.value).to.equal('in memory');
    });

    it('works in memory and says so when indexedDB.open throws', async () => {
      const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
      factory.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      };
      let store: OfflineStore;
      try {
        store = await open();
      } finally {
        delete (factory as Partial<IDBFactory>).open;
      }
      expect(store.persistent).to.equal(false);
      expect(store.reason).to.contain('could not be opened');
      expect(store.reason).to.contain('InvalidStateError');

      await store.put('drafts', draft('pm_1', { summary: 'kept in memory' }));
      const copy = await store.get('drafts', ['hansei-postmortem', 'pm_1']);
      expect(copy?.value).to.deep.equal({ summary: 'kept in memory' });
      (copy?.value as { summary: string }).summary = 'changed by the caller';
      expect((await store.get('drafts', ['hansei-postmortem', 'pm_1']))?.value).to.deep.equal({ summary: 'kept in memory' });

      const ids = [];
      for (const n of [1, 2, 3]) ids.push(await store.put('outbox', { method: 'createAction', args: [n], idempotencyKey: null, queuedAt: n, state: 'pending', attempts: 0, error: null }));
      expect(ids).to.deep.equal([1, 2, 3]);
      await store.delete('outbox', 2);
      expect((await store.getAll('outbox')).map((r) => r.args[0])).to.deep.equal([1, 3]);
    });

    it('works in memory when the database on disk is newer than this code', async () => {
      const newer = await openDB(name, 7);
      newer.close();
      const store = await open();
      expect(store.persistent).to.equal(false);
      expect(store.reason).to.contain('VersionError');
      await store.put('status', { key: 'status', value: 1, fetchedAt: 1 });
      expect((await store.get('status', 'status'))?.value).to.equal(1);
    });

    it('moves to memory when a write fails (storage full), keeping what was stored', async () => {
      const store = await open();
      await store.put('drafts', draft('pm_1', 'stored before the disk filled up'));
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        await store.put('drafts', draft('pm_2', 'written while full'));
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(store.persistent).to.equal(false);
      expect(store.reason).to.contain('QuotaExceededError');
      const all = await store.getAll('drafts');
      expect(all.map((r) => r.value)).to.have.members(['stored before the disk filled up', 'written while full']);
    });

    it('passes on errors caused by the data itself', async () => {
      const store = await open();
      let error: unknown;
      try {
        await store.put('drafts', draft('pm_1', () => 'functions cannot be stored'));
      } catch (caught) {
        error = caught;
      }
      expect((error as DOMException).name).to.equal('DataCloneError');
      expect(store.persistent).to.equal(true);
    });
  });
});
