import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { StatusSnapshot } from '@hansei/core';
import type { CreateOptions, HanseiAdapter } from '../adapter.js';
import { HanseiError, type ErrorKind } from '../errors.js';
import { openOfflineStore, type OfflineStore } from './store.js';
import { QueuedError, isQueued, withOffline, type OfflineAdapter, type OfflineOptions } from './offline-adapter.js';
import type { OutboxEntry, SettledEntry } from './outbox.js';

interface Entity {
  id: string;
  title?: string;
  summary?: string;
  version: number;
}

const problem = (status: number, current?: unknown) => ({ type: 'about:blank', title: 'Refused', status, ...(current ? { current } : {}) });

/**
 * Just the backend behaviour the outbox meets: idempotent creates, versioned updates that answer
 * 412 with `current`, validation, and failures the test lines up.
 */
class FakeBackend {
  readonly capabilities = { read: [], write: [], live: false };
  readonly calls: string[] = [];
  readonly incidents = new Map<string, Entity>();
  readonly actions = new Map<string, Entity>();
  readonly postmortems = new Map<string, Entity>([['pm_1', { id: 'pm_1', summary: 'first words', version: 1 }]]);
  /** Kinds the next calls fail with, in order; `undefined` lets a call through. */
  readonly failures: (ErrorKind | undefined)[] = [];
  /** The next create happens on the server, but its answer is lost on the way back. */
  loseNextAnswer = false;
  readonly #byKey = new Map<string, Entity>();
  #ids = 0;

  #enter(call: string): void {
    this.calls.push(call);
    const kind = this.failures.shift();
    if (kind) throw new HanseiError({ kind, message: `Failed with ${kind}.`, status: kind === 'unavailable' ? 503 : null });
  }

  #create(into: Map<string, Entity>, prefix: string, input: { title: string }, options?: CreateOptions): Entity {
    const key = options?.idempotencyKey;
    const earlier = key ? this.#byKey.get(key) : undefined;
    if (earlier) return earlier;
    if (!input.title) throw new HanseiError({ kind: 'validation', status: 422, message: 'A title is needed.', problem: { ...problem(422), errors: [{ path: 'title', message: 'Required' }] } });
    const entity = { id: `${prefix}_${++this.#ids}`, title: input.title, version: 1 };
    into.set(entity.id, entity);
    if (key) this.#byKey.set(key, entity);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new HanseiError({ kind: 'network', message: 'The connection dropped.' });
    }
    return entity;
  }

  declareIncident(input: { title: string }, options?: CreateOptions): Promise<Entity> {
    return Promise.resolve().then(() => {
      this.#enter(`declareIncident ${input.title}`);
      return this.#create(this.incidents, 'inc', input, options);
    });
  }

  createAction(input: { title: string }, options?: CreateOptions): Promise<Entity> {
    return Promise.resolve().then(() => {
      this.#enter(`createAction ${input.title}`);
      return this.#create(this.actions, 'act', input, options);
    });
  }

  updatePostmortem(id: string, patch: { summary: string }, version: number): Promise<Entity> {
    return Promise.resolve().then(() => {
      this.#enter(`updatePostmortem ${patch.summary} @${version}`);
      const now = this.postmortems.get(id);
      if (!now) throw new HanseiError({ kind: 'not_found', status: 404, message: 'No such postmortem.' });
      if (now.version !== version) throw new HanseiError({ kind: 'conflict', status: 412, message: 'Someone else changed it.', problem: problem(412, now) });
      const next = { ...now, ...patch, version: now.version + 1 };
      this.postmortems.set(id, next);
      return next;
    });
  }

  getPostmortem(id: string): Promise<Entity | undefined> {
    return Promise.resolve(this.postmortems.get(id));
  }

  status(): Promise<StatusSnapshot> {
    this.#enter('status');
    return Promise.resolve({ generatedAt: 'now' } as unknown as StatusSnapshot);
  }

  /** Someone else edits the postmortem. */
  editElsewhere(summary: string): void {
    const now = this.postmortems.get('pm_1') as Entity;
    this.postmortems.set('pm_1', { ...now, summary, version: now.version + 1 });
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('withOffline', () => {
  let name: string;
  let store: OfflineStore;
  let backend: FakeBackend;
  let isOnline: boolean;
  let events: EventTarget;
  let adapter: OfflineAdapter;
  let counter = 0;

  const wrap = (over: OfflineStore = store, options: Partial<OfflineOptions> = {}) =>
    withOffline(backend as unknown as HanseiAdapter, over, { online: () => isOnline, onlineEvents: events, ...options });

  beforeEach(async () => {
    name = `hansei-outbox-test-${Date.now()}-${counter++}`;
    store = await openOfflineStore({ name });
    backend = new FakeBackend();
    isOnline = false;
    events = new EventTarget();
    adapter = wrap();
  });

  afterEach(async () => {
    adapter.dispose();
    store.close();
    await deleteDB(name);
  });

  /** Resolves with the outbox entries once a change makes `done` true. */
  function until(done: (entries: readonly OutboxEntry[]) => boolean): Promise<readonly OutboxEntry[]> {
    return new Promise((resolve) => {
      const stop = adapter.outbox.onChange((entries) => {
        if (!done(entries)) return;
        stop();
        resolve(entries);
      });
    });
  }

  it('queues a write made offline without trying, and rejects with a queued network error', async () => {
    const error = await rejection(adapter.declareIncident({ title: 'Checkout down' } as never));
    expect(error).to.be.instanceOf(QueuedError);
    expect(error).to.be.instanceOf(HanseiError);
    expect(isQueued(error)).to.equal(true);
    const queued = error as QueuedError;
    expect(queued.kind).to.equal('network');
    expect(queued.queued).to.equal(true);
    expect(backend.calls).to.deep.equal([]);

    const [entry, ...rest] = await adapter.outbox.list();
    expect(rest).to.deep.equal([]);
    expect(entry?.id).to.equal(queued.entryId);
    expect(entry?.method).to.equal('declareIncident');
    expect(entry?.args).to.deep.equal([{ title: 'Checkout down' }]);
    expect(entry?.state).to.equal('pending');
    expect(entry?.idempotencyKey).to.be.a('string').and.have.length.greaterThan(8);
    expect(entry?.target).to.equal(null);
    expect(entry?.queuedAt).to.be.instanceOf(Date);
  });

  it('queues a write that fails with a network error, with the version it was based on', async () => {
    isOnline = true;
    backend.failures.push('network');
    const error = await rejection(adapter.updatePostmortem('pm_1', { summary: 'offline words' } as never, 1));
    expect(isQueued(error)).to.equal(true);
    expect(backend.calls).to.deep.equal(['updatePostmortem offline words @1']);
    const [entry] = await adapter.outbox.list();
    expect(entry?.target).to.equal('pm_1');
    expect(entry?.baseVersion).to.equal(1);
    expect(entry?.idempotencyKey).to.equal(null);
  });

  it('passes other failures and successes straight through', async () => {
    isOnline = true;
    backend.failures.push('forbidden');
    const error = await rejection(adapter.createAction({ title: 'Add an alert' } as never));
    expect(isQueued(error)).to.equal(false);
    expect((error as HanseiError).kind).to.equal('forbidden');
    const created = await adapter.createAction({ title: 'Add an alert' } as never);
    expect(created.id).to.equal('act_1');
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('replays in order, one at a time, when the page comes back online', async () => {
    await rejection(adapter.declareIncident({ title: 'A' } as never));
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'B' } as never, 1));
    await rejection(adapter.createAction({ title: 'C' } as never));
    expect((await adapter.outbox.list()).map((e) => e.method)).to.deep.equal(['declareIncident', 'updatePostmortem', 'createAction']);

    isOnline = true;
    const emptied = until((entries) => entries.length === 0);
    events.dispatchEvent(new Event('online'));
    await emptied;

    expect(backend.calls).to.deep.equal(['declareIncident A', 'updatePostmortem B @1', 'createAction C']);
    expect(backend.postmortems.get('pm_1')?.summary).to.equal('B');
  });

  it('stops on a transient failure and keeps the rest, in order, for later', async () => {
    for (const title of ['A', 'B', 'C']) await rejection(adapter.createAction({ title } as never));
    isOnline = true;
    backend.failures.push(undefined, 'unavailable');

    const first = await adapter.outbox.flush();
    expect(first).to.deep.equal({ sent: 1, failed: 0, pending: 2 });
    const left = await adapter.outbox.list();
    expect(left.map((e) => [e.args[0], e.state, e.attempts])).to.deep.equal([
      [{ title: 'B' }, 'pending', 1],
      [{ title: 'C' }, 'pending', 0],
    ]);

    const second = await adapter.outbox.flush();
    expect(second).to.deep.equal({ sent: 2, failed: 0, pending: 0 });
    expect(backend.calls).to.deep.equal(['createAction A', 'createAction B', 'createAction B', 'createAction C']);
    expect([...backend.actions.values()].map((a) => a.title)).to.deep.equal(['A', 'B', 'C']);
  });

  it('tries again on its own after a transient failure while online, honouring the backoff', async () => {
    adapter.dispose();
    adapter = wrap(store, { retry: { firstMs: 1, maxMs: 2 } });
    await rejection(adapter.createAction({ title: 'A' } as never));
    isOnline = true;
    backend.failures.push('unavailable', 'rate_limited');
    const emptied = until((entries) => entries.length === 0);
    expect((await adapter.outbox.flush()).pending).to.equal(1);
    await emptied;
    expect(backend.calls).to.deep.equal(['createAction A', 'createAction A', 'createAction A']);
  });

  it('tries again on its own when a write made online could not reach the server', async () => {
    adapter.dispose();
    adapter = wrap(store, { retry: { firstMs: 1, maxMs: 1 } });
    isOnline = true;
    backend.failures.push('network');
    const emptied = until((entries) => entries.length === 0);
    expect(isQueued(await rejection(adapter.createAction({ title: 'A' } as never)))).to.equal(true);
    await emptied;
    expect([...backend.actions.values()].map((a) => a.title)).to.deep.equal(['A']);
  });

  it('does not try again on its own when retries are off', async () => {
    adapter.dispose();
    adapter = wrap(store, { retry: false });
    await rejection(adapter.createAction({ title: 'A' } as never));
    isOnline = true;
    backend.failures.push('unavailable');
    await adapter.outbox.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(backend.calls).to.deep.equal(['createAction A']);
  });

  it('does nothing while offline', async () => {
    await rejection(adapter.createAction({ title: 'A' } as never));
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 1 });
    expect(backend.calls).to.deep.equal([]);
  });

  it('keeps a conflict with the server current, never overwriting, and goes on with the rest', async () => {
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'mine' } as never, 1));
    await rejection(adapter.createAction({ title: 'After' } as never));
    backend.editElsewhere('theirs');
    isOnline = true;

    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 1, failed: 1, pending: 0 });
    expect(backend.postmortems.get('pm_1')).to.deep.equal({ id: 'pm_1', summary: 'theirs', version: 2 });

    const [kept, ...rest] = await adapter.outbox.list();
    expect(rest).to.deep.equal([]);
    expect(kept?.state).to.equal('failed');
    expect(kept?.error).to.be.instanceOf(HanseiError);
    expect(kept?.error?.kind).to.equal('conflict');
    expect(kept?.error?.status).to.equal(412);
    expect(kept?.current).to.deep.equal({ id: 'pm_1', summary: 'theirs', version: 2 });

    // Never dropped: later replays leave it for the person.
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 0 });
    expect((await adapter.outbox.list()).map((e) => e.state)).to.deep.equal(['failed']);
  });

  it('keeps an entry it cannot replay, or that fails unexpectedly, as failed', async () => {
    await store.put('outbox', { method: 'frobnicate', args: ['x'], idempotencyKey: null, queuedAt: 1, state: 'pending', attempts: 0, error: null });
    await rejection(adapter.createAction({ title: 'A' } as never));
    (backend as unknown as { createAction: () => Promise<never> }).createAction = () => Promise.reject(new TypeError('adapter bug'));
    isOnline = true;
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 0, failed: 2, pending: 0 });
    const kept = await adapter.outbox.list();
    expect(kept.map((e) => [e.state, e.error?.kind])).to.deep.equal([
      ['failed', 'unsupported'],
      ['failed', 'bad_response'],
    ]);
    expect(kept[1]?.error?.message).to.contain('adapter bug');
  });

  it('keeps a validation failure with its field errors', async () => {
    await rejection(adapter.createAction({ title: '' } as never));
    isOnline = true;
    await adapter.outbox.flush();
    const [kept] = await adapter.outbox.list();
    expect(kept?.state).to.equal('failed');
    expect(kept?.error?.kind).to.equal('validation');
    expect(kept?.error?.fieldErrors).to.deep.equal([{ path: 'title', message: 'Required' }]);
  });

  it('resolves a kept entry by discarding it', async () => {
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'mine' } as never, 1));
    backend.editElsewhere('theirs');
    isOnline = true;
    await adapter.outbox.flush();
    const [kept] = await adapter.outbox.list();
    const changes = until((entries) => entries.length === 0);
    await adapter.outbox.resolve(kept?.id ?? -1, 'discard');
    await changes;
    expect(await adapter.outbox.list()).to.deep.equal([]);
    expect(backend.postmortems.get('pm_1')?.summary).to.equal('theirs');
  });

  it('resolves a kept conflict by retrying with arguments based on current', async () => {
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'mine' } as never, 1));
    backend.editElsewhere('theirs');
    isOnline = true;
    await adapter.outbox.flush();
    const [kept] = await adapter.outbox.list();
    if (kept?.method !== 'updatePostmortem') throw new Error('expected the postmortem update');
    const current = kept.current as Entity;

    const sent = until((entries) => entries.length === 0);
    await adapter.outbox.resolve(kept.id, 'retry-with', [kept.args[0], { summary: `${current.summary} + mine` }, current.version]);
    await sent;
    expect(backend.postmortems.get('pm_1')).to.deep.equal({ id: 'pm_1', summary: 'theirs + mine', version: 3 });
  });

  it('retries a refused create with a new idempotency key, keeping its place', async () => {
    await rejection(adapter.createAction({ title: '' } as never));
    isOnline = true;
    await adapter.outbox.flush();
    const [kept] = await adapter.outbox.list();
    await adapter.outbox.resolve(kept?.id ?? -1, 'retry-with', [{ title: 'Now with a title' }] as never);
    await adapter.outbox.flush();
    expect(await adapter.outbox.list()).to.deep.equal([]);
    expect([...backend.actions.values()].map((a) => a.title)).to.deep.equal(['Now with a title']);
  });

  it('refuses to resolve an unknown entry, or retry with the wrong number of arguments', async () => {
    const unknown = await rejection(adapter.outbox.resolve(404, 'discard'));
    expect((unknown as HanseiError).kind).to.equal('not_found');
    await rejection(adapter.createAction({ title: 'A' } as never));
    const [entry] = await adapter.outbox.list();
    const wrong = await rejection(adapter.outbox.resolve(entry?.id ?? -1, 'retry-with', ['x', 'y'] as never));
    expect(wrong).to.be.instanceOf(TypeError);
    expect(String(wrong)).to.contain('takes 1 arguments');
  });

  it('never creates twice: the key of the first attempt is the key of the replay', async () => {
    isOnline = true;
    backend.loseNextAnswer = true;
    const error = await rejection(adapter.declareIncident({ title: 'Created, but the answer was lost' } as never));
    expect(isQueued(error)).to.equal(true);
    expect(backend.incidents.size).to.equal(1);

    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 1, failed: 0, pending: 0 });
    expect(backend.incidents.size).to.equal(1);
    expect(backend.calls).to.have.length(2);
  });

  it('keeps the idempotency key the caller gave', async () => {
    await rejection(adapter.createAction({ title: 'A' } as never, { idempotencyKey: 'my-key-123' }));
    const [entry] = await adapter.outbox.list();
    expect(entry?.idempotencyKey).to.equal('my-key-123');
  });

  it('replays several offline edits of one entity on top of each other, without a false conflict', async () => {
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'one' } as never, 1));
    await rejection(adapter.updatePostmortem('pm_1', { summary: 'two' } as never, 1));
    isOnline = true;
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 2, failed: 0, pending: 0 });
    expect(backend.calls).to.deep.equal(['updatePostmortem one @1', 'updatePostmortem two @2']);
    expect(backend.postmortems.get('pm_1')).to.deep.equal({ id: 'pm_1', summary: 'two', version: 3 });
  });

  it('sends a write made online behind waiting ones, in order, and answers it as a direct call', async () => {
    await rejection(adapter.createAction({ title: 'Queued first' } as never));
    isOnline = true;
    const created = await adapter.createAction({ title: 'Made online' } as never);
    expect(created.title).to.equal('Made online');
    expect(backend.calls).to.deep.equal(['createAction Queued first', 'createAction Made online']);
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('hands a refusal of such a write to its caller instead of keeping it', async () => {
    await rejection(adapter.createAction({ title: 'Queued first' } as never));
    isOnline = true;
    const error = await rejection(adapter.createAction({ title: '' } as never));
    expect((error as HanseiError).kind).to.equal('validation');
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('hands a 401 of such a write to its caller, but keeps waiting writes of others on a 401', async () => {
    await rejection(adapter.createAction({ title: 'Queued first' } as never));
    isOnline = true;
    backend.failures.push(undefined, 'unauthorized');
    const error = await rejection(adapter.createAction({ title: 'Made online' } as never));
    expect((error as HanseiError).kind).to.equal('unauthorized');
    expect(await adapter.outbox.list()).to.deep.equal([]);

    isOnline = false;
    await rejection(adapter.createAction({ title: 'Queued again' } as never));
    isOnline = true;
    backend.failures.push('unauthorized');
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 1 });
  });

  it('keeps an entry for a method the wrapped adapter lacks as failed, never as sent', async () => {
    await rejection(adapter.deletePerson('person_1', 3));
    isOnline = true;
    expect(await adapter.outbox.flush()).to.deep.equal({ sent: 0, failed: 1, pending: 0 });
    const [kept] = await adapter.outbox.list();
    expect(kept?.error?.kind).to.equal('unsupported');
    expect(kept?.baseVersion).to.equal(3);
  });

  it('queues such a write when the replay stops before it', async () => {
    await rejection(adapter.createAction({ title: 'Queued first' } as never));
    isOnline = true;
    backend.failures.push('timeout');
    const error = await rejection(adapter.createAction({ title: 'Made online' } as never));
    expect(isQueued(error)).to.equal(true);
    expect((await adapter.outbox.list()).map((e) => e.args[0])).to.deep.equal([{ title: 'Queued first' }, { title: 'Made online' }]);
  });

  it('keeps queued writes across a reload and replays them from the new page', async () => {
    await rejection(adapter.createAction({ title: 'Before the reload' } as never));
    adapter.dispose();
    store.close();

    store = await openOfflineStore({ name });
    isOnline = true;
    adapter = wrap();
    const emptied = until((entries) => entries.length === 0);
    await emptied;
    expect([...backend.actions.values()].map((a) => a.title)).to.deep.equal(['Before the reload']);
  });

  it('tells onChange listeners about every change until they unsubscribe', async () => {
    const seen: number[] = [];
    const stop = adapter.outbox.onChange((entries) => seen.push(entries.length));
    const two = until((entries) => entries.length === 2);
    await rejection(adapter.createAction({ title: 'A' } as never));
    await rejection(adapter.createAction({ title: 'B' } as never));
    await two;
    stop();
    const three = until((entries) => entries.length === 3);
    await rejection(adapter.createAction({ title: 'C' } as never));
    await three;
    expect(seen).to.deep.equal([1, 2]);
  });

  it('tells onSettle listeners how each queued write ended: sent with its answer, refused, discarded', async () => {
    const settled: SettledEntry[] = [];
    const stop = adapter.outbox.onSettle((entry) => settled.push(entry));
    const sent = (await rejection(adapter.createAction({ title: 'Sent' } as never))) as QueuedError;
    const refused = (await rejection(adapter.updatePostmortem('pm_1', { summary: 'mine' } as never, 1))) as QueuedError;
    const dropped = (await rejection(adapter.createAction({ title: '' } as never))) as QueuedError;
    backend.editElsewhere('theirs');
    isOnline = true;
    await adapter.outbox.flush();
    expect(settled.map((e) => [e.id, e.outcome])).to.deep.equal([
      [sent.entryId, 'sent'],
      [refused.entryId, 'failed'],
      [dropped.entryId, 'failed'],
    ]);
    expect((settled[0] as { value: Entity }).value.title).to.equal('Sent');
    expect((settled[1] as { error: HanseiError }).error.kind).to.equal('conflict');
    await adapter.outbox.resolve(dropped.entryId, 'discard');
    expect(settled.at(-1)).to.deep.equal({ id: dropped.entryId, outcome: 'discarded' });
    stop();
    await adapter.outbox.resolve(refused.entryId, 'discard');
    expect(settled).to.have.length(4);
  });

  it('passes reads through, and serves status through the cache', async () => {
    expect((await adapter.getPostmortem('pm_1')).version).to.equal(1);
    const reads: unknown[] = [];
    await adapter.watchStatus((read) => reads.push(read.snapshot));
    backend.failures.push('network');
    await adapter.watchStatus((read) => reads.push([read.snapshot, read.error?.kind]));
    expect(reads).to.deep.equal([{ generatedAt: 'now' }, [{ generatedAt: 'now' }, undefined], [{ generatedAt: 'now' }, 'network']]);
  });

  it('stops listening for online events once disposed', async () => {
    await rejection(adapter.createAction({ title: 'A' } as never));
    adapter.dispose();
    isOnline = true;
    events.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backend.calls).to.deep.equal([]);
  });
});
