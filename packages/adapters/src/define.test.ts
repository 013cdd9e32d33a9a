import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatusSnapshot } from '@hansei/core';
import { can, type LiveState } from './adapter.js';
import { ADAPTER_METHODS, defineAdapter } from './define.js';
import { HanseiError } from './errors.js';

const snapshot = { generatedAt: '2026-11-25T09:00:00Z' } as unknown as StatusSnapshot;

describe('defineAdapter', () => {
  const adapter = defineAdapter('acme', {
    capabilities: { read: ['status'], write: [], live: false },
    status: () => Promise.resolve(snapshot),
  });

  it('uses the methods given', async () => {
    assert.equal(await adapter.status(), snapshot);
  });

  it('rejects every other method with kind unsupported, naming the adapter and the method', async () => {
    for (const method of ADAPTER_METHODS.filter((m) => m !== 'status' && m !== 'subscribe')) {
      const call = (adapter[method] as () => Promise<unknown>)();
      await assert.rejects(call, (error: unknown) => {
        assert.ok(error instanceof HanseiError);
        assert.equal(error.kind, 'unsupported');
        assert.match(error.message, new RegExp(`acme adapter cannot ${method}`));
        return true;
      });
    }
  });

  it('subscribes to nothing and says the connection is closed', () => {
    const states: LiveState[] = [];
    const stop = adapter.subscribe(() => assert.fail('no change expected'), { onState: (s) => states.push(s) });
    stop();
    assert.deepEqual(states, [{ state: 'closed' }]);
  });

  it('declares its capabilities', () => {
    assert.equal(can(adapter, 'status'), true);
    assert.equal(can(adapter, 'status', 'write'), false);
    assert.equal(can(adapter, 'incidents'), false);
  });

  it('lists every method of the interface once', () => {
    assert.equal(new Set(ADAPTER_METHODS).size, ADAPTER_METHODS.length);
  });
});
