// The worked example of docs/adapters.md, run against a real HTTP server standing in for the
// other backend.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { can, HanseiError } from '@hansei/adapters';
import { catalogAdapter } from '../examples/catalog-adapter.js';

let health = 'degraded';
let server: Server;
let base: string;

before(async () => {
  server = createServer((request, response) => {
    if (request.url !== '/catalog/services') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify([
        { id: 'api', name: 'Public API', health, since: '2026-11-25T08:40:00Z' },
        { id: 'web', name: 'Website', health: 'healthy', since: '2026-11-01T00:00:00Z' },
      ]),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog/`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the worked example: an adapter for a service catalogue', () => {
  it('reads the status as Statuspage would word it', async () => {
    const snapshot = await catalogAdapter(base).status();
    assert.deepEqual(
      snapshot.components.map((c) => [c.name, c.status]),
      [
        ['Public API', 'degraded_performance'],
        ['Website', 'operational'],
      ],
    );
    assert.deepEqual(snapshot.status, { indicator: 'minor', description: 'Partially Degraded Service' });
    health = 'healthy';
    assert.equal((await catalogAdapter(base).status()).status.description, 'All Systems Operational');
  });

  it('declares that it only reads the status, and rejects the rest as unsupported', async () => {
    const adapter = catalogAdapter(base);
    assert.equal(can(adapter, 'status'), true);
    assert.equal(can(adapter, 'incidents', 'write'), false);
    await assert.rejects(adapter.listIncidents(), (e: unknown) => e instanceof HanseiError && e.kind === 'unsupported');
  });

  it('fails with typed errors an element can show', async () => {
    await assert.rejects(catalogAdapter(`${base}missing/`).status(), (e: unknown) => e instanceof HanseiError && e.kind === 'not_found');
    await assert.rejects(catalogAdapter('http://127.0.0.1:9/').status(), (e: unknown) => e instanceof HanseiError && e.kind === 'network');
  });
});
