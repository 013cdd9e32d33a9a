import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { openStatusStore } from './status-store.js';
import { openOfflineStore } from './store.js';

let counter = 0;
const record = (key: string, value: unknown) => ({ key, value, fetchedAt: 1_700_000_000_000 });

describe('openStatusStore (the status page\'s idb-free store)', () => {
  let name: string;
  beforeEach(() => {
    name = `hansei-status-store-test-${Date.now()}-${counter++}`;
  });
  afterEach(() => deleteDB(name));

  it('keeps records across a reopen, in the same database the full store uses', async () => {
    const first = openStatusStore(name);
    await first.put('status', record('status', { page: 'a' }));
    await first.close();

    const full = await openOfflineStore({ name });
    expect(full.persistent).to.equal(true);
    expect(await full.get('status', 'status')).to.deep.equal(record('status', { page: 'a' }));
    await full.put('status', record('uptime:90:', [1]));
    full.close();

    const again = openStatusStore(name);
    expect(await again.get('status', 'uptime:90:')).to.deep.equal(record('uptime:90:', [1]));
    expect(await again.get('status', 'missing')).to.equal(undefined);
    await again.close();
  });

  it('creates the full schema when it opens the database first', async () => {
    const store = openStatusStore(name);
    await store.put('status', record('status', 1));
    await store.close();
    const full = await openOfflineStore({ name });
    expect(full.persistent).to.equal(true);
    await full.put('drafts', { element: 'hansei-postmortem', entity: 'new', value: 'x', savedAt: 1 });
    expect(await full.getAll('drafts')).to.have.length(1);
    full.close();
  });

  it('works in memory when IndexedDB cannot be opened', async () => {
    const original = indexedDB.open.bind(indexedDB);
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    try {
      const store = openStatusStore(name);
      await store.put('status', record('status', { page: 'kept' }));
      expect(await store.get('status', 'status')).to.deep.equal(record('status', { page: 'kept' }));
      await store.close();
    } finally {
      indexedDB.open = original;
    }
  });
});
