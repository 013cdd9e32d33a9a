import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Change } from '../adapter.js';
import { MemoryStore } from './store.js';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const change = (id: string): Change => ({ type: 'person.deleted', data: { id } });

describe('MemoryStore', () => {
  it('undoes a transaction that throws, and publishes none of its changes', async () => {
    const store = new MemoryStore({ now: () => NOW, dataset: 'empty' });
    const heard: Change[] = [];
    store.listen('internal', (c) => heard.push(c));
    const before = store.state;
    assert.throws(() =>
      store.transaction(() => {
        store.set({ tokens: [] });
        store.publish('internal', change('per_a'));
        throw new Error('refused halfway');
      }),
    );
    assert.equal(store.state, before);
    await Promise.resolve();
    assert.deepEqual(heard, []);
  });

  it('delivers a committed transaction\'s changes in order, after it returns, to the audiences allowed', async () => {
    const store = new MemoryStore({ now: () => NOW, dataset: 'empty' });
    const internal: string[] = [];
    const anonymous: string[] = [];
    store.listen('internal', (c) => internal.push(c.type === 'person.deleted' ? c.data.id : c.type));
    const stop = store.listen('public', (c) => anonymous.push(c.type === 'component.deleted' ? c.data.id : c.type));
    store.transaction(() => {
      store.publish('internal', change('per_a'));
      store.publish('public', { type: 'component.deleted', data: { id: 'cmp_b' } });
    });
    assert.deepEqual(internal, [], 'not during the write');
    await Promise.resolve();
    assert.deepEqual(internal, ['per_a', 'component.deleted']);
    assert.deepEqual(anonymous, ['cmp_b']);
    stop();
    store.transaction(() => store.publish('public', { type: 'component.deleted', data: { id: 'cmp_c' } }));
    await Promise.resolve();
    assert.deepEqual(anonymous, ['cmp_b'], 'stopped listening');
  });

  it('refuses writes outside a transaction', () => {
    const store = new MemoryStore({ now: () => NOW, dataset: 'empty' });
    assert.throws(() => store.set({ tokens: [] }), /outside a transaction/);
    assert.throws(() => store.publish('public', change('x')), /outside a transaction/);
  });

  it('makes ids that sort by creation, also within one millisecond', () => {
    const store = new MemoryStore({ now: () => NOW, dataset: 'empty' });
    const ids = Array.from({ length: 40 }, () => store.newId('inc'));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    assert.match(ids[0] ?? '', /^inc_[0-9a-z]{20}$/);
  });

  it('runs a create once per key and scope, refusing the key for another request', () => {
    const store = new MemoryStore({ now: () => NOW, dataset: 'empty' });
    let runs = 0;
    const run = () => ++runs;
    const reused = () => new Error('reused');
    assert.equal(store.once('tok_a', 'k', 'req', run, reused), 1);
    assert.equal(store.once('tok_a', 'k', 'req', run, reused), 1);
    assert.equal(store.once('tok_b', 'k', 'req', run, reused), 2, 'another caller has its own keys');
    assert.throws(() => store.once('tok_a', 'k', 'other', run, reused), /reused/);
    assert.throws(() => store.once('tok_a', 'failing', 'req', () => { throw new Error('no'); }, reused), /no/);
    assert.equal(store.once('tok_a', 'failing', 'req', run, reused), 3, 'a failed create leaves the key free');
  });
});
