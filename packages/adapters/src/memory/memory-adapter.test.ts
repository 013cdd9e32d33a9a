import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoDataset } from '@hansei/core';
import { HanseiError } from '../errors.js';
import { TEST_NOW, adapterSuite } from '../testing/index.js';
import { MemoryAdapter } from './memory-adapter.js';

adapterSuite('MemoryAdapter', () => {
  let now = TEST_NOW;
  const admin = new MemoryAdapter({ now: () => now, dataset: demoDataset({ now: TEST_NOW }) });
  return {
    adapter: (role) => admin.as(role),
    setNow: (ms) => {
      now = ms;
    },
    close: () => {},
  };
});

describe('MemoryAdapter options', () => {
  const input = <T>(value: Record<string, unknown>) => value as T;

  it('starts from the demo for its clock by default, as admin, and empty on request', async () => {
    const adapter = new MemoryAdapter({ now: () => TEST_NOW });
    assert.equal((await adapter.session()).role, 'admin');
    assert.equal((await adapter.listIncidents(input({ limit: 200 }))).data.length, 27);
    const empty = new MemoryAdapter({ now: () => TEST_NOW, dataset: 'empty' });
    assert.deepEqual((await empty.listIncidents(input({}))).data, []);
    const snapshot = await empty.status();
    assert.deepEqual(snapshot.status, { indicator: 'none', description: 'All Systems Operational' });
    assert.equal(snapshot.page.name, 'Hansei Status');
    assert.equal((await empty.getSeverityGuideline()).levels.length, 4, 'the kit default guideline');
    assert.deepEqual(adapter.capabilities.write.includes('incidents'), true);
    assert.equal(adapter.capabilities.live, true);
  });

  it('shares one backend between roles through as()', async () => {
    const admin = new MemoryAdapter({ now: () => TEST_NOW, dataset: 'empty' });
    const reader = admin.as(null);
    assert.equal(reader.role, null);
    const created = await admin.createComponent(input({ name: 'Shared' }));
    assert.deepEqual((await reader.listComponents()).map((c) => c.id), [created.id]);
  });

  it('returns frozen data, so callers cannot change the store', async () => {
    const adapter = new MemoryAdapter({ now: () => TEST_NOW });
    const incident = await adapter.getIncident('inc_0027');
    assert.ok(Object.isFrozen(incident) && Object.isFrozen(incident.updates) && Object.isFrozen(incident.updates[0]));
    assert.throws(() => {
      (incident as { title: string }).title = 'changed';
    }, TypeError);
    const page = await adapter.listIncidents(input({ limit: 2 }));
    assert.ok(Object.isFrozen(page) && Object.isFrozen(page.data));
    assert.notEqual((await adapter.getIncident('inc_0027')).title, 'changed');
  });

  it('waits its latency, and honours timeouts and abort signals', async () => {
    const slow = new MemoryAdapter({ now: () => TEST_NOW, latencyMs: 30 });
    const started = performance.now();
    await slow.listComponents();
    assert.ok(performance.now() - started >= 25, 'answered after the latency');
    await assert.rejects(slow.listComponents({ timeoutMs: 5 }), (error: unknown) => error instanceof HanseiError && error.kind === 'timeout');
    const controller = new AbortController();
    const call = slow.listComponents({ signal: controller.signal });
    controller.abort();
    await assert.rejects(call, (error: unknown) => error instanceof HanseiError && error.kind === 'aborted');
    controller.abort();
    await assert.rejects(slow.session({ signal: controller.signal }), (error: unknown) => error instanceof HanseiError && error.kind === 'aborted');
  });

  it('fails the calls failWith picks, with the error it gives, and writes nothing', async () => {
    const outage = new HanseiError({ kind: 'unavailable', message: 'The server is down.', status: 503 });
    const calls: string[] = [];
    const adapter = new MemoryAdapter({
      now: () => TEST_NOW,
      failWith: ({ method }) => {
        calls.push(method);
        return method === 'createComponent' ? outage : null;
      },
    });
    await assert.rejects(adapter.createComponent(input({ name: 'Never' })), (error: unknown) => error === outage);
    assert.ok(!(await adapter.listComponents()).some((c) => c.name === 'Never'));
    assert.deepEqual(calls, ['createComponent', 'listComponents']);
  });

  it('writes nothing and publishes nothing when a write is refused', async () => {
    const adapter = new MemoryAdapter({ now: () => TEST_NOW });
    const component = await adapter.createComponent(input({ name: 'Untouched' }));
    const incident = await adapter.declareIncident(input({ title: 'Refused', severity: 'SEV3', startedAt: '2026-11-25T08:00:00Z', detectedAt: '2026-11-25T08:00:00Z', visibility: 'public' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const heard: string[] = [];
    const stop = adapter.subscribe((change) => heard.push(change.type));
    const update = { status: 'identified', body: 'x', components: [{ componentId: component.id, status: 'major_outage' }, { componentId: 'cmp_nope', status: 'major_outage' }] };
    await assert.rejects(adapter.postIncidentUpdate(incident.id, input(update)), (error: unknown) => error instanceof HanseiError && error.kind === 'conflict');
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    assert.deepEqual(heard, []);
    assert.equal((await adapter.listComponents()).find((c) => c.id === component.id)?.status, 'operational');
    assert.equal((await adapter.getIncident(incident.id)).version, 1);
  });

  it('refuses every call once its own token is revoked', async () => {
    const admin = new MemoryAdapter({ now: () => TEST_NOW });
    const viewer = admin.as('viewer');
    const token = (await admin.listTokens()).find((t) => t.role === 'viewer');
    assert.ok(token);
    await admin.revokeToken(token.id);
    await assert.rejects(viewer.listComponents(), (error: unknown) => error instanceof HanseiError && error.kind === 'unauthorized');
    assert.equal((await admin.as(null).listComponents()).length, 14, 'anonymous readers are unaffected');
  });

  it('reports connecting, open and closed to a subscriber, and closes on abort', async () => {
    const adapter = new MemoryAdapter({ now: () => TEST_NOW, dataset: 'empty' });
    const states: string[] = [];
    const controller = new AbortController();
    adapter.subscribe(() => {}, { signal: controller.signal, onState: (s) => states.push(s.state) });
    await Promise.resolve();
    controller.abort();
    assert.deepEqual(states, ['connecting', 'open', 'closed']);
    const late: string[] = [];
    adapter.subscribe(() => {}, { signal: controller.signal, onState: (s) => late.push(s.state) });
    assert.deepEqual(late, ['closed'], 'an aborted signal closes at once');
  });
});
