import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { ComponentUptime, StatusSnapshot } from '@hansei/core';
import type { UptimeOptions } from '../adapter.js';
import { HanseiError } from '../errors.js';
import { openOfflineStore, type OfflineStore } from './store.js';
import { watchStatus, watchUptime, withStatusCache, type StatusRead } from './status-cache.js';

/** Snapshots told apart by `generatedAt`; the rest does not matter to the cache. */
const snapshot = (generatedAt: string) => ({ generatedAt, status: { indicator: 'none' } }) as unknown as StatusSnapshot;
const offline = () => new HanseiError({ kind: 'network', message: 'The server cannot be reached.' });

/** A backend whose answers the test sets, one call at a time. */
class FakeBackend {
  #answer: () => Promise<StatusSnapshot> = () => Promise.resolve(snapshot('1'));
  statusCalls = 0;
  uptimeCalls: UptimeOptions[] = [];

  answer(next: () => Promise<StatusSnapshot>) {
    this.#answer = next;
  }

  status(): Promise<StatusSnapshot> {
    this.statusCalls += 1;
    return this.#answer();
  }

  uptime(options: UptimeOptions = {}): Promise<readonly ComponentUptime[]> {
    this.uptimeCalls.push(options);
    return Promise.resolve([{ componentId: `days-${options.days ?? 90}`, days: [] }]);
  }

  /** Reaches a private field: only works when called on the instance itself. */
  getPage(): Promise<string> {
    return Promise.resolve(typeof this.#answer);
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('withStatusCache', () => {
  let name: string;
  let store: OfflineStore;
  let clock: number;
  const now = () => clock;
  let counter = 0;

  beforeEach(async () => {
    name = `hansei-status-test-${Date.now()}-${counter++}`;
    store = await openOfflineStore({ name });
    clock = Date.UTC(2026, 10, 24, 10, 42);
  });

  afterEach(async () => {
    store.close();
    await deleteDB(name);
  });

  /** Every delivery of one watch. */
  async function reads<T>(watch: (listener: (read: StatusRead<T>) => void) => Promise<void>) {
    const seen: StatusRead<T>[] = [];
    await watch((read) => seen.push(read));
    return seen;
  }

  it('delivers a fresh snapshot when nothing is cached, dated when it was fetched', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store, { now });
    const seen = await reads<StatusSnapshot>((l) => cached.watchStatus(l));
    expect(seen).to.deep.equal([{ snapshot: snapshot('1'), asOf: new Date(clock), stale: false }]);
  });

  it('serves the cached snapshot first, then the revalidated one', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store, { now });
    await cached.watchStatus(() => undefined);
    const fetchedAt = clock;

    clock += 60_000;
    const pending = deferred<StatusSnapshot>();
    backend.answer(() => pending.promise);
    const seen: StatusRead<StatusSnapshot>[] = [];
    const done = cached.watchStatus((read) => {
      seen.push(read);
      if (seen.length === 1) pending.resolve(snapshot('2'));
    });
    await done;

    expect(seen).to.deep.equal([
      { snapshot: snapshot('1'), asOf: new Date(fetchedAt), stale: true },
      { snapshot: snapshot('2'), asOf: new Date(clock), stale: false },
    ]);
  });

  it('keeps the cached snapshot, stale and dated, when the network fails', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store, { now });
    await cached.watchStatus(() => undefined);
    const fetchedAt = clock;

    clock += 3_600_000;
    backend.answer(() => Promise.reject(offline()));
    const seen = await reads<StatusSnapshot>((l) => cached.watchStatus(l));

    expect(seen).to.have.length(2);
    const last = seen[1];
    expect(last?.snapshot).to.deep.equal(snapshot('1'));
    expect(last?.stale).to.equal(true);
    expect(last?.asOf).to.deep.equal(new Date(fetchedAt));
    expect(last?.error).to.be.instanceOf(HanseiError);
    expect(last?.error?.kind).to.equal('network');
  });

  it('reports the error with no snapshot when nothing is cached and the fetch fails', async () => {
    const backend = new FakeBackend();
    backend.answer(() => Promise.reject(offline()));
    const seen = await reads<StatusSnapshot>((l) => withStatusCache(backend, store).watchStatus(l));
    expect(seen).to.have.length(1);
    expect(seen[0]?.snapshot).to.equal(null);
    expect(seen[0]?.asOf).to.equal(null);
    expect(seen[0]?.stale).to.equal(true);
    expect(seen[0]?.error?.kind).to.equal('network');
  });

  it('turns an unexpected failure into a HanseiError', async () => {
    const backend = new FakeBackend();
    backend.answer(() => Promise.reject(new TypeError('boom')));
    const seen = await reads<StatusSnapshot>((l) => withStatusCache(backend, store).watchStatus(l));
    expect(seen[0]?.error?.kind).to.equal('bad_response');
    expect(seen[0]?.error?.message).to.contain('boom');
  });

  it('remembers the last known status across a reload', async () => {
    await withStatusCache(new FakeBackend(), store, { now }).watchStatus(() => undefined);
    store.close();
    store = await openOfflineStore({ name });

    const backend = new FakeBackend();
    backend.answer(() => Promise.reject(offline()));
    const seen = await reads<StatusSnapshot>((l) => withStatusCache(backend, store, { now }).watchStatus(l));
    expect(seen.map((r) => [r.snapshot, r.stale, r.error?.kind])).to.deep.equal([
      [snapshot('1'), true, undefined],
      [snapshot('1'), true, 'network'],
    ]);
  });

  it('shares one fetch between watches running at the same time', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store);
    await Promise.all([cached.watchStatus(() => undefined), cached.watchStatus(() => undefined), cached.watchStatus(() => undefined)]);
    expect(backend.statusCalls).to.equal(1);
    await cached.watchStatus(() => undefined);
    expect(backend.statusCalls).to.equal(2);
  });

  it('tells nothing more after the signal aborts', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store);
    await cached.watchStatus(() => undefined);
    const controller = new AbortController();
    const seen: unknown[] = [];
    await cached.watchStatus(
      (read) => {
        seen.push(read);
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(seen).to.have.length(1);
  });

  it('keeps apart the namespaces of backends sharing a store', async () => {
    const a = new FakeBackend();
    await withStatusCache(a, store, { namespace: 'https://a.example' }).watchStatus(() => undefined);
    const b = new FakeBackend();
    b.answer(() => Promise.reject(offline()));
    const seen = await reads<StatusSnapshot>((l) => withStatusCache(b, store, { namespace: 'https://b.example' }).watchStatus(l));
    expect(seen.map((r) => r.snapshot)).to.deep.equal([null]);
  });

  it('status() fetches fresh, rejects as the adapter does, and remembers what it got', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store, { now });
    expect(await cached.status()).to.deep.equal(snapshot('1'));

    backend.answer(() => Promise.reject(offline()));
    let error: unknown;
    try {
      await cached.status();
    } catch (caught) {
      error = caught;
    }
    expect((error as HanseiError).kind).to.equal('network');
    const seen = await reads<StatusSnapshot>((l) => cached.watchStatus(l));
    expect(seen[0]?.snapshot).to.deep.equal(snapshot('1'));
  });

  it('caches uptime per number of days', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store, { now });
    await cached.uptime({ days: 30 });
    const seen = await reads<readonly ComponentUptime[]>((l) => cached.watchUptime(l, { days: 30 }));
    expect(seen.map((r) => [r.snapshot?.[0]?.componentId, r.stale])).to.deep.equal([
      ['days-30', true],
      ['days-30', false],
    ]);
    const other = await reads<readonly ComponentUptime[]>((l) => cached.watchUptime(l, { days: 7 }));
    expect(other.map((r) => [r.snapshot?.[0]?.componentId, r.stale])).to.deep.equal([['days-7', false]]);
    expect(backend.uptimeCalls.map((o) => o.days)).to.deep.equal([30, 30, 7]);
  });

  it('leaves every other member to the adapter, bound to it', async () => {
    const backend = new FakeBackend();
    const cached = withStatusCache(backend, store);
    expect(await cached.getPage()).to.equal('function');
    expect('getPage' in cached).to.equal(true);
    expect('watchStatus' in cached).to.equal(true);
  });
});

describe('watchStatus and watchUptime', () => {
  it('fetch once from an adapter without a cache, delivered the same way', async () => {
    const backend = new FakeBackend();
    const seen: StatusRead<StatusSnapshot>[] = [];
    await watchStatus(backend, (read) => seen.push(read));
    expect(seen).to.have.length(1);
    expect(seen[0]?.snapshot).to.deep.equal(snapshot('1'));
    expect(seen[0]?.stale).to.equal(false);
    expect(seen[0]?.asOf).to.be.instanceOf(Date);

    backend.answer(() => Promise.reject(offline()));
    const failed: StatusRead<StatusSnapshot>[] = [];
    await watchStatus(backend, (read) => failed.push(read));
    expect(failed.map((r) => [r.snapshot, r.error?.kind])).to.deep.equal([[null, 'network']]);

    const uptime: StatusRead<readonly ComponentUptime[]>[] = [];
    await watchUptime(backend, (read) => uptime.push(read), { days: 14 });
    expect(uptime[0]?.snapshot?.[0]?.componentId).to.equal('days-14');
  });

  it('use the cache of a cached adapter', async () => {
    const name = `hansei-status-watch-${Date.now()}`;
    const store = await openOfflineStore({ name });
    try {
      const backend = new FakeBackend();
      const cached = withStatusCache(backend, store);
      await watchStatus(cached, () => undefined);
      await watchUptime(cached, () => undefined);
      backend.answer(() => Promise.reject(offline()));
      const seen: StatusRead<StatusSnapshot>[] = [];
      await watchStatus(cached, (read) => seen.push(read));
      expect(seen.map((r) => [r.snapshot, r.error?.kind])).to.deep.equal([
        [snapshot('1'), undefined],
        [snapshot('1'), 'network'],
      ]);
    } finally {
      store.close();
      await deleteDB(name);
    }
  });

  it('say nothing for an aborted call', async () => {
    const backend = new FakeBackend();
    backend.answer(() => Promise.reject(new HanseiError({ kind: 'aborted', message: 'Aborted.' })));
    const seen: unknown[] = [];
    await watchStatus(backend, (read) => seen.push(read));
    expect(seen).to.deep.equal([]);
  });
});
